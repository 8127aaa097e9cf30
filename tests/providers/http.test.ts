import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ProviderError } from '../../main/providers/errors';
import { HttpClient, type HttpClientOptions, type RequestEvent } from '../../main/providers/http';
import { awayFromMinuteBoundary, startScriptedPeer, type ScriptedPeer } from './scripted-peer';

const Ok = z.object({ ok: z.literal(true) });
const KEY = 'sk-test-SECRET-1234567890';

let peer: ScriptedPeer | null = null;
let client: HttpClient | null = null;
afterEach(async () => {
  await client?.close();
  await peer?.close();
  client = peer = null;
});

async function setup(script: Parameters<typeof startScriptedPeer>[0], opts: Partial<HttpClientOptions> = {}) {
  peer = await startScriptedPeer(script);
  client = new HttpClient({
    provider: 'Apollo',
    baseUrl: peer.url,
    headers: { 'x-api-key': KEY },
    secrets: [KEY],
    retryBaseMs: 5,
    timeoutMs: 2_000,
    ...opts,
  });
  return { peer, client };
}

const call = (c: HttpClient, signal?: AbortSignal) =>
  c.request({ method: 'POST', path: '/thing', body: { a: 1 }, schema: Ok, signal });

async function failure(p: Promise<unknown>): Promise<ProviderError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProviderError);
  return err as ProviderError;
}

