// The Apollo sandbox over real HTTP on 127.0.0.1: auth errors, search filters and paging,
// similar-title lookalikes, enrichment/match shapes and credits, and the truth endpoint.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { IcpSchema, type Icp } from '../../main/domain/icp';
import { startSandboxServer, type SandboxServer } from '../../main/sandbox/server';
import { groundTruth } from '../../main/sandbox/truth';
import { SECTOR_BY_NAME } from '../../main/sandbox/sectors';

let sandbox: SandboxServer;
let control: string;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field below
type Json = any;
const KEY = { 'content-type': 'application/json', 'x-api-key': 'test-key' };
const mfgIcp: Icp = IcpSchema.parse(parse(readFileSync('resources/icp/manufacturing-staffing.yaml', 'utf8')));

async function post(path: string, body: unknown, headers: Record<string, string> = KEY) {
  const res = await fetch(`${sandbox.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  const text = await res.text();
  let json: Json;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, text, json };
}

const search = (body: Record<string, unknown>) => post('/mixed_people/api_search', body);

beforeAll(async () => {
  sandbox = await startSandboxServer({ seed: 42, limits: 'off' });
  control = sandbox.url.replace('/api/v1', '/_sandbox');
});
afterAll(() => sandbox.close());

describe('sandbox auth', () => {
  it('refuses missing, invalid, non-master and misplaced keys like Apollo', async () => {
    const missing = await post('/mixed_people/api_search', {}, { 'content-type': 'application/json' });
    expect(missing.status).toBe(401);
    expect(missing.text).toBe('Invalid access credentials.');
    const empty = await post(
      '/mixed_people/api_search',
      {},
      { 'content-type': 'application/json', 'x-api-key': '' },
    );
    expect(empty.status).toBe(401);
    const invalid = await post('/people/match', { id: 'x' }, { ...KEY, 'x-api-key': 'sandbox-invalid' });
    expect(invalid.status).toBe(401);
    const nonMaster = await post(
      '/mixed_people/api_search',
      {},
      { ...KEY, 'x-api-key': 'sandbox-nonmaster' },
    );
    expect(nonMaster.status).toBe(403);
    expect(nonMaster.json.error_code).toBe('API_INACCESSIBLE');
    expect(
      (await post('/people/match', { id: 'x' }, { ...KEY, 'x-api-key': 'sandbox-nonmaster' })).status,
    ).toBe(200);
    expect((await post('/people/match', { id: 'x', api_key: 'test-key' })).status).toBe(422);
    const inQuery = await fetch(`${sandbox.url}/organizations/enrich?domain=x.com&api_key=test-key`, {
      headers: KEY,
    });
    expect(inQuery.status).toBe(422);
  });
});

describe('sandbox people search', () => {
  const base = {
    person_titles: ['VP Operations', 'Plant Head'],
    organization_locations: ['United States', 'India'],
    organization_num_employees_ranges: ['200,10000'],
    q_organization_keyword_tags: ['manufacturing'],
  };

  it('returns Apollo search shapes without emails or domains', async () => {
    const r = await search({ ...base, per_page: 5 });
    expect(r.status).toBe(200);
    expect(r.json.people).toHaveLength(5);
    expect(r.json.total_entries).toBeGreaterThan(5);
    // The real answer has no pagination object: total_entries and people only.
    expect(Object.keys(r.json).sort()).toEqual(['people', 'total_entries']);
    const p = r.json.people[0];
    expect(Object.keys(p).sort()).toEqual(
      [
        'first_name',
        'has_city',
        'has_country',
        'has_direct_phone',
        'has_email',
        'has_state',
        'id',
        'last_name_obfuscated',
        'last_refreshed_at',
        'organization',
        'title',
      ].sort(),
    );
    expect(p.last_name_obfuscated).toMatch(/\*\*\*/);
    expect(r.text).not.toMatch(/@|primary_domain|"email"/);
    expect(p.organization).toHaveProperty('has_employee_count');
  });

  it('applies company and person filters (keyword tags ignored by default, applied on request)', async () => {
    const tagged = (c: { industry: string | null; industries: string[]; keywords: string[] }) =>
      [c.industry ?? '', ...c.industries, ...c.keywords].join('|').toLowerCase().includes('manufacturing');
    const companiesOf = (r: Json) =>
      r.json.people.map(
        (p: Json) => sandbox.world.companies[sandbox.world.personById.get(p.id)!.companyIdx]!,
      ) as (typeof sandbox.world.companies)[number][];
    const r = await search({ ...base, organization_locations: ['India'], per_page: 100 });
    expect(r.json.people.length).toBeGreaterThan(50);
    for (const company of companiesOf(r)) {
      expect(company.country).toBe('India');
      expect(company.estimated_num_employees).toBeGreaterThanOrEqual(200);
      expect(company.estimated_num_employees).toBeLessThanOrEqual(10_000);
    }
    // q_organization_keyword_tags[] is not a documented people-search filter: ignored by default.
    expect(companiesOf(r).some((c) => !tagged(c))).toBe(true);
    const applying = await startSandboxServer({ seed: 42, limits: 'off', keywordTagFilter: 'applied' });
    try {
      const res = await fetch(`${applying.url}/mixed_people/api_search`, {
        method: 'POST',
        headers: KEY,
        body: JSON.stringify({ ...base, organization_locations: ['India'], per_page: 100 }),
      });
      const applied = { json: (await res.json()) as Json };
      expect(applied.json.people.length).toBeGreaterThan(50);
      expect(applied.json.total_entries).toBeLessThan(r.json.total_entries);
      for (const company of companiesOf(applied)) expect(tagged(company)).toBe(true);
    } finally {
      await applying.close();
    }
    const verified = await search({
      ...base,
      contact_email_status: ['verified'],
      person_seniorities: ['head'],
      per_page: 100,
    });
    expect(verified.json.people.length).toBeGreaterThan(0);
    for (const p of verified.json.people) {
      const person = sandbox.world.personById.get(p.id)!;
      expect(person.email_status).toBe('verified');
      expect(person.seniority).toBe('head');
    }
    const company = sandbox.world.companies.find((c) => c.estimated_num_employees > 3000)!;
    const byDomain = await search({ q_organization_domains_list: [company.primary_domain], per_page: 100 });
    const byId = await search({ organization_ids: [company.id], per_page: 100 });
    expect(byDomain.json.total_entries).toBeGreaterThan(3);
    expect(byId.json.people.map((p: Json) => p.id)).toEqual(byDomain.json.people.map((p: Json) => p.id));
  });

  it('pages deterministically, clamps per_page and refuses page 501', async () => {
    const p1 = await search({ ...base, page: 1, per_page: 100 });
    const p2 = await search({ ...base, page: 2, per_page: 100 });
    const again = await search({ ...base, page: 1, per_page: 100 });
    expect(again.json.people).toEqual(p1.json.people);
    const ids1 = new Set(p1.json.people.map((p: Json) => p.id));
    expect(p2.json.people.some((p: Json) => ids1.has(p.id))).toBe(false);
    expect((await search({ ...base, per_page: 500 })).json.people).toHaveLength(100);
    expect((await search({ ...base, page: 501 })).status).toBe(422);
    expect((await search({ person_titles: 'not a list' as unknown as string[], page: 0 })).status).toBe(422);
  });

  it('lets lookalike titles in only with include_similar_titles', async () => {
    const titlesOf = async (similar: boolean) => {
      const out = new Set<string>();
      const first = await search({
        person_titles: ['Plant Head', 'HR Manager'],
        include_similar_titles: similar,
        per_page: 100,
      });
      const pages = Math.min(Math.ceil(first.json.total_entries / 100), 60);
      for (let page = 1; page <= pages; page++) {
        const r =
          page === 1
            ? first
            : await search({
                person_titles: ['Plant Head', 'HR Manager'],
                include_similar_titles: similar,
                per_page: 100,
                page,
              });
        for (const p of r.json.people) out.add(p.title);
      }
      return out;
    };
    const strict = await titlesOf(false);
    const similar = await titlesOf(true);
    for (const t of strict) expect(t.toLowerCase()).toMatch(/plant head|hr manager/);
    for (const t of ['Plant Biologist', 'HR Intern', 'Werksleiter', 'Human Resources Manager']) {
      expect(strict.has(t), t).toBe(false);
      expect(similar.has(t), t).toBe(true);
    }
  });

  it('returns mostly non-targets for a broad campaign search, and truth agrees with groundTruth', async () => {
    const titles = [...mfgIcp.tiers.T1.titles, ...mfgIcp.tiers.T2.titles, ...mfgIcp.tiers.T3.titles];
    const ids: string[] = [];
    for (let page = 1; page <= 20; page++) {
      const r = await search({
        ...base,
        person_titles: titles,
        include_similar_titles: true,
        per_page: 100,
        page,
      });
      ids.push(...r.json.people.map((p: Json) => p.id));
    }
    const res = await fetch(`${control}/truth`, {
      method: 'POST',
      body: JSON.stringify({ icp: mfgIcp, personIds: ids }),
    });
    const { truth } = (await res.json()) as { truth: Record<string, string | null> };
    const local = groundTruth(sandbox.world, mfgIcp, ids);
    expect(Object.keys(truth)).toHaveLength(new Set(ids).size);
    for (const id of ids) expect(truth[id]).toBe(local.get(id));
    const values = Object.values(truth);
    const nonTarget = values.filter((v) => v === null).length / values.length;
    console.log(
      `broad search: ${values.length} people, non-target share ${nonTarget.toFixed(2)}, T1 ${values.filter((v) => v === 'T1').length}, T2 ${values.filter((v) => v === 'T2').length}, T3 ${values.filter((v) => v === 'T3').length}`,
    );
    // ~0.52 since issue 11: ESCO files operations/production managers and HR generalists under the
    // same occupations as listed titles, so they are targets now, not lookalikes.
    expect(nonTarget).toBeGreaterThan(0.45);
    expect(nonTarget).toBeLessThan(0.9);
    for (const tier of ['T1', 'T2', 'T3'])
      expect(values.filter((v) => v === tier).length).toBeGreaterThan(20);
    expect(mfgIcp.industries.every((i) => SECTOR_BY_NAME.has(i))).toBe(true);
    const bad = await fetch(`${control}/truth`, {
      method: 'POST',
      body: JSON.stringify({ icp: { tiers: {} } }),
    });
    expect(bad.status).toBe(400);
  });
});

describe('sandbox enrichment and credits', () => {
  it('enriches organizations and people with full shapes and counts credits', async () => {
    await fetch(`${control}/stats/reset`, { method: 'POST' });
    const company = sandbox.world.companies.find((c) => c.locations.length > 2 && c.departmental_head_count)!;
    const org = await fetch(`${sandbox.url}/organizations/enrich?domain=${company.primary_domain}`, {
      headers: KEY,
    });
    expect(org.headers.get('x-minute-usage')).not.toBeNull();
    expect(org.headers.get('x-24-hour-requests-left')).not.toBeNull();
    const { organization } = (await org.json()) as Json;
    for (const field of [
      'id',
      'name',
      'website_url',
      'linkedin_url',
      'primary_domain',
      'industry',
      'industries',
      'keywords',
      'estimated_num_employees',
      'raw_address',
      'city',
      'state',
      'country',
      'short_description',
      'annual_revenue',
      'founded_year',
      'latest_funding_stage',
      'latest_funding_round_date',
      'funding_events',
      'current_technologies',
      'departmental_head_count',
      'secondary_industries',
      'num_suborganizations',
      'suborganizations',
      'retail_location_count',
    ]) {
      expect(organization, field).toHaveProperty(field);
    }
    // The real ORG has neither: hiring lives at job_postings, sites only as suborganizations/address.
    expect(organization).not.toHaveProperty('locations');
    expect(organization).not.toHaveProperty('job_postings_count');
    const unknown = await fetch(`${sandbox.url}/organizations/enrich?domain=no-such-company.example`, {
      headers: KEY,
    });
    expect(await unknown.json()).toEqual({ organization: null });
    const bulk = await post('/organizations/bulk_enrich', {
      domains: [company.primary_domain, 'no-such-company.example'],
    });
    expect(bulk.json.organizations).toHaveLength(1);
    expect(bulk.json.missing_records).toBe(1);
    expect(
      (
        await post('/organizations/bulk_enrich', {
          domains: Array.from({ length: 11 }, (_, i) => `d${i}.com`),
        })
      ).status,
    ).toBe(422);

    const verified = sandbox.world.people.find((p) => p.email_status === 'verified')!;
    const unverified = sandbox.world.people.find((p) => p.email_status === 'unverified' && p.linkedin_url)!;
    const byId = await post('/people/match', { id: verified.id });
    expect(byId.json.person.email).toBe(verified.email);
    expect(byId.json.person.last_name).toBe(verified.last_name);
    expect(byId.json.person.organization.primary_domain).toBeTruthy();
    expect(byId.json.person.organization.industry).toBe(
      sandbox.world.companies[verified.companyIdx]!.industry,
    );
    expect(byId.json.person.organization).not.toHaveProperty('departmental_head_count');
    expect(typeof byId.json.person.email_domain_catchall).toBe('boolean');
    expect(byId.json.person.employment_history.length).toBeGreaterThan(0);
    const verifiedCompany = sandbox.world.companies[verified.companyIdx]!;
    const byName = await post('/people/match', {
      first_name: verified.first_name,
      last_name: verified.last_name,
      domain: verifiedCompany.primary_domain,
    });
    expect(byName.json.person.first_name).toBe(verified.first_name);
    expect(byName.json.person.organization.id).toBe(verifiedCompany.id);
    const byEmail = await post('/people/match', { email: verified.email!.toUpperCase() });
    expect(byEmail.json.person.id).toBe(verified.id);
    const byLinkedin = await post('/people/match', {
      linkedin_url: unverified.linkedin_url!.replace('http://www.', 'https://') + '/',
    });
    expect(byLinkedin.json.person.id).toBe(unverified.id);
    const miss = await post('/people/match', {
      first_name: 'Nobody',
      last_name: 'Here',
      domain: 'no-such-company.example',
    });
    expect(miss.json).toEqual({ person: null });
    const bulkMatch = await post('/people/bulk_match', {
      details: [{ id: unverified.id }, { id: 'ffffffffffffffffffffffff' }],
    });
    expect(bulkMatch.json.matches).toHaveLength(2);
    expect(bulkMatch.json.missing_records).toBe(1);
    expect(bulkMatch.json.credits_consumed).toBe(1);
    const companies = await post('/mixed_companies/search', { q_organization_name: company.name });
    expect(companies.json.organizations[0].id).toBe(company.id);
    expect(companies.json.pagination.total_entries).toBeGreaterThanOrEqual(1);

    const stats = (await (await fetch(`${control}/stats`)).json()) as Json;
    // org enrich 1 + bulk 1; match by id/name/email/linkedin: 1 each (a verified email costs nothing extra); bulk 1; company search 1
    expect(stats.credits['/api/v1/organizations/enrich']).toBe(1);
    expect(stats.credits['/api/v1/organizations/bulk_enrich']).toBe(1);
    expect(stats.credits['/api/v1/people/match']).toBe(4);
    expect(stats.credits['/api/v1/people/bulk_match']).toBe(1);
    expect(stats.credits['/api/v1/mixed_companies/search']).toBe(1);
    expect(stats.creditsTotal).toBe(8);
    expect(stats.requests['/api/v1/people/match']).toBe(5);
  });
});
