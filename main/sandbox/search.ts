/** People and company search over the world, with Apollo's filters and paging. */
import { canonicalCountry } from './geo';
import { normalizeTitle, titleMatcher } from './titles';
import type { World, WorldCompany, WorldPerson } from './world';

export class BadRequest extends Error {}

/** Organisation filters: the people search and the company search share them and their matching. */
export interface OrgFilters {
  organizationLocations: string[];
  employeeRanges: [number, number][];
  keywordTags: string[];
  domains: string[];
  organizationIds: string[];
}

export interface PeopleFilters extends OrgFilters {
  titles: string[];
  includeSimilar: boolean;
  qKeywords: string;
  personLocations: string[];
  seniorities: string[];
  emailStatuses: string[];
}

export interface CompanyFilters extends OrgFilters {
  /** q_organization_name, normalised ('' = any name). */
  name: string;
}

function stringList(body: Record<string, unknown>, field: string): string[] {
  const v = body[field] ?? body[`${field}[]`];
  if (v === undefined || v === null) return [];
  const list = Array.isArray(v) ? v : [v];
  for (const item of list) {
    if (typeof item !== 'string') throw new BadRequest(`${field} must be an array of strings`);
  }
  return (list as string[]).map((s) => s.trim()).filter(Boolean);
}

function bool(body: Record<string, unknown>, field: string, fallback: boolean): boolean {
  const v = body[field];
  if (v === undefined || v === null) return fallback;
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new BadRequest(`${field} must be true or false`);
}

export function parseRange(text: string): [number, number] {
  const m = /^\s*(\d*)\s*,\s*(\d*)\s*$/.exec(text);
  if (!m)
    throw new BadRequest(`organization_num_employees_ranges entries look like "200,10000", got "${text}"`);
  return [m[1] ? Number(m[1]) : 0, m[2] ? Number(m[2]) : Number.MAX_SAFE_INTEGER];
}

/** Apollo takes at most 1,000 domains in q_organization_domains_list[] (providers.md). */
export const MAX_DOMAINS = 1000;

export function parseOrgFilters(body: Record<string, unknown>): OrgFilters {
  const domains = stringList(body, 'q_organization_domains_list');
  if (domains.length > MAX_DOMAINS)
    throw new BadRequest(
      `q_organization_domains_list takes at most ${MAX_DOMAINS} domains, got ${domains.length}`,
    );
  return {
    organizationLocations: stringList(body, 'organization_locations'),
    employeeRanges: stringList(body, 'organization_num_employees_ranges').map(parseRange),
    keywordTags: stringList(body, 'q_organization_keyword_tags').map((t) => t.toLowerCase()),
    domains: stringList(body, 'q_organization_domains_list').map(normalizeDomain),
    organizationIds: stringList(body, 'organization_ids'),
  };
}

export function parsePeopleFilters(body: Record<string, unknown>): PeopleFilters {
  const q = body.q_keywords;
  if (q !== undefined && q !== null && typeof q !== 'string')
    throw new BadRequest('q_keywords must be a string');
  return {
    ...parseOrgFilters(body),
    titles: stringList(body, 'person_titles'),
    includeSimilar: bool(body, 'include_similar_titles', true),
    qKeywords: typeof q === 'string' ? q : '',
    personLocations: stringList(body, 'person_locations'),
    seniorities: stringList(body, 'person_seniorities').map((s) => s.toLowerCase()),
    emailStatuses: stringList(body, 'contact_email_status').map((s) => s.toLowerCase()),
  };
}

export function parseCompanyFilters(body: Record<string, unknown>): CompanyFilters {
  const name = body.q_organization_name;
  if (name !== undefined && name !== null && typeof name !== 'string')
    throw new BadRequest('q_organization_name must be a string');
  return { ...parseOrgFilters(body), name: typeof name === 'string' ? normalizeTitle(name) : '' };
}

export function normalizeDomain(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/?#].*$/, '');
}

/** "Detroit, Michigan", "India", "USA": every comma part must name the city, state or country. */
function locationMatcher(
  locations: string[],
): ((city: string, state: string, country: string) => boolean) | null {
  if (locations.length === 0) return null;
  const parsed = locations.map((l) =>
    l
      .split(',')
      .map((p) => canonicalCountry(p))
      .filter(Boolean),
  );
  return (city, state, country) => {
    const have = [city.toLowerCase(), state.toLowerCase(), canonicalCountry(country)];
    return parsed.some((parts) => parts.every((p) => have.includes(p)));
  };
}

