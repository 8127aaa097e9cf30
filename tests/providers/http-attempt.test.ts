import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  classifyAttempt,
  rateLimitFailure,
  refusalOf,
  retryDelayMs,
  transientFailure,
  type Answer,
} from '../../main/providers/http-attempt';
import { readApolloRateHeaders, retryAfterMs } from '../../main/providers/rate-headers';
import type { Reservation } from '../../main/providers/rate-window';

/**
 * The HTTP layer's decisions after one attempt, on their own: what a 429 says about the next try
 * (Retry-After, the rate headers, the body, the bucket's plan), the backoff, and the failure a call
 * reports when its tries run out. The request loop that applies them runs over real HTTP in
 * http.test.ts.
 */
const NOW = Date.UTC(2026, 11, 2, 10, 30, 15);
const free: Reservation = { at: NOW, window: null, source: null };
const answer = (headers: Answer['headers'] = {}, text = '{}', status = 429): Answer => ({
  kind: 'answer',
  status,
  headers,
  text,
});
const refusal = (a: Answer, plan: Reservation = free) =>
  refusalOf(a, readApolloRateHeaders(a.headers), plan, NOW);

describe('after a 429: when the next try may go', () => {
  it('Retry-After in seconds holds the bucket that long; its length names the window', () => {
    expect(refusal(answer({ 'retry-after': '30' }))).toEqual({
      retryAt: NOW + 30_000,
      window: 'minute',
      held: true,
      hold: { window: 'minute', until: NOW + 30_000 },
    });
    expect(refusal(answer({ 'retry-after': '7200' })).window).toBe('day');
    expect(refusal(answer({ 'retry-after': '120' })).window).toBe('hour');
  });

  it('Retry-After as an HTTP date counts from now', () => {
    const at = new Date(NOW + 45_000).toUTCString();
    // HTTP dates have whole seconds: NOW's 15 s past the minute are kept, its milliseconds are 0.
    expect(refusal(answer({ 'retry-after': at })).retryAt).toBe(NOW + 45_000);
  });

  it('the window the headers report as used up wins over the delay length and the body', () => {
    const a = answer(
      { 'retry-after': '40', 'x-rate-limit-24-hour': '600', 'x-24-hour-requests-left': '0' },
      '{"error":"limit reached per minute"}',
    );
    expect(refusal(a)).toMatchObject({ retryAt: NOW + 40_000, window: 'day', held: true });
  });

  it('without the headers, the body names the window', () => {
    expect(refusal(answer({ 'retry-after': '40' }, 'too many requests per hour')).window).toBe('hour');
  });

  it('Retry-After: 0 says nothing: back off as for any 429, keeping what the body names', () => {
    expect(refusal(answer({ 'retry-after': '0' }, 'limit per hour'))).toEqual({
      window: 'hour',
      held: false,
    });
    expect(refusal(answer({ 'retry-after': '0' }))).toEqual({ held: false });
  });

  it("without Retry-After, the bucket's plan (which saw '0 left') says when", () => {
    const plan: Reservation = { at: NOW + 45_000, window: 'minute', source: 'server' };
    expect(refusal(answer({ 'x-minute-requests-left': '0' }), plan)).toEqual({
      retryAt: NOW + 45_000,
      window: 'minute',
      held: true,
    });
    const unnamed: Reservation = { at: NOW + 45_000, window: null, source: null };
    expect(refusal(answer({ 'x-hourly-requests-left': '0' }), unnamed).window).toBe('hour');
  });

  it('a used-up window with nothing holding it is named but not waited for', () => {
    expect(refusal(answer({ 'x-minute-requests-left': '0' }))).toEqual({ window: 'minute', held: false });
    expect(refusal(answer())).toEqual({ held: false });
  });
});

describe('backoff between tries', () => {
  it('doubles from the base, and gives way to a held window', () => {
    expect([1, 2, 3].map((n) => retryDelayMs(n, false, 1000))).toEqual([1000, 2000, 4000]);
    expect(retryDelayMs(2, true, 1000)).toBeNull();
    expect(retryDelayMs(1, false, 0)).toBe(0);
  });
});

