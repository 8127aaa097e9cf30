/** The signal columns of a tier sheet (issue 13): the lead's "why now" and the signals behind its intent. */
import type { Lead } from '../domain/types';
import { cleanText } from './sanitize';

export function whyNowCell(lead: Lead): string | null {
  const t = cleanText(lead.score.whyNow ?? '').trim();
  return t === '' ? null : t;
}

/** Each intent point with its evidence, strongest first: "Recent funding +60: Series B of $20M (crunchbase, 2026-10-01)". */
export function signalsCell(lead: Lead): string | null {
  const items = lead.score.breakdown
    .filter((i) => i.component === 'intent')
    .sort((a, b) => b.points - a.points)
    .map((i) => `${i.signal} ${i.points >= 0 ? '+' : ''}${Math.round(i.points)}: ${i.evidence}`);
  const t = cleanText(items.join('; ')).trim();
  return t === '' ? null : t;
}
