/**
 * The free people-search filters that narrow before anything is paid (providers.md): the
 * directory's companies (`organization_ids[]`), the seniorities the tier's titles hold
 * (`person_seniorities[]`) and, where the market is large enough to choose from, people with an
 * address to reveal (`contact_email_status[]`). Each is counted with the search's own
 * `total_entries` (free), so the activity log says what it removed.
 */
import type { Icp, Tier } from '../domain/icp';
import { analyzeTitle } from '../domain/titles';
import { LEADER_ORDER } from '../domain/title-vocab';
import type { CallContext, LeadProvider, PeopleSearchQuery } from '../providers/types';
import { idChunks, peopleQuery } from './search-plan';

export type NarrowingFilters = Pick<PeopleSearchQuery, 'organizationIds' | 'seniorities' | 'emailStatuses'>;

/** Apollo's seniorities for each rank the title reader knows (its "head" is a director's rank). */
const SENIORITIES: Record<string, string[]> = {
  c: ['c_suite'],
  vp: ['vp'],
  director: ['director', 'head'],
  gm: ['director', 'manager'],
  manager: ['manager'],
  practitioner: ['senior', 'entry'],
  partner: ['senior', 'entry'],
};

/**
 * The seniorities a tier's titles hold: a leaders' tier takes every leader rank between its most
 * and least senior title (as the title classifier does), a practitioners' tier senior and entry.
 * Null when a title has a rank the map does not know: then the search is not narrowed by it.
 */
export function tierSeniorities(titles: string[]): string[] | null {
  const ranks = titles.map((t) => analyzeTitle(t).rank);
  if (ranks.some((r) => r === null || !SENIORITIES[r])) return null;
  const leaders = ranks.map((r) => LEADER_ORDER.indexOf(r as never)).filter((i) => i >= 0);
  const wanted = new Set<string>();
  if (leaders.length)
    for (let i = Math.min(...leaders); i <= Math.max(...leaders); i++)
      for (const s of SENIORITIES[LEADER_ORDER[i]!]!) wanted.add(s);
  for (const r of ranks)
    if (LEADER_ORDER.indexOf(r as never) < 0) for (const s of SENIORITIES[r!]!) wanted.add(s);
  return [...wanted];
}

/** Every status but "unavailable": a reveal of someone without an address buys no way to reach them. */
export const REACHABLE_EMAIL_STATUSES = ['verified', 'likely to engage', 'unverified'];

/** The email filter is applied only where what is left still holds this many times the target. */
export const EMAIL_FILTER_MARKET_FACTOR = 3;

export interface ChosenFilters {
  filters: NarrowingFilters;
  /** What each filter removed, for the activity log. */
  line: string;
  /** Free searches it took to count. */
  searches: number;
}

const n = (x: number) => x.toLocaleString('en-US');

/**
 * Counts the tier's market with each filter added in turn (one free search of one result each)
 * and returns the filters to search with and the log line that says what each removed.
 */
export async function chooseFilters(
  provider: LeadProvider,
  icp: Icp,
  tier: Tier,
  directoryIds: string[],
  ctx: CallContext,
): Promise<ChosenFilters> {
  const { titles, target } = icp.tiers[tier];
  const base = peopleQuery(icp, { min: icp.companySize.min, max: icp.companySize.max }, 1);
  let searches = 0;
  // A person works at one company: the chunks of the directory's ids count disjoint people.
  const count = async (f: NarrowingFilters) => {
    let total = 0;
    for (const ids of f.organizationIds ? idChunks(f.organizationIds) : [undefined]) {
      searches++;
      const q = { ...base, ...f, ...(ids ? { organizationIds: ids } : {}), titles, page: 1 };
      total += (await provider.searchPeople(q, ctx)).totalEntries;
    }
    return total;
  };
  const parts: string[] = [];
  const filters: NarrowingFilters = {};
  let before = await count(filters);
  const add = async (name: string, f: NarrowingFilters, keep: (after: number) => boolean) => {
    const after = await count({ ...filters, ...f });
    const kept = keep(after);
    if (kept) Object.assign(filters, f);
    parts.push(
      `${name} ${n(before)} → ${n(after)} people` +
        (kept ? '' : ` (not applied: fewer than ${EMAIL_FILTER_MARKET_FACTOR}× the target of ${n(target)})`),
    );
    if (kept) before = after;
  };
  if (directoryIds.length) await add('directory scope', { organizationIds: directoryIds }, () => true);
  const seniorities = tierSeniorities(titles);
  if (seniorities) await add(`seniority filter (${seniorities.join(', ')})`, { seniorities }, () => true);
  await add(
    'email filter (an address to reveal)',
    { emailStatuses: REACHABLE_EMAIL_STATUSES },
    (after) => after >= EMAIL_FILTER_MARKET_FACTOR * target,
  );
  return { filters, line: `${tier}: free search filters: ${parts.join('; ')}.`, searches };
}
