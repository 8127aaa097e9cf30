/**
 * One step of a campaign over a prefix of a tier's queue, as stages that pass data forward:
 * resolve → prefilter → plan (free) → enrich → validate → reveal (paid) → score → save.
 */
import type { Tier } from '../../domain/icp';
import type { CandidateRow } from '../../store';
import { revealStage } from './buy';
import { contactStage } from './contact';
import { deferStage } from './defer';
import { factsStage, hiringForLeads } from './facts';
import type { BatchContext } from './context';
import { scoreStage, validateStage } from './judge';
import { colleagueStage, saveStage } from './save';
import { scoreHistoryStage, signalsStage } from './signals';
import { planStage, prefilterStage, resolveStage } from './screen';

export type { BatchContext, Pending, Resolved, Scored, Screened } from './context';
export { roomIn } from './context';
export { enrichStage, revealStage, type CompanyFacts } from './buy';
export { companyVerdict, scoreStage, validateStage } from './judge';
export {
  factsStage,
  headCountsDecide,
  hiringDecides,
  hiringForLeads,
  hiringMatters,
  type FactsOrder,
} from './facts';
export { saveStage } from './save';
export { contactStage, createWaterfall, type EmailWaterfall, type EmailWaterfallInit } from './contact';
export { planStage, prefilterStage, resolveStage } from './screen';

/** Runs one batch through every stage; returns the leads it saved. */
export async function processBatch(
  ctx: BatchContext,
  searchTier: Tier,
  batch: CandidateRow[],
): Promise<number> {
  ctx.onStage?.('filtering');
  // The model classifier embeds the batch's titles once, so every stage reads them the same way.
  await ctx.classifier.prime?.(batch.map((c) => c.person.title));
  const resolved = await resolveStage(ctx, searchTier, batch);
  const screened = await prefilterStage(ctx, searchTier, resolved);
  const kept = planStage(ctx, screened);
  if (kept.length === 0) return 0;
  ctx.onStage?.('enriching');
  const facts = await factsStage(ctx, searchTier, kept);
  ctx.onStage?.('validating');
  const pending = validateStage(ctx, searchTier, kept, facts);
  ctx.onStage?.('enriching');
  const toReveal = deferStage(ctx, pending); // known catch-all domains wait unrevealed
  const people = await revealStage(ctx, searchTier, toReveal);
  const contacted = await contactStage(ctx, searchTier, toReveal, people); // the email waterfall
  ctx.onStage?.('saving');
  const leads = await hiringForLeads(ctx, searchTier, contacted.pending); // open jobs for the score
  const scored = await signalsStage(ctx, scoreStage(ctx, leads, contacted.people)); // issue 13: intent from signals
  const saved = saveStage(ctx, scored);
  colleagueStage(ctx, scored);
  scoreHistoryStage(ctx);
  return saved;
}
