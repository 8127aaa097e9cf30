import type { Tier } from '../domain/icp';
import { TIERS } from '../domain/icp';
import type { CandidatePerson, CompanyRef, Validation } from '../domain/types';
import { AppError } from '../shared/errors';
import { fromJson, isoNow, stmt, toJson, type Db } from './sql';

export { getSearchCursor, saveSearchCursor, listSearchCursors, type SearchCursor } from './searches';

/**
 * A candidate's life in one campaign: new → filtered_out | enriched → rejected | revealed → saved;
 * skipped = left unprocessed on purpose (tier target reached, budget spent, …).
 */
export const CANDIDATE_STATES = [
  'new',
  'filtered_out',
  'enriched',
  'rejected',
  'revealed',
  'saved',
  'skipped',
] as const;
export type CandidateState = (typeof CANDIDATE_STATES)[number];

export interface CandidateRow {
  campaignId: number;
  tier: Tier;
  providerPersonId: string;
  /** Processing order within (campaign, tier): insertion order, stable across restarts. */
  seq: number;
  person: CandidatePerson;
  companyRef: CompanyRef;
  similarity: number | null;
  companySimilarity: number | null;
  state: CandidateState;
  reason: string | null;
  validation: Validation | null;
  companyId: number | null;
  contactId: number | null;
  titleTier: Tier | null;
  updatedAt: string;
}

export interface CandidatePatch {
  state: CandidateState;
  reason?: string | null;
  similarity?: number | null;
  companySimilarity?: number | null;
  validation?: Validation | null;
  companyId?: number | null;
  contactId?: number | null;
  /** The tier the title reads as (null: no tier). */
  titleTier?: Tier | null;
}

interface Row {
  campaign_id: number;
  tier: Tier;
  provider_person_id: string;
  seq: number;
  person_json: string;
  company_ref_json: string;
  similarity: number | null;
  company_similarity: number | null;
  state: CandidateState;
  reason: string | null;
  validation_json: string | null;
  company_id: number | null;
  contact_id: number | null;
  title_tier: Tier | null;
  updated_at: string;
}

const toCandidate = (r: Row): CandidateRow => ({
  campaignId: r.campaign_id,
  tier: r.tier,
  providerPersonId: r.provider_person_id,
  seq: r.seq,
  person: fromJson<CandidatePerson>(r.person_json),
  companyRef: fromJson<CompanyRef>(r.company_ref_json),
  similarity: r.similarity,
  companySimilarity: r.company_similarity,
  state: r.state,
  reason: r.reason,
  validation: fromJson<Validation>(r.validation_json),
  companyId: r.company_id,
  contactId: r.contact_id,
  titleTier: r.title_tier,
  updatedAt: r.updated_at,
});

const refOf = (p: CandidatePerson): CompanyRef => ({
  name: p.organizationName,
  domain: p.organizationDomain,
  organizationId: p.organizationId,
});

/** A candidate as addCandidates queues it, without a database (benchmarks and tests of the filter). */
export function queuedCandidate(
  person: CandidatePerson,
  at: { campaignId?: number; tier?: Tier; seq?: number } = {},
): CandidateRow {
  return {
    campaignId: at.campaignId ?? 1,
    tier: at.tier ?? 'T1',
    providerPersonId: person.providerId,
    seq: at.seq ?? 1,
    person,
    companyRef: refOf(person),
    similarity: null,
    companySimilarity: null,
    state: 'new',
    reason: null,
    validation: null,
    companyId: null,
    contactId: null,
    titleTier: null,
    updatedAt: '',
  };
}

/**
 * Adds the people of one search page to a tier's queue, in the given order, after those already
 * queued. `companyRefs[i]` is person i's company (derived from the person when missing). A person
 * already queued in this campaign (any tier, any page) is ignored. Returns how many were added.
 */
export function addCandidates(
  db: Db,
  campaignId: number,
  tier: Tier,
  people: readonly CandidatePerson[],
  companyRefs: readonly (CompanyRef | null | undefined)[] = [],
): number {
  if (companyRefs.length > 0 && companyRefs.length !== people.length) {
    throw new Error(
      `addCandidates: ${people.length} people but ${companyRefs.length} companyRefs (pass one per person, or none)`,
    );
  }
  return db.transaction((): number => {
    const { next } = stmt(
      db,
      'SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM campaign_candidates WHERE campaign_id = ? AND tier = ?',
    ).get(campaignId, tier) as { next: number };
    const insert = stmt(
      db,
      `INSERT INTO campaign_candidates (campaign_id, tier, provider_person_id, seq, person_json, company_ref_json,
         state, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'new', ?)
       ON CONFLICT (campaign_id, provider_person_id) DO NOTHING`,
    );
    const now = isoNow();
    let added = 0;
    people.forEach((p, i) => {
      const ref = companyRefs[i] ?? refOf(p);
      const res = insert.run(campaignId, tier, p.providerId, next + added, toJson(p), toJson(ref), now);
      added += res.changes;
    });
    return added;
  })();
}

