// Rate limits (with an injected clock) and seeded fault injection of the Apollo sandbox, over real HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import { startSandboxServer, type SandboxOptions, type SandboxServer } from '../../main/sandbox/server';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field below
type Json = any;
const KEY = { 'content-type': 'application/json', 'x-api-key': 'test-key' };
const open: SandboxServer[] = [];

async function start(opts: SandboxOptions): Promise<SandboxServer> {
  const s = await startSandboxServer({ scale: 0.05, ...opts });
  open.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const searchOnce = (s: SandboxServer) =>
  fetch(`${s.url}/mixed_people/api_search`, {
    method: 'POST',
    headers: KEY,
    body: JSON.stringify({ per_page: 1 }),
  });

describe('sandbox rate limits', () => {
  it('free plan: 50 per minute with Apollo headers, then a 429 until the minute rolls over', async () => {
    let now = Date.UTC(2026, 10, 1, 10, 0, 5);
    const s = await start({ limits: 'free', clock: () => now });
    for (let i = 1; i <= 50; i++) {
      const r = await searchOnce(s);
      expect(r.status).toBe(200);
      if (i === 1) {
        expect(r.headers.get('x-rate-limit-minute')).toBe('50');
        expect(r.headers.get('x-rate-limit-hourly')).toBe('200');
        expect(r.headers.get('x-rate-limit-daily')).toBe('600');
      }
      expect(r.headers.get('x-minute-usage')).toBe(String(i));
      expect(r.headers.get('x-minute-requests-left')).toBe(String(50 - i));
      expect(r.headers.get('x-daily-requests-left')).toBe(String(600 - i));
      await r.arrayBuffer();
    }
    const refused = await searchOnce(s);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBeNull();
    expect(refused.headers.get('x-minute-requests-left')).toBe('0');
    const body = (await refused.json()) as Json;
    expect(body.message).toMatch(
      /^The maximum number of api calls allowed for \/api\/v1\/mixed_people\/api_search is 50 times per minute/,
    );
    expect(body.error_details.code).toBe('USAGE.RATE_LIMIT.API_RATE_LIMIT_EXCEEDED');
    // Other endpoints count separately.
    const match = await fetch(`${s.url}/people/match`, { method: 'POST', headers: KEY, body: '{"id":"x"}' });
    expect(match.status).toBe(200);
    expect(match.headers.get('x-minute-usage')).toBe('1');
    now += 60_000;
    const after = await searchOnce(s);
    expect(after.status).toBe(200);
    expect(after.headers.get('x-minute-usage')).toBe('1');
    expect(after.headers.get('x-hourly-usage')).toBe('51');
    const stats = s.stats();
    expect(stats.rateLimited['/api/v1/mixed_people/api_search']).toBe(1);
  });

  it('enforces the hourly window and says so', async () => {
    let now = Date.UTC(2026, 10, 1, 10, 0, 0);
    const limits = { enrich: { minute: 100, hour: 100, day: 100 }, other: { minute: 2, hour: 3, day: 100 } };
    const s = await start({ limits, clock: () => now });
    expect((await searchOnce(s)).status).toBe(200);
    expect((await searchOnce(s)).status).toBe(200);
    expect((await searchOnce(s)).status).toBe(429);
    now += 61_000;
    expect((await searchOnce(s)).status).toBe(200);
    now += 61_000;
    const r = await searchOnce(s);
    expect(r.status).toBe(429);
    expect(((await r.json()) as Json).message).toMatch(/is 3 times per hour/);
    now += 3_600_000;
    expect((await searchOnce(s)).status).toBe(200);
  });
});

describe('sandbox faults', () => {
  const statuses = async (s: SandboxServer, n: number) => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = await fetch(`${s.url}/people/match`, {
        method: 'POST',
        headers: KEY,
        body: JSON.stringify({ id: s.world.people[i]!.id }),
      });
      const text = await r.text();
      let kind = String(r.status);
      if (r.status === 200) {
        try {
          kind += 'person' in JSON.parse(text) ? ':ok' : ':wrong_shape';
        } catch {
          kind += ':truncated';
        }
      }
      out.push(kind);
    }
    return out;
  };

  it('injects 5xx and malformed bodies reproducibly from the seed', async () => {
    const faults = { seed: 9, errorRate: 0.2, malformedRate: 0.2 };
    const a = await start({ limits: 'off', faults });
    const b = await start({ limits: 'off', faults });
    const runA = await statuses(a, 60);
    const runB = await statuses(b, 60);
    expect(runA).toEqual(runB);
    expect(runA.some((k) => /^50[023]$/.test(k))).toBe(true);
    expect(runA).toContain('200:truncated');
    expect(runA).toContain('200:wrong_shape');
    expect(runA).toContain('200:ok');
    const other = await start({ limits: 'off', faults: { ...faults, seed: 10 } });
    expect(await statuses(other, 60)).not.toEqual(runA);
  });

  it('can be reconfigured at run time: a 429 storm for N requests, then normal service', async () => {
    const s = await start({ limits: 'off' });
    const control = s.url.replace('/api/v1', '/_sandbox');
    const set = await fetch(`${control}/faults`, { method: 'POST', body: JSON.stringify({ storm429: 3 }) });
    expect(set.status).toBe(200);
    expect(await statuses(s, 5)).toEqual(['429', '429', '429', '200:ok', '200:ok']);
    const bad = await fetch(`${control}/faults`, { method: 'POST', body: JSON.stringify({ errorRate: 3 }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Json).error).toMatch(/errorRate/);
    const stats = (await (await fetch(`${control}/stats`)).json()) as Json;
    expect(stats.faults.storm429).toBe(3);
  });
});
