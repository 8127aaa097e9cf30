/**
 * The Apollo client over real HTTP against the sandbox server: the happy path, then each fault
 * the sandbox can inject. Assertions compare the client's view with the sandbox's own counters.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApolloProvider, type ApolloProvider } from '../../main/providers/apollo';
import { ProviderError } from '../../main/providers/errors';
import {
  SANDBOX_INVALID_KEY,
  SANDBOX_NONMASTER_KEY,
  startSandboxServer,
  type SandboxServer,
} from '../../main/sandbox/server';
import { MANUFACTURING_HR, resetStats, sandboxStats, setFaults, sum } from './apollo-sandbox-helpers';

const KEY = 'lead-studio-test-key-0123456789';
const ctx = { campaignId: 1 };
const MATCH = '/api/v1/people/match';

let sandbox: SandboxServer;
let apollo: ApolloProvider;

beforeAll(async () => {
  sandbox = await startSandboxServer({ seed: 11, limits: 'off', scale: 0.1 });
});
afterAll(async () => {
  await sandbox?.close();
});
beforeEach(async () => {
  await setFaults(sandbox, {});
  await resetStats(sandbox);
  apollo = createApolloProvider({ apiKey: KEY, baseUrl: sandbox.url, retryBaseMs: 10, timeoutMs: 2_000 });
});
afterEach(async () => {
  await apollo.close();
});

async function someCandidates(n: number) {
  const page = await apollo.searchPeople({ ...MANUFACTURING_HR, perPage: n }, ctx);
  expect(page.people.length).toBe(n);
  return page.people;
}

async function rejection(p: Promise<unknown>): Promise<ProviderError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProviderError);
  return err as ProviderError;
}

describe('Apollo client ↔ sandbox', () => {
  it('search → enrich company → reveal person, with credits matching the sandbox ledger', async () => {
    const page = await apollo.searchPeople(MANUFACTURING_HR, ctx);
    expect(page.totalEntries).toBeGreaterThan(page.people.length);
    expect(page.totalPages).toBe(Math.min(500, Math.ceil(page.totalEntries / 25)));
    const candidate = page.people[0]!;
    expect(candidate.lastName).toContain('***'); // free search hides last names
    expect(candidate.organizationDomain).toBeNull(); // and domains

    const company = await apollo.enrichCompany(
      {
        name: candidate.organizationName,
        domain: candidate.organizationDomain,
        organizationId: candidate.organizationId,
      },
      ctx,
    );
    expect(company.calls.map((c) => c.endpoint)).toEqual([
      '/mixed_companies/search',
      '/organizations/enrich',
    ]);
    expect(company.data).not.toBeNull();
    const truthPerson = sandbox.world.personById.get(candidate.providerId)!;
    const truthCompany = sandbox.world.companies[truthPerson.companyIdx]!;
    expect(company.data).toMatchObject({
      providerId: truthCompany.id,
      name: truthCompany.name,
      domain: truthCompany.primary_domain,
      employees: truthCompany.estimated_num_employees,
      // The real ORG carries neither hiring nor a site list.
      openJobs: null,
      locations: [],
      rawAddress: truthCompany.raw_address,
      factsFrom: 'organizations/enrich',
    });
    expect(Object.keys(company.data!.departmentHeadCount).length).toBeGreaterThan(0);

    const revealed = await apollo.revealPerson({ providerId: candidate.providerId }, ctx);
    expect(revealed.data).toMatchObject({
      providerId: candidate.providerId,
      firstName: candidate.firstName,
      lastName: truthPerson.last_name,
      title: truthPerson.title,
    });
    // The organization nested in the person: the enrich facts minus departmental head counts.
    expect(revealed.data!.organization).toMatchObject({
      providerId: truthCompany.id,
      industry: company.data!.industry,
      employees: company.data!.employees,
      country: company.data!.country,
      numSuborganizations: company.data!.numSuborganizations,
      departmentHeadCount: {},
      factsFrom: 'people/match',
    });
    expect(typeof revealed.data!.emailDomainCatchall).toBe('boolean');
    const expectedStatus = !truthPerson.email
      ? 'unavailable'
      : truthPerson.email_status === 'verified'
        ? 'verified'
        : truthPerson.email_status === 'unavailable'
          ? 'unavailable'
          : 'guessed';
    expect(revealed.data!.emailStatus).toBe(expectedStatus);

    const stats = await sandboxStats(sandbox);
    expect(company.credits + revealed.credits).toBe(stats.creditsTotal);
    expect(stats.credits['/api/v1/people/match']).toBe(revealed.credits);
    expect(apollo.stats().total).toMatchObject({ requests: 4, retries: 0, failures: 0 });
  });

  it('enriches by domain directly when the domain is known, and returns null for an unknown one', async () => {
    const c = sandbox.world.companies[3]!;
    const hit = await apollo.enrichCompany(
      { name: c.name, domain: c.primary_domain, organizationId: null },
      ctx,
    );
    expect(hit.calls).toEqual([
      { endpoint: '/organizations/enrich', credits: 1, expectedCredits: 1, reportedCredits: null },
    ]);
    expect(hit.data?.name).toBe(c.name);
    const miss = await apollo.enrichCompany(
      { name: 'Nope', domain: 'no-such-company.invalid', organizationId: null },
      ctx,
    );
    expect(miss).toEqual({
      data: null,
      credits: 0,
      calls: [{ endpoint: '/organizations/enrich', credits: 0, expectedCredits: 0, reportedCredits: null }],
    });
    expect((await sandboxStats(sandbox)).creditsTotal).toBe(1);
  });

  it('rides out a 429 storm: waits, retries, succeeds, and counts every 429', async () => {
    const [p] = await someCandidates(1);
    await setFaults(sandbox, { storm429: 3, paths: [MATCH] });
    const res = await apollo.revealPerson({ providerId: p!.providerId }, ctx);
    expect(res.data?.providerId).toBe(p!.providerId);
    expect(apollo.stats().byEndpoint['/people/match']).toMatchObject({
      requests: 4,
      rateLimited: 3,
      retries: 3,
    });
    expect((await sandboxStats(sandbox)).rateLimited[MATCH]).toBe(3);
  });

  it('gives up with RATE_LIMITED when the storm outlasts the retries', async () => {
    const [p] = await someCandidates(1);
    await setFaults(sandbox, { storm429: 10, paths: [MATCH] });
    const err = await rejection(apollo.revealPerson({ providerId: p!.providerId }, ctx));
    expect(err.code).toBe('RATE_LIMITED');
    expect(err.message).toMatch(/^Apollo POST \/people\/match kept answering 429/);
    expect((await sandboxStats(sandbox)).rateLimited[MATCH]).toBe(4);
  });

  it('retries through 5xx bursts; the client saw exactly the errors the sandbox injected', async () => {
    const people = await someCandidates(20);
    await setFaults(sandbox, { errorRate: 0.35, seed: 5, paths: [MATCH] });
    const results = await Promise.allSettled(
      people.map((p) => apollo.revealPerson({ providerId: p.providerId }, ctx)),
    );
    const stats = await sandboxStats(sandbox);
    const injected = sum(stats.faults);
    expect(injected).toBeGreaterThan(0);
    expect(apollo.stats().byEndpoint['/people/match']!.serverErrors).toBe(injected);
    results.forEach((r, i) => {
      if (r.status === 'fulfilled') expect(r.value.data?.providerId).toBe(people[i]!.providerId);
      else expect((r.reason as ProviderError).code).toBe('UNAVAILABLE');
    });
    expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThan(15);
  });

  it('reports UNAVAILABLE after 4 tries when the service keeps failing', async () => {
    const [p] = await someCandidates(1);
    await setFaults(sandbox, { errorRate: 1, paths: [MATCH] });
    const err = await rejection(apollo.revealPerson({ providerId: p!.providerId }, ctx));
    expect(err.code).toBe('UNAVAILABLE');
    expect(err.message).toMatch(/Apollo POST \/people\/match failed with HTTP 50\d after 4 tries/);
    expect((await sandboxStats(sandbox)).requests[MATCH]).toBe(4);
  });

  it('times out slow answers, retries, and reports UNAVAILABLE naming the timeout', async () => {
    const [p] = await someCandidates(1);
    const impatient = createApolloProvider({
      apiKey: KEY,
      baseUrl: sandbox.url,
      retryBaseMs: 10,
      timeoutMs: 100,
    });
    try {
      await setFaults(sandbox, { slowRate: 1, slowMs: 400, paths: [MATCH] });
      const err = await rejection(impatient.revealPerson({ providerId: p!.providerId }, ctx));
      expect(err.code).toBe('UNAVAILABLE');
      expect(err.message).toMatch(/did not answer within 100 ms after 4 tries/);
      expect(impatient.stats().byEndpoint['/people/match']!.timeouts).toBe(4);

      await setFaults(sandbox, { slowRate: 0.5, slowMs: 400, seed: 3, paths: [MATCH] });
      const people = await someCandidates(6);
      const results = await Promise.allSettled(
        people.map((q) => impatient.revealPerson({ providerId: q.providerId }, ctx)),
      );
      expect(impatient.stats().byEndpoint['/people/match']!.timeouts).toBeGreaterThan(4);
      expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThan(3);
    } finally {
      await impatient.close();
    }
  });

  it('retries malformed bodies and ends in BAD_RESPONSE without crashing', async () => {
    const [p] = await someCandidates(1);
    await setFaults(sandbox, { malformedRate: 1, paths: [MATCH] });
    const err = await rejection(apollo.revealPerson({ providerId: p!.providerId }, ctx));
    expect(err.code).toBe('BAD_RESPONSE');
    expect(err.message).toMatch(/Apollo POST \/people\/match answered with a body we could not read/);
    const stats = await sandboxStats(sandbox);
    expect(stats.requests[MATCH]).toBe(4);
    expect(apollo.stats().byEndpoint['/people/match']!.malformed).toBe(4);

    // Occasional garbage is absorbed by the retries.
    await setFaults(sandbox, { malformedRate: 0.3, seed: 9, paths: [MATCH] });
    const people = await someCandidates(10);
    const ok = await Promise.allSettled(
      people.map((q) => apollo.revealPerson({ providerId: q.providerId }, ctx)),
    );
    expect(ok.filter((r) => r.status === 'fulfilled').length).toBeGreaterThan(7);
  });

  it('turns a bad key into AUTH with a message a user can act on, and never shows the key', async () => {
    const bad = createApolloProvider({ apiKey: SANDBOX_INVALID_KEY, baseUrl: sandbox.url, retryBaseMs: 10 });
    const nonMaster = createApolloProvider({
      apiKey: SANDBOX_NONMASTER_KEY,
      baseUrl: sandbox.url,
      retryBaseMs: 10,
    });
    try {
      const err = await rejection(bad.searchPeople(MANUFACTURING_HR, ctx));
      expect(err.code).toBe('AUTH');
      expect(err.message).toBe(
        'Apollo rejected the API key (401: Invalid access credentials.). Check the key in Settings → API keys.',
      );
      expect(bad.stats().total.requests).toBe(1);
      expect(await bad.testConnection()).toEqual({ ok: false, message: err.message });

      const forbidden = await rejection(nonMaster.searchPeople(MANUFACTURING_HR, ctx));
      expect(forbidden.code).toBe('AUTH');
      expect(forbidden.message).toMatch(/needs a master API key/);
      expect(forbidden.message).not.toContain(SANDBOX_NONMASTER_KEY);

      expect(await apollo.testConnection()).toMatchObject({ ok: true });
    } finally {
      await bad.close();
      await nonMaster.close();
    }
  });

  it('stops when the campaign is cancelled', async () => {
    const [p] = await someCandidates(1);
    await setFaults(sandbox, { slowRate: 1, slowMs: 1_500, paths: [MATCH] });
    const ac = new AbortController();
    const pending = apollo.revealPerson({ providerId: p!.providerId }, { campaignId: 1, signal: ac.signal });
    setTimeout(() => ac.abort(), 50);
    expect((await rejection(pending)).code).toBe('ABORTED');
    expect(apollo.stats().byEndpoint['/people/match']).toMatchObject({ requests: 1, retries: 0 });
  });
});
