import { previousInteraction, type OutreachState } from './outreach';
import { band, WEIGHTS } from './score';
import type { LeadScore, ScoreItem } from './types';

const SIGNAL = 'Previous interaction';

/**
 * The lead's score with seed 001's "Previous interaction" (+10 accessibility) as its outreach now
 * stands: added once an email was opened or answered, never twice, and the totals recomputed the
 * way scoreLead sums them (each component capped at 100, then weighted).
 */
export function scoreWithOutreach(score: LeadScore, state: OutreachState): LeadScore {
  const item = previousInteraction(state);
  const breakdown: ScoreItem[] = [
    ...score.breakdown.filter((i) => i.signal !== SIGNAL),
    ...(item ? [item] : []),
  ];
  const sum = (c: ScoreItem['component']) =>
    Math.min(
      100,
      breakdown.filter((i) => i.component === c).reduce((s, i) => s + i.points, 0),
    );
  // A score saved without its breakdown (its sealed part unreadable) cannot be recomputed: kept as is.
  if (!score.breakdown.length) return score;
  const intent = sum('intent');
  const fit = sum('fit');
  const accessibility = sum('accessibility');
  const total = Math.round(
    intent * WEIGHTS.intent + fit * WEIGHTS.fit + accessibility * WEIGHTS.accessibility,
  );
  return { total, intent, fit, accessibility, band: band(total), breakdown };
}
