/**
 * Fixed-window rate accounting for one bucket (an endpoint, or an endpoint class).
 * Providers such as Apollo count requests in fixed minute/hour/day windows and send no
 * Retry-After, so we keep two views and obey the stricter: our own sliding log of start times
 * (no more than N in ANY window-long interval, hence never more than N in a fixed one), and the
 * server's "requests left" headers, which hold the bucket until the window rolls over.
 */

export type WindowName = 'minute' | 'hour' | 'day';
export const WINDOWS: readonly WindowName[] = ['minute', 'hour', 'day'];
export const WINDOW_MS: Record<WindowName, number> = {
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
};

export interface WindowLimits {
  perMinute?: number;
  perHour?: number;
  perDay?: number;
}

/** Limits by endpoint class, e.g. { enrichment: {perMinute: 1000}, other: {perMinute: 200, perHour: 400} }. */
export type RateLimits = Record<string, WindowLimits>;

/** What one response's headers say about a window. */
export interface WindowHeader {
  limit?: number;
  left?: number;
}
export type RateHeaderInfo = Partial<Record<WindowName, WindowHeader>>;

export interface Reservation {
  /** Epoch ms at which the request may start. */
  at: number;
  /** The window that delays it the most, when it is delayed. */
  window: WindowName | null;
  /** Whether that delay comes from our configured limit or from the server's headers. */
  source: 'local' | 'server' | null;
}

const limitKey = { minute: 'perMinute', hour: 'perHour', day: 'perDay' } as const;

/** Start of the next fixed window (UTC-aligned, like the provider's counters). */
export function nextBoundary(window: WindowName, now: number): number {
  const ms = WINDOW_MS[window];
  return Math.floor(now / ms) * ms + ms;
}

export class WindowBucket {
  private readonly limits: Partial<Record<WindowName, number>> = {};
  private readonly budgets: Partial<Record<WindowName, { left: number; until: number }>> = {};
  private log: number[] = [];
  private last = 0;
  inflight = 0;

  constructor(limits: WindowLimits = {}) {
    for (const w of WINDOWS) {
      const n = limits[limitKey[w]];
      if (n !== undefined) this.limits[w] = n;
    }
  }

  limit(window: WindowName): number | undefined {
    return this.limits[window];
  }

  /** Earliest start allowed for the next request; does not reserve it. */
  plan(now: number): Reservation {
    let at = Math.max(now, this.last);
    let window: WindowName | null = null;
    let source: Reservation['source'] = null;
    // Each constraint only pushes `at` later, so a few passes reach the fixed point.
    for (let pass = 0; pass < 4; pass++) {
      let moved = false;
      for (const w of WINDOWS) {
        const limit = this.limits[w];
        if (limit !== undefined) {
          const from = at - WINDOW_MS[w];
          const inWindow = this.log.length - upperBound(this.log, from);
          if (inWindow >= limit) {
            const free =
              limit <= 0 ? nextBoundary(w, at) : this.log[this.log.length - limit]! + WINDOW_MS[w] + 1;
            if (free > at) {
              at = free;
              window = w;
              source = 'local';
              moved = true;
            }
          }
        }
        const budget = this.budgets[w];
        if (budget && at < budget.until && budget.left <= 0) {
          at = budget.until;
          window = w;
          source = 'server';
          moved = true;
        }
      }
      if (!moved) break;
    }
    return { at, window: at > now ? window : null, source: at > now ? source : null };
  }

  /** Takes the slot `plan` returned. */
  commit(at: number): void {
    this.last = Math.max(this.last, at);
    this.log.push(this.last);
    for (const w of WINDOWS) {
      const budget = this.budgets[w];
      if (budget && at < budget.until) budget.left -= 1;
    }
    this.prune(at);
  }

  /** Adapts to the server: lower declared limits win, and "left" caps the current fixed window. */
  observe(info: RateHeaderInfo, now: number): void {
    for (const w of WINDOWS) {
      const h = info[w];
      if (!h) continue;
      if (
        h.limit !== undefined &&
        h.limit >= 0 &&
        (this.limits[w] === undefined || h.limit < this.limits[w]!)
      ) {
        this.limits[w] = h.limit;
      }
      if (h.left !== undefined) {
        // Requests still in flight were sent after the server counted this one (or may have been):
        // assume they all consume from what it reports as left.
        const left = h.left - Math.max(0, this.inflight);
        const until = nextBoundary(w, now);
        const prev = this.budgets[w];
        this.budgets[w] =
          prev && prev.until === until ? { left: Math.min(prev.left, left), until } : { left, until };
      }
    }
  }

  private prune(now: number): void {
    const longest = Math.max(
      ...WINDOWS.filter((w) => this.limits[w] !== undefined).map((w) => WINDOW_MS[w]),
      0,
    );
    const cut = upperBound(this.log, now - longest);
    if (cut > 1024 || (cut > 0 && cut === this.log.length)) this.log = this.log.slice(cut);
  }
}

/** Index of the first element > x in a sorted array. */
function upperBound(arr: readonly number[], x: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
