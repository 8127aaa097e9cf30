import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { getCached, getLead } from '../store';
import { addAudit } from '../store/audit';
import { findPerson } from '../store/people';
import { fromJson, stmt, toJson, type Db } from '../store/sql';
import { isSuppressed } from '../store/suppression';
import { targetOf, type EraseTarget } from './erase';

/** Everything held about one person, each part with where it came from (portability, GDPR Art. 20). */
export interface PersonExport {
  exportedAt: string;
  identifiers: { email: string | null; linkedinUrl: string | null; providerId: string | null };
  suppressed: boolean;
  contacts: { source: string; data: unknown }[];
  leads: { source: string; campaign: string; data: unknown }[];
  searchResults: { source: string; campaign: string; data: unknown }[];
  purchasedReveals: { source: string; fetchedAt: string; data: unknown }[];
  creditsSpent: { source: string; endpoint: string; credits: number; at: string }[];
  activity: { source: string; at: string; message: string }[];
}

/** The person as each campaign's people search returned them. */
function searchesOf(
  db: Db,
  candidates: ReturnType<typeof findPerson>['candidates'],
  campaignName: (id: number) => string,
): PersonExport['searchResults'] {
  return candidates.map((c) => {
    const r = stmt(
      db,
      'SELECT tier, state, reason, person_json, updated_at FROM campaign_candidates WHERE campaign_id = ? AND provider_person_id = ?',
    ).get(c.campaignId, c.providerPersonId) as {
      tier: string;
      state: string;
      reason: string | null;
      person_json: string;
      updated_at: string;
    };
    return {
      source: 'people search (mixed_people/api_search)',
      campaign: campaignName(c.campaignId),
      data: {
        searchTier: r.tier,
        state: r.state,
        reason: r.reason,
        person: fromJson(r.person_json),
        at: r.updated_at,
      },
    };
  });
}

export function collectPerson(db: Db, target: EraseTarget): PersonExport {
  const ids = targetOf(db, target);
  const rows = findPerson(db, ids);
  const campaignName = (id: number) =>
    (stmt(db, 'SELECT name FROM campaigns WHERE id = ?').get(id) as { name: string } | undefined)?.name ??
    `#${id}`;
  const searches = searchesOf(db, rows.candidates, campaignName);
  const reveals = rows.cacheKeys.flatMap((k) => {
    const hit = getCached<unknown>(db, 'person', k, 'apollo', new Date(0));
    return hit
      ? [{ source: 'apollo people/match (cached reveal)', fetchedAt: hit.fetchedAt, data: hit.data }]
      : [];
  });
  const ledger = stmt(
    db,
    `SELECT provider, endpoint, credits, created_at FROM credit_ledger
     WHERE entity_key IN (SELECT 'p:' || value FROM json_each(?)) ORDER BY id`,
  ).all(toJson(rows.providerIds)) as {
    provider: string;
    endpoint: string;
    credits: number;
    created_at: string;
  }[];
  const names = rows.contacts.map((c) => `${c.firstName} ${c.lastName}`.trim()).filter((n) => n.length > 2);
  const activity = names.flatMap(
    (n) =>
      stmt(
        db,
        'SELECT at, message, campaign_id FROM campaign_events WHERE instr(message, ?) > 0 ORDER BY id',
      ).all(n) as { at: string; message: string; campaign_id: number }[],
  );
  const first = rows.contacts[0];
  return {
    exportedAt: new Date().toISOString(),
    identifiers: {
      email: first?.email ?? ids.email ?? null,
      linkedinUrl: first?.linkedinUrl ?? ids.linkedinUrl ?? null,
      providerId: first?.providerId ?? ids.providerId ?? null,
    },
    suppressed: isSuppressed(db, ids),
    contacts: rows.contacts.map((c) => ({ source: `${c.source} (contact record)`, data: c })),
    leads: rows.leadIds.map((id) => {
      const l = getLead(db, id)!;
      return {
        source: 'Lead Studio (validated and scored here)',
        campaign: campaignName(l.campaignId),
        data: l,
      };
    }),
    searchResults: searches,
    purchasedReveals: reveals,
    creditsSpent: ledger.map((l) => ({
      source: l.provider,
      endpoint: l.endpoint,
      credits: l.credits,
      at: l.created_at,
    })),
    activity: activity.map((a) => ({
      source: `campaign ${campaignName(a.campaign_id)} activity log`,
      at: a.at,
      message: a.message,
    })),
  };
}

/** Writes the export as one JSON file and records it in the audit log. */
export function exportPerson(
  db: Db,
  actor: string,
  target: EraseTarget,
  path: string,
): { path: string; items: number } {
  const doc = collectPerson(db, target);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(doc, null, 2), { mode: 0o600 });
  const items =
    doc.contacts.length +
    doc.leads.length +
    doc.searchResults.length +
    doc.purchasedReveals.length +
    doc.activity.length;
  addAudit(db, { actor, action: 'export.person', subject: '1 person', count: items, detail: { file: path } });
  return { path, items };
}
