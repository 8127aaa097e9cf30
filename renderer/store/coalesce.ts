/**
 * Batches a fast event stream into at most one flush per interval: a campaign can emit hundreds of
 * progress events a second, and React only needs the latest snapshot ~10 times a second.
 */
export interface Coalescer<T> {
  push(item: T): void;
  /** Deliver whatever is pending now (e.g. before unmount or in tests). */
  flush(): void;
  dispose(): void;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

export function coalesce<T>(
  deliver: (batch: T[]) => void,
  intervalMs = 100,
  timers = realTimers,
): Coalescer<T> {
  let pending: T[] = [];
  let handle: unknown = null;
  const flush = () => {
    if (handle !== null) timers.clearTimeout(handle);
    handle = null;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    deliver(batch);
  };
  return {
    push(item) {
      pending.push(item);
      if (handle === null) handle = timers.setTimeout(flush, intervalMs);
    },
    flush,
    dispose() {
      if (handle !== null) timers.clearTimeout(handle);
      handle = null;
      pending = [];
    },
  };
}
