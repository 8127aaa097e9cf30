/** Totals the Summary sheet needs, gathered in one pass over the leads (which are never all in memory). */
import { TIERS, type Tier } from '../domain/icp';
import { FINAL_EMAIL_STATUSES } from '../shared/shapes';
import type { FinalEmailStatus, Lead, ScoreBand } from '../domain/types';

export const BANDS: readonly { band: ScoreBand; range: string }[] = [
  { band: 'hot', range: '80–100' },
  { band: 'warm', range: '60–79' },
  { band: 'nurture', range: '40–59' },
  { band: 'cold', range: '0–39' },
];

export const EMAIL_STATUSES: readonly FinalEmailStatus[] = FINAL_EMAIL_STATUSES;

interface TierTotals {
  leads: number;
  validationSum: number;
  scoreSum: number;
}

export interface ExportStats {
  total: number;
  validationSum: number;
  tiers: Record<Tier, TierTotals>;
  bands: Record<ScoreBand, number>;
  emailStatus: Record<FinalEmailStatus, number>;
}

export function emptyStats(): ExportStats {
  const tier = (): TierTotals => ({ leads: 0, validationSum: 0, scoreSum: 0 });
  return {
    total: 0,
    validationSum: 0,
    tiers: { T1: tier(), T2: tier(), T3: tier() },
    bands: { hot: 0, warm: 0, nurture: 0, cold: 0 },
    emailStatus: { verified: 0, accept_all: 0, guessed: 0, invalid: 0, unavailable: 0 },
  };
}

function finite(n: number): number {
  return Number.isFinite(n) ? n : 0;
}

export function countLead(stats: ExportStats, lead: Lead): void {
  const tier = stats.tiers[lead.tier];
  stats.total += 1;
  stats.validationSum += finite(lead.validation.score);
  tier.leads += 1;
  tier.validationSum += finite(lead.validation.score);
  tier.scoreSum += finite(lead.score.total);
  if (lead.score.band in stats.bands) stats.bands[lead.score.band] += 1;
  if (lead.emailStatus in stats.emailStatus) stats.emailStatus[lead.emailStatus] += 1;
}

export function average(sum: number, count: number): number | null {
  return count > 0 ? sum / count : null;
}

export function isTier(value: unknown): value is Tier {
  return typeof value === 'string' && (TIERS as readonly string[]).includes(value);
}
