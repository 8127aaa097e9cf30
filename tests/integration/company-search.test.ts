/**
 * The ICP's company directory: the sandbox's filtered mixed_companies/search over real HTTP, checked
 * against the world and against the people search with the same organisation filters; then the
 * Apollo client's searchCompanies against it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApolloProvider } from '../../main/providers/apollo';
import { ProviderError } from '../../main/providers/errors';
import type { CompanySearchQuery, CompanySummary } from '../../main/providers/types';
import { startSandboxServer, type SandboxServer } from '../../main/sandbox/server';
import { resetStats, sandboxStats, setFaults } from './apollo-sandbox-helpers';

const KEY = { 'content-type': 'application/json', 'x-api-key': 'test-key' };
const COMPANY_SEARCH = '/api/v1/mixed_companies/search';
const ctx = { campaignId: 1 };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
type Json = any;

const ORG_FILTERS = {
  organization_locations: ['USA', 'India'],
  organization_num_employees_ranges: ['50,1000', '5000,'],
  q_organization_keyword_tags: ['Manufacturing', 'castings'],
};

let sandbox: SandboxServer;

beforeAll(async () => {
  sandbox = await startSandboxServer({ seed: 11, limits: 'off', scale: 0.1 });
});
afterAll(() => sandbox?.close());
beforeEach(async () => {
  await setFaults(sandbox, {});
  await resetStats(sandbox);
});

async function post(path: string, body: Record<string, unknown>) {
  const res = await fetch(`${sandbox.url}${path}`, {
    method: 'POST',
    headers: KEY,
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Json };
}

/** Every page of a company search, ids in order. */
async function allCompanyIds(filters: Record<string, unknown>): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const r = await post('/mixed_companies/search', { ...filters, page, per_page: 100 });
    expect(r.status).toBe(200);
    ids.push(...(r.json.organizations as Json[]).map((o) => o.id as string));
    if (page >= r.json.pagination.total_pages) return ids;
  }
}

