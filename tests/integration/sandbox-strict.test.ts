/**
 * The Apollo client against the strict sandbox over real HTTP: job postings paged and charged,
 * a used-up 24-hour window (headers and Retry-After, UTC and rolling windows, injected clocks),
 * credits_consumed from bulk_match, the keyword-tag option both ways, and the ground truth the
 * engine is measured against (bouncing "verified" addresses, hiring companies).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApolloProvider, type ApolloProvider } from '../../main/providers/apollo';
import type { ProviderError } from '../../main/providers/errors';
import type { PeopleSearchQuery } from '../../main/providers/types';
import {
  JOB_POSTINGS_PATH,
  startSandboxServer,
  type SandboxOptions,
  type SandboxServer,
} from '../../main/sandbox/server';
import { origin, resetStats, sandboxStats } from './apollo-sandbox-helpers';

const ctx = { campaignId: 1 };
const DAY = 86_400_000;
const open: SandboxServer[] = [];
const clients: ApolloProvider[] = [];

async function sandboxWith(opts: SandboxOptions = {}): Promise<SandboxServer> {
  const s = await startSandboxServer({ seed: 11, scale: 0.1, limits: 'off', ...opts });
  open.push(s);
  return s;
}
function clientOf(s: SandboxServer, clock?: () => number): ApolloProvider {
  const c = createApolloProvider({
    apiKey: 'strict-key',
    baseUrl: s.url,
    retryBaseMs: 5,
    ...(clock ? { clock } : {}),
  });
  clients.push(c);
  return c;
}
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});
afterAll(() => Promise.all(open.map((s) => s.close())));

let sandbox: SandboxServer;
beforeAll(async () => {
  sandbox = await sandboxWith();
});

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as ProviderError,
  );

describe('job postings', () => {
  it('pages exactly the world’s open jobs, one credit per page with postings, none for an empty page', async () => {
    const company = sandbox.world.companies.find(
      (c) => c.job_postings_count >= 21 && c.job_postings_count % 10 !== 0,
    )!;
    const apollo = clientOf(sandbox);
    await resetStats(sandbox);
    const pages = Math.ceil(company.job_postings_count / 10);
    const ids = new Set<string>();
    let credits = 0;
    for (let page = 1; page <= pages + 1; page++) {
      const res = await apollo.jobPostings({ organizationId: company.id, page, perPage: 10 }, ctx);
      expect(res.data.totalEntries).toBe(company.job_postings_count);
      expect(res.data.totalPages).toBe(pages);
      expect(res.data.postings).toHaveLength(
        page < pages ? 10 : page === pages ? company.job_postings_count % 10 : 0,
      );
      expect(res.credits).toBe(res.data.postings.length > 0 ? 1 : 0);
      credits += res.credits;
      for (const p of res.data.postings) ids.add(p.id);
    }
    expect(ids.size).toBe(company.job_postings_count);
    const stats = await sandboxStats(sandbox);
    expect(stats.credits[JOB_POSTINGS_PATH]).toBe(pages);
    expect(credits).toBe(pages);

    const idle = sandbox.world.companies.find((c) => c.job_postings_count === 0)!;
    const none = await apollo.jobPostings({ organizationId: idle.id, page: 1, perPage: 10 }, ctx);
    expect(none.data).toMatchObject({ postings: [], totalEntries: 0 });
    expect(none.credits).toBe(0);
    const unknown = await apollo.jobPostings(
      { organizationId: 'ffffffffffffffffffffffff', page: 1, perPage: 10 },
      ctx,
    );
    expect(unknown.data.postings).toEqual([]);
    expect(unknown.credits).toBe(0);
  });
});

describe('a used-up 24-hour window', () => {
  const enrichTwice = async (s: SandboxServer, apollo: ApolloProvider) => {
    for (const c of s.world.companies.slice(0, 2))
      expect(
        (await apollo.enrichCompany({ name: c.name, domain: c.primary_domain, organizationId: null }, ctx))
          .data,
      ).not.toBeNull();
  };
  const third = (s: SandboxServer, apollo: ApolloProvider) => {
    const c = s.world.companies[2]!;
    return apollo.enrichCompany({ name: c.name, domain: c.primary_domain, organizationId: null }, ctx);
  };

  it('UTC windows: headers and retry-after both say the next UTC day; the window turns and calls go through', async () => {
    let now = Date.UTC(2026, 10, 1, 21, 30, 0);
    const clock = () => now;
    const s = await sandboxWith({ limits: { enrich: { day: 2 } }, clock });
    const learned = clientOf(s, clock);
    await enrichTwice(s, learned);
    const midnight = Date.UTC(2026, 10, 2);
    // This client read x-24-hour-requests-left: 0 and does not even send.
    const held = await failure(third(s, learned));
    expect([held.code, held.window, held.retryAt]).toEqual(['RATE_LIMITED', 'day', midnight]);
    // A fresh client sends, gets the 429, and reads Retry-After.
    const fresh = clientOf(s, clock);
    const refused = await failure(third(s, fresh));
    expect([refused.code, refused.window, refused.retryAt]).toEqual(['RATE_LIMITED', 'day', midnight]);
    expect(s.stats().rateLimited['/api/v1/organizations/enrich']).toBe(1);
    now = midnight + 1_000;
    expect((await third(s, learned)).data).not.toBeNull();
    expect((await third(s, fresh)).data).not.toBeNull();
  });

  it('rolling windows: Retry-After names the window’s own end, not a UTC boundary', async () => {
    let now = Date.UTC(2026, 10, 1, 9, 15, 0);
    const clock = () => now;
    const s = await sandboxWith({ limits: { enrich: { day: 2 } }, clock, windowAlignment: 'rolling' });
    await enrichTwice(s, clientOf(s, clock));
    now += 60_000;
    const refused = await failure(third(s, clientOf(s, clock)));
    expect(refused.window).toBe('day');
    expect(refused.retryAt).toBe(Date.UTC(2026, 10, 1, 9, 15, 0) + DAY);
  });

  it('documented x-*-daily headers are read as well', async () => {
    const now = Date.UTC(2026, 10, 1, 12, 0, 0);
    const clock = () => now;
    const s = await sandboxWith({ limits: { enrich: { day: 2 } }, clock, rateHeaders: 'documented' });
    const apollo = clientOf(s, clock);
    await enrichTwice(s, apollo);
    const held = await failure(third(s, apollo));
    expect([held.window, held.retryAt]).toEqual(['day', Date.UTC(2026, 10, 2)]);
    expect(s.stats().rateLimited['/api/v1/organizations/enrich']).toBeUndefined();
  });
});

describe('credits as Apollo reports them', () => {
  it('bulk_match reports credits_consumed: one per revealed person, none for the missing one', async () => {
    const apollo = clientOf(sandbox);
    await resetStats(sandbox);
    const verified = sandbox.world.people.filter((p) => p.email_status === 'verified').slice(0, 2);
    const res = await apollo.revealPeople(
      [
        { providerId: verified[0]!.id },
        { providerId: 'ffffffffffffffffffffffff' },
        { providerId: verified[1]!.id },
      ],
      ctx,
    );
    expect(res.data.map((p) => p?.providerId ?? null)).toEqual([verified[0]!.id, null, verified[1]!.id]);
    expect(res.calls).toEqual([
      { endpoint: '/people/bulk_match', credits: 2, expectedCredits: 2, reportedCredits: 2 },
    ]);
    expect((await sandboxStats(sandbox)).credits['/api/v1/people/bulk_match']).toBe(2);
  });
});

describe('people search keyword tags (undocumented there)', () => {
  const query: PeopleSearchQuery = {
    titles: ['HR Manager', 'Plant Manager'],
    includeSimilarTitles: true,
    organizationLocations: ['United States'],
    employeeRanges: ['200,10000'],
    industryKeywords: ['castings'],
    page: 1,
    perPage: 100,
  };
  const tagged = (s: SandboxServer, personId: string) => {
    const c = s.world.companies[s.world.personById.get(personId)!.companyIdx]!;
    return [c.industry ?? '', ...c.industries, ...c.keywords].some((h) =>
      h.toLowerCase().includes('castings'),
    );
  };

  it('ignored by default, applied on request; organization_ids[] scopes either way', async () => {
    const applying = await sandboxWith({ keywordTagFilter: 'applied' });
    const [ignored, applied] = await Promise.all([
      clientOf(sandbox).searchPeople(query, ctx),
      clientOf(applying).searchPeople(query, ctx),
    ]);
    expect(ignored.totalEntries).toBeGreaterThan(applied.totalEntries);
    expect(ignored.people.some((p) => !tagged(sandbox, p.providerId))).toBe(true);
    expect(applied.people.length).toBeGreaterThan(0);
    expect(applied.people.every((p) => tagged(applying, p.providerId))).toBe(true);

    // The directory (company search applies the tags) scopes the people search on both.
    const dir = await clientOf(sandbox).searchCompanies({ ...query, page: 1, perPage: 100 }, ctx);
    const organizationIds = dir.data.companies.map((c) => c.providerId!);
    for (const s of [sandbox, applying]) {
      const scoped = await clientOf(s).searchPeople({ ...query, organizationIds }, ctx);
      expect(scoped.people.length).toBeGreaterThan(0);
      expect(scoped.people.every((p) => tagged(s, p.providerId))).toBe(true);
    }
  });
});

describe('ground truth the engine is measured against', () => {
  it('knows which "verified" addresses bounce (mostly at catch-all domains) and which companies hire', async () => {
    const people = sandbox.world.people.filter((p) => p.email !== null).slice(0, 3000);
    const res = await fetch(`${origin(sandbox)}/_sandbox/truth`, {
      method: 'POST',
      body: JSON.stringify({
        icp: {
          tiers: { T1: { titles: [] }, T2: { titles: [] }, T3: { titles: [] } },
          industries: [],
          locations: [],
          companySize: { min: 0, max: 1 },
        },
        personIds: people.map((p) => p.id),
      }),
    });
    const body = (await res.json()) as {
      emails: Record<string, { emailStatus: string; catchall: boolean; bounces: boolean }>;
      companies: Record<string, { openJobs: number; hiring: boolean }>;
    };
    const emails = Object.values(body.emails);
    const verified = emails.filter((e) => e.emailStatus === 'verified');
    const catchallShare = emails.filter((e) => e.catchall).length / emails.length;
    expect(catchallShare).toBeGreaterThan(0.1);
    expect(catchallShare).toBeLessThan(0.35);
    expect(verified.some((e) => e.catchall && e.bounces)).toBe(true);
    expect(verified.some((e) => e.catchall && !e.bounces)).toBe(true);
    // Off catch-all domains Apollo's "verified" mostly holds (a few mailboxes have died since).
    const plain = verified.filter((e) => !e.catchall);
    expect(plain.filter((e) => e.bounces).length / plain.length).toBeLessThan(0.06);

    // What the API says about an address matches the truth's catch-all flag.
    const apollo = clientOf(sandbox);
    const sample = people.filter((p) => p.email_status === 'verified').slice(0, 5);
    for (const p of sample) {
      const r = await apollo.revealPerson({ providerId: p.id }, ctx);
      expect(r.data!.emailDomainCatchall).toBe(body.emails[p.id]!.catchall);
    }
    // Hiring truth = what the job-postings endpoint lists.
    const [id, hiring] = Object.entries(body.companies).find(([, c]) => c.hiring)!;
    const page = await apollo.jobPostings({ organizationId: id, page: 1, perPage: 100 }, ctx);
    expect(page.data.totalEntries).toBe(hiring.openJobs);
  });
});
