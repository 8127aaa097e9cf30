/**
 * Contract tests (issue 9 scope 5): answers with exactly the real field sets (fixtures, invented
 * values) are served over real HTTP and parsed by the real client. A change in our parsing that
 * would break against the real service — reading a field the real answer lacks, choking on one it
 * has — fails here. The fixtures themselves are held to fields.ts, so they cannot drift kinder.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createApolloProvider, type ApolloProvider } from '../../main/providers/apollo';
import { ProviderError } from '../../main/providers/errors';
import { startScriptedPeer, type Script, type ScriptedPeer } from '../providers/scripted-peer';
import * as F from '../fixtures/apollo/fields';
import * as R from '../fixtures/apollo/responses';

const ctx = { campaignId: 1 };
let peer: ScriptedPeer | null = null;
let apollo: ApolloProvider | null = null;
afterEach(async () => {
  await apollo?.close();
  await peer?.close();
  apollo = peer = null;
});

async function serve(script: Script): Promise<ApolloProvider> {
  peer = await startScriptedPeer(script);
  apollo = createApolloProvider({
    apiKey: 'contract-key-0001',
    baseUrl: peer.url,
    retryBaseMs: 5,
    maxWaitMs: 100,
  });
  return apollo;
}

/** The keys must be the field set exactly (a `prefix_*` entry needs at least one such key). */
function expectExactly(obj: object, fields: readonly string[]): void {
  expect(F.extraKeys(obj, fields)).toEqual([]);
  const keys = Object.keys(obj);
  const missing = fields.filter((f) =>
    f.endsWith('*') ? !keys.some((k) => k.startsWith(f.slice(0, -1))) : !keys.includes(f),
  );
  expect(missing).toEqual([]);
}

describe('fixtures are the real field sets, exactly', () => {
  it('every answer and nested record', () => {
    expectExactly(R.SEARCH_PEOPLE, F.SEARCH_RESPONSE);
    expectExactly(R.SEARCH_PEOPLE.people[0]!, F.SEARCH_PERSON);
    expectExactly(R.SEARCH_PEOPLE.people[0]!.organization, F.SEARCH_PERSON_ORGANIZATION);
    expectExactly(R.COMPANY_SEARCH, F.COMPANY_SEARCH_RESPONSE);
    expectExactly(R.COMPANY_SEARCH.pagination, F.PAGINATION);
    expectExactly(R.COMPANY_SEARCH.breadcrumbs[0]!, F.BREADCRUMB);
    expectExactly(R.COMPANY_SEARCH.accounts[0]!, F.ACCOUNT);
    expectExactly(R.SEARCH_ORGANIZATION, F.COMPANY_SEARCH_ORGANIZATION);
    expectExactly(R.SEARCH_ORGANIZATION.primary_phone, F.PRIMARY_PHONE);
    expectExactly(R.NESTED_ORGANIZATION, F.NESTED_ORGANIZATION);
    expectExactly(R.ORGANIZATION, F.ORGANIZATION);
    expectExactly(R.ORGANIZATION.funding_events[0]!, F.FUNDING_EVENT);
    expectExactly(R.ORGANIZATION.current_technologies[0]!, F.TECHNOLOGY);
    expectExactly(R.ORGANIZATION.suborganizations[0]!, F.SUBORGANIZATION);
    expectExactly(R.ENRICH, F.ENRICH_RESPONSE);
    expectExactly(R.PERSON, F.PERSON);
    for (const h of R.PERSON.employment_history) expectExactly(h, F.EMPLOYMENT);
    for (const h of R.BULK_MATCH.matches[2]!.employment_history) expectExactly(h, F.EMPLOYMENT);
    expectExactly(R.MATCH, F.MATCH_RESPONSE);
    expectExactly(R.BULK_MATCH, F.BULK_MATCH_RESPONSE);
    expectExactly(R.JOB_POSTINGS, F.JOB_POSTINGS_RESPONSE);
    expectExactly(R.JOB_POSTING, F.JOB_POSTING);
    expectExactly(R.DAILY_429.headers, [...F.LIVE_RATE_HEADERS, 'retry-after']);
  });
});

