/**
 * Buying signals (issue 13), between score and save: each company of the batch has its signals
 * read once (signal-reader.ts: Apollo's facts on hand, BuiltWith paid through the ledger,
 * Crunchbase and News cached) and stored; each lead's intent is read from them with the ICP's wants,
 * replacing the score's intent block, with its "why now". After save, each new lead's first score
 * starts its history (lead_scores).
 */
import { intentFor, withIntent } from '../../domain/lead-intent';
import { getLead } from '../../store';
import { addScoreHistory, leadsWithoutHistory } from '../../store/signals';
import { mapLimit } from '../map-limit';
import {
  contactLeadership,
  updateCompanySignals,
  type SignalReadContext,
  type SignalSources,
} from '../signal-reader';
import type { BatchContext, Scored } from './context';

export type { SignalSources } from '../signal-reader';

function readContext(ctx: BatchContext, sources: SignalSources): SignalReadContext {
  return {
    db: ctx.db,
    sources,
    icp: ctx.icp,
    leadProvider: ctx.providerName,
    campaignId: ctx.campaignId,
    log: (level, message) => ctx.log(level, message),
  };
}

/** The batch's leads with intent from their companies' signals (unchanged when no sources are set). */
export async function signalsStage(ctx: BatchContext, scored: Scored[]): Promise<Scored[]> {
  const sources = ctx.signals;
  if (!sources || scored.length === 0) return scored;
  const rc = readContext(ctx, sources);
  const now = await sources.now();
  const companies = new Map<number, Scored['company']>();
  const people = new Map<number, Scored['person'][]>();
  for (const s of scored) {
    companies.set(s.companyId, s.company);
    people.set(s.companyId, [...(people.get(s.companyId) ?? []), s.person]);
  }
  const ids = [...companies.keys()];
  const tierOf = (title: string) => ctx.classifier.classify(title).tier;
  const updates = await mapLimit(ids, ctx.concurrency, (id) => {
    const company = companies.get(id)!;
    const leaders = contactLeadership(company, people.get(id) ?? [], { now, tierOf });
    return updateCompanySignals(rc, { id, company }, { now, withApollo: true, leaders });
  });
  const stored = new Map(ids.map((id, i) => [id, updates[i]!.stored]));
  return scored.map((s) => {
    const intent = intentFor(stored.get(s.companyId) ?? [], ctx.icp, now);
    return { ...s, score: withIntent(s.score, intent) };
  });
}

/** Starts the score history of the leads this batch saved. */
export function scoreHistoryStage(ctx: BatchContext): void {
  if (!ctx.signals) return;
  ctx.db.transaction(() => {
    for (const { id } of leadsWithoutHistory(ctx.db, ctx.campaignId)) {
      const lead = getLead(ctx.db, id);
      if (lead) addScoreHistory(ctx.db, id, lead.score);
    }
  })();
}
