/**
 * The strict sandbox sends nothing the real service does not: every Apollo endpoint it serves is
 * walked over real HTTP, across many records, and every object in every answer is held against the
 * real field sets (tests/fixtures/apollo/fields.ts, from providers.md). The same walk over the
 * sandbox's `legacyKindShapes` option must find the old kind extras, so the check can fail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxServer, type SandboxServer } from '../../main/sandbox/server';
import * as F from '../fixtures/apollo/fields';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are walked generically
type Json = any;
const KEY = { 'content-type': 'application/json', 'x-api-key': 'test-key' };

interface Spec {
  fields: readonly string[];
  nested?: Record<string, Spec>;
}
const leaf = (fields: readonly string[]): Spec => ({ fields });
const ORG_PARTS = {
  primary_phone: leaf(F.PRIMARY_PHONE),
  funding_events: leaf(F.FUNDING_EVENT),
  current_technologies: leaf(F.TECHNOLOGY),
  suborganizations: leaf(F.SUBORGANIZATION),
};
const ORG: Spec = { fields: F.ORGANIZATION, nested: ORG_PARTS };
const PERSON: Spec = {
  fields: F.PERSON,
  nested: {
    employment_history: leaf(F.EMPLOYMENT),
    organization: { fields: F.NESTED_ORGANIZATION, nested: ORG_PARTS },
  },
};
const SPECS = {
  search: {
    fields: F.SEARCH_RESPONSE,
    nested: {
      people: { fields: F.SEARCH_PERSON, nested: { organization: leaf(F.SEARCH_PERSON_ORGANIZATION) } },
    },
  },
  companies: {
    fields: F.COMPANY_SEARCH_RESPONSE,
    nested: {
      pagination: leaf(F.PAGINATION),
      breadcrumbs: leaf(F.BREADCRUMB),
      accounts: leaf(F.ACCOUNT),
      organizations: {
        fields: F.COMPANY_SEARCH_ORGANIZATION,
        nested: { primary_phone: leaf(F.PRIMARY_PHONE) },
      },
    },
  },
  enrich: { fields: F.ENRICH_RESPONSE, nested: { organization: ORG } },
  bulkEnrich: { fields: F.BULK_ENRICH_RESPONSE, nested: { organizations: ORG } },
  match: { fields: F.MATCH_RESPONSE, nested: { person: PERSON } },
  bulkMatch: { fields: F.BULK_MATCH_RESPONSE, nested: { matches: PERSON } },
  jobs: {
    fields: F.JOB_POSTINGS_RESPONSE,
    nested: { organization_job_postings: leaf(F.JOB_POSTING), pagination: leaf(F.PAGINATION) },
  },
} satisfies Record<string, Spec>;

/** Every key, at any depth, that the spec does not allow: "people[].organization.industry". */
function violations(value: Json, spec: Spec, path: string, out: Set<string>): Set<string> {
  if (Array.isArray(value)) {
    for (const v of value) violations(v, spec, `${path}[]`, out);
    return out;
  }
  if (!value || typeof value !== 'object') return out;
  for (const k of F.extraKeys(value, spec.fields)) out.add(`${path}.${k}`);
  for (const [k, child] of Object.entries(spec.nested ?? {}))
    if (value[k] !== undefined) violations(value[k], child, `${path}.${k}`, out);
  return out;
}

/** Rate headers outside the live family (and a 429 without retry-after) are violations too. */
function headerViolations(res: Response, path: string, out: Set<string>): void {
  res.headers.forEach((_v, name) => {
    if (
      /^x-.*(rate|usage|requests-left)/.test(name) &&
      !(F.LIVE_RATE_HEADERS as readonly string[]).includes(name)
    )
      out.add(`${path} header ${name}`);
  });
  if (res.status === 429 && !res.headers.get('retry-after')) out.add(`${path} 429 without retry-after`);
}

