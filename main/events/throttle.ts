/**
 * Rate-limits a stream of snapshots (progress) per key: the first goes out at once, then at most one per
 * interval, always the latest, and the last one is never dropped (a trailing flush delivers it).
 * Timers are injected so the behaviour is testable without waiting.
 */
export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface Throttled<T> {
  push(value: T): void;
  /** Sends every pending value now (e.g. before the window closes). */
  flush(): void;
  /** Drops pending values and stops timers. */
  cancel(): void;
  /** Resolves once nothing is pending for this key (the last value went out on schedule). */
  idle(key?: unknown): Promise<void>;
}

interface Slot<T> {
  lastSent: number;
  pending: { value: T } | null;
  timer: unknown;
  waiters: (() => void)[];
}

export function createThrottle<T>(
  send: (value: T) => void,
  intervalMs: number,
  keyOf: (value: T) => unknown = () => null,
  timers: Timers = realTimers,
): Throttled<T> {
  const slots = new Map<unknown, Slot<T>>();

  const fire = (slot: Slot<T>) => {
    slot.timer = null;
    if (slot.pending) {
      const { value } = slot.pending;
      slot.pending = null;
      slot.lastSent = timers.now();
      send(value);
    }
    for (const w of slot.waiters.splice(0)) w();
  };

  return {
    push(value) {
      const key = keyOf(value);
      let slot = slots.get(key);
      if (!slot) {
        slot = { lastSent: Number.NEGATIVE_INFINITY, pending: null, timer: null, waiters: [] };
        slots.set(key, slot);
      }
      slot.pending = { value };
      if (slot.timer !== null) return; // a flush is already scheduled; it will carry this newer value
      const wait = slot.lastSent + intervalMs - timers.now();
      if (wait <= 0) fire(slot);
      else {
        const s = slot;
        slot.timer = timers.setTimeout(() => fire(s), wait);
      }
    },
    flush() {
      for (const slot of slots.values()) {
        if (slot.timer !== null) timers.clearTimeout(slot.timer);
        fire(slot);
      }
    },
    cancel() {
      for (const slot of slots.values()) {
        if (slot.timer !== null) timers.clearTimeout(slot.timer);
        for (const w of slot.waiters.splice(0)) w();
      }
      slots.clear();
    },
    idle(key = null) {
      const slot = slots.get(key);
      if (!slot || slot.timer === null) return Promise.resolve();
      return new Promise((resolve) => slot.waiters.push(resolve));
    },
  };
}
