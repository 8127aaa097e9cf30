/**
 * Apollo-style rate limits (per minute / hour / day), counted per endpoint path and grouped into
 * classes: enrichment endpoints and everything else. The clock is injectable so tests can roll
 * windows over without waiting.
 *
 * What the docs leave open is an option: windows aligned to UTC boundaries ('utc') or starting at
 * the first request after the previous one ran out ('rolling'), and the daily headers as live
 * accounts send them (x-rate-limit-24-hour, x-24-hour-usage, x-24-hour-requests-left: 'live', the
 * default) or as documented (x-rate-limit-daily, x-daily-usage, x-daily-requests-left).
 * Every refusal says when it frees up (Retry-After, seconds).
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

export type WindowName = 'minute' | 'hour' | 'day';
const WINDOW_MS: Record<WindowName, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };
const WINDOW_NAMES: readonly WindowName[] = ['minute', 'hour', 'day'];

export type WindowAlignment = 'utc' | 'rolling';
export type HeaderFamily = 'live' | 'documented';

/** Per-class window overrides over a preset, e.g. {"enrich":{"day":60}} (the CLI's --sandbox-limits JSON). */
export type RateLimitOverrides = Partial<Record<EndpointClass, Partial<WindowLimits>>>;

export type SandboxLimitsSpec = 'free' | 'paid' | 'off' | RateLimitConfig | RateLimitOverrides;

/** A preset, a full config, or overrides merged over the paid preset. */
export function resolveLimits(spec: SandboxLimitsSpec | undefined): RateLimitConfig {
  if (spec === undefined || typeof spec === 'string') return RATE_LIMIT_PRESETS[spec ?? 'paid'];
  const base = RATE_LIMIT_PRESETS.paid;
  const full = spec as Partial<RateLimitConfig>;
  return {
    enrich: { ...base.enrich, ...(spec.enrich ?? {}) },
    other: { ...base.other, ...(spec.other ?? {}) },
    ...(full.perPath ? { perPath: full.perPath } : {}),
  };
}

/**
 * --sandbox-limits: free | paid | off | JSON overrides such as '{"enrich":{"day":60}}'. Throws a
 * message naming the bad part and what is expected.
 */
export function parseSandboxLimits(text: string): 'free' | 'paid' | 'off' | RateLimitOverrides {
  const t = text.trim();
  if (t === 'free' || t === 'paid' || t === 'off') return t;
  let json: unknown;
  try {
    json = JSON.parse(t);
  } catch {
    throw new Error(
      `--sandbox-limits must be free, paid, off or JSON such as '{"enrich":{"day":60}}' (got "${text}")`,
    );
  }
  if (!json || typeof json !== 'object' || Array.isArray(json))
    throw new Error('--sandbox-limits JSON must be an object of classes, e.g. {"enrich":{"day":60}}');
  const out: RateLimitOverrides = {};
  for (const [cls, windows] of Object.entries(json as Record<string, unknown>)) {
    if (cls !== 'enrich' && cls !== 'other')
      throw new Error(`--sandbox-limits: unknown class "${cls}"; use "enrich" or "other"`);
    if (!windows || typeof windows !== 'object' || Array.isArray(windows))
      throw new Error(`--sandbox-limits: "${cls}" must be an object of windows, e.g. {"day":60}`);
    const w: Partial<WindowLimits> = {};
    for (const [name, n] of Object.entries(windows as Record<string, unknown>)) {
      if (!WINDOW_NAMES.includes(name as WindowName))
        throw new Error(`--sandbox-limits: ${cls}.${name} is not a window; use minute, hour or day`);
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
        throw new Error(
          `--sandbox-limits: ${cls}.${name} must be a whole number ≥ 0 (got ${JSON.stringify(n)})`,
        );
      w[name as WindowName] = n;
    }
    out[cls] = w;
  }
  return out;
}

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

/** Requests counted in each window, and when that window started. */
type Counter = Record<WindowName, { start: number; count: number }>;