interface Paged {
  page: number;
  perPage: number;
}

export function parsePaging(body: Record<string, unknown>, defaultPerPage = 10): Paged {
  const page = body.page === undefined ? 1 : Number(body.page);
  const perPage = body.per_page === undefined ? defaultPerPage : Number(body.per_page);
  if (!Number.isInteger(page) || page < 1) throw new BadRequest('page must be a whole number from 1');
  if (page > 500)
    throw new BadRequest('page must be at most 500 (Apollo returns at most 50,000 records per search)');
  if (!Number.isInteger(perPage) || perPage < 1)
    throw new BadRequest('per_page must be a whole number from 1 to 100');
  return { page, perPage: Math.min(100, perPage) };
}

/** Caches per world: title masks and full result lists, so paging through a search is cheap. */
class SearchCache {
  titleMasks = new Map<string, Uint8Array>();
  results = new Map<string, Int32Array>();
  /** Company indexes per organisation filter set (shared by people and company search). */
  orgResults = new Map<string, Int32Array>();
  companyResults = new Map<string, Int32Array>();
  normalizedNames: string[] | null = null;
  companyPeople: Int32Array[] | null = null;
  byEmail: Map<string, WorldPerson> | null = null;
  byLinkedin: Map<string, WorldPerson> | null = null;
}
const caches = new WeakMap<World, SearchCache>();
function cacheFor(world: World): SearchCache {
  let c = caches.get(world);
  if (!c) caches.set(world, (c = new SearchCache()));
  return c;
}

function remember<V>(map: Map<string, V>, key: string, value: V, max: number): V {
  if (map.size >= max) map.delete(map.keys().next().value as string);
  map.set(key, value);
  return value;
}

function titleMask(world: World, titles: string[], similar: boolean): Uint8Array | null {
  if (titles.length === 0) return null;
  const cache = cacheFor(world);
  const key = `${similar}|${titles.map(normalizeTitle).sort().join('|')}`;
  const hit = cache.titleMasks.get(key);
  if (hit) return hit;
  const matchers = titles.map((t) => titleMatcher(t, similar));
  const mask = new Uint8Array(world.titles.length);
  world.titles.forEach((title, i) => {
    if (matchers.some((m) => m(title))) mask[i] = 1;
  });
  return remember(cache.titleMasks, key, mask, 500);
}

interface IdSets {
  domains: Set<string> | null;
  organizationIds: Set<string> | null;
}

function companyMatches(
  c: WorldCompany,
  f: OrgFilters,
  orgLoc: ReturnType<typeof locationMatcher>,
  ids: IdSets,
): boolean {
  if (orgLoc && !orgLoc(c.city, c.state, c.country)) return false;
  if (
    f.employeeRanges.length &&
    !f.employeeRanges.some(([lo, hi]) => c.estimated_num_employees >= lo && c.estimated_num_employees <= hi)
  )
    return false;
  if (f.keywordTags.length) {
    const hay = [c.industry ?? '', ...c.industries, ...c.keywords].map((s) => s.toLowerCase());
    if (!f.keywordTags.some((tag) => hay.some((h) => h.includes(tag)))) return false;
  }
  if (ids.domains && !ids.domains.has(c.primary_domain)) return false;
  if (ids.organizationIds && !ids.organizationIds.has(c.id)) return false;
  return true;
}

function orgKey(f: OrgFilters): string {
  return JSON.stringify([
    f.organizationLocations,
    f.employeeRanges,
    f.keywordTags,
    f.domains,
    f.organizationIds,
  ]);
}

/**
 * Companies (world indexes, world order) passing the organisation filters. The people search keeps
 * only people of these companies, so a company search with the same filters holds every such person's company.
 */
export function matchingCompanies(world: World, f: OrgFilters): Int32Array {
  const cache = cacheFor(world);
  const key = orgKey(f);
  const hit = cache.orgResults.get(key);
  if (hit) return hit;
  const orgLoc = locationMatcher(f.organizationLocations);
  // Scoping lists can hold thousands of ids (a whole directory): look them up in sets.
  const ids: IdSets = {
    domains: f.domains.length ? new Set(f.domains) : null,
    organizationIds: f.organizationIds.length ? new Set(f.organizationIds) : null,
  };
  const out: number[] = [];
  for (const c of world.companies) if (companyMatches(c, f, orgLoc, ids)) out.push(c.idx);
  return remember(cache.orgResults, key, Int32Array.from(out), 64);
}

