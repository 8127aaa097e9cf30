import { describe, expect, it } from 'vitest';
import { createThrottle, type Timers } from '../../main/events/throttle';

/** A manual clock: time moves only when the test says so, so ordering is exact and nothing waits. */
function manualTimers() {
  let now = 0;
  let next = 1;
  const due = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = next++;
      due.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout: (id) => void due.delete(id as number),
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const [id, t] =
        [...due.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0] ?? [];
      if (id === undefined || !t) break;
      due.delete(id);
      now = t.at;
      t.fn();
    }
    now = end;
  };
  return { timers, advance, pending: () => due.size };
}

interface P {
  campaignId: number;
  n: number;
}

describe('createThrottle', () => {
  it('sends the first value at once, then at most one per interval, always the latest', () => {
    const clock = manualTimers();
    const sent: number[] = [];
    const t = createThrottle<P>(
      (p) => sent.push(p.n),
      100,
      (p) => p.campaignId,
      clock.timers,
    );
    for (let n = 1; n <= 50; n++) {
      t.push({ campaignId: 1, n });
      clock.advance(10); // 50 pushes over 500 ms = 100 per second offered
    }
    clock.advance(100);
    expect(sent[0]).toBe(1);
    expect(sent.at(-1)).toBe(50); // the last value is never dropped
    expect(sent.length).toBeLessThanOrEqual(6 + 1); // ≤ 10/s over 0.5 s, plus the trailing flush
    expect([...sent].sort((a, b) => a - b)).toEqual(sent); // never out of order
  });

  it('delivers the trailing value once the interval has passed, with nothing pending after', () => {
    const clock = manualTimers();
    const sent: number[] = [];
    const t = createThrottle<P>(
      (p) => sent.push(p.n),
      100,
      (p) => p.campaignId,
      clock.timers,
    );
    t.push({ campaignId: 1, n: 1 });
    t.push({ campaignId: 1, n: 2 });
    t.push({ campaignId: 1, n: 3 });
    expect(sent).toEqual([1]);
    clock.advance(99);
    expect(sent).toEqual([1]);
    clock.advance(1);
    expect(sent).toEqual([1, 3]);
    expect(clock.pending()).toBe(0);
  });

  it('throttles each key separately so one campaign cannot starve another', () => {
    const clock = manualTimers();
    const sent: string[] = [];
    const t = createThrottle<P>(
      (p) => sent.push(`${p.campaignId}:${p.n}`),
      100,
      (p) => p.campaignId,
      clock.timers,
    );
    t.push({ campaignId: 1, n: 1 });
    t.push({ campaignId: 2, n: 1 });
    t.push({ campaignId: 1, n: 2 });
    clock.advance(100);
    expect(sent).toEqual(['1:1', '2:1', '1:2']);
  });

  it('flush() sends pending values now; cancel() drops them', () => {
    const clock = manualTimers();
    const sent: number[] = [];
    const t = createThrottle<P>((p) => sent.push(p.n), 100, undefined, clock.timers);
    t.push({ campaignId: 1, n: 1 });
    t.push({ campaignId: 1, n: 2 });
    t.flush();
    expect(sent).toEqual([1, 2]);
    expect(clock.pending()).toBe(0);
    t.push({ campaignId: 1, n: 3 }); // the interval since n=2 has not passed: held back
    t.cancel();
    clock.advance(1000);
    expect(sent).toEqual([1, 2]);
  });

  it('sends immediately again after a quiet interval', () => {
    const clock = manualTimers();
    const sent: number[] = [];
    const t = createThrottle<P>((p) => sent.push(p.n), 100, undefined, clock.timers);
    t.push({ campaignId: 1, n: 1 });
    clock.advance(250);
    t.push({ campaignId: 1, n: 2 });
    expect(sent).toEqual([1, 2]);
  });
});
