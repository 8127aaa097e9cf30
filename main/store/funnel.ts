import { TIERS, type Tier } from '../domain/icp';
import { stmt, type Db } from './sql';

export interface TierFunnel {
  found: number;
  filteredOut: number;
  /** Candidates whose company was enriched (they reached the paid stage). */
  enriched: number;
  saved: number;
  credits: number;
}

export interface FunnelStats {
  campaigns: number;
  /** Credits per tier, without the company directory (a per-campaign cost, not a per-lead one). */
  perTier: Record<Tier, TierFunnel>;
  /** Paid company-directory pages: campaigns that bought any, and their credits. */
  directory: { campaigns: number; credits: number };
}

/** The company search the directory pages through (main/pipeline/directory.ts). */
export const DIRECTORY_ENDPOINT = '/mixed_companies/search';

/**
 * What completed campaigns cost per tier, for the credit forecast. Ledger rows recorded without a
 * tier (e.g. a company enrichment shared by several tiers) are shared out by each tier's enriched
 * count, so per-tier credits add up to what was really spent.
 */
export function funnelStats(db: Db): FunnelStats {
  const perTier = Object.fromEntries(
    TIERS.map((t) => [t, { found: 0, filteredOut: 0, enriched: 0, saved: 0, credits: 0 }]),
  ) as Record<Tier, TierFunnel>;
  const { campaigns } = stmt(
    db,
    "SELECT COUNT(*) AS campaigns FROM campaigns WHERE status = 'completed'",
  ).get() as {
    campaigns: number;
  };

  const candidates = stmt(
    db,
    `SELECT k.tier, COUNT(*) AS found,
       SUM(k.state = 'filtered_out') AS filteredOut,
       SUM(k.company_id IS NOT NULL OR k.state IN ('enriched', 'revealed', 'saved')) AS enriched
     FROM campaign_candidates k JOIN campaigns c ON c.id = k.campaign_id
     WHERE c.status = 'completed' GROUP BY k.tier`,
  ).all() as { tier: Tier; found: number; filteredOut: number; enriched: number }[];
  for (const r of candidates)
    Object.assign(perTier[r.tier], { found: r.found, filteredOut: r.filteredOut, enriched: r.enriched });

  const saved = stmt(
    db,
    `SELECT l.tier, COUNT(*) AS n FROM leads l JOIN campaigns c ON c.id = l.campaign_id
     WHERE c.status = 'completed' GROUP BY l.tier`,
  ).all() as { tier: Tier; n: number }[];
  for (const r of saved) perTier[r.tier].saved = r.n;

  const credits = stmt(
    db,
    `SELECT g.tier, SUM(g.credits) AS credits FROM credit_ledger g JOIN campaigns c ON c.id = g.campaign_id
     WHERE c.status = 'completed' AND g.endpoint <> ? GROUP BY g.tier`,
  ).all(DIRECTORY_ENDPOINT) as { tier: Tier | null; credits: number }[];
  let unattributed = 0;
  for (const r of credits) {
    if (r.tier === null) unattributed = r.credits;
    else perTier[r.tier].credits += r.credits;
  }
  const enrichedTotal = TIERS.reduce((n, t) => n + perTier[t].enriched, 0);
  if (unattributed > 0 && enrichedTotal > 0) {
    for (const t of TIERS) perTier[t].credits += (unattributed * perTier[t].enriched) / enrichedTotal;
  }
  const directory = stmt(
    db,
    `SELECT COUNT(DISTINCT g.campaign_id) AS campaigns, COALESCE(SUM(g.credits), 0) AS credits
     FROM credit_ledger g JOIN campaigns c ON c.id = g.campaign_id
     WHERE c.status = 'completed' AND g.endpoint = ? AND g.credits > 0`,
  ).get(DIRECTORY_ENDPOINT) as { campaigns: number; credits: number };
  return { campaigns, perTier, directory };
}
