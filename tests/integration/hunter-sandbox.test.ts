/**
 * The Hunter client against the sandbox Hunter over real HTTP on loopback: finder, verifier
 * (202 then 200), domain search, account, 403 rate limiting waited out, 429 quota surfaced as
 * QUOTA_EXHAUSTED, bad key, unreadable bodies and 5xx.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createHunterClient, type HunterClient, type HunterClientOptions } from '../../main/providers/hunter';
import { ProviderError } from '../../main/providers/errors';
import {
  HUNTER_SANDBOX_INVALID_KEY,
  startHunterSandbox,
  type HunterSandboxOptions,
  type HunterSandboxServer,
} from '../../main/sandbox/hunter/server';
import { isCatchAllDomain, mailPattern, mailboxAlive, personAddress } from '../../main/sandbox/hunter/mail';
import { isSourced } from '../../main/sandbox/hunter/shapes';
import { knowsPattern } from '../../main/sandbox/hunter/answers';
import { getWorld, type WorldPerson } from '../../main/sandbox/world';

const SCALE = 0.05;
const KEY = 'hunter-test-key-7f3a9c';
const ctx = { campaignId: null };
const world = getWorld(42, { scale: SCALE });

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});
afterAll(async () => {
  while (open.length) await open.pop()!.close();
});

async function sandbox(opts: HunterSandboxOptions = {}): Promise<HunterSandboxServer> {
  const sb = await startHunterSandbox({ scale: SCALE, plan: 'off', verifier: { pendingShare: 0 }, ...opts });
  open.push(sb);
  return sb;
}

function client(sb: HunterSandboxServer, opts: Partial<HunterClientOptions> = {}): HunterClient {
  const c = createHunterClient({ apiKey: KEY, baseUrl: sb.url, retryBaseMs: 10, pollDelayMs: 50, ...opts });
  open.push(c);
  return c;
}

async function failure(p: Promise<unknown>): Promise<ProviderError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProviderError);
  return err as ProviderError;
}

async function truth(sb: HunterSandboxServer, emails: string[]) {
  const res = await fetch(sb.url.replace(/\/v2$/, '/_sandbox/truth'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ emails }),
  });
  expect(res.status).toBe(200);
  return (
    (await res.json()) as {
      emails: Record<string, { delivers: boolean; personId: string | null; catchAll: boolean }>;
    }
  ).emails;
}

/** People whose mail facts fit a test: Hunter has sources for them, their domain is (not) catch-all. */
function people(filter: { catchAll: boolean; alive?: boolean }, n = 1): WorldPerson[] {
  const out = world.people.filter((p) => {
    const domain = world.companies[p.companyIdx]!.primary_domain;
    return (
      isSourced(world, p) &&
      isCatchAllDomain(world, domain) === filter.catchAll &&
      (filter.alive === undefined || mailboxAlive(world, p) === filter.alive)
    );
  });
  expect(out.length).toBeGreaterThanOrEqual(n);
  return out.slice(0, n);
}

const finderQuery = (p: WorldPerson) => ({
  domain: world.companies[p.companyIdx]!.primary_domain,
  firstName: p.first_name,
  lastName: p.last_name,
});

