/**
 * Hunter's limits as the sandbox enforces them: fixed per-second and per-minute windows per
 * endpoint class (answered with 403), and a monthly quota of searches and verifications per plan
 * (answered with 429). Windows are UTC-aligned on the injectable clock; refused requests are not
 * counted. Finder and domain search share one class, which is stricter than Hunter's docs require.
 */

export type HunterClass = 'search' | 'verifier';

export interface SecondMinuteLimits {
  second: number;
  minute: number;
}

export type HunterRateLimits = Record<HunterClass, SecondMinuteLimits>;

const UNLIMITED = 1_000_000_000;

/** providers.md: ~15 req/s and 500/min (finder, domain search), 10/s and 300/min (verifier). */
export const HUNTER_RATE_PRESETS: Readonly<Record<'documented' | 'off', HunterRateLimits>> = {
  documented: { search: { second: 15, minute: 500 }, verifier: { second: 10, minute: 300 } },
  off: {
    search: { second: UNLIMITED, minute: UNLIMITED },
    verifier: { second: UNLIMITED, minute: UNLIMITED },
  },
};

/** Monthly allowance: searches are emails found (finder) or domain-search credits; verifications are checks. */
export interface HunterPlan {
  name: string;
  searches: number;
  verifications: number;
  /** Most emails one domain search may return (the free plan: 10). Default 100. */
  domainSearchMaxLimit?: number;
}

export const HUNTER_PLANS: Readonly<Record<'free' | 'starter' | 'growth' | 'off', HunterPlan>> = {
  free: { name: 'Free', searches: 25, verifications: 50, domainSearchMaxLimit: 10 },
  starter: { name: 'Starter', searches: 500, verifications: 1000 },
  growth: { name: 'Growth', searches: 5000, verifications: 10000 },
  off: { name: 'Sandbox (unlimited)', searches: UNLIMITED, verifications: UNLIMITED },
};

interface Windows {
  secondWin: number;
  second: number;
  minuteWin: number;
  minute: number;
}

export interface RateDecision {
  allowed: boolean;
  exceeded?: { window: 'second' | 'minute'; limit: number };
}

export class HunterRateLimiter {
  private readonly counters = new Map<HunterClass, Windows>();

  constructor(
    private readonly limits: HunterRateLimits,
    private readonly now: () => number,
  ) {}

  take(cls: HunterClass): RateDecision {
    const t = this.now();
    const secondWin = Math.floor(t / 1000);
    const minuteWin = Math.floor(t / 60_000);
    let c = this.counters.get(cls);
    if (!c) this.counters.set(cls, (c = { secondWin, second: 0, minuteWin, minute: 0 }));
    if (c.secondWin !== secondWin) Object.assign(c, { secondWin, second: 0 });
    if (c.minuteWin !== minuteWin) Object.assign(c, { minuteWin, minute: 0 });
    const l = this.limits[cls];
    if (c.second >= l.second) return { allowed: false, exceeded: { window: 'second', limit: l.second } };
    if (c.minute >= l.minute) return { allowed: false, exceeded: { window: 'minute', limit: l.minute } };
    c.second++;
    c.minute++;
    return { allowed: true };
  }
}

/** What one answer consumes of the monthly quota (in the plan's units) and in credits. */
export interface HunterCosts {
  /** Credits per email the finder returns (nothing found: nothing charged). */
  finderEmail: number;
  /** Credits per verification answered (a 202 "still verifying" is not charged). */
  verification: number;
  /** Credits per started block of 10 emails a domain search returns. */
  domainSearchPer10: number;
}

/** Hunter's published pricing: 1 credit per email found, 0.5 per verification. */
export const HUNTER_DEFAULT_COSTS: HunterCosts = { finderEmail: 1, verification: 0.5, domainSearchPer10: 1 };

export interface Usage {
  /** UTC month the counters belong to, "2026-12". */
  month: string;
  searches: number;
  verifications: number;
  credits: number;
}

export function monthOf(t: number): string {
  return new Date(t).toISOString().slice(0, 7);
}

/** First day of the next UTC month, "2027-01-01": when Hunter resets the quota. */
export function resetDateOf(t: number): string {
  const d = new Date(t);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
}

/** Monthly usage against a plan; rolls over at the start of each UTC month of the clock. */
export class HunterQuota {
  private usage: Usage;

  constructor(
    readonly plan: HunterPlan,
    private readonly now: () => number,
  ) {
    this.usage = { month: monthOf(now()), searches: 0, verifications: 0, credits: 0 };
  }

  current(): Usage {
    const month = monthOf(this.now());
    if (month !== this.usage.month) this.usage = { month, searches: 0, verifications: 0, credits: 0 };
    return this.usage;
  }

  /** Whether a call of this class may run: Hunter refuses once the allowance is used up. */
  hasRoom(cls: HunterClass): boolean {
    const u = this.current();
    return cls === 'search' ? u.searches < this.plan.searches : u.verifications < this.plan.verifications;
  }

  charge(searches: number, verifications: number, credits: number): void {
    const u = this.current();
    u.searches += searches;
    u.verifications += verifications;
    u.credits += credits;
  }
}