describe('the client parses the real shapes', () => {
  it('people search: candidates and the market size from total_entries alone', async () => {
    const client = await serve(() => ({ body: R.SEARCH_PEOPLE }));
    const page = await client.searchPeople(
      {
        titles: ['HR Manager'],
        includeSimilarTitles: true,
        organizationLocations: [],
        employeeRanges: [],
        industryKeywords: [],
        organizationIds: ['64b0000000000000000000b1'],
        seniorities: ['manager'],
        emailStatuses: ['verified'],
        page: 1,
        perPage: 100,
      },
      ctx,
    );
    expect(page).toMatchObject({ totalEntries: 1234, totalPages: 13 });
    expect(page.people[0]).toEqual({
      providerId: '64a0000000000000000000a1',
      firstName: 'Marta',
      lastName: 'Qu***z',
      title: 'Plant HR Manager',
      organizationId: null,
      organizationName: 'Fernhollow Castings',
      organizationDomain: null,
      hasEmail: true,
    });
    expect(JSON.parse(peer!.seen[0]!.body)).toMatchObject({
      organization_ids: ['64b0000000000000000000b1'],
      person_seniorities: ['manager'],
      contact_email_status: ['verified'],
    });
  });

  it('company search: membership, not facts (no industry, size or country to read)', async () => {
    const client = await serve(() => ({ body: R.COMPANY_SEARCH }));
    const res = await client.searchCompanies(
      {
        organizationLocations: ['United States'],
        employeeRanges: [],
        industryKeywords: [],
        page: 1,
        perPage: 100,
      },
      ctx,
    );
    expect(res.data.totalEntries).toBe(312);
    const org = res.data.companies.find((c) => c.providerId === '64b0000000000000000000b1')!;
    expect(org).toEqual({
      providerId: '64b0000000000000000000b1',
      name: 'Fernhollow Castings',
      domain: 'fernhollow-castings.test',
      industry: null,
      employees: null,
      country: null,
      linkedinUrl: 'http://www.linkedin.com/company/fernhollow-castings',
      foundedYear: 1962,
      headcountGrowth: { sixMonth: 0.031, twelveMonth: 0.074, twentyFourMonth: null },
    });
    expect(res.calls).toEqual([
      { endpoint: '/mixed_companies/search', credits: 1, expectedCredits: 1, reportedCredits: null },
    ]);
  });

  it('organizations/enrich: every fact the engine needs, no hiring and no site list', async () => {
    const client = await serve(() => ({ body: R.ENRICH }));
    const res = await client.enrichCompany(
      { name: 'Fernhollow Castings', domain: 'fernhollow-castings.test', organizationId: null },
      ctx,
    );
    expect(res.data).toEqual({
      providerId: '64b0000000000000000000b1',
      name: 'Fernhollow Castings',
      domain: 'fernhollow-castings.test',
      website: 'http://www.fernhollow-castings.test',
      linkedinUrl: 'http://www.linkedin.com/company/fernhollow-castings',
      industry: 'machinery',
      industries: ['machinery', 'industrial automation'],
      keywords: ['iron castings', 'foundry', 'precision machining'],
      employees: 1450,
      rawAddress: '400 Foundry Row, Toledo, Ohio 43604, United States',
      city: 'Toledo',
      state: 'Ohio',
      country: 'United States',
      description: 'Grey and ductile iron castings for pumps and valves.',
      annualRevenue: 84_000_000,
      foundedYear: 1962,
      fundingStage: 'Private Equity',
      fundingDate: '2023-08-01',
      technologies: [
        { uid: 'workday', name: 'Workday', category: 'Human Resources' },
        { uid: 'sap', name: 'SAP', category: 'ERP' },
      ],
      departmentHeadCount: { human_resources: 18, operations: 240, engineering: 61 },
      locations: [],
      openJobs: null,
      secondaryIndustries: ['industrial automation'],
      streetAddress: '400 Foundry Row',
      postalCode: '43604',
      suborganizations: [
        { id: '64b0000000000000000000b2', name: 'Fernhollow Castings Monterrey', domain: null },
        { id: '64b0000000000000000000b3', name: 'Fernhollow Machining', domain: 'fernhollow-machining.test' },
      ],
      numSuborganizations: 2,
      retailLocationCount: 0,
      headcountGrowth: { sixMonth: 0.031, twelveMonth: 0.074, twentyFourMonth: null },
      fundingEvents: [
        {
          date: '2023-08-01',
          type: 'Private Equity',
          amount: '100M',
          currency: '$',
          investors: 'Lakeview Partners',
        },
        {
          date: '2019-02-11',
          type: 'Debt Financing',
          amount: '12M',
          currency: '$',
          investors: 'Harbor Bank',
        },
      ],
      factsFrom: 'organizations/enrich',
    });
    expect(res.credits).toBe(1);
  });

  it('people/match: catch-all, confidence, and the company facts that come with the person', async () => {
    const client = await serve(() => ({ body: R.MATCH }));
    const res = await client.revealPerson({ providerId: '64a0000000000000000000a1' }, ctx);
    expect(res.data).toMatchObject({
      providerId: '64a0000000000000000000a1',
      lastName: 'Quintaz',
      email: 'marta.quintaz@fernhollow-castings.test',
      emailStatus: 'verified',
      emailDomainCatchall: true,
      extrapolatedEmailConfidence: null,
      revealedForCurrentTeam: true,
      seniority: 'manager',
    });
    // The employment history, kept minimal: the current role and the one before it.
    expect(res.data!.roles).toEqual([
      {
        title: 'Plant HR Manager',
        startDate: '2021-04-01',
        current: true,
        organizationId: '64b0000000000000000000b1',
        organizationName: 'Fernhollow Castings',
      },
      {
        title: 'HR Generalist',
        startDate: '2016-09-01',
        current: false,
        organizationId: '64b0000000000000000000b9',
        organizationName: 'Cobbleford Foundry',
      },
    ]);
    const org = res.data!.organization!;
    expect(org).toMatchObject({
      providerId: '64b0000000000000000000b1',
      industry: 'machinery',
      employees: 1450,
      country: 'United States',
      numSuborganizations: 2,
      // Not in the nested ORG: unknown, not zero.
      departmentHeadCount: {},
      factsFrom: 'people/match',
    });
    // One credit per revealed person; people/match does not report credits_consumed.
    expect(res.calls).toEqual([
      { endpoint: '/people/match', credits: 1, expectedCredits: 1, reportedCredits: null },
    ]);
  });

  it('people/bulk_match: aligned matches and the credits Apollo reports', async () => {
    const client = await serve(() => ({ body: R.BULK_MATCH }));
    const res = await client.revealPeople(
      [
        { providerId: '64a0000000000000000000a1' },
        { providerId: 'missing' },
        { providerId: '64a0000000000000000000a2' },
      ],
      ctx,
    );
    expect(res.data.map((p) => p && [p.lastName, p.emailStatus, p.emailDomainCatchall])).toEqual([
      ['Quintaz', 'verified', true],
      null,
      ['Lindvall', 'guessed', false],
    ]);
    expect(res.data[2]!.extrapolatedEmailConfidence).toBe(0.71);
    // Of three past and present roles, the current one and the latest before it (no end dates kept).
    expect(res.data[2]!.roles!.map((r) => [r.title, r.startDate, r.current])).toEqual([
      ['Vice President of Operations', '2026-07-01', true],
      ['Plant Manager', '2019-02-01', false],
    ]);
    expect(res.calls).toEqual([
      { endpoint: '/people/bulk_match', credits: 2, expectedCredits: 2, reportedCredits: 2 },
    ]);
  });

  it('job postings: the page, its pagination and its charge', async () => {
    const client = await serve(() => ({ body: R.JOB_POSTINGS }));
    const res = await client.jobPostings(
      { organizationId: '64b0000000000000000000b1', page: 1, perPage: 2 },
      ctx,
    );
    expect(res.data).toMatchObject({ page: 1, perPage: 2, totalEntries: 5, totalPages: 3 });
    expect(res.data.postings.map((p) => p.title)).toEqual(['Maintenance Technician', 'Welder']);
    expect(res.data.postings[0]).toMatchObject({ city: 'Toledo', postedAt: '2026-10-03T00:00:00.000+00:00' });
    expect(res.credits).toBe(1);
  });

  it('a used-up 24-hour window: RATE_LIMITED with the window and when it frees up', async () => {
    const client = await serve(() => R.DAILY_429);
    const before = Date.now();
    const err = await client
      .enrichCompany({ name: 'X', domain: 'fernhollow-castings.test', organizationId: null }, ctx)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    const e = err as ProviderError;
    expect(e.code).toBe('RATE_LIMITED');
    expect(e.window).toBe('day');
    expect(e.retryAt).toBeGreaterThanOrEqual(before + 3_600_000);
    expect(peer!.seen).toHaveLength(1);
  });
});
