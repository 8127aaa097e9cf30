/**
 * The engine's one event bus. Progress is throttled here and only here (at most 10 snapshots a second
 * per campaign, the final state always delivered), so every transport forwards what it gets as is.
 * Activity lines also go to the engine log.
 */
import type { EventName, Events } from '../contract';
import { createThrottle } from '../events/throttle';
import type { Logger } from '../secrets/redact';

// A margin over 100 ms: timers may fire a millisecond early.
export const PROGRESS_INTERVAL_MS = 110;

export interface EventBus {
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  on<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void;
  /** Resolves once the campaign's last progress snapshot went out on the throttle's schedule. */
  idle(campaignId: number): Promise<void>;
  /** Delivers every pending snapshot now (before closing). */
  flush(): void;
}

export function createEventBus(logger: Logger): EventBus {
  const listeners = new Map<EventName, Set<(p: never) => void>>();
  const deliver = <E extends EventName>(event: E, payload: Events[E]) => {
    for (const cb of listeners.get(event) ?? []) (cb as (p: Events[E]) => void)(payload);
  };
  const progress = createThrottle<Events['campaign/progress']>(
    (p) => deliver('campaign/progress', p),
    PROGRESS_INTERVAL_MS,
    (p) => p.campaignId,
  );
  const model = createThrottle<Events['model/progress']>(
    (m) => deliver('model/progress', m),
    PROGRESS_INTERVAL_MS,
  );
  return {
    emit(event, payload) {
      if (event === 'campaign/progress') return progress.push(payload as Events['campaign/progress']);
      if (event === 'model/progress') return model.push(payload as Events['model/progress']);
      if (event === 'campaign/activity') {
        const a = payload as Events['campaign/activity'];
        logger[a.level](`campaign ${a.campaignId}: ${a.message}`);
      }
      deliver(event, payload);
    },
    on(event, cb) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(cb as (p: never) => void);
      return () => set.delete(cb as (p: never) => void);
    },
    idle: (campaignId) => progress.idle(campaignId),
    flush() {
      progress.flush();
      model.flush();
    },
  };
}
