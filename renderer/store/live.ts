/** Live campaign state fed by engine events: the latest progress per campaign and its activity log. */
import { create } from 'zustand';
import type { ActivityLine, CampaignProgress } from '../../main/contract';
import type { Api } from '../api';
import { coalesce, type Timers } from './coalesce';

export const ACTIVITY_KEEP = 500;

type LiveEvent = { kind: 'progress'; p: CampaignProgress } | { kind: 'activity'; line: ActivityLine };

export interface LiveState {
  progress: Record<number, CampaignProgress>;
  activity: Record<number, ActivityLine[]>;
  /** Number of flushes so far: lets tests (and the curious) see that events were coalesced. */
  renders: number;
  seed(campaignId: number, progress: CampaignProgress | null, activity: ActivityLine[]): void;
}

export const createLiveStore = () =>
  create<LiveState>()((set) => ({
    progress: {},
    activity: {},
    renders: 0,
    seed: (id, progress, lines) =>
      set((s) => ({
        progress: progress ? { ...s.progress, [id]: newer(s.progress[id], progress) } : s.progress,
        activity: { ...s.activity, [id]: mergeLines(lines, s.activity[id] ?? []) },
      })),
  }));

export const useLive = createLiveStore();

/** Keep whichever snapshot is further along (a seed fetched late must not undo live events). */
function newer(a: CampaignProgress | undefined, b: CampaignProgress): CampaignProgress {
  return a && a.elapsedMs > b.elapsedMs ? a : b;
}

function mergeLines(base: ActivityLine[], extra: ActivityLine[]): ActivityLine[] {
  const seen = new Set(base.map(key));
  const merged = [...base, ...extra.filter((l) => !seen.has(key(l)))];
  merged.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
  return merged.slice(-ACTIVITY_KEEP);
}

const key = (l: ActivityLine) => `${l.at}\u0000${l.message}`;

export function applyBatch(s: LiveState, batch: LiveEvent[]): Partial<LiveState> {
  const progress = { ...s.progress };
  const activity = { ...s.activity };
  for (const ev of batch) {
    if (ev.kind === 'progress') progress[ev.p.campaignId] = ev.p;
    else {
      // A line may already be there when the screen's initial fetch raced the event stream.
      const list = activity[ev.line.campaignId] ?? [];
      const k = key(ev.line);
      if (!list.some((l) => key(l) === k))
        activity[ev.line.campaignId] = [...list, ev.line].slice(-ACTIVITY_KEEP);
    }
  }
  return { progress, activity, renders: s.renders + 1 };
}

/** Subscribe the store to the engine's events; returns the unsubscribe. */
export function connectLive(api: Pick<Api, 'on'>, store = useLive, timers?: Timers): () => void {
  // Progress arrives already throttled by the engine (≤ 10 snapshots a second per campaign): it goes
  // straight to the store. Activity lines are not throttled at the source, so bursts are batched here.
  const batcher = coalesce<LiveEvent>((batch) => store.setState((s) => applyBatch(s, batch)), 100, timers);
  const offs = [
    api.on('campaign/progress', (p) => store.setState((s) => applyBatch(s, [{ kind: 'progress', p }]))),
    api.on('campaign/activity', (line) => batcher.push({ kind: 'activity', line })),
  ];
  return () => {
    for (const off of offs) off();
    batcher.dispose();
  };
}
