/** The Apollo client against a scripted peer: request shapes, mapping, credits. Sandbox runs live in tests/integration. */
import { afterEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../../main/providers/errors';
import { startScriptedPeer, type Script, type ScriptedPeer } from './scripted-peer';
import { createApolloProvider, type ApolloProvider } from '../../main/providers/apollo';

const KEY = 'apollo-key-ABCDEFGH';
const ctx = { campaignId: 1 };

const ORG = {
  id: 'org_1',
  name: 'Acme Plastics',
  website_url: 'http://www.acmeplastics.com',
  linkedin_url: 'http://www.linkedin.com/company/acme-plastics',
  primary_domain: 'acmeplastics.com',
  industry: 'plastics',
  industries: ['plastics', 'manufacturing'],
  keywords: ['injection molding'],
  estimated_num_employees: 1200,
  raw_address: '1 Main St, Akron, Ohio 44301, United States',
  city: 'Akron',
  state: 'Ohio',
  country: 'United States',
  short_description: 'Molds things.',
  annual_revenue: 250000000,
  founded_year: 1971,
  latest_funding_stage: null,
  latest_funding_round_date: null,
  funding_events: [{ date: '2021-03-04T00:00:00.000+00:00', type: 'Series B' }],
  current_technologies: [{ uid: 'workday', name: 'Workday', category: 'HR' }],
  departmental_head_count: { human_resources: 14, operations: 80, engineering: null },
  locations: [
    { kind: 'headquarters', raw_address: '1 Main St, Akron, Ohio 44301, United States' },
    { kind: 'plant', raw_address: '9 Mill Rd, Dayton, Ohio, United States' },
    { kind: 'plant', city: 'Monterrey', country: 'Mexico' },
  ],
  job_postings_count: 37,
  some_future_field: { x: 1 },
};

let peer: ScriptedPeer | null = null;
let apollo: ApolloProvider | null = null;
afterEach(async () => {
  await apollo?.close();
  await peer?.close();
  apollo = peer = null;
});

async function setup(script: Script) {
  peer = await startScriptedPeer(script);
  apollo = createApolloProvider({ apiKey: KEY, baseUrl: peer.url, retryBaseMs: 5 });
  return { peer, apollo };
}

describe('Apollo client (scripted peer)', () => {
  it('searches people with Apollo filters, key in the header only', async () => {
    const { peer, apollo } = await setup(() => ({
      body: {
        total_entries: 230,
        people: [
          {
            id: 'p1',
            first_name: 'Dana',
            last_name_obfuscated: 'Sm***h',
            title: 'VP Human Resources',
            has_email: true,
            organization: { name: 'Acme Plastics', has_industry: true },
          },
        ],
      },
    }));
    const page = await apollo.searchPeople(
      {
        titles: ['VP Human Resources'],
        includeSimilarTitles: true,
        organizationLocations: ['United States'],
        employeeRanges: ['200,10000'],
        industryKeywords: ['plastics'],
        page: 2,
        perPage: 100,
      },
      ctx,
    );
    const req = peer.seen[0]!;
    expect(req.path).toBe('/api/v1/mixed_people/api_search');
    expect(req.headers['x-api-key']).toBe(KEY);
    expect(req.body).not.toContain(KEY);
    expect(req.query.toString()).not.toContain(KEY);
    expect(JSON.parse(req.body)).toEqual({
      person_titles: ['VP Human Resources'],
      include_similar_titles: true,
      organization_locations: ['United States'],
      organization_num_employees_ranges: ['200,10000'],
      q_organization_keyword_tags: ['plastics'],
      page: 2,
      per_page: 100,
    });
    expect(page).toEqual({
      page: 2,
      perPage: 100,
      totalEntries: 230,
      totalPages: 3,
      people: [
        {
          providerId: 'p1',
          firstName: 'Dana',
          lastName: 'Sm***h',
          title: 'VP Human Resources',
          organizationId: null,
          organizationName: 'Acme Plastics',
          organizationDomain: null,
          hasEmail: true,
        },
      ],
    });
  });

  it('enriches a company by domain and maps every field', async () => {
    const { peer, apollo } = await setup(() => ({ body: { organization: ORG } }));
    const res = await apollo.enrichCompany(
      { name: 'Acme', domain: 'AcmePlastics.com', organizationId: null },
      ctx,
    );
    expect(peer.seen[0]!.method).toBe('GET');
    expect(peer.seen[0]!.path).toBe('/api/v1/organizations/enrich');
    expect(peer.seen[0]!.query.get('domain')).toBe('acmeplastics.com');
    expect(res.credits).toBe(1);
    expect(res.calls).toEqual([
      { endpoint: '/organizations/enrich', credits: 1, expectedCredits: 1, reportedCredits: null },
    ]);
    expect(res.data).toEqual({
      providerId: 'org_1',
      name: 'Acme Plastics',
      domain: 'acmeplastics.com',
      website: 'http://www.acmeplastics.com',
      linkedinUrl: 'http://www.linkedin.com/company/acme-plastics',
      industry: 'plastics',
      industries: ['plastics', 'manufacturing'],
      keywords: ['injection molding'],
      employees: 1200,
      rawAddress: '1 Main St, Akron, Ohio 44301, United States',
      city: 'Akron',
      state: 'Ohio',
      country: 'United States',
      description: 'Molds things.',
      annualRevenue: 250000000,
      foundedYear: 1971,
      fundingStage: 'Series B',
      fundingDate: '2021-03-04',
      technologies: [{ uid: 'workday', name: 'Workday', category: 'HR' }],
      departmentHeadCount: { human_resources: 14, operations: 80 },
      locations: ['9 Mill Rd, Dayton, Ohio, United States', 'Monterrey, Mexico'],
      openJobs: 37,
      secondaryIndustries: [],
      streetAddress: null,
      postalCode: null,
      suborganizations: [],
      numSuborganizations: null,
      retailLocationCount: null,
      headcountGrowth: { sixMonth: null, twelveMonth: null, twentyFourMonth: null },
      fundingEvents: [
        { date: '2021-03-04', type: 'Series B', amount: null, currency: null, investors: null },
      ],
      factsFrom: 'organizations/enrich',
    });
  });

  it('finds the domain with a paid company search when the ref has none', async () => {
    const { peer, apollo } = await setup((req) =>
      req.path.endsWith('/mixed_companies/search')
        ? {
            body: {
              organizations: [
                { id: 'org_1', name: 'Acme Plastics', website_url: 'https://www.acmeplastics.com/' },
              ],
            },
          }
        : { body: { organization: ORG, credits_consumed: 2 } },
    );
    const res = await apollo.enrichCompany(
      { name: 'Acme Plastics', domain: null, organizationId: 'org_1' },
      ctx,
    );
    expect(JSON.parse(peer.seen[0]!.body)).toEqual({
      q_organization_name: 'Acme Plastics',
      organization_ids: ['org_1'],
      page: 1,
      per_page: 1,
    });
    expect(peer.seen[1]!.query.get('domain')).toBe('acmeplastics.com');
    expect(res.calls).toEqual([
      { endpoint: '/mixed_companies/search', credits: 1, expectedCredits: 1, reportedCredits: null },
      { endpoint: '/organizations/enrich', credits: 2, expectedCredits: 1, reportedCredits: 2 },
    ]);
    expect(res.credits).toBe(3);
    expect(res.data?.name).toBe('Acme Plastics');
  });

  it('pages the company universe with the people search filters; accounts count, credits_consumed wins', async () => {
    const { peer, apollo } = await setup((_req, i) => ({
      body: {
        accounts: [{ id: 'acc_1', name: ' Saved Co ', website_url: 'https://www.saved.co/x' }],
        organizations: [
          { ...ORG, estimated_num_employees: '1200' },
          { id: null, name: 'Bare Co', estimated_num_employees: 'n/a' },
        ],
        pagination: { page: 2, per_page: 3, total_entries: 1501, total_pages: 501 },
        ...(i === 0 ? {} : { credits_consumed: 4 }),
      },
    }));
    const query = {
      organizationLocations: ['United States'],
      employeeRanges: ['200,10000'],
      industryKeywords: ['plastics', 'manufacturing'],
      page: 2,
      perPage: 3,
    };
    const res = await apollo.searchCompanies(query, ctx);
    expect(JSON.parse(peer.seen[0]!.body)).toEqual({
      page: 2,
      per_page: 3,
      organization_locations: ['United States'],
      organization_num_employees_ranges: ['200,10000'],
      q_organization_keyword_tags: ['plastics', 'manufacturing'],
    });
    const noGrowth = { sixMonth: null, twelveMonth: null, twentyFourMonth: null };
    const bare = { linkedinUrl: null, foundedYear: null, headcountGrowth: noGrowth };
    expect(res.data.companies).toEqual([
      {
        providerId: 'acc_1',
        name: 'Saved Co',
        domain: 'saved.co',
        industry: null,
        employees: null,
        country: null,
        ...bare,
      },
      {
        providerId: 'org_1',
        name: 'Acme Plastics',
        domain: 'acmeplastics.com',
        industry: 'plastics',
        employees: 1200,
        country: 'United States',
        linkedinUrl: 'http://www.linkedin.com/company/acme-plastics',
        foundedYear: 1971,
        headcountGrowth: noGrowth,
      },
      {
        providerId: null,
        name: 'Bare Co',
        domain: null,
        industry: null,
        employees: null,
        country: null,
        ...bare,
      },
    ]);
    expect(res.data).toMatchObject({ page: 2, perPage: 3, totalEntries: 1501, totalPages: 500 });
    expect(res.calls).toEqual([
      { endpoint: '/mixed_companies/search', credits: 1, expectedCredits: 1, reportedCredits: null },
    ]);
    const stated = await apollo.searchCompanies({ ...query, perPage: 500 }, ctx);
    expect(JSON.parse(peer.seen[1]!.body).per_page).toBe(100);
    expect(stated.credits).toBe(4);
  });

  it('returns null with the search recorded when no company matches', async () => {
    const { peer, apollo } = await setup(() => ({
      body: { organizations: [], pagination: { total_entries: 0 } },
    }));
    const res = await apollo.enrichCompany({ name: 'Nobody Inc', domain: null, organizationId: null }, ctx);
    expect(res).toEqual({
      data: null,
      credits: 0,
      calls: [{ endpoint: '/mixed_companies/search', credits: 0, expectedCredits: 0, reportedCredits: null }],
    });
    expect(peer.seen).toHaveLength(1);
  });

  it('treats an unknown domain (404 or empty) as no match, not an error', async () => {
    const { apollo } = await setup((_req, i) =>
      i === 0 ? { status: 404, body: { error: 'not found' } } : { body: {} },
    );
    expect(
      (await apollo.enrichCompany({ name: 'X', domain: 'x.test', organizationId: null }, ctx)).data,
    ).toBeNull();
    const empty = await apollo.enrichCompany({ name: 'X', domain: 'x.test', organizationId: null }, ctx);
    expect(empty).toEqual({
      data: null,
      credits: 0,
      calls: [{ endpoint: '/organizations/enrich', credits: 0, expectedCredits: 0, reportedCredits: null }],
    });
  });

  it.each([
    // One credit per revealed person, nothing extra for a verified email (as observed).
    ['verified', 'dana@acme.com', 'verified', 1],
    ['unverified', 'dana@acme.com', 'guessed', 1],
    ['likely to engage', 'dana@acme.com', 'guessed', 1],
    ['unavailable', null, 'unavailable', 1],
    ['verified', 'email_not_unlocked@acme.com', 'unavailable', 1],
  ])('reveals a person: email_status %s → %s', async (status, email, mapped, credits) => {
    const { peer, apollo } = await setup(() => ({
      body: {
        person: {
          id: 'p1',
          first_name: 'Dana',
          last_name: 'Smith',
          title: 'VP Human Resources',
          email,
          email_status: status,
          linkedin_url: 'http://www.linkedin.com/in/dana',
          city: 'Akron',
          country: 'United States',
          seniority: 'vp',
          departments: ['human_resources'],
        },
      },
    }));
    const res = await apollo.revealPerson({ providerId: 'p1' }, ctx);
    expect(JSON.parse(peer.seen[0]!.body)).toEqual({ id: 'p1', reveal_personal_emails: false });
    expect(res.data).toMatchObject({
      providerId: 'p1',
      lastName: 'Smith',
      emailStatus: mapped,
      email: mapped === 'unavailable' ? null : email,
      seniority: 'vp',
      departments: ['human_resources'],
      phone: null,
    });
    expect(res.credits).toBe(credits);
    expect(res.calls).toEqual([
      { endpoint: '/people/match', credits, expectedCredits: credits, reportedCredits: null },
    ]);
  });

  it('returns null and no charge when Apollo matches nobody; prefers credits_consumed', async () => {
    const { apollo } = await setup((_req, i) =>
      i === 0
        ? { body: { person: null } }
        : { body: { person: { id: 'p2', email: null }, credits_consumed: 0 } },
    );
    expect(await apollo.revealPerson({ providerId: 'p1' }, ctx)).toEqual({
      data: null,
      credits: 0,
      calls: [{ endpoint: '/people/match', credits: 0, expectedCredits: 0, reportedCredits: null }],
    });
    expect((await apollo.revealPerson({ providerId: 'p2' }, ctx)).credits).toBe(0);
  });

  it('reads catch-all and confidence on a revealed person, and the organization nested in it', async () => {
    const { departmental_head_count: _dropped, locations: _l, job_postings_count: _j, ...nested } = ORG;
    const { apollo } = await setup(() => ({
      body: {
        person: {
          id: 'p1',
          last_name: 'Smith',
          email: 'dana@acmeplastics.com',
          email_status: 'verified',
          email_domain_catchall: true,
          extrapolated_email_confidence: 0.62,
          revealed_for_current_team: true,
          organization: { ...nested, num_suborganizations: 2, retail_location_count: 0 },
        },
      },
    }));
    const res = await apollo.revealPerson({ providerId: 'p1' }, ctx);
    expect(res.data).toMatchObject({
      emailStatus: 'verified',
      emailDomainCatchall: true,
      extrapolatedEmailConfidence: 0.62,
      revealedForCurrentTeam: true,
    });
    expect(res.data!.organization).toMatchObject({
      providerId: 'org_1',
      domain: 'acmeplastics.com',
      industry: 'plastics',
      employees: 1200,
      numSuborganizations: 2,
      retailLocationCount: 0,
      departmentHeadCount: {},
      openJobs: null,
      factsFrom: 'people/match',
    });
    expect(res.credits).toBe(1);
  });

  it('reveals up to 10 people in one bulk_match, counting the credits Apollo reports', async () => {
    const { peer, apollo } = await setup(() => ({
      body: {
        matches: [{ id: 'p1', email: 'a@x.com', email_status: 'verified' }, null],
        missing_records: 1,
        credits_consumed: 1,
      },
    }));
    const res = await apollo.revealPeople([{ providerId: 'p1' }, { providerId: 'p9' }], ctx);
    expect(JSON.parse(peer.seen[0]!.body)).toEqual({
      details: [{ id: 'p1' }, { id: 'p9' }],
      reveal_personal_emails: false,
    });
    expect(res.data.map((p) => p?.providerId ?? null)).toEqual(['p1', null]);
    expect(res.calls).toEqual([
      { endpoint: '/people/bulk_match', credits: 1, expectedCredits: 1, reportedCredits: 1 },
    ]);
  });

  it("pages a company's job postings, charging a page only when it has postings", async () => {
    const { peer, apollo } = await setup((req) =>
      req.query.get('page') === '1'
        ? {
            body: {
              organization_job_postings: [
                {
                  id: 'j1',
                  title: 'Plant HR Manager',
                  url: 'https://jobs.example/j1',
                  city: 'Akron',
                  state: 'Ohio',
                  country: 'United States',
                  posted_at: '2026-10-01T00:00:00.000+00:00',
                  last_seen_at: '2026-10-30T00:00:00.000+00:00',
                },
              ],
              pagination: { page: 1, per_page: 1, total_entries: 1, total_pages: 1 },
            },
          }
        : { body: { organization_job_postings: [], pagination: { page: 2, per_page: 1, total_entries: 1 } } },
    );
    const first = await apollo.jobPostings({ organizationId: 'org_1', page: 1, perPage: 1 }, ctx);
    expect(peer.seen[0]!.method).toBe('GET');
    expect(peer.seen[0]!.path).toBe('/api/v1/organizations/org_1/job_postings');
    expect(first.data).toMatchObject({ page: 1, perPage: 1, totalEntries: 1, totalPages: 1 });
    expect(first.data.postings[0]).toEqual({
      id: 'j1',
      title: 'Plant HR Manager',
      url: 'https://jobs.example/j1',
      city: 'Akron',
      state: 'Ohio',
      country: 'United States',
      postedAt: '2026-10-01T00:00:00.000+00:00',
      lastSeenAt: '2026-10-30T00:00:00.000+00:00',
    });
    expect(first.credits).toBe(1);
    const empty = await apollo.jobPostings({ organizationId: 'org_1', page: 2, perPage: 1 }, ctx);
    expect(empty.credits).toBe(0);
    expect(empty.calls[0]!.endpoint).toBe('/organizations/{id}/job_postings');
  });

  it('explains a non-master key (403 API_INACCESSIBLE) and a bad key in testConnection', async () => {
    const { apollo } = await setup((_req, i) =>
      i === 0
        ? {
            status: 403,
            body: {
              error: 'api/v1/mixed_people/api_search is not accessible with this api_key',
              error_code: 'API_INACCESSIBLE',
            },
          }
        : { status: 401, body: 'Invalid access credentials.' },
    );
    const err = await apollo
      .searchPeople(
        {
          titles: ['CEO'],
          includeSimilarTitles: false,
          organizationLocations: [],
          employeeRanges: [],
          industryKeywords: [],
          page: 1,
          perPage: 10,
        },
        ctx,
      )
      .catch((e: unknown) => e as ProviderError);
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as ProviderError).code).toBe('AUTH');
    expect((err as ProviderError).message).toMatch(/needs a master API key/);
    const check = await apollo.testConnection();
    expect(check.ok).toBe(false);
    expect(check.message).toBe(
      'Apollo rejected the API key (401: Invalid access credentials.). Check the key in Settings → API keys.',
    );
  });

  it('testConnection reports success with a cheap free search', async () => {
    const { peer, apollo } = await setup(() => ({ body: { total_entries: 12345, people: [] } }));
    expect(await apollo.testConnection()).toEqual({
      ok: true,
      message: 'Connected to Apollo: the key works for people search (12,345 people searchable).',
    });
    expect(JSON.parse(peer.seen[0]!.body)).toEqual({ page: 1, per_page: 1 });
  });
});
