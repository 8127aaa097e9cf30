import { describe, expect, it } from 'vitest';
import type { ActivityLine, CampaignProgress, EventName } from '../../main/contract';
import type { Timers } from '../../renderer/store/coalesce';
import { ACTIVITY_KEEP, connectLive, createLiveStore } from '../../renderer/store/live';

function manualTimers() {
  const queue: (() => void)[] = [];
  const timers: Timers = {
    setTimeout: (fn) => {
      queue.push(fn);
      return queue.length;
    },
    clearTimeout: () => undefined,
  };
  return { timers, tick: () => queue.splice(0).forEach((fn) => fn()) };
}

function fakeBus() {
  const subs = new Map<EventName, ((p: never) => void)[]>();
  return {
    on: (e: EventName, cb: (p: never) => void) => {
      subs.set(e, [...(subs.get(e) ?? []), cb]);
      return () =>
        subs.set(
          e,
          (subs.get(e) ?? []).filter((x) => x !== cb),
        );
    },
    emit: (e: EventName, p: unknown) => (subs.get(e) ?? []).forEach((cb) => cb(p as never)),
  };
}

const progress = (campaignId: number, saved: number): CampaignProgress => {
  const c = {
    target: 10,
    found: 0,
    filtered: 0,
    enriched: 0,
    validated: 0,
    saved,
    rejected: 0,
    exhausted: false,
  };
  return {
    campaignId,
    status: 'running',
    stage: 'searching',
    tier: 'T1',
    tiers: { T1: c, T2: c, T3: c },
    creditsUsed: saved,
    budget: null,
    requests: 0,
    elapsedMs: saved,
    etaMs: null,
  };
};

const line = (campaignId: number, n: number): ActivityLine => ({
  campaignId,
  at: new Date(Date.UTC(2025, 0, 1, 0, 0, n)).toISOString(),
  level: 'info',
  message: `line ${n}`,
});

const freshStore = createLiveStore;

describe('live store', () => {
  it('applies progress as it comes (throttled once, by the engine) and batches a burst of activity', () => {
    const store = freshStore();
    const bus = fakeBus();
    const { timers, tick } = manualTimers();
    connectLive(bus, store, timers);
    for (let i = 1; i <= 3; i++) bus.emit('campaign/progress', progress(7, i));
    expect(store.getState().renders).toBe(3);
    expect(store.getState().progress[7]?.tiers.T1.saved).toBe(3);
    for (let i = 0; i < 5; i++) bus.emit('campaign/activity', line(7, i));
    expect(store.getState().activity[7]).toBeUndefined();
    tick();
    expect(store.getState().renders).toBe(4);
    expect(store.getState().activity[7]).toHaveLength(5);
  });

  it('does not duplicate lines already seeded from campaign/activity', () => {
    const store = freshStore();
    const bus = fakeBus();
    const { timers, tick } = manualTimers();
    connectLive(bus, store, timers);
    bus.emit('campaign/activity', line(1, 1));
    store.getState().seed(1, null, [line(1, 0), line(1, 1)]);
    tick();
    expect(store.getState().activity[1]?.map((l) => l.message)).toEqual(['line 0', 'line 1']);
  });

  it('keeps only the most recent lines and stops after unsubscribe', () => {
    const store = freshStore();
    const bus = fakeBus();
    const { timers, tick } = manualTimers();
    const off = connectLive(bus, store, timers);
    for (let i = 0; i < ACTIVITY_KEEP + 50; i++) bus.emit('campaign/activity', line(2, i));
    tick();
    const lines = store.getState().activity[2]!;
    expect(lines).toHaveLength(ACTIVITY_KEEP);
    expect(lines.at(-1)?.message).toBe(`line ${ACTIVITY_KEEP + 49}`);
    off();
    bus.emit('campaign/progress', progress(2, 1));
    tick();
    expect(store.getState().progress[2]).toBeUndefined();
  });

  it('a late seed does not roll back a newer live snapshot', () => {
    const store = freshStore();
    const bus = fakeBus();
    const { timers, tick } = manualTimers();
    connectLive(bus, store, timers);
    bus.emit('campaign/progress', progress(3, 8));
    tick();
    store.getState().seed(3, progress(3, 2), []);
    expect(store.getState().progress[3]?.tiers.T1.saved).toBe(8);
  });
});
