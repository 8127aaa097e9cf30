/**
 * Apollo-style fixed-window rate limits (per minute / hour / day), counted per endpoint path and
 * grouped into classes: enrichment endpoints and everything else. The clock is injectable so
 * tests can roll windows over without waiting.
 */

export type EndpointClass = 'enrich' | 'other';

export interface WindowLimits {
  minute: number;
  hour: number;
  day: number;
}

export interface RateLimitConfig {
  enrich: WindowLimits;
  other: WindowLimits;
  /** Overrides for single paths, e.g. a reduced share for bulk endpoints. */
  perPath?: Record<string, Partial<WindowLimits>>;
}

const UNLIMITED = 1_000_000_000;

/**
 * Paid: enrichment 1,000/min; other endpoints 200/min and 400/h (docs/providers.md). Windows the
 * docs leave open are set so the documented one binds. Free: 50/min, 200/h, 600/day everywhere.
 */
export const RATE_LIMIT_PRESETS: Readonly<Record<'free' | 'paid' | 'off', RateLimitConfig>> = {
  paid: {
    enrich: { minute: 1000, hour: 60_000, day: 1_440_000 },
    other: { minute: 200, hour: 400, day: 9600 },
  },
  free: {
    enrich: { minute: 50, hour: 200, day: 600 },
    other: { minute: 50, hour: 200, day: 600 },
  },
  off: {
    enrich: { minute: UNLIMITED, hour: UNLIMITED, day: UNLIMITED },
    other: { minute: UNLIMITED, hour: UNLIMITED, day: UNLIMITED },
  },
};

interface Counter {
  minuteWin: number;
  minute: number;
  hourWin: number;
  hour: number;
  dayWin: number;
  day: number;
}

export interface LimitResult {
  allowed: boolean;
  headers: Record<string, string>;
  /** When refused: which window and its limit, for the 429 message. */
  exceeded?: { window: 'minute' | 'hour' | 'day'; limit: number };
}

export class RateLimiter {
  private counters = new Map<string, Counter>();

  constructor(
    private config: RateLimitConfig,
    private now: () => number,
  ) {}

  limitsFor(path: string, cls: EndpointClass): WindowLimits {
    return { ...this.config[cls], ...(this.config.perPath?.[path] ?? {}) };
  }

  private counter(path: string): Counter {
    const t = this.now();
    const minuteWin = Math.floor(t / 60_000);
    const hourWin = Math.floor(t / 3_600_000);
    const dayWin = Math.floor(t / 86_400_000);
    let c = this.counters.get(path);
    if (!c) {
      c = { minuteWin, minute: 0, hourWin, hour: 0, dayWin, day: 0 };
      this.counters.set(path, c);
    }
    if (c.minuteWin !== minuteWin) Object.assign(c, { minuteWin, minute: 0 });
    if (c.hourWin !== hourWin) Object.assign(c, { hourWin, hour: 0 });
    if (c.dayWin !== dayWin) Object.assign(c, { dayWin, day: 0 });
    return c;
  }

  private headers(c: Counter, l: WindowLimits): Record<string, string> {
    return {
      'x-rate-limit-minute': String(l.minute),
      'x-rate-limit-hourly': String(l.hour),
      'x-rate-limit-daily': String(l.day),
      'x-minute-usage': String(c.minute),
      'x-hourly-usage': String(c.hour),
      'x-daily-usage': String(c.day),
      'x-minute-requests-left': String(Math.max(0, l.minute - c.minute)),
      'x-hourly-requests-left': String(Math.max(0, l.hour - c.hour)),
      'x-daily-requests-left': String(Math.max(0, l.day - c.day)),
    };
  }

  /** Counts one request if a window has room; refused requests are not counted. */
  take(path: string, cls: EndpointClass): LimitResult {
    const c = this.counter(path);
    const l = this.limitsFor(path, cls);
    const exceeded =
      c.minute >= l.minute
        ? { window: 'minute' as const, limit: l.minute }
        : c.hour >= l.hour
          ? { window: 'hour' as const, limit: l.hour }
          : c.day >= l.day
            ? { window: 'day' as const, limit: l.day }
            : undefined;
    if (exceeded) return { allowed: false, headers: this.headers(c, l), exceeded };
    c.minute++;
    c.hour++;
    c.day++;
    return { allowed: true, headers: this.headers(c, l) };
  }

  /** Current headers without counting (for refused-before-counting responses such as 401). */
  peek(path: string, cls: EndpointClass): Record<string, string> {
    return this.headers(this.counter(path), this.limitsFor(path, cls));
  }

  setConfig(config: RateLimitConfig): void {
    this.config = config;
  }
}

export function rateLimitMessage(path: string, window: 'minute' | 'hour' | 'day', limit: number): string {
  return `The maximum number of api calls allowed for ${path} is ${limit} times per ${window}. Please upgrade your plan from https://app.apollo.io/#/settings/plans/upgrade.`;
}