/** The first `limit` candidates of a tier in one of `states`, in processing order. */
export function nextCandidates(
  db: Db,
  campaignId: number,
  tier: Tier,
  states: readonly CandidateState[],
  limit: number,
): CandidateRow[] {
  if (states.length === 0) return [];
  // json_each keeps one cached statement for any number of states.
  const rows = stmt(
    db,
    `SELECT * FROM campaign_candidates
     WHERE campaign_id = ? AND tier = ? AND state IN (SELECT value FROM json_each(?))
     ORDER BY seq LIMIT ?`,
  ).all(campaignId, tier, toJson(states), limit) as Row[];
  return rows.map(toCandidate);
}

export function getCandidate(db: Db, campaignId: number, providerPersonId: string): CandidateRow | null {
  const row = stmt(
    db,
    'SELECT * FROM campaign_candidates WHERE campaign_id = ? AND provider_person_id = ?',
  ).get(campaignId, providerPersonId) as Row | undefined;
  return row ? toCandidate(row) : null;
}

const PATCH_COLUMNS = {
  reason: 'reason',
  similarity: 'similarity',
  companySimilarity: 'company_similarity',
  validation: 'validation_json',
  companyId: 'company_id',
  contactId: 'contact_id',
  titleTier: 'title_tier',
} as const satisfies Record<Exclude<keyof CandidatePatch, 'state'>, string>;

/** Sets the state and any fields present in `patch` (undefined = keep, null = clear). */
export function setCandidateState(
  db: Db,
  campaignId: number,
  providerPersonId: string,
  patch: CandidatePatch,
): void {
  if (!(CANDIDATE_STATES as readonly string[]).includes(patch.state)) {
    throw new Error(
      `setCandidateState: unknown state "${patch.state}" (one of ${CANDIDATE_STATES.join(', ')})`,
    );
  }
  const sets = ['state = @state', 'updated_at = @now'];
  const params: Record<string, unknown> = { state: patch.state, now: isoNow(), campaignId, providerPersonId };
  for (const [key, column] of Object.entries(PATCH_COLUMNS) as [keyof typeof PATCH_COLUMNS, string][]) {
    const value = patch[key];
    if (value === undefined) continue;
    sets.push(`${column} = @${key}`);
    params[key] = key === 'validation' && value !== null ? toJson(value) : value;
  }
  const res = stmt(
    db,
    `UPDATE campaign_candidates SET ${sets.join(', ')}
     WHERE campaign_id = @campaignId AND provider_person_id = @providerPersonId`,
  ).run(params);
  if (res.changes === 0) {
    throw new AppError('NOT_FOUND', `campaign ${campaignId} has no candidate "${providerPersonId}"`);
  }
}

export type CandidateCounts = Record<Tier, Record<CandidateState, number>>;

export function emptyStateCounts(): Record<CandidateState, number> {
  return Object.fromEntries(CANDIDATE_STATES.map((s) => [s, 0])) as Record<CandidateState, number>;
}

/**
 * Every tier and state present, zero when none. A candidate counts under the tier its title reads
 * as, once known, else under the tier whose search found it: the tiers add up to all candidates.
 */
export function countCandidates(db: Db, campaignId: number): CandidateCounts {
  const out = Object.fromEntries(TIERS.map((t) => [t, emptyStateCounts()])) as CandidateCounts;
  const rows = stmt(
    db,
    `SELECT COALESCE(title_tier, tier) AS tier, state, COUNT(*) AS n FROM campaign_candidates
     WHERE campaign_id = ? GROUP BY COALESCE(title_tier, tier), state`,
  ).all(campaignId) as { tier: Tier; state: CandidateState; n: number }[];
  for (const r of rows) out[r.tier][r.state] = r.n;
  return out;
}

/**
 * Companies nothing was bought at whose candidates were screened out before paying (filtered out,
 * or skipped because their tier was full): a pass-through run buys one purchase at each on top of
 * what this campaign paid — a first reveal with reveal-first facts, an enrichment with
 * enrich-first — so this counts the reveals the screening saved as well as the enrichments.
 */
export function filteredOnlyCompanies(db: Db, campaignId: number): number {
  const row = stmt(
    db,
    `SELECT COUNT(DISTINCT lower(trim(json_extract(f.company_ref_json, '$.name')))) AS n
     FROM campaign_candidates f
     WHERE f.campaign_id = @id AND f.company_id IS NULL
       AND (f.state = 'filtered_out' OR (f.state = 'skipped' AND f.reason LIKE '% is full'))
       AND lower(trim(json_extract(f.company_ref_json, '$.name'))) NOT IN (
         SELECT lower(trim(json_extract(k.company_ref_json, '$.name'))) FROM campaign_candidates k
         WHERE k.campaign_id = @id AND k.company_id IS NOT NULL)`,
  ).get({ id: campaignId }) as { n: number };
  return row.n;
}
