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
        // The daily window as live accounts send it, not the documented x-*-daily names.
        expect(r.headers.get('x-rate-limit-24-hour')).toBe('600');
        expect(r.headers.get('x-rate-limit-daily')).toBeNull();
      }
      expect(r.headers.get('x-minute-usage')).toBe(String(i));
      expect(r.headers.get('x-minute-requests-left')).toBe(String(50 - i));
      expect(r.headers.get('x-24-hour-usage')).toBe(String(i));
      expect(r.headers.get('x-24-hour-requests-left')).toBe(String(600 - i));
      await r.arrayBuffer();
    }
    const refused = await searchOnce(s);
    expect(refused.status).toBe(429);
    // 10:00:05 → the minute frees up at 10:01:00.
    expect(refused.headers.get('retry-after')).toBe('55');
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

  it('a used-up 24-hour window: 429 with retry-after to the next UTC day and the 24-hour headers', async () => {
    const now = Date.UTC(2026, 10, 1, 22, 0, 0);
    const s = await start({ limits: { other: { day: 2 } }, clock: () => now });
    expect((await searchOnce(s)).status).toBe(200);
    expect((await searchOnce(s)).status).toBe(200);
    const r = await searchOnce(s);
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe(String(2 * 3600));
    expect(r.headers.get('x-rate-limit-24-hour')).toBe('2');
    expect(r.headers.get('x-24-hour-usage')).toBe('2');
    expect(r.headers.get('x-24-hour-requests-left')).toBe('0');
    // Overrides merge over the paid preset: the minute window is still the paid one.
    expect(r.headers.get('x-rate-limit-minute')).toBe('200');
    expect(((await r.json()) as Json).message).toMatch(/is 2 times per day/);
  });

  it('sends the documented x-*-daily names when asked', async () => {
    const s = await start({ limits: 'free', rateHeaders: 'documented' });
    const r = await searchOnce(s);
    expect(r.headers.get('x-rate-limit-daily')).toBe('600');
    expect(r.headers.get('x-daily-requests-left')).toBe('599');
    expect(r.headers.get('x-rate-limit-24-hour')).toBeNull();
  });

  it('rolling windows start at the first request, not at a UTC boundary', async () => {
    let now = Date.UTC(2026, 10, 1, 10, 0, 50);
    const limits = { other: { minute: 1 } };
    const utc = await start({ limits, clock: () => now });
    const rolling = await start({ limits, clock: () => now, windowAlignment: 'rolling' });
    for (const s of [utc, rolling]) expect((await searchOnce(s)).status).toBe(200);
    const [u, r] = [await searchOnce(utc), await searchOnce(rolling)];
    expect([u.status, r.status]).toEqual([429, 429]);
    expect(u.headers.get('retry-after')).toBe('10');
    expect(r.headers.get('retry-after')).toBe('60');
    now += 15_000; // 10:01:05: a new UTC minute, but the rolling minute runs until 10:01:50
    expect((await searchOnce(utc)).status).toBe(200);
    expect((await searchOnce(rolling)).status).toBe(429);
    now += 45_000;
    expect((await searchOnce(rolling)).status).toBe(200);
  });

  it('parses --sandbox-limits presets and JSON overrides, naming what is wrong', async () => {
    const { parseSandboxLimits, resolveLimits } = await import('../../main/sandbox/server');
    expect(parseSandboxLimits('free')).toBe('free');
    const o = parseSandboxLimits('{"enrich":{"day":60}}');
    expect(o).toEqual({ enrich: { day: 60 } });
    expect(resolveLimits(o).enrich).toEqual({ minute: 1000, hour: 60_000, day: 60 });
    expect(() => parseSandboxLimits('{"enrch":{"day":60}}')).toThrow(/unknown class "enrch"/);
    expect(() => parseSandboxLimits('{"enrich":{"week":60}}')).toThrow(/enrich.week is not a window/);
    expect(() => parseSandboxLimits('{"enrich":{"day":-1}}')).toThrow(/enrich.day must be a whole number/);
    expect(() => parseSandboxLimits('lots')).toThrow(/free, paid, off or JSON/);
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
