import type { CreditEstimate } from '../contract';
import { TIERS, type Icp, type Tier } from '../domain/icp';
import { funnelStats, type Db } from '../store';

/**
 * Credits per saved lead before a campaign starts. Priors from seed 000 (one company enrichment
 * per ~2 candidates kept, plus the email reveal: ~4.5 credits per valid lead without history);
 * with history, the observed credits per saved lead of past campaigns, per tier.
 */
export const PRIOR_CREDITS_PER_LEAD: Record<Tier, number> = { T1: 4.5, T2: 4.5, T3: 4.5 };

export function estimateCredits(db: Db, icp: Icp): CreditEstimate {
  const stats = funnelStats(db);
  const perTier = {} as CreditEstimate['perTier'];
  let fromHistory = 0;
  for (const t of TIERS) {
    const leads = icp.tiers[t].target;
    const f = stats.perTier[t];
    const observed = f && f.saved >= 10 ? f.credits / f.saved : null;
    if (observed !== null) fromHistory++;
    perTier[t] = { leads, credits: Math.ceil(leads * (observed ?? PRIOR_CREDITS_PER_LEAD[t])) };
  }
  const total = TIERS.reduce((s, t) => s + perTier[t].credits, 0);
  const basis = fromHistory > 0 ? 'history' : 'priors';
  return {
    perTier,
    total,
    basis,
    note:
      basis === 'history'
        ? `From ${stats.campaigns} past campaign(s): observed credits per saved lead. Cached companies make repeats cheaper.`
        : 'No past campaigns yet: about 4.5 credits per lead (company enrichment + email reveal). Cached data lowers it.',
  };
}
