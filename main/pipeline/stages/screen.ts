/** The free stages of a batch: resolve companies, pre-filter locally, plan what to pay for. */
import type { Tier } from '../../domain/icp';
import { countLeadsByTier, setCandidateState, type CandidateRow } from '../../store';
import type { FilterDecision } from '../prefilter';
import { roomIn, type BatchContext, type Resolved, type Screened } from './context';

/** Resolves each candidate's company through the ICP's directory (paid pages, read as needed). */
export async function resolveStage(
  ctx: BatchContext,
  searchTier: Tier,
  batch: CandidateRow[],
): Promise<Resolved[]> {
  const summaries = await ctx.directory.resolve(
    batch.map((c) => c.companyRef),
    searchTier,
  );
  return batch.map((cand, i) => {
    const summary = summaries[i] ?? null;
    if (summary && !cand.companyRef.domain)
      cand = {
        ...cand,
        companyRef: { ...cand.companyRef, domain: summary.domain, organizationId: summary.providerId },
      };
    return { cand, summary };
  });
}

/** Decides, locally and for free, who is worth paying for; records every drop with its reason. */
export async function prefilterStage(
  ctx: BatchContext,
  searchTier: Tier,
  resolved: Resolved[],
): Promise<Screened[]> {
  const { db, campaignId } = ctx;
  const fresh = resolved.filter((r) => r.cand.state === 'new');
  const decisions = await ctx.prefilter.decide(
    fresh.map((r) => r.cand),
    {
      campaignId,
      icp: ctx.icp,
      tier: searchTier,
      classifier: ctx.classifier,
      companies: fresh.map((r) => r.summary),
      log: (m) => ctx.log('warn', m),
    },
  );
  const byId = new Map(fresh.map((r, i) => [r.cand.providerPersonId, decisions[i]!]));
  const screened = db.transaction(() =>
    resolved.map((r) => screenOne(ctx, r, byId.get(r.cand.providerPersonId))),
  )();
  logScreening(ctx, searchTier, decisions);
  return screened;
}

function screenOne(ctx: BatchContext, r: Resolved, d: FilterDecision | undefined): Screened {
  if (!d) return { ...r, dropped: false, tierHint: null }; // decided in an earlier step
  const { db, campaignId } = ctx;
  const id = r.cand.providerPersonId;
  if (!d.keep) {
    setCandidateState(db, campaignId, id, {
      state: 'filtered_out',
      reason: d.reason,
      similarity: d.similarity,
      companySimilarity: d.companySimilarity,
      titleTier: d.tier ?? null,
    });
    return { ...r, dropped: true, tierHint: d.tier ?? null };
  }
  const cand = { ...r.cand, similarity: d.similarity, companySimilarity: d.companySimilarity };
  if (d.tier) setCandidateState(db, campaignId, id, { state: cand.state, titleTier: d.tier });
  return { cand, summary: r.summary, dropped: false, tierHint: d.tier ?? null };
}

function logScreening(ctx: BatchContext, searchTier: Tier, decisions: FilterDecision[]): void {
  if (decisions.length === 0) return;
  const dropped = decisions.filter((d) => !d.keep);
  const byTitle = dropped.filter((d) => /title/.test(d.reason)).length;
  const byDirectory = dropped.filter((d) => /company directory/.test(d.reason)).length;
  const byCompany = dropped.length - byTitle - byDirectory;
  if (dropped.length > 0)
    ctx.log(
      'info',
      `${searchTier}: screened ${decisions.length} candidates locally: ${byTitle} filtered by title, ` +
        `${byDirectory} at companies outside the ICP's directory, ${byCompany} by company facts, ` +
        `${decisions.length - dropped.length} worth paying for.`,
    );
}

/**
 * When the filter already knows a candidate's tier, pay only for what the tier has room for
 * (not more: over nine in ten pass once the size bands are read in order, and a reveal past the
 * room is wasted when they do; one that fails just leaves room for the next step): the step
 * ends before the first candidate over that plan, so every step works on a prefix of the queue and a candidate's fate never depends
 * on where steps begin (a resumed run makes the same leads). Returns the candidates to buy for.
 */
export function planStage(ctx: BatchContext, screened: Screened[]): CandidateRow[] {
  const { db, campaignId } = ctx;
  const saved = countLeadsByTier(db, campaignId);
  const planned: Record<Tier, number> = { T1: 0, T2: 0, T3: 0 };
  const kept: CandidateRow[] = [];
  db.transaction(() => {
    for (const s of screened) {
      if (s.dropped) continue;
      const tier = s.tierHint;
      if (!tier) {
        kept.push(s.cand);
        continue;
      }
      const room = roomIn(ctx, tier, saved);
      if (room <= 0) {
        setCandidateState(db, campaignId, s.cand.providerPersonId, {
          state: 'skipped',
          reason: `${tier} is full`,
          similarity: s.cand.similarity,
          companySimilarity: s.cand.companySimilarity,
          titleTier: tier,
        });
      } else if (planned[tier] >= room) break;
      else {
        planned[tier]++;
        kept.push(s.cand);
      }
    }
  })();
  return kept;
}