describe('Hunter client ↔ sandbox Hunter', () => {
  it('finds a person by domain and name, charges 1 credit, and charges nothing when nothing is found', async () => {
    const sb = await sandbox();
    const hunter = client(sb);
    const [p] = people({ catchAll: false, alive: true });
    const found = await hunter.findEmail(finderQuery(p!), ctx);
    expect(found.data?.email).toBe(personAddress(world, p!));
    expect(found.data?.sources).toBeGreaterThan(0);
    expect(found.data?.acceptAll).toBe(false);
    expect(found).toMatchObject({ credits: 1, calls: [{ endpoint: '/email-finder', credits: 1 }] });
    expect((await truth(sb, [found.data!.email]))[found.data!.email]).toMatchObject({
      delivers: true,
      personId: p!.id,
    });
    const byPerson = await fetch(sb.url.replace(/\/v2$/, '/_sandbox/truth'), {
      method: 'POST',
      body: JSON.stringify({ personIds: [p!.id] }),
    }).then((r) => r.json() as Promise<{ people: Record<string, { email: string; delivers: boolean }> }>);
    expect(byPerson.people[p!.id]).toMatchObject({ email: found.data!.email, delivers: true });

    const none = await hunter.findEmail(
      { domain: 'no-such-company.example', firstName: 'Ada', lastName: 'Lovelace' },
      ctx,
    );
    expect(none).toEqual({
      data: null,
      credits: 0,
      calls: [{ endpoint: '/email-finder', credits: 0, expectedCredits: 0, reportedCredits: null }],
    });
    expect(sb.usage()).toMatchObject({ searches: 1, credits: 1 });
    expect(sb.stats().requests['/v2/email-finder']).toBe(2);
  });

  it('verifies: valid for a live mailbox, invalid for an invented one, accept_all on a catch-all domain, webmail', async () => {
    const sb = await sandbox();
    const hunter = client(sb);
    const [alive] = people({ catchAll: false, alive: true });
    const [onCatchAll] = people({ catchAll: true });
    const domain = world.companies[alive!.companyIdx]!.primary_domain;
    const results = await Promise.all(
      [
        personAddress(world, alive!),
        `zz.nobody.here@${domain}`,
        personAddress(world, onCatchAll!),
        'someone@gmail.com',
      ].map((e) => hunter.verifyEmail(e, ctx)),
    );
    expect(results.map((r) => r.data.status)).toEqual(['valid', 'invalid', 'accept_all', 'webmail']);
    expect(results[2]!.data.acceptAll).toBe(true);
    expect(results.every((r) => r.credits === 0.5)).toBe(true);
    expect(sb.usage()).toMatchObject({ verifications: 4, credits: 2 });
  });

  it('asks again after a 202 until the 200, and is charged once', async () => {
    const sb = await sandbox({ verifier: { pendingShare: 1, verifyDelayMs: 250 } });
    const hunter = client(sb, { pollDelayMs: 100 });
    const [p] = people({ catchAll: false, alive: true });
    const res = await hunter.verifyEmail(personAddress(world, p!), ctx);
    expect(res.data).toMatchObject({ status: 'valid', smtpCheck: true });
    expect(res.data.unresolved).toBeUndefined();
    expect(res.credits).toBe(0.5);
    const s = sb.stats();
    expect(s.pending).toBeGreaterThanOrEqual(1); // the first ask always gets the 202
    expect(hunter.stats().verifyPolls).toBe(s.pending);
    expect(s.requests['/v2/email-verifier']).toBe(s.pending + 1);
    expect(sb.usage()).toMatchObject({ verifications: 1, credits: 0.5 });
  });

  it('gives up re-asking after maxVerifyPolls: status unknown, still verifying, nothing charged', async () => {
    const sb = await sandbox({ verifier: { pendingShare: 1, verifyDelayMs: 60_000 } });
    const hunter = client(sb, { pollDelayMs: 20, maxVerifyPolls: 2 });
    const [p] = people({ catchAll: false });
    const res = await hunter.verifyEmail(personAddress(world, p!), ctx);
    expect(res.data).toMatchObject({ status: 'unknown', unresolved: 'still_verifying' });
    expect(res.credits).toBe(0);
    expect(sb.stats().pending).toBe(3);
    expect(sb.usage()).toMatchObject({ verifications: 0, credits: 0 });
  });

  it("waits out Hunter's 403 per-second limit and gets every answer", async () => {
    const sb = await sandbox({
      limits: { search: { second: 3, minute: 1000 }, verifier: { second: 3, minute: 1000 } },
    });
    // The client believes in a far higher limit, so the sandbox's 403s must do the limiting.
    const hunter = client(sb, {
      limits: { search: { perSecond: 100, perMinute: 1000 }, verifier: { perSecond: 100, perMinute: 1000 } },
      rateLimitWaitMs: 250,
      maxRateLimitWaits: 20,
    });
    const subjects = people({ catchAll: false }, 9);
    const found = await Promise.all(subjects.map((p) => hunter.findEmail(finderQuery(p), ctx)));
    expect(found.map((f) => f.data?.email)).toEqual(subjects.map((p) => personAddress(world, p)));
    const refused = sb.stats().rateLimited['/v2/email-finder'] ?? 0;
    expect(refused).toBeGreaterThan(0);
    expect(hunter.stats().rateLimitWaits).toBe(refused);
    expect(sb.usage().searches).toBe(9); // refused requests are not charged
  });

  it('fails with RATE_LIMITED and a retryAt when 403s outlast its waits', async () => {
    const sb = await sandbox({ faults: { storm403: 5 } });
    const hunter = client(sb, { rateLimitWaitMs: 10, maxRateLimitWaits: 2 });
    const before = Date.now();
    const err = await failure(hunter.findEmail(finderQuery(people({ catchAll: false })[0]!), ctx));
    expect(err.code).toBe('RATE_LIMITED');
    expect(err.status).toBe(403);
    expect(err.retryAt).toBeGreaterThan(before);
    expect(err.message).toMatch(/Hunter kept answering 403 .* after 3 tries/);
    expect(sb.stats().rateLimited['/v2/email-finder']).toBe(3);
  });

  it('surfaces 429 as QUOTA_EXHAUSTED at once (no retries), per class, and only found emails use the quota', async () => {
    const sb = await sandbox({ plan: { name: 'Tiny', searches: 1, verifications: 1 } });
    const hunter = client(sb);
    const [a, b] = people({ catchAll: false, alive: true }, 2);
    expect(
      (
        await hunter.findEmail(
          { domain: 'no-such-company.example', firstName: 'Ada', lastName: 'Byron' },
          ctx,
        )
      ).data,
    ).toBeNull();
    expect((await hunter.findEmail(finderQuery(a!), ctx)).data).not.toBeNull();
    const err = await failure(hunter.findEmail(finderQuery(b!), ctx));
    expect(err.code).toBe('QUOTA_EXHAUSTED');
    expect(err.status).toBe(429);
    expect(err.message).toMatch(/monthly quota .* Apollo alone/);
    expect(sb.stats().requests['/v2/email-finder']).toBe(3);
    expect(sb.stats().quotaRefused['/v2/email-finder']).toBe(1);
    expect(hunter.stats().quotaRefusals).toBe(1);

    expect((await hunter.verifyEmail(personAddress(world, a!), ctx)).data.status).toBe('valid');
    expect((await failure(hunter.verifyEmail(personAddress(world, b!), ctx))).code).toBe('QUOTA_EXHAUSTED');
    const account = await hunter.account();
    expect(account).toMatchObject({
      plan: 'Tiny',
      searches: { used: 1, available: 1 },
      verifications: { used: 1, available: 1 },
      creditsUsed: 1.5,
    });
  });

  it('lets the quota roll over with the month on the sandbox clock', async () => {
    let now = Date.UTC(2026, 11, 31, 23, 59, 30);
    const sb = await sandbox({ plan: { name: 'Tiny', searches: 1, verifications: 1 }, clock: () => now });
    const hunter = client(sb, { clock: () => now });
    const [a, b] = people({ catchAll: false, alive: true }, 2);
    await hunter.findEmail(finderQuery(a!), ctx);
    expect((await failure(hunter.findEmail(finderQuery(b!), ctx))).code).toBe('QUOTA_EXHAUSTED');
    expect((await hunter.account()).resetDate).toBe('2027-01-01');
    now = Date.UTC(2027, 0, 1, 0, 0, 5);
    expect((await hunter.findEmail(finderQuery(b!), ctx)).data?.email).toBe(personAddress(world, b!));
    expect(await hunter.account()).toMatchObject({
      resetDate: '2027-02-01',
      searches: { used: 1, available: 1 },
    });
  });

  it('rejects a bad key with AUTH in words that name Hunter and Settings, and never echoes the key', async () => {
    const sb = await sandbox();
    const bad = client(sb, { apiKey: HUNTER_SANDBOX_INVALID_KEY });
    const err = await failure(bad.findEmail(finderQuery(people({ catchAll: false })[0]!), ctx));
    expect(err.code).toBe('AUTH');
    expect(err.status).toBe(401);
    expect(err.message).toMatch(/Hunter rejected the API key .*Settings → API keys/);
    expect(err.message).not.toContain(HUNTER_SANDBOX_INVALID_KEY);
    expect(await bad.testConnection()).toMatchObject({ ok: false });
    expect(() => createHunterClient({ apiKey: '  ', baseUrl: sb.url })).toThrow(/Hunter API key is empty/);
  });

  it('sends the key in the X-API-KEY header only: the sandbox refuses a key in the URL and a missing header', async () => {
    const sb = await sandbox();
    const inUrl = await fetch(`${sb.url}/account?api_key=${KEY}`);
    expect(inUrl.status).toBe(400);
    const noKey = await fetch(`${sb.url}/account`);
    expect(noKey.status).toBe(401);
    expect(await noKey.json()).toEqual({
      errors: [{ id: 'authentication_failed', code: 401, details: 'No user found for the API key supplied' }],
    });
    const ok = await client(sb).testConnection();
    expect(ok.ok).toBe(true);
    expect(ok.message).toMatch(/Connected to Hunter \(Sandbox \(unlimited\)\)/);
  });

  it('retries an unreadable body, then fails with BAD_RESPONSE (a verifier body is never mistaken for a 202)', async () => {
    const sb = await sandbox({ faults: { malformedRate: 1 } });
    const hunter = client(sb, { maxRetries: 2 });
    const [p] = people({ catchAll: false, alive: true });
    const err = await failure(hunter.findEmail(finderQuery(p!), ctx));
    expect(err.code).toBe('BAD_RESPONSE');
    expect(err.message).toMatch(/after 3 tries/);
    expect(sb.stats().requests['/v2/email-finder']).toBe(3);
    expect((await failure(hunter.verifyEmail(personAddress(world, p!), ctx))).code).toBe('BAD_RESPONSE');
    expect(hunter.stats().verifyPolls).toBe(0);
    // The sandbox charged for answers the client could not read: the paid-call gate records those.
    expect(sb.usage().searches).toBe(3);
  });

  it('retries 5xx with backoff and fails with UNAVAILABLE; works again when the server recovers', async () => {
    const sb = await sandbox({ faults: { errorRate: 1 } });
    const hunter = client(sb, { maxRetries: 1 });
    const [p] = people({ catchAll: false, alive: true });
    expect((await failure(hunter.findEmail(finderQuery(p!), ctx))).code).toBe('UNAVAILABLE');
    expect(sb.stats().requests['/v2/email-finder']).toBe(2);
    sb.setFaults({});
    expect((await hunter.findEmail(finderQuery(p!), ctx)).data?.email).toBe(personAddress(world, p!));
  });

  it("searches a domain: Hunter's pattern, the emails it has sources for, 1 credit per 10", async () => {
    const sb = await sandbox();
    const hunter = client(sb);
    const company = world.companies.find(
      (c) =>
        knowsPattern(world, c.primary_domain) &&
        world.people.filter((p) => p.companyIdx === c.idx && isSourced(world, p)).length > 10,
    )!;
    const res = await hunter.searchDomain({ domain: company.primary_domain, limit: 20 }, ctx);
    expect(res.data.pattern).toBe(mailPattern(world, company.primary_domain));
    expect(res.data.acceptAll).toBe(isCatchAllDomain(world, company.primary_domain));
    expect(res.data.emails.length).toBeGreaterThan(10);
    expect(res.credits).toBe(Math.ceil(res.data.emails.length / 10));
    expect(res.data.emails.every((e) => e.email.endsWith(`@${company.primary_domain}`))).toBe(true);
    expect(sb.usage().credits).toBe(res.credits);
  });

  it('holds the free plan to 10 emails per domain search (400 pagination_error, nothing charged)', async () => {
    const sb = await sandbox({ plan: 'free' });
    const hunter = client(sb);
    const err = await failure(
      hunter.searchDomain({ domain: world.companies[0]!.primary_domain, limit: 20 }, ctx),
    );
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toMatch(/pagination_error: Your plan allows up to 10/);
    expect(sb.usage().credits).toBe(0);
  });
});
