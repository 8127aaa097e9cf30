import type { ActivityLine, Stage } from '../../contract';
import type { Icp, Tier } from '../../domain/icp';
import type { TitleClassifier } from '../../domain/titles';
import type { Company, LeadScore, RevealedPerson, Validation } from '../../domain/types';
import type { CompanySummary } from '../../providers/types';
import type { CandidateRow, Db } from '../../store';
import type { CompanyDirectory } from '../directory';
import type { PaidGate } from '../paid-gate';
import type { PreFilter } from '../prefilter';
import type { SignalSources } from '../signal-reader';
import type { EmailWaterfall } from './contact';

/**
 * What every stage of a batch reads: the campaign, its paid gate and directory, and the two
 * pieces of state that live across batches (reservations for reveals in flight, colleagues saved).
 */
export interface BatchContext {
  db: Db;
  campaignId: number;
  icp: Icp;
  classifier: TitleClassifier;
  gate: PaidGate;
  directory: CompanyDirectory;
  prefilter: PreFilter;
  providerName: string;
  /** Paid calls in flight at once. */
  concurrency: number;
  /** Which paid facts come first (default reveal-first: it spends least, README). */
  order?: 'enrich-first' | 'reveal-first';
  /** Leads being revealed per tier (they hold room in the tier until saved). */
  reserved: Record<Tier, number>;
  /** Company domain → leads saved there in this campaign. */
  colleagues: Map<string, number>;
  log(level: ActivityLine['level'], message: string): void;
  onCompanies?: (companies: Company[]) => Promise<void>;
  /** The email waterfall after the reveal (absent: Apollo's reveal alone, stages/contact.ts). */
  email?: EmailWaterfall;
  /** Tells the progress stream which stage is running. */
  onStage?: (stage: Stage) => void;
  /** Buying-signal providers (stages/signals.ts); absent: intent from the company facts alone. */
  signals?: SignalSources;
}

/** A candidate with what the company directory says of its company (null = not listed). */
export interface Resolved {
  cand: CandidateRow;
  summary: CompanySummary | null;
}

/** A candidate after the free pre-filter: dropped, or kept with the tier its title reads as. */
export interface Screened extends Resolved {
  dropped: boolean;
  /** The tier the filter read from the title (null: the filter did not say). */
  tierHint: Tier | null;
}

/** A candidate that passed the checklist and holds room in its tier, waiting for its reveal. */
export interface Pending {
  cand: CandidateRow;
  tier: Tier; // the tier the title belongs to (may differ from the search tier)
  company: Company;
  companyId: number;
  validation: Validation;
}

/** A pending lead with its revealed person and score, ready to save. */
export interface Scored extends Pending {
  person: RevealedPerson;
  score: LeadScore;
}

/** Room left in a tier: its target minus leads saved and reveals in flight. */
export function roomIn(ctx: BatchContext, tier: Tier, saved: Record<Tier, number>): number {
  return ctx.icp.tiers[tier].target - saved[tier] - ctx.reserved[tier];
}
