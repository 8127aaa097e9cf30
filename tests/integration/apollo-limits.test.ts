/**
 * Rate limits end to end: the sandbox enforces Apollo's fixed windows and sends its headers; the
 * client must never run into a closed window. Evidence is the sandbox's own 429 counter, not timing.
 * Client and sandbox share one shifted clock so each test starts at a known point of a minute.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  APOLLO_FREE_LIMITS,
  APOLLO_PAID_LIMITS,
  createApolloProvider,
  type ApolloProvider,
  type ApolloProviderOptions,
} from '../../main/providers/apollo';
import { ProviderError } from '../../main/providers/errors';
import { startSandboxServer, type SandboxOptions, type SandboxServer } from '../../main/sandbox/server';
import { MANUFACTURING_HR, sandboxStats, sum } from './apollo-sandbox-helpers';

const MATCH = '/api/v1/people/match';
const ctx = { campaignId: 1 };

let offset = 0;
const clock = () => Date.now() + offset;
/** Shift the shared clock so the current minute window ends `msLeft` from now. */
function windowEndsIn(msLeft: number): void {
  const now = Date.now();
  offset = Math.ceil(now / 60_000) * 60_000 - msLeft - now;
}

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  while (opened.length) await opened.pop()!.close();
});

async function sandboxWith(limits: SandboxOptions['limits']): Promise<SandboxServer> {
  const s = await startSandboxServer({ seed: 5, limits, scale: 0.05, clock });
  opened.push(s);
  return s;
}

function client(sandbox: SandboxServer, opts: Partial<ApolloProviderOptions> = {}): ApolloProvider {
  const c = createApolloProvider({
    apiKey: 'key-limits-test',
    baseUrl: sandbox.url,
    retryBaseMs: 10,
    clock,
    ...opts,
  });
  opened.unshift(c); // clients close before the sandbox
  return c;
}

async function personIds(sandbox: SandboxServer, n: number): Promise<string[]> {
  const search = client(sandbox, { limits: {} });
  const page = await search.searchPeople({ ...MANUFACTURING_HR, perPage: 100 }, ctx);
  expect(page.people.length).toBeGreaterThanOrEqual(Math.min(n, 100));
  return Array.from({ length: n }, (_, i) => page.people[i % page.people.length]!.providerId);
}

describe('Apollo rate limits against the sandbox', () => {
  it('learns free-plan limits from the headers even when configured for a paid plan', async () => {
    windowEndsIn(59_000);
    const sandbox = await sandboxWith('free');
    const ids = await personIds(sandbox, 60);
    const apollo = client(sandbox, { limits: APOLLO_PAID_LIMITS, maxWaitMs: 0 });
    const results = await Promise.allSettled(ids.map((id) => apollo.revealPerson({ providerId: id }, ctx)));
    const stats = await sandboxStats(sandbox);
    const sent = stats.requests[MATCH]!;
    expect(sum(stats.rateLimited)).toBe(0);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(sent);
    expect(sent).toBeLessThanOrEqual(50);
    expect(sent).toBeGreaterThan(40);
    for (const r of results.filter((x): x is PromiseRejectedResult => x.status === 'rejected')) {
      expect(r.reason).toBeInstanceOf(ProviderError);
      expect((r.reason as ProviderError).code).toBe('RATE_LIMITED');
      expect((r.reason as ProviderError).retryAt).toBe(Math.ceil(clock() / 60_000) * 60_000);
    }
  });

  it('with the free limits configured, spends the whole window and not one request more', async () => {
    windowEndsIn(59_000);
    const sandbox = await sandboxWith('free');
    const ids = await personIds(sandbox, 55);
    const apollo = client(sandbox, { limits: APOLLO_FREE_LIMITS, maxWaitMs: 0, concurrency: 1 });
    const results = await Promise.allSettled(ids.map((id) => apollo.revealPerson({ providerId: id }, ctx)));
    const stats = await sandboxStats(sandbox);
    expect(sum(stats.rateLimited)).toBe(0);
    expect(stats.requests[MATCH]).toBe(50);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(50);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(5);
    expect((refused[0]!.reason as Error).message).toMatch(/^Apollo \/people\/match: .* it frees up at/);
  });

  it('holds until the window rolls over, and a 429 saying 0 left makes a second client wait too', async () => {
    windowEndsIn(4_000);
    const sandbox = await sandboxWith({
      enrich: { minute: 5, hour: 1_000, day: 10_000 },
      other: { minute: 1_000, hour: 1_000, day: 10_000 },
    });
    const ids = await personIds(sandbox, 10);
    const a = client(sandbox, { limits: APOLLO_PAID_LIMITS });
    const b = client(sandbox, { limits: APOLLO_PAID_LIMITS });
    // A fills the window; B knows nothing of it, gets one 429 with "0 left" and waits for the roll-over.
    // Then B's retry and A's next four fill the new window exactly (a refused request is not counted).
    const first = await Promise.all(ids.slice(0, 5).map((id) => a.revealPerson({ providerId: id }, ctx)));
    const [fromB, ...rest] = await Promise.all([
      b.revealPerson({ providerId: ids[5]! }, ctx),
      ...ids.slice(6).map((id) => a.revealPerson({ providerId: id }, ctx)),
    ]);
    expect([...first, fromB!, ...rest].every((r) => r.data !== null)).toBe(true);
    const stats = await sandboxStats(sandbox);
    expect(stats.rateLimited[MATCH]).toBe(1);
    expect(stats.requests[MATCH]).toBe(11); // 10 answered + B's refused one
    expect(b.stats().byEndpoint['/people/match']).toMatchObject({ rateLimited: 1, retries: 1 });
    expect(a.stats().byEndpoint['/people/match']).toMatchObject({ rateLimited: 0, retries: 0 });
    expect(a.stats().total.waitedMs).toBeGreaterThan(0);
  });
});
