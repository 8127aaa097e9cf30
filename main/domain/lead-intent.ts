/**
 * A lead's score with intent read from its buying signals (issue 13): the fit and accessibility the
 * checklist scored stay, the intent block is replaced by the signals' items (each with evidence),
 * and the total and band follow seed 001's weights.
 */
import { intentFromSignals, type Intent } from './intent';
import type { Icp } from './icp';
import { band, WEIGHTS } from './score';
import type { SignalEvent } from './signals';
import type { LeadScore, ScoreBand } from './types';

export function intentFor(
  events: readonly SignalEvent[],
  icp: Pick<Icp, 'signals' | 'fundingStages' | 'fundingStageMode'>,
  now: Date,
): Intent {
  return intentFromSignals(events, icp, { now, fundingStageMode: icp.fundingStageMode ?? 'boost' });
}

/** The score with its intent block replaced by `intent`'s items; total, band and why-now follow. */
export function withIntent(score: LeadScore, intent: Intent): LeadScore {
  const kept = score.breakdown.filter((i) => i.component !== 'intent');
  const items = intent.items.map(({ component, signal, points, evidence }) => ({
    component,
    signal,
    points,
    evidence,
  }));
  const total = Math.round(
    intent.score * WEIGHTS.intent + score.fit * WEIGHTS.fit + score.accessibility * WEIGHTS.accessibility,
  );
  return {
    ...score,
    intent: intent.score,
    total,
    band: band(total),
    breakdown: [...items, ...kept],
    whyNow: intent.whyNow,
  };
}

export type BandCounts = Record<ScoreBand, number>;

export function countBands(scores: readonly Pick<LeadScore, 'band'>[]): BandCounts {
  const out: BandCounts = { hot: 0, warm: 0, nurture: 0, cold: 0 };
  for (const s of scores) out[s.band]++;
  return out;
}

/** Whether a re-score is worth an alert: the band changed or the total moved 10 points or more. */
export function isAlertWorthy(
  before: Pick<LeadScore, 'total' | 'band'>,
  after: Pick<LeadScore, 'total' | 'band'>,
) {
  return before.band !== after.band || Math.abs(after.total - before.total) >= 10;
}
