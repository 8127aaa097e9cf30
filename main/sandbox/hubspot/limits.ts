/**
 * HubSpot's limits as the sandbox enforces them (providers.md): a burst window of 100 requests per
 * 10 s per private app (free and Starter) or 190 (Professional and Enterprise), and the search
 * endpoints' own 5 per second. Windows are fixed and aligned on the injectable clock; refused
 * requests are not counted, as HubSpot's counters.
 */

export interface HubSpotRateLimits {
  /** Requests per burst interval (all endpoints but search). */
  burst: number;
  intervalMs: number;
  /** Search requests per second. */
  searchPerSecond: number;
}

const UNLIMITED = 1_000_000_000;

export const HUBSPOT_RATE_PRESETS: Readonly<Record<'free' | 'professional' | 'off', HubSpotRateLimits>> = {
  free: { burst: 100, intervalMs: 10_000, searchPerSecond: 5 },
  professional: { burst: 190, intervalMs: 10_000, searchPerSecond: 5 },
  off: { burst: UNLIMITED, intervalMs: 10_000, searchPerSecond: UNLIMITED },
};

export interface WindowDecision {
  allowed: boolean;
  max: number;
  remaining: number;
  intervalMs: number;
  policy: 'TEN_SECONDLY_ROLLING' | 'SECONDLY';
}

class FixedWindow {
  private start = -1;
  private used = 0;

  constructor(
    private readonly limit: number,
    private readonly ms: number,
  ) {}

  take(now: number): { allowed: boolean; remaining: number } {
    const start = Math.floor(now / this.ms) * this.ms;
    if (start !== this.start) Object.assign(this, { start, used: 0 });
    if (this.used >= this.limit) return { allowed: false, remaining: 0 };
    this.used += 1;
    return { allowed: true, remaining: this.limit - this.used };
  }
}

export class HubSpotRateLimiter {
  private readonly burst: FixedWindow;
  private readonly search: FixedWindow;

  constructor(
    private readonly limits: HubSpotRateLimits,
    private readonly now: () => number,
  ) {
    this.burst = new FixedWindow(limits.burst, limits.intervalMs);
    this.search = new FixedWindow(limits.searchPerSecond, 1000);
  }

  take(kind: 'search' | 'burst'): WindowDecision {
    if (kind === 'search') {
      const d = this.search.take(this.now());
      return {
        ...d,
        max: this.limits.searchPerSecond,
        intervalMs: 1000,
        policy: 'SECONDLY',
      };
    }
    const d = this.burst.take(this.now());
    return {
      ...d,
      max: this.limits.burst,
      intervalMs: this.limits.intervalMs,
      policy: 'TEN_SECONDLY_ROLLING',
    };
  }
}