describe('sandbox company search with organisation filters', () => {
  it('returns exactly the companies the filters describe, in a stable order', async () => {
    const ids = await allCompanyIds(ORG_FILTERS);
    // An oracle written from the README's rules, independent of the server's code.
    const expected = sandbox.world.companies
      .filter((c) => ['United States', 'India'].includes(c.country))
      .filter(
        (c) =>
          (c.estimated_num_employees >= 50 && c.estimated_num_employees <= 1000) ||
          c.estimated_num_employees >= 5000,
      )
      .filter((c) =>
        [c.industry ?? '', ...c.industries, ...c.keywords].some(
          (h) => h.toLowerCase().includes('manufacturing') || h.toLowerCase().includes('castings'),
        ),
      )
      .map((c) => c.id);
    expect(expected.length).toBeGreaterThan(100); // more than one page
    expect(ids).toEqual(expected);
    expect(await allCompanyIds(ORG_FILTERS)).toEqual(ids);
  });

  it('holds the company of every person a people search scoped to it returns (keyword tags ignored there)', async () => {
    const directory = new Set(await allCompanyIds(ORG_FILTERS));
    // People search ignores q_organization_keyword_tags[] (not documented there): unscoped, it
    // reaches companies outside the directory; organization_ids[] scopes it back.
    const unscoped = await post('/mixed_people/api_search', { ...ORG_FILTERS, per_page: 100 });
    const outside = (unscoped.json.people as Json[]).filter(
      (p) => !directory.has(sandbox.world.companies[sandbox.world.personById.get(p.id)!.companyIdx]!.id),
    );
    expect(outside.length).toBeGreaterThan(0);
    const scope = { ...ORG_FILTERS, organization_ids: [...directory] };
    const searches = [
      { person_titles: ['HR Director', 'Head of People'] },
      { person_titles: ['Plant Manager'], include_similar_titles: false },
      {}, // everyone at those companies
    ];
    let checked = 0;
    for (const s of searches) {
      const first = await post('/mixed_people/api_search', { ...scope, ...s, per_page: 100 });
      const pages = Math.ceil((first.json.total_entries as number) / 100);
      expect(pages).toBeGreaterThan(0);
      for (const page of new Set([1, Math.ceil(pages / 2), pages])) {
        const r = await post('/mixed_people/api_search', { ...scope, ...s, page, per_page: 100 });
        for (const p of r.json.people as Json[]) {
          const person = sandbox.world.personById.get(p.id)!;
          const company = sandbox.world.companies[person.companyIdx]!;
          expect(company.name).toBe(p.organization.name);
          expect(directory.has(company.id), `${company.name} (${p.title})`).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('pages with totals, clamps per_page, refuses bad input, and charges one credit per non-empty page', async () => {
    const p1 = await post('/mixed_companies/search', { ...ORG_FILTERS, per_page: 500 });
    const total = p1.json.pagination.total_entries as number;
    expect(p1.json.pagination).toEqual({
      page: 1,
      per_page: 100,
      total_entries: total,
      total_pages: Math.ceil(total / 100),
    });
    expect(p1.json.organizations).toHaveLength(100);
    const keys = Object.keys(p1.json.organizations[0]);
    expect(keys).toEqual(expect.arrayContaining(['id', 'name', 'primary_domain', 'website_url']));
    // As the recorded real answer: membership, not facts.
    for (const absent of ['industry', 'estimated_num_employees', 'city', 'state', 'country'])
      expect(keys).not.toContain(absent);
    expect(Object.keys(p1.json).sort()).toEqual(
      ['accounts', 'breadcrumbs', 'model_ids', 'organizations', 'pagination'].sort(),
    );
    expect(p1.json.model_ids).toEqual(p1.json.organizations.map((o: Json) => o.id));
    const last = await post('/mixed_companies/search', {
      ...ORG_FILTERS,
      page: p1.json.pagination.total_pages,
      per_page: 100,
    });
    expect(last.json.organizations).toHaveLength(total - 100 * (p1.json.pagination.total_pages - 1));
    const beyond = await post('/mixed_companies/search', { ...ORG_FILTERS, page: 499, per_page: 100 });
    expect(beyond.json.organizations).toEqual([]);
    expect(beyond.json.pagination.total_entries).toBe(total);

    // The name lookup still narrows within the filters.
    const named = await post('/mixed_companies/search', {
      ...ORG_FILTERS,
      q_organization_name: p1.json.organizations[3].name,
    });
    expect(named.json.organizations.map((o: Json) => o.id)).toContain(p1.json.organizations[3].id);

    expect((await post('/mixed_companies/search', { page: 501 })).status).toBe(422);
    expect(
      (await post('/mixed_companies/search', { organization_num_employees_ranges: ['lots'] })).status,
    ).toBe(422);
    expect((await post('/mixed_companies/search', { q_organization_keyword_tags: [7] })).status).toBe(422);

    const stats = await sandboxStats(sandbox);
    expect(stats.requests[COMPANY_SEARCH]).toBe(7);
    expect(stats.credits[COMPANY_SEARCH]).toBe(3); // p1, last, named; not the empty page nor the 422s
  });
});

describe('Apollo client searchCompanies ↔ sandbox', () => {
  const QUERY: CompanySearchQuery = {
    organizationLocations: ORG_FILTERS.organization_locations,
    employeeRanges: ORG_FILTERS.organization_num_employees_ranges,
    industryKeywords: ORG_FILTERS.q_organization_keyword_tags,
    page: 1,
    perPage: 100,
  };

  it('walks the directory page by page, mapping summaries and reporting the credits the sandbox charged', async () => {
    const apollo = createApolloProvider({ apiKey: 'k-0123456789', baseUrl: sandbox.url, retryBaseMs: 10 });
    try {
      const seen: CompanySummary[] = [];
      let credits = 0;
      let totalPages = 1;
      for (let page = 1; page <= totalPages; page++) {
        const res = await apollo.searchCompanies({ ...QUERY, page }, ctx);
        expect(res.calls).toMatchObject([{ endpoint: '/mixed_companies/search', credits: 1 }]);
        credits += res.credits;
        totalPages = res.data.totalPages;
        expect(res.data.page).toBe(page);
        seen.push(...res.data.companies);
      }
      const expectedIds = await allCompanyIds(ORG_FILTERS);
      expect(seen.map((c) => c.providerId)).toEqual(expectedIds);
      const first = sandbox.world.companies.find((c) => c.id === seen[0]!.providerId)!;
      expect(seen[0]).toMatchObject({
        providerId: first.id,
        name: first.name,
        domain: first.primary_domain,
        // The strict sandbox, like the real service, gives no company facts here.
        industry: null,
        employees: null,
        country: null,
        foundedYear: first.founded_year,
      });
      const stats = await sandboxStats(sandbox);
      // The client's pages plus allCompanyIds' pages, each charged once.
      expect(credits).toBe(totalPages);
      expect(stats.credits[COMPANY_SEARCH]).toBe(2 * totalPages);

      const empty = await apollo.searchCompanies({ ...QUERY, page: totalPages + 1 }, ctx);
      expect(empty.data.companies).toEqual([]);
      expect(empty.data.totalEntries).toBe(expectedIds.length);
      expect(empty).toMatchObject({
        credits: 0,
        calls: [
          { endpoint: '/mixed_companies/search', credits: 0, expectedCredits: 0, reportedCredits: null },
        ],
      });
      expect((await sandboxStats(sandbox)).credits[COMPANY_SEARCH]).toBe(2 * totalPages);
    } finally {
      await apollo.close();
    }
  });

  it('retries a malformed page and ends in BAD_RESPONSE like the other endpoints', async () => {
    const apollo = createApolloProvider({ apiKey: 'k-0123456789', baseUrl: sandbox.url, retryBaseMs: 10 });
    try {
      await setFaults(sandbox, { malformedRate: 1, paths: [COMPANY_SEARCH] });
      const err = await apollo.searchCompanies(QUERY, ctx).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ProviderError);
      expect((err as ProviderError).code).toBe('BAD_RESPONSE');
      expect((err as ProviderError).message).toMatch(/mixed_companies\/search/);
      expect((await sandboxStats(sandbox)).requests[COMPANY_SEARCH]).toBe(4);
      expect(apollo.stats().byEndpoint['/mixed_companies/search']!.malformed).toBe(4);
    } finally {
      await apollo.close();
    }
  });
});
