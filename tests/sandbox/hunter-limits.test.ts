import { describe, expect, it } from 'vitest';
import { HunterQuota, HunterRateLimiter, resetDateOf } from '../../main/sandbox/hunter/limits';

describe('sandbox Hunter limits', () => {
  it('refuses the request over the per-second limit, without counting it, until the next second', () => {
    let now = Date.UTC(2026, 11, 1, 12, 0, 0, 100);
    const limiter = new HunterRateLimiter(
      { search: { second: 2, minute: 5 }, verifier: { second: 1, minute: 100 } },
      () => now,
    );
    expect([limiter.take('search'), limiter.take('search')].every((d) => d.allowed)).toBe(true);
    expect(limiter.take('search')).toEqual({ allowed: false, exceeded: { window: 'second', limit: 2 } });
    expect(limiter.take('verifier').allowed).toBe(true); // classes count apart
    now += 900; // the next UTC second
    expect(limiter.take('search').allowed).toBe(true);
    expect(limiter.take('search').allowed).toBe(true);
    now += 1000;
    expect(limiter.take('search').allowed).toBe(true);
    now += 1000;
    expect(limiter.take('search')).toEqual({ allowed: false, exceeded: { window: 'minute', limit: 5 } });
    now = Date.UTC(2026, 11, 1, 12, 1, 0, 0);
    expect(limiter.take('search').allowed).toBe(true);
  });

  it('keeps a monthly allowance per class that resets on the first of the next UTC month', () => {
    let now = Date.UTC(2026, 11, 31, 23, 59, 0);
    const quota = new HunterQuota({ name: 'Tiny', searches: 1, verifications: 2 }, () => now);
    expect(quota.hasRoom('search')).toBe(true);
    quota.charge(1, 0, 1);
    expect(quota.hasRoom('search')).toBe(false);
    expect(quota.hasRoom('verifier')).toBe(true);
    quota.charge(0, 2, 1);
    expect(quota.hasRoom('verifier')).toBe(false);
    expect(quota.current()).toMatchObject({ month: '2026-12', searches: 1, verifications: 2, credits: 2 });
    expect(resetDateOf(now)).toBe('2027-01-01');
    now = Date.UTC(2027, 0, 1, 0, 0, 1);
    expect(quota.hasRoom('search')).toBe(true);
    expect(quota.current()).toMatchObject({ month: '2027-01', searches: 0, verifications: 0, credits: 0 });
  });
});