describe('the failure a call reports when its tries run out', () => {
  const where = 'Apollo POST /people/match';
  it('a 429 says when it frees up and which window, or to wait a minute', () => {
    const retryAt = NOW + 60_000;
    expect(rateLimitFailure(where, 4, 429, { retryAt, window: 'day', held: true })).toEqual({
      code: 'RATE_LIMITED',
      message: `${where} kept answering 429 (rate limit, day window) after 4 tries: it frees up at ${new Date(retryAt).toISOString()}; resume then, or lower the plan limits in Settings.`,
      status: 429,
      extra: { retryAt, window: 'day' },
    });
    expect(rateLimitFailure(where, 1, 429, { held: false })).toEqual({
      code: 'RATE_LIMITED',
      message: `${where} kept answering 429 (rate limit) after 1 tries: wait a minute and resume, or lower the plan limits in Settings.`,
      status: 429,
      extra: {},
    });
  });

  it('5xx, timeouts, network errors and unreadable bodies name what happened and the fix', () => {
    expect(transientFailure({ kind: 'server_error' }, where, 4, 503, 15_000)).toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(/failed with HTTP 503 after 4 tries; the service is having trouble/),
      status: 503,
    });
    expect(transientFailure({ kind: 'timeout' }, where, 2, null, 15_000)).toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(/did not answer within 15000 ms after 2 tries/),
      status: null,
    });
    expect(transientFailure({ kind: 'network', message: 'ECONNREFUSED' }, where, 1, null, 1)).toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(
        /could not be reached \(ECONNREFUSED\) after 1 tries\. Check your connection or the base URL/,
      ),
    });
    expect(
      transientFailure({ kind: 'malformed', message: 'people: Required' }, where, 3, 200, 1),
    ).toMatchObject({
      code: 'BAD_RESPONSE',
      message: expect.stringMatching(/could not read \(people: Required\) after 3 tries/),
      status: 200,
    });
  });
});

describe('what an attempt came to', () => {
  const Ok = z.object({ ok: z.literal(true) });
  it('sorts statuses, and checks a 2xx body against the schema', () => {
    expect(classifyAttempt(answer({}, '', 429), Ok)).toEqual({ kind: 'rate_limited' });
    expect(classifyAttempt(answer({}, '', 502), Ok)).toEqual({ kind: 'server_error' });
    expect(classifyAttempt(answer({}, '', 404), Ok)).toEqual({ kind: 'client_error' });
    expect(classifyAttempt(answer({}, '<html>', 200), Ok)).toEqual({
      kind: 'malformed',
      message: 'not JSON',
    });
    expect(classifyAttempt(answer({}, '{"ok":false}', 200), Ok)).toMatchObject({
      kind: 'malformed',
      message: expect.stringMatching(/^ok: /),
    });
    expect(classifyAttempt(answer({}, '{"ok":true}', 200), Ok)).toEqual({ kind: 'ok', data: { ok: true } });
    expect(classifyAttempt({ kind: 'timeout' }, Ok)).toEqual({ kind: 'timeout' });
  });
});

describe("Apollo's rate headers", () => {
  it('reads both families, deriving "left" from limit − usage', () => {
    expect(
      readApolloRateHeaders({
        'x-rate-limit-minute': '200',
        'x-minute-requests-left': '12',
        'x-rate-limit-24-hour': '6000',
        'x-24-hour-usage': '6010',
        'x-rate-limit-hourly': ['400', '999'],
      }),
    ).toEqual({ minute: { limit: 200, left: 12 }, hour: { limit: 400 }, day: { limit: 6000, left: 0 } });
    expect(readApolloRateHeaders({ 'x-minute-requests-left': ' ', 'x-rate-limit-minute': 'abc' })).toEqual(
      {},
    );
  });

  it('reads Retry-After as seconds (rounded up to ms) or a date, and nothing otherwise', () => {
    expect(retryAfterMs('1.5', NOW)).toBe(1500);
    expect(retryAfterMs(new Date(NOW - 5_000).toUTCString(), NOW)).toBe(0);
    expect(retryAfterMs('soon', NOW)).toBeUndefined();
    expect(retryAfterMs(undefined, NOW)).toBeUndefined();
  });
});
