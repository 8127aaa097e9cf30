import { AppError } from '../shared/errors';
import { addAudit } from '../store/audit';
import { cipherOf } from '../store/field-cipher';
import { findPerson, removePerson, scrubEvents } from '../store/people';
import { stmt, type Db } from '../store/sql';
import { suppress, type PersonIdentifiers } from '../store/suppression';
import { scrubFiles } from './scrub-files';

export interface EraseTarget extends PersonIdentifiers {
  /** Erase the person behind this lead (the UI's lead view). */
  leadId?: number;
}

export interface EraseReport {
  /** Rows replaced by anonymous tombstones or deleted, per kind. */
  leads: number;
  contacts: number;
  candidates: number;
  cacheEntries: number;
  ledgerLines: number;
  activityLines: number;
  logLines: number;
  vectors: number;
  /** Keyed hashes added to the suppression list. */
  suppressed: number;
}

export interface EraseDeps {
  db: Db;
  actor: string;
  /** The key the suppression hashes are made with (recorded beside each hash). */
  indexKeyId: string;
  logFiles: string[];
  /** Deletes the person's vectors (contact profiles) by provider id; returns how many ids it asked for. */
  forgetVectors: (providerIds: string[]) => Promise<number>;
}

export function targetOf(db: Db, t: EraseTarget): PersonIdentifiers {
  const ids: PersonIdentifiers = { email: t.email, linkedinUrl: t.linkedinUrl, providerId: t.providerId };
  if (t.leadId !== undefined) {
    const row = stmt(db, 'SELECT contact_id FROM leads WHERE id = ?').get(t.leadId) as
      { contact_id: number } | undefined;
    if (!row) throw new AppError('NOT_FOUND', `No lead with id ${t.leadId}.`);
    const c = stmt(db, 'SELECT provider_id, email, linkedin_url FROM contacts WHERE id = ?').get(
      row.contact_id,
    ) as { provider_id: string | null; email: string | null; linkedin_url: string | null };
    const cipher = cipherOf(db);
    ids.providerId ??= c.provider_id;
    ids.email ??= cipher.open(c.email);
    ids.linkedinUrl ??= cipher.open(c.linkedin_url);
  }
  if (![ids.email, ids.linkedinUrl, ids.providerId].some((v) => v?.trim()))
    throw new AppError(
      'BAD_REQUEST',
      'erase needs at least one of email, linkedinUrl, providerId or leadId (e.g. --email dana@acme.com).',
    );
  return ids;
}

/**
 * Forgets a person everywhere this machine holds them — SQLite rows (tombstones where counts
 * need a row), the enrichment cache, activity lines, the engine log, the vector store — and puts
 * a keyed hash of each identifier on the suppression list so no campaign finds, pays for or
 * saves them again. Erasing someone never held still suppresses them (an opt-out).
 */
export async function erasePerson(deps: EraseDeps, target: EraseTarget): Promise<EraseReport> {
  const { db } = deps;
  if (!cipherOf(db).canSeal) throw new AppError('DATA_KEY_UNAVAILABLE', 'Unlock the OS keychain to erase.');
  const ids = targetOf(db, target);
  const rows = findPerson(db, ids);
  const needles = [
    ...rows.contacts.flatMap((c) => [`${c.firstName} ${c.lastName}`, c.email, c.linkedinUrl, c.phone]),
    ids.email,
    ids.linkedinUrl,
    ...rows.providerIds,
  ].filter((n): n is string => !!n && n.trim() !== '' && !n.includes('*'));
  const counts = db.transaction(() => {
    let suppressed = suppress(db, ids, deps.indexKeyId);
    for (const c of rows.contacts)
      suppressed += suppress(db, { email: c.email, linkedinUrl: c.linkedinUrl }, deps.indexKeyId);
    for (const pid of rows.providerIds) suppressed += suppress(db, { providerId: pid }, deps.indexKeyId);
    const removed = removePerson(db, rows, 'erased');
    const activityLines = scrubEvents(db, needles);
    return { ...removed, activityLines, suppressed };
  })();
  const vectors = rows.providerIds.length > 0 ? await deps.forgetVectors(rows.providerIds) : 0;
  const logLines = scrubFiles(deps.logFiles, needles);
  // Old page images of the rows live on in the WAL until a checkpoint truncates it.
  db.pragma('wal_checkpoint(TRUNCATE)');
  const report = { ...(counts as Omit<EraseReport, 'logLines' | 'vectors'>), logLines, vectors };
  addAudit(db, {
    actor: deps.actor,
    action: 'erase.person',
    subject: `1 person (by ${describeTarget(target)})`,
    count: report.leads,
    detail: { ...report },
  });
  return report;
}

function describeTarget(t: EraseTarget): string {
  const by = [
    t.email ? 'email' : null,
    t.linkedinUrl ? 'LinkedIn URL' : null,
    t.providerId ? 'provider id' : null,
    t.leadId !== undefined ? `lead ${t.leadId}` : null,
  ];
  return by.filter(Boolean).join(', ');
}
