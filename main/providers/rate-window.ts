/**
 * Fixed-window rate accounting for one bucket (an endpoint, or an endpoint class).
 * Providers such as Apollo count requests in minute/hour/day windows; whether those are aligned to
 * UTC boundaries is not documented, so we count in UTC-aligned windows and obey three views: our own
 * per-window counts against the configured (or header-learned) limits, the server's "requests left"
 * headers, which hold the bucket until the window rolls over, and a 429's Retry-After, which says
 * exactly when the server lets requests through again (and wins over our boundary guess).
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

/** The window a refusal most likely concerns: the longest one the server reports as used up. */
export function exhaustedWindow(info: RateHeaderInfo): WindowName | null {
  for (const w of [...WINDOWS].reverse()) if (info[w]?.left !== undefined && info[w]!.left! <= 0) return w;
  return null;
}

/** A Retry-After's length says which window it is about when nothing else does. */
export function windowOfDelay(ms: number): WindowName {
  return ms > WINDOW_MS.hour ? 'day' : ms > WINDOW_MS.minute ? 'hour' : 'minute';
}

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
  /** Requests reserved in the fixed window starting at `start`. */
  private readonly counts: Partial<Record<WindowName, { start: number; count: number }>> = {};
  /** Reservations are handed out in time order, so counts only ever move forward. */
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
          const start = windowStart(w, at);
          const used = this.counts[w]?.start === start ? this.counts[w]!.count : 0;
          if (used >= limit) {
            at = start + WINDOW_MS[w];
            window = w;
            source = 'local';
            moved = true;
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
    for (const w of WINDOWS) {
      const start = windowStart(w, this.last);
      const c = this.counts[w];
      if (c?.start === start) c.count += 1;
      else this.counts[w] = { start, count: 1 };
      const budget = this.budgets[w];
      if (budget && this.last < budget.until) budget.left -= 1;
    }
  }

  /** The server refused until `until` (Retry-After): nothing is sent from this bucket before then. */
  hold(window: WindowName, until: number): void {
    this.budgets[window] = { left: 0, until };
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
        // A Retry-After hold is the server's own word on when the window frees up: keep it.
        if (prev && prev.left <= 0 && prev.until > now && left <= 0) continue;
        this.budgets[w] =
          prev && prev.until === until ? { left: Math.min(prev.left, left), until } : { left, until };
      }
    }
  }
}

function windowStart(window: WindowName, t: number): number {
  return Math.floor(t / WINDOW_MS[window]) * WINDOW_MS[window];
}