/** Calls every endpoint over a spread of records and returns what falls outside the real field sets. */
async function walk(sandbox: SandboxServer): Promise<{ violations: string[]; answers: number }> {
  const out = new Set<string>();
  let answers = 0;
  const call = async (path: string, spec: Spec, init: RequestInit = {}) => {
    const res = await fetch(`${sandbox.url}${path}`, { headers: KEY, ...init });
    headerViolations(res, path.split('?')[0]!, out);
    const json: Json = await res.json();
    expect(res.status, `${path}: ${JSON.stringify(json).slice(0, 200)}`).toBe(200);
    answers++;
    violations(json, spec, path.split('?')[0]!.replace(/\/[0-9a-f]{24}\//, '/{id}/'), out);
    return json;
  };
  const post = (path: string, spec: Spec, body: unknown) =>
    call(path, spec, { method: 'POST', body: JSON.stringify(body) });
  const { world } = sandbox;

  await post('/mixed_people/api_search', SPECS.search, { person_titles: ['HR Manager'], per_page: 100 });
  await post('/mixed_people/api_search', SPECS.search, {
    organization_locations: ['India'],
    per_page: 100,
    page: 3,
  });
  const companies = await post('/mixed_companies/search', SPECS.companies, {
    organization_locations: ['United States'],
    q_organization_keyword_tags: ['manufacturing'],
    organization_num_employees_ranges: ['200,10000'],
    per_page: 100,
  });
  expect(companies.organizations.length).toBe(100);
  await post('/mixed_companies/search', SPECS.companies, { q_organization_name: world.companies[5]!.name });

  // Companies with every kind of fact: many sites, funding, head counts, open jobs, and none of them.
  const picks = [
    ...world.companies.filter((c) => c.locations.length > 2).slice(0, 15),
    ...world.companies.filter((c) => c.funding_events.length > 1).slice(0, 10),
    ...world.companies.filter((c) => c.departmental_head_count === null).slice(0, 5),
    ...world.companies.filter((c) => c.job_postings_count > 12).slice(0, 10),
    ...world.companies.filter((c) => c.job_postings_count === 0).slice(0, 5),
  ];
  for (const c of picks) {
    await call(`/organizations/enrich?domain=${c.primary_domain}`, SPECS.enrich);
    await call(`/organizations/${c.id}/job_postings?page=1&per_page=5`, SPECS.jobs);
  }
  await post('/organizations/bulk_enrich', SPECS.bulkEnrich, {
    domains: picks.slice(0, 10).map((c) => c.primary_domain),
  });

  // People of every email status, with and without personal emails.
  const people = ['verified', 'unverified', 'likely to engage', 'unavailable'].flatMap((s) =>
    world.people.filter((p) => p.email_status === s).slice(0, 15),
  );
  for (const [i, p] of people.entries())
    await post('/people/match', SPECS.match, { id: p.id, reveal_personal_emails: i % 7 === 0 });
  await post('/people/bulk_match', SPECS.bulkMatch, {
    details: people.slice(0, 10).map((p) => ({ id: p.id })),
  });
  return { violations: [...out].sort(), answers };
}

const open: SandboxServer[] = [];
beforeAll(async () => {
  open.push(await startSandboxServer({ seed: 11, limits: 'off', scale: 0.1 }));
  open.push(await startSandboxServer({ seed: 11, limits: 'off', scale: 0.1, legacyKindShapes: true }));
});
afterAll(() => Promise.all(open.map((s) => s.close())));

describe('sandbox answers hold to the real field sets', () => {
  it('every endpoint, every record: no field outside the recorded shapes', async () => {
    const { violations: found, answers } = await walk(open[0]!);
    expect(answers).toBeGreaterThan(150);
    expect(found).toEqual([]);
  });

  it('the legacy kind shapes are caught by the same walk', async () => {
    const { violations: found } = await walk(open[1]!);
    expect(found).toEqual(
      expect.arrayContaining([
        '/mixed_companies/search.organizations[].industry',
        '/mixed_companies/search.organizations[].estimated_num_employees',
        '/mixed_companies/search.organizations[].country',
        '/organizations/enrich.organization.job_postings_count',
        '/organizations/enrich.organization.locations',
        '/people/match.person.organization.locations',
      ]),
    );
  });

  it('a 429 carries retry-after and the 24-hour header family', async () => {
    const s = await startSandboxServer({ seed: 11, scale: 0.1, limits: { enrich: { day: 1 } } });
    open.push(s);
    const domain = s.world.companies[0]!.primary_domain;
    const enrich = () => fetch(`${s.url}/organizations/enrich?domain=${domain}`, { headers: KEY });
    expect((await enrich()).status).toBe(200);
    const refused = await enrich();
    expect(refused.status).toBe(429);
    const found = new Set<string>();
    headerViolations(refused, '/organizations/enrich', found);
    expect([...found]).toEqual([]);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('x-24-hour-requests-left')).toBe('0');
  });
});