/** All matching people (world indexes), in the world's deterministic order. */
export function searchPeopleAll(world: World, f: PeopleFilters): Int32Array {
  const cache = cacheFor(world);
  const key = JSON.stringify(f);
  const hit = cache.results.get(key);
  if (hit) return hit;

  const companyOk = new Uint8Array(world.companies.length);
  for (const idx of matchingCompanies(world, f)) companyOk[idx] = 1;
  const tMask = titleMask(world, f.titles, f.includeSimilar);
  const personLoc = locationMatcher(f.personLocations);
  const words = normalizeTitle(f.qKeywords).split(' ').filter(Boolean);
  const out: number[] = [];
  const people = world.people;
  for (let i = 0; i < people.length; i++) {
    const p = people[i] as WorldPerson;
    if (!companyOk[p.companyIdx]) continue;
    if (tMask && !tMask[world.titleIndex[i] as number]) continue;
    if (personLoc && !personLoc(p.city, p.state, p.country)) continue;
    if (f.seniorities.length && !f.seniorities.includes(p.seniority)) continue;
    if (f.emailStatuses.length && !f.emailStatuses.includes(p.email_status)) continue;
    if (words.length) {
      const c = world.companies[p.companyIdx] as WorldCompany;
      const hay = ` ${normalizeTitle(`${p.first_name} ${p.last_name} ${p.title} ${c.name}`)} `;
      if (!words.every((w) => hay.includes(` ${w} `))) continue;
    }
    out.push(i);
  }
  return remember(cache.results, key, Int32Array.from(out), 64);
}

export function pageOf(all: Int32Array, paging: Paged) {
  const start = (paging.page - 1) * paging.perPage;
  const slice = all.subarray(Math.min(start, all.length), Math.min(start + paging.perPage, all.length));
  return {
    indexes: Array.from(slice),
    pagination: {
      page: paging.page,
      per_page: paging.perPage,
      total_entries: all.length,
      total_pages: Math.min(500, Math.ceil(all.length / paging.perPage)),
    },
  };
}

/** mixed_companies/search: companies (world indexes, world order) passing the filters and the name. */
export function searchCompaniesAll(world: World, f: CompanyFilters): Int32Array {
  const orgs = matchingCompanies(world, f);
  if (!f.name) return orgs;
  const cache = cacheFor(world);
  const key = `${orgKey(f)}|${f.name}`;
  const hit = cache.companyResults.get(key);
  if (hit) return hit;
  const names = (cache.normalizedNames ??= world.companies.map((c) => ` ${normalizeTitle(c.name)} `));
  const wanted = ` ${f.name} `;
  const out = orgs.filter((idx) => (names[idx] as string).includes(wanted));
  return remember(cache.companyResults, key, out, 256);
}

/** People of one company (world indexes), built once per world. */
export function peopleOfCompany(world: World, companyIdx: number): Int32Array {
  const cache = cacheFor(world);
  if (!cache.companyPeople) {
    const lists: number[][] = world.companies.map(() => []);
    for (const p of world.people) lists[p.companyIdx]?.push(p.idx);
    cache.companyPeople = lists.map((l) => Int32Array.from(l));
  }
  return cache.companyPeople[companyIdx] ?? new Int32Array();
}

export function linkedinKey(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '');
}

/** Person by email (case-insensitive); the index is built on first use. */
export function personByEmail(world: World, email: string): WorldPerson | null {
  const cache = cacheFor(world);
  if (!cache.byEmail) {
    cache.byEmail = new Map();
    for (const p of world.people) if (p.email) cache.byEmail.set(p.email.toLowerCase(), p);
  }
  return cache.byEmail.get(email.trim().toLowerCase()) ?? null;
}

/** Person by LinkedIn URL (scheme, www and trailing slash ignored); the index is built on first use. */
export function personByLinkedin(world: World, url: string): WorldPerson | null {
  const cache = cacheFor(world);
  if (!cache.byLinkedin) {
    cache.byLinkedin = new Map();
    for (const p of world.people) if (p.linkedin_url) cache.byLinkedin.set(linkedinKey(p.linkedin_url), p);
  }
  return cache.byLinkedin.get(linkedinKey(url)) ?? null;
}
