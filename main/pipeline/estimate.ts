import type { CreditEstimate } from '../contract';
import { TIERS, type Icp } from '../domain/icp';
import { funnelStats, type Db } from '../store';

/**
 * What a campaign costs before it has a history, measured on the strict sandbox (the real service's
 * shapes and observed costs: 1 credit per revealed person, enriched company, directory page and
 * job-postings page with postings), reveal-first, size bands read best first, free search filters:
 * - reveals per saved lead: ~1.07 on the full template (each lead, plus the first candidate of
 *   companies that fail: mostly a primary industry outside the ICP; verified-first searches and
 *   the catch-all wait keep the extra reveals few);
 * - companies per saved lead: ~0.42 with the local filter (job-postings pages, bought after the
 *   email waterfall for kept leads' companies only; no enrichment was needed above 500 employees);
 *   2.4 without it (the pass-through baseline buys before it reads);
 * - the company directory: one paid page per 100 companies of the ICP's universe, read once per
 *   campaign whatever its size (≈51 pages for the templates).
 * Refitted on the stop-19 full-template run (seed 42, limits off: 537 reveals, 210 job-postings
 * pages, 51 directory pages for 500 leads = 798 credits).
 */
export const PRIORS = {
  revealPerLead: 1.07,
  companiesPerLead: { semantic: 0.42, passThrough: 2.4 },
  directoryPages: 51,
} as const;

/** Completed leads in a tier before its own history replaces the priors. */
const MIN_HISTORY = 10;

export function estimateCredits(db: Db, icp: Icp, o: { semanticFilter?: boolean } = {}): CreditEstimate {
  const stats = funnelStats(db);
  const prior =
    PRIORS.revealPerLead +
    (o.semanticFilter === false ? PRIORS.companiesPerLead.passThrough : PRIORS.companiesPerLead.semantic);
  const perTier = {} as CreditEstimate['perTier'];
  let fromHistory = 0;
  for (const t of TIERS) {
    const leads = icp.tiers[t].target;
    const f = stats.perTier[t];
    const observed = f.saved >= MIN_HISTORY ? f.credits / f.saved : null;
    if (observed !== null) fromHistory++;
    perTier[t] = { leads, credits: Math.ceil(leads * (observed ?? prior)) };
  }
  const anyLeads = TIERS.some((t) => icp.tiers[t].target > 0);
  const directory = !anyLeads
    ? 0
    : stats.directory.campaigns > 0
      ? Math.ceil(stats.directory.credits / stats.directory.campaigns)
      : PRIORS.directoryPages;
  const total = TIERS.reduce((s, t) => s + perTier[t].credits, 0) + directory;
  const basis = fromHistory > 0 ? 'history' : 'priors';
  return {
    perTier,
    directory,
    total,
    basis,
    note:
      basis === 'history'
        ? `From ${stats.campaigns} past campaign(s): observed credits per saved lead, plus the company directory. ` +
          'Companies already bought are reused, so a similar campaign costs less.'
        : `No past campaigns yet: about ${prior.toFixed(1)} credits per lead (email reveal + company enrichment) ` +
          `plus ~${directory} for the company directory. Cached data lowers it.`,
  };
}
