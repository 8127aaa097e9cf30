import type { CandidatePerson, RevealedPerson } from '../domain/types';
import { cipherOf } from './field-cipher';
import { findContactIds, getContact, type StoredContact } from './contacts';
import { fromJson, isoNow, stmt, toJson, type Db } from './sql';
import type { PersonIdentifiers } from './suppression';

/** Everything that names one person, found by any identifier (the person's rows across tables). */
export interface PersonRows {
  contacts: StoredContact[];
  /** Provider ids: the contacts', the one asked for, and candidates that were never saved. */
  providerIds: string[];
  leadIds: number[];
  candidates: { campaignId: number; providerPersonId: string; contactId: number | null }[];
  cacheKeys: string[];
}

const ERASED = '[erased]';

const ANONYMOUS: RevealedPerson = {
  providerId: '',
  firstName: ERASED,
  lastName: '',
  title: '',
  email: null,
  emailStatus: 'unavailable',
  linkedinUrl: null,
  phone: null,
  city: null,
  country: null,
  seniority: null,
  departments: [],
};

export function findPerson(db: Db, ids: PersonIdentifiers): PersonRows {
  const contactIds = findContactIds(db, ids);
  const contacts = contactIds.map((id) => getContact(db, id)).filter((c): c is StoredContact => c !== null);
  const pids = new Set(contacts.map((c) => c.providerId).filter((p): p is string => !!p));
  if (ids.providerId?.trim()) pids.add(ids.providerId.trim());
  const candidates = stmt(
    db,
    `SELECT campaign_id AS campaignId, provider_person_id AS providerPersonId, contact_id AS contactId
     FROM campaign_candidates WHERE provider_person_id IN (SELECT value FROM json_each(?))
       OR contact_id IN (SELECT value FROM json_each(?))`,
  ).all(toJson([...pids]), toJson(contactIds)) as PersonRows['candidates'];
  for (const c of candidates) pids.add(c.providerPersonId);
  const leadIds = (
    stmt(db, 'SELECT id FROM leads WHERE contact_id IN (SELECT value FROM json_each(?)) ORDER BY id').all(
      toJson(contactIds),
    ) as { id: number }[]
  ).map((r) => r.id);
  const cacheKeys = (
    stmt(
      db,
      `SELECT entity_key FROM enrichment_cache WHERE entity_type = 'person'
       AND entity_key IN (SELECT 'p:' || value FROM json_each(?))`,
    ).all(toJson([...pids])) as { entity_key: string }[]
  ).map((r) => r.entity_key);
  return { contacts, providerIds: [...pids].sort(), leadIds, candidates, cacheKeys };
}

/** A person stub in the shape the candidate queue holds, naming nobody. */
function anonymousCandidate(p: CandidatePerson): CandidatePerson {
  return { ...p, providerId: '', firstName: ERASED, lastName: '', title: '', hasEmail: false };
}

export type RemovalReason = 'erased' | 'retention';

/**
 * Replaces a person's rows with anonymous tombstones: leads keep tier, scores and checklist (so
 * campaign counts and statistics stay true) but no name, title, contact detail or note; the
 * contact and candidate rows keep only what counts need; cached reveals are deleted and ledger
 * lines keep their credits without the person's id. One transaction.
 */
export function removePerson(db: Db, rows: PersonRows, reason: RemovalReason): Record<string, number> {
  const c = cipherOf(db);
  const now = isoNow();
  const contactIds = toJson(rows.contacts.map((x) => x.id));
  const pids = toJson(rows.providerIds);
  return db.transaction(() => {
    const leads = stmt(
      db,
      `UPDATE leads SET contact_name = '${ERASED}', contact_title = '', contact_email = NULL, contact_phone = NULL,
         contact_linkedin = NULL, contact_email_bidx = NULL, contact_json = @json,
         score_json = json_object('total', score_total, 'intent', score_intent, 'fit', score_fit,
           'accessibility', score_access, 'band', score_band, 'breakdown', json('[]')),
         notes = @notes, pii_removed = @reason, updated_at = @now
       WHERE contact_id IN (SELECT value FROM json_each(@ids))`,
    ).run({
      json: toJson(ANONYMOUS),
      notes: c.seal(''),
      reason,
      now,
      ids: contactIds,
    }).changes;
    const contacts = stmt(
      db,
      `UPDATE contacts SET provider_id = NULL, email = NULL, email_bidx = NULL, linkedin_url = NULL,
         linkedin_bidx = NULL, phone = NULL, first_name = '${ERASED}', last_name = '', title = '', city = NULL,
         country = NULL, seniority = NULL, departments_json = '[]', organization_id = NULL,
         has_email = 0, updated_at = @now
       WHERE id IN (SELECT value FROM json_each(@ids))`,
    ).run({ now, ids: contactIds }).changes;
    const rewrite = stmt(
      db,
      `UPDATE campaign_candidates SET provider_person_id = @anon, person_json = @person, updated_at = @now,
         reason = CASE WHEN state IN ('new','enriched','revealed') THEN @reason ELSE reason END,
         state = CASE WHEN state IN ('new','enriched','revealed') THEN 'skipped' ELSE state END
       WHERE campaign_id = @campaignId AND provider_person_id = @pid`,
    );
    const read = stmt(
      db,
      'SELECT person_json FROM campaign_candidates WHERE campaign_id = ? AND provider_person_id = ?',
    );
    let candidates = 0;
    for (const cand of rows.candidates) {
      const row = read.get(cand.campaignId, cand.providerPersonId) as { person_json: string } | undefined;
      if (!row) continue;
      candidates += rewrite.run({
        anon: `${reason}-${cryptoId()}`,
        person: toJson(anonymousCandidate(fromJson<CandidatePerson>(row.person_json))),
        now,
        reason: `person ${reason}`,
        campaignId: cand.campaignId,
        pid: cand.providerPersonId,
      }).changes;
    }
    const cache = stmt(
      db,
      `DELETE FROM enrichment_cache WHERE entity_type = 'person'
       AND entity_key IN (SELECT 'p:' || value FROM json_each(?))`,
    ).run(pids).changes;
    const ledger = stmt(
      db,
      `UPDATE credit_ledger SET entity_key = 'p:${reason}' WHERE entity_key IN (SELECT 'p:' || value FROM json_each(?))`,
    ).run(pids).changes;
    return { leads, contacts, candidates, cacheEntries: cache, ledgerLines: ledger };
  })();
}

function cryptoId(): string {
  return globalThis.crypto.randomUUID();
}

/** Rewrites activity lines that name the person (their name, email, provider id or profile URL). */
export function scrubEvents(db: Db, needles: string[]): number {
  const usable = needles.filter((n) => n.trim().length >= 3);
  if (usable.length === 0) return 0;
  const upd = stmt(db, 'UPDATE campaign_events SET message = ?, data_json = ? WHERE id = ?');
  let n = 0;
  for (const needle of usable) {
    const hits = stmt(
      db,
      "SELECT id, message, data_json FROM campaign_events WHERE instr(lower(message), lower(?)) > 0 OR instr(lower(COALESCE(data_json, '')), lower(?)) > 0",
    ).all(needle, needle) as { id: number; message: string; data_json: string | null }[];
    for (const h of hits) {
      const scrub = (s: string) => replaceAll(s, needle, '[erased person]');
      n += upd.run(scrub(h.message), h.data_json === null ? null : scrub(h.data_json), h.id).changes;
    }
  }
  return n;
}

export function replaceAll(text: string, needle: string, by: string): string {
  const esc = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(esc, 'gi'), by);
}