describe('HttpClient over real HTTP', () => {
  it('retries 5xx with backoff and succeeds, counting requests and retries', async () => {
    const { peer, client } = await setup([{ status: 503 }, { status: 502 }, { body: { ok: true } }]);
    await expect(call(client)).resolves.toEqual({ ok: true });
    expect(peer.seen).toHaveLength(3);
    expect(client.stats().byEndpoint['/thing']).toMatchObject({ requests: 3, retries: 2, serverErrors: 2 });
    expect(peer.seen[0]!.headers['x-api-key']).toBe(KEY);
    expect(peer.seen[0]!.headers['content-type']).toBe('application/json');
  });

  it('gives up after 3 retries with UNAVAILABLE', async () => {
    const { peer, client } = await setup([{ status: 500, body: 'boom' }]);
    const err = await failure(call(client));
    expect(err.code).toBe('UNAVAILABLE');
    expect(err.message).toMatch(/Apollo POST \/thing failed with HTTP 500 after 4 tries/);
    expect(peer.seen).toHaveLength(4);
    expect(client.stats().total).toMatchObject({ requests: 4, retries: 3, failures: 1 });
  });

  it('retries a 429 without rate headers and counts it', async () => {
    const { client } = await setup([{ status: 429, body: { message: 'slow down' } }, { body: { ok: true } }]);
    await expect(call(client)).resolves.toEqual({ ok: true });
    expect(client.stats().total).toMatchObject({ requests: 2, rateLimited: 1, retries: 1 });
  });

  it('after a 429 saying 0 left, waits for the window instead of hammering (fails fast when the wait is too long)', async () => {
    await awayFromMinuteBoundary();
    const { peer, client } = await setup(
      [{ status: 429, headers: { 'x-minute-requests-left': '0', 'x-rate-limit-minute': '50' } }],
      { maxWaitMs: 0 },
    );
    const err = await failure(call(client));
    expect(err.code).toBe('RATE_LIMITED');
    expect(err.retryAt).toBe(Math.ceil(Date.now() / 60_000) * 60_000);
    expect(err.message).toMatch(/Apollo reports no requests left this minute/);
    expect(peer.seen).toHaveLength(1);
  });

  it('holds an endpoint whose headers say 0 left, without sending', async () => {
    await awayFromMinuteBoundary();
    const { peer, client } = await setup(
      [{ body: { ok: true }, headers: { 'x-hourly-requests-left': '0' } }],
      {
        maxWaitMs: 0,
      },
    );
    await call(client);
    const err = await failure(call(client));
    expect(err.code).toBe('RATE_LIMITED');
    expect(err.retryAt).toBe(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
    expect(peer.seen).toHaveLength(1);
    // Another endpoint has its own window.
    await client.request({ method: 'GET', path: '/other', schema: Ok });
    expect(peer.seen).toHaveLength(2);
  });

  it('never sends more than the configured limit per window', async () => {
    await awayFromMinuteBoundary();
    const { peer, client } = await setup([{ body: { ok: true } }], {
      limits: { default: { perMinute: 3 } },
      maxWaitMs: 0,
    });
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => call(client)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected.map((r) => (r.reason as ProviderError).code)).toEqual(Array(3).fill('RATE_LIMITED'));
    expect((rejected[0]!.reason as Error).message).toMatch(/the plan allows 3 requests per minute/);
    expect(peer.seen).toHaveLength(3);
  });

  it('learns a lower limit from x-rate-limit-minute', async () => {
    await awayFromMinuteBoundary();
    let left = 2;
    const { peer, client } = await setup(
      () => ({
        body: { ok: true },
        headers: { 'x-rate-limit-minute': '2', 'x-minute-requests-left': String(Math.max(--left, 0) + 5) },
      }),
      { limits: { default: { perMinute: 100 } }, maxWaitMs: 0 },
    );
    await call(client);
    await call(client);
    expect((await failure(call(client))).code).toBe('RATE_LIMITED');
    expect(peer.seen).toHaveLength(2);
  });

  it('honours retry-after on a 429: waits that long instead of backing off, then succeeds', async () => {
    const { peer, client } = await setup(
      [{ status: 429, headers: { 'retry-after': '1' } }, { body: { ok: true } }],
      { retryBaseMs: 10_000, maxWaitMs: 5_000 },
    );
    await expect(call(client)).resolves.toEqual({ ok: true });
    // The wait was the server's 1 s, planned as a window wait (a 10 s backoff would outlast the test).
    const waited = client.stats().byEndpoint['/thing']!.waitedMs;
    expect(waited).toBeGreaterThan(0);
    expect(waited).toBeLessThanOrEqual(1_000);
    expect(peer.seen).toHaveLength(2);
  });

  it('a retry-after beyond the longest wait fails at once with retryAt and the window', async () => {
    const { peer, client } = await setup(
      [
        {
          status: 429,
          headers: {
            'retry-after': '7200',
            'x-rate-limit-24-hour': '600',
            'x-24-hour-usage': '600',
            'x-24-hour-requests-left': '0',
          },
          body: { message: 'The maximum number of api calls allowed for /thing is 600 times per day.' },
        },
      ],
      { maxWaitMs: 1_000 },
    );
    const before = Date.now();
    const err = await failure(call(client));
    expect(err.code).toBe('RATE_LIMITED');
    expect(err.window).toBe('day');
    expect(err.retryAt).toBeGreaterThanOrEqual(before + 7_200_000);
    expect(err.retryAt).toBeLessThanOrEqual(Date.now() + 7_200_000);
    expect(peer.seen).toHaveLength(1);
    // The hold stays: a second call does not even reach the server.
    const again = await failure(call(client));
    expect(again.retryAt).toBe(err.retryAt);
    expect(again.window).toBe('day');
    expect(peer.seen).toHaveLength(1);
  });

  it('reads the 24-hour header family as live accounts send it, and holds until the next day', async () => {
    await awayFromMinuteBoundary();
    const { peer, client } = await setup(
      [{ body: { ok: true }, headers: { 'x-rate-limit-24-hour': '600', 'x-24-hour-usage': '600' } }],
      { maxWaitMs: 0 },
    );
    await call(client);
    const err = await failure(call(client));
    expect(err.code).toBe('RATE_LIMITED');
    expect(err.window).toBe('day');
    expect(err.retryAt).toBe(Math.ceil(Date.now() / 86_400_000) * 86_400_000);
    expect(err.message).toMatch(/no requests left this day/);
    expect(peer.seen).toHaveLength(1);
  });

  it('names the window of a 429 without retry-after from its body when the headers do not say', async () => {
    const { client } = await setup([
      {
        status: 429,
        body: { message: 'The maximum number of api calls allowed for /thing is 400 times per hour.' },
      },
    ]);
    const err = await failure(call(client));
    expect(err.code).toBe('RATE_LIMITED');
    expect(err.window).toBe('hour');
    expect(err.retryAt).toBeUndefined();
  });

  it('retries timeouts, then reports UNAVAILABLE naming the timeout', async () => {
    const { peer, client } = await setup([{ body: { ok: true }, delayMs: 1_000 }], { timeoutMs: 50 });
    const err = await failure(call(client));
    expect(err.code).toBe('UNAVAILABLE');
    expect(err.message).toMatch(/did not answer within 50 ms after 4 tries/);
    expect(peer.seen).toHaveLength(4);
    expect(client.stats().total.timeouts).toBe(4);
  });

  it('recovers when a slow answer is followed by a quick one', async () => {
    const { client } = await setup([{ body: { ok: true }, delayMs: 1_000 }, { body: { ok: true } }], {
      timeoutMs: 50,
    });
    await expect(call(client)).resolves.toEqual({ ok: true });
    expect(client.stats().total).toMatchObject({ timeouts: 1, requests: 2 });
  });

  it('retries dropped connections', async () => {
    const { client } = await setup([{ destroy: true }, { body: { ok: true } }]);
    await expect(call(client)).resolves.toEqual({ ok: true });
    expect(client.stats().total.networkErrors).toBe(1);
  });

  it('reports an unreachable host as UNAVAILABLE', async () => {
    const { peer, client: _ } = await setup([{ body: { ok: true } }]);
    const url = peer.url;
    await peer.close();
    const c = new HttpClient({ provider: 'Apollo', baseUrl: url, retryBaseMs: 1, maxRetries: 1 });
    try {
      const err = await failure(call(c));
      expect(err.code).toBe('UNAVAILABLE');
      expect(err.message).toMatch(/could not be reached \(ECONNREFUSED/);
    } finally {
      await c.close();
    }
  });

  it('treats bad JSON as retryable and recovers', async () => {
    const { client } = await setup([{ body: '{"ok": tr' }, { body: { ok: true } }]);
    await expect(call(client)).resolves.toEqual({ ok: true });
    expect(client.stats().total.malformed).toBe(1);
  });

  it('reports a persistently wrong shape as BAD_RESPONSE naming the field', async () => {
    const { peer, client } = await setup([{ body: { ok: 'yes' } }]);
    const err = await failure(call(client));
    expect(err.code).toBe('BAD_RESPONSE');
    expect(err.message).toMatch(/ok: /);
    expect(peer.seen).toHaveLength(4);
  });

  it('does not retry 401 and never echoes the key', async () => {
    const { peer, client } = await setup([{ status: 401, body: `Invalid access credentials for ${KEY}.` }]);
    const err = await failure(call(client));
    expect(err.code).toBe('AUTH');
    expect(err.status).toBe(401);
    expect(err.message).toMatch(/Check the key in Settings → API keys/);
    expect(JSON.stringify({ m: err.message, d: err.detail })).not.toContain(KEY);
    expect(peer.seen).toHaveLength(1);
  });

  it('does not retry 422', async () => {
    const { peer, client } = await setup([{ status: 422, body: { error: 'Invalid parameters' } }]);
    const err = await failure(call(client));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toMatch(/Invalid parameters/);
    expect(peer.seen).toHaveLength(1);
  });

  it('stops on abort, mid-request and mid-backoff', async () => {
    const { peer, client } = await setup([{ body: { ok: true }, delayMs: 2_000 }]);
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 30);
    expect((await failure(call(client, ac.signal))).code).toBe('ABORTED');
    expect(peer.seen).toHaveLength(1);

    const slowRetry = new HttpClient({ provider: 'Apollo', baseUrl: peer.url, retryBaseMs: 60_000 });
    const ac2 = new AbortController();
    try {
      const p = call(slowRetry, ac2.signal).catch((e: unknown) => e);
      // The first answer is slow too: abort lands while it is in flight or in backoff; either way no hang.
      setTimeout(() => ac2.abort(), 30);
      expect(((await p) as ProviderError).code).toBe('ABORTED');
    } finally {
      await slowRetry.close();
    }
  });

  it('calls onRequest for every attempt', async () => {
    const events: RequestEvent[] = [];
    const { client } = await setup([{ status: 503 }, { body: { ok: true } }], {
      onRequest: (e) => events.push(e),
    });
    await call(client);
    expect(events.map((e) => [e.attempt, e.status, e.outcome])).toEqual([
      [0, 503, 'server_error'],
      [1, 200, 'ok'],
    ]);
    expect(events[0]).toMatchObject({ provider: 'Apollo', endpoint: '/thing', method: 'POST' });
  });
});
