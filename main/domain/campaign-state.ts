/**
 * The one place that says how a campaign's status may change. The store applies every status change
 * through `assertTransition` (atomically, against the row's current status); the engine asks
 * `canResume`/`canCancel` before it acts, so the UI, the CLI and the runner agree.
 */
import type { CampaignStatus } from '../shared/shapes';
import { AppError } from '../shared/errors';

export const CAMPAIGN_TRANSITIONS: Readonly<Record<CampaignStatus, readonly CampaignStatus[]>> = {
  draft: ['running', 'cancelled'],
  running: ['paused', 'completed', 'failed', 'cancelled', 'interrupted'],
  paused: ['running', 'cancelled'],
  // Its engine died while it ran (crash, kill -9, power loss): everything saved is kept.
  interrupted: ['running', 'cancelled'],
  // A provider or network failure stopped it; nothing is lost, so it may resume.
  failed: ['running', 'cancelled'],
  completed: [],
  cancelled: [],
};

/** Nothing more can happen to it. */
export const isFinished = (s: CampaignStatus) => CAMPAIGN_TRANSITIONS[s].length === 0;

export const canTransition = (from: CampaignStatus, to: CampaignStatus) =>
  CAMPAIGN_TRANSITIONS[from].includes(to);

/** Statuses a campaign may enter `to` from (for an atomic UPDATE … WHERE status IN (…)). */
export const sourcesOf = (to: CampaignStatus): CampaignStatus[] =>
  (Object.keys(CAMPAIGN_TRANSITIONS) as CampaignStatus[]).filter((from) => canTransition(from, to));

/** Resume starts a runner: for draft, paused, interrupted and failed campaigns. */
export const canResume = (s: CampaignStatus) => canTransition(s, 'running');

export function transitionError(id: number, from: CampaignStatus, to: CampaignStatus): AppError {
  if (isFinished(from))
    return new AppError('CAMPAIGN_FINISHED', `Campaign ${id} is already ${from}.`, { from, to });
  if (from === 'running' && to === 'running')
    return new AppError(
      'INVALID_TRANSITION',
      `Campaign ${id} is already running in another Lead Studio window or process; pause it there first.`,
      { from, to },
    );
  return new AppError('INVALID_TRANSITION', `Campaign ${id} is ${from} and cannot become ${to}.`, {
    from,
    to,
  });
}

export function assertTransition(id: number, from: CampaignStatus, to: CampaignStatus): void {
  if (!canTransition(from, to)) throw transitionError(id, from, to);
}