export interface LimitResult {
  allowed: boolean;
  headers: Record<string, string>;
  /** When refused: which window, its limit, and the seconds until it frees up (Retry-After). */
  exceeded?: { window: WindowName; limit: number; retryAfterS: number };
}

export interface RateLimiterOptions {
  alignment?: WindowAlignment;
  headerFamily?: HeaderFamily;
}

const HEADER_NAMES: Record<
  HeaderFamily,
  Record<WindowName, { limit: string; usage: string; left: string }>
> = {
  live: {
    minute: { limit: 'x-rate-limit-minute', usage: 'x-minute-usage', left: 'x-minute-requests-left' },
    hour: { limit: 'x-rate-limit-hourly', usage: 'x-hourly-usage', left: 'x-hourly-requests-left' },
    day: { limit: 'x-rate-limit-24-hour', usage: 'x-24-hour-usage', left: 'x-24-hour-requests-left' },
  },
  documented: {
    minute: { limit: 'x-rate-limit-minute', usage: 'x-minute-usage', left: 'x-minute-requests-left' },
    hour: { limit: 'x-rate-limit-hourly', usage: 'x-hourly-usage', left: 'x-hourly-requests-left' },
    day: { limit: 'x-rate-limit-daily', usage: 'x-daily-usage', left: 'x-daily-requests-left' },
  },
};

export class RateLimiter {
  private counters = new Map<string, Counter>();
  private readonly alignment: WindowAlignment;
  private readonly family: HeaderFamily;

  constructor(
    private config: RateLimitConfig,
    private now: () => number,
    options: RateLimiterOptions = {},
  ) {
    this.alignment = options.alignment ?? 'utc';
    this.family = options.headerFamily ?? 'live';
  }

  limitsFor(path: string, cls: EndpointClass): WindowLimits {
    return { ...this.config[cls], ...(this.config.perPath?.[path] ?? {}) };
  }

  /** The path's counters with every window that has run out started afresh. */
  private counter(path: string): Counter {
    const t = this.now();
    const startOf = (w: WindowName) =>
      this.alignment === 'utc' ? Math.floor(t / WINDOW_MS[w]) * WINDOW_MS[w] : t;
    let c = this.counters.get(path);
    if (!c) {
      c = { minute: { start: 0, count: 0 }, hour: { start: 0, count: 0 }, day: { start: 0, count: 0 } };
      for (const w of WINDOW_NAMES) c[w] = { start: startOf(w), count: 0 };
      this.counters.set(path, c);
    }
    for (const w of WINDOW_NAMES)
      if (t >= c[w].start + WINDOW_MS[w] || (this.alignment === 'utc' && t < c[w].start))
        c[w] = { start: startOf(w), count: 0 };
    return c;
  }

  private headers(c: Counter, l: WindowLimits): Record<string, string> {
    const out: Record<string, string> = {};
    for (const w of WINDOW_NAMES) {
      const names = HEADER_NAMES[this.family][w];
      out[names.limit] = String(l[w]);
      out[names.usage] = String(c[w].count);
      out[names.left] = String(Math.max(0, l[w] - c[w].count));
    }
    return out;
  }

  /** Seconds until the window frees up, rounded up (at least 1). */
  private retryAfter(c: Counter, w: WindowName): number {
    return Math.max(1, Math.ceil((c[w].start + WINDOW_MS[w] - this.now()) / 1000));
  }

  /** Counts one request if every window has room; refused requests are not counted. */
  take(path: string, cls: EndpointClass): LimitResult {
    const c = this.counter(path);
    const l = this.limitsFor(path, cls);
    // The longest full window is the one to report: it is the one that frees up last.
    const full = [...WINDOW_NAMES].reverse().find((w) => c[w].count >= l[w]);
    if (full) {
      const retryAfterS = this.retryAfter(c, full);
      return {
        allowed: false,
        headers: { ...this.headers(c, l), 'retry-after': String(retryAfterS) },
        exceeded: { window: full, limit: l[full], retryAfterS },
      };
    }
    for (const w of WINDOW_NAMES) c[w].count++;
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
