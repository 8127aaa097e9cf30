import type { Icp, Tier } from '../domain/icp';
import type { TitleClassifier } from '../domain/titles';
import type { CompanySummary } from '../providers/types';
import type { CandidateRow } from '../store';

export interface FilterDecision {
  keep: boolean;
  reason: string;
  /** The tier the filter reads from the title, when it reads one (lets the runner pay only for room). */
  tier?: Tier | null;
  similarity: number | null;
  companySimilarity: number | null;
}

export interface FilterContext {
  campaignId: number;
  icp: Icp;
  tier: Tier;
  classifier: TitleClassifier;
  /** What the company directory says of each candidate's company (same order; null = not listed). */
  companies: (CompanySummary | null)[];
  log: (message: string) => void;
}

/**
 * The slot between free search and paid enrichment: decides, locally and for free, which
 * candidates are worth paying for. One decision per candidate, same order.
 */
export interface PreFilter {
  readonly name: string;
  decide(candidates: CandidateRow[], ctx: FilterContext): Promise<FilterDecision[]>;
  /** The title classifier the campaign uses with this filter (default: the rules alone). */
  titleClassifier?(icp: Icp): TitleClassifier;
  close?(): Promise<void>;
}

/** Keeps everyone: the baseline that shows what the local filter saves. */
export const passThroughFilter: PreFilter = {
  name: 'pass-through',
  async decide(candidates) {
    return candidates.map(() => ({
      keep: true,
      reason: 'pass-through',
      similarity: null,
      companySimilarity: null,
    }));
  },
};
