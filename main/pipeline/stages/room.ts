/**
 * Which of a batch's candidates can use their tier's room in this batch. In queue order, each
 * candidate whose title is a target takes one place of its tier's room as if it became a lead;
 * once a tier's room is taken, its later candidates wait for the next batch (left as they are, in
 * the queue). So nothing is bought for a person whose tier the candidates ahead of them fill, and
 * what is bought no longer depends on where a batch starts (it shifts after a kill and a resume).
 */
import type { Tier } from '../../domain/icp';
import { TIERS } from '../../shared/shapes';
import { countLeadsByTier, type CandidateRow } from '../../store';
import { passThroughFilter } from '../prefilter';
import { roomIn, type BatchContext } from './context';

export interface RoomPlan {
  /** Candidates that wait for the next batch. */
  waiting: Set<string>;
  /** Candidates that could become a lead in this batch whatever their company is (buy its facts through them). */
  buyers: Set<string>;
}

export function planRoom(ctx: BatchContext, kept: CandidateRow[]): RoomPlan {
  // The pass-through baseline reads nothing locally before it buys: it shows what local reading saves.
  if (ctx.prefilter === passThroughFilter)
    return { waiting: new Set(), buyers: new Set(kept.map((c) => c.providerPersonId)) };
  const saved = countLeadsByTier(ctx.db, ctx.campaignId);
  const room = Object.fromEntries(TIERS.map((t) => [t, roomIn(ctx, t, saved)])) as Record<Tier, number>;
  const taken: Record<Tier, number> = { T1: 0, T2: 0, T3: 0 };
  const plan: RoomPlan = { waiting: new Set(), buyers: new Set() };
  for (const c of kept) {
    const tier = ctx.classifier.classify(c.person.title).tier;
    // A title that is no target, or a tier full before this batch: the checklist says so, nothing is bought.
    if (!tier || (room[tier] <= 0 && taken[tier] === 0)) continue;
    if (room[tier] <= 0) plan.waiting.add(c.providerPersonId);
    else {
      room[tier] -= 1;
      taken[tier] += 1;
      plan.buyers.add(c.providerPersonId);
    }
  }
  return plan;
}
