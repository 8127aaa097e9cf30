/**
 * The data shapes the engine, the store, the domain and the renderer all speak: campaign progress,
 * summaries, estimates, activity lines, lead queries, settings. Dependency-free on purpose (it imports
 * nothing), so any layer may import it without pulling another layer in. main/contract.ts re-exports
 * these for transports; the store maps its rows to them.
 */

export const TIERS = ['T1', 'T2', 'T3'] as const;
export type Tier = (typeof TIERS)[number];

export const CAMPAIGN_STATUSES = [
  'draft',
  'running',
  'paused',
  'interrupted',
  'completed',
  'failed',
  'cancelled',
] as const;
/** `interrupted`: was running when its engine died (crash, kill -9, power loss); resumable. */
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** What a provider's reveal says of an address (the contacts table keeps this). */
export type EmailStatus = 'verified' | 'guessed' | 'unavailable';
/**
 * A lead's email after the waterfall (Apollo → Hunter finder → Hunter verifier): verified (a check
 * proved the mailbox), accept_all (the domain takes every address: nothing can prove it), guessed
 * (an address no check confirmed), invalid (a check proved it bounces), unavailable (no address).
 */
export type FinalEmailStatus = 'verified' | 'accept_all' | 'guessed' | 'invalid' | 'unavailable';
export const FINAL_EMAIL_STATUSES: readonly FinalEmailStatus[] = [
  'verified',
  'accept_all',
  'guessed',
  'invalid',
  'unavailable',
];
/** How likely a send bounces (domain/email.ts says from what). */
export type BounceRisk = 'low' | 'medium' | 'high';
export type LeadStatus = 'new' | 'contacted' | 'replied';

export interface FieldIssue {
  path: string; // e.g. "tiers.T1.target"
  message: string; // what is expected
}

export interface TierCounters {
  target: number;
  found: number;
  filtered: number; // removed by the local pre-filter
  enriched: number;
  validated: number;
  saved: number;
  rejected: number;
  exhausted: boolean;
}

export type Stage = 'queued' | 'searching' | 'filtering' | 'enriching' | 'validating' | 'saving' | 'done';

export interface CampaignProgress {
  campaignId: number;
  status: CampaignStatus;
  stage: Stage;
  tier: Tier | null;
  tiers: Record<Tier, TierCounters>;
  creditsUsed: number;
  budget: number | null;
  requests: number;
  elapsedMs: number;
  etaMs: number | null;
  /** Why a paused campaign stopped: a used-up 24-hour rate window, the credit budget, or a person. */
  pauseReason?: PauseReason | null;
  /** When a campaign paused by a rate window goes on by itself (ISO). */
  resumeAt?: string | null;
}

export type PauseReason = 'rate-limit' | 'budget' | 'user';

export interface ActivityLine {
  campaignId: number;
  at: string; // ISO time
  level: 'info' | 'warn' | 'error';
  message: string;
}

/** One tier's market: people the free search finds for its titles at the ICP's companies. */
export interface TierMarket {
  people: number;
  target: number;
  /** Leads the tier can expect at most: its target, or fewer when the market is smaller. */
  expected: number;
}

/** The market an ICP reaches, read with free searches before any credit is spent. */
export interface MarketForecast {
  perTier: Record<Tier, TierMarket>;
  /** Fields to fix or expectations to lower, each naming the field. */
  problems: { path: string; message: string }[];
  /** No tier with a target reaches anyone: the campaign is refused before it spends. */
  blocking: boolean;
}

export interface CreditEstimate {
  perTier: Record<Tier, { leads: number; credits: number }>;
  /** Reading the ICP's company directory: once per campaign, shared by the tiers. */
  directory: number;
  total: number;
  basis: 'history' | 'priors';
  note: string;
  /** The market per tier (null when it could not be read: the note says why). */
  market?: MarketForecast | null;
}

export interface CampaignSummary {
  id: number;
  name: string;
  status: CampaignStatus;
  targets: Record<Tier, number>;
  saved: Record<Tier, number>;
  creditsUsed: number;
  avgValidationScore: number | null;
  createdAt: string;
  completedAt: string | null;
  sandbox: boolean;
  pauseReason?: PauseReason | null;
  /** When a campaign paused by a rate window goes on by itself (ISO). */
  resumeAt?: string | null;
}

export type LeadSort = 'score' | 'validation' | 'company' | 'contact' | 'createdAt';

/** The results' signals filter: any buying signal, or one kind (domain/signals.ts SIGNAL_KINDS). */
export const LEAD_SIGNAL_FILTERS = ['any', 'funding', 'hiring', 'leadership', 'tech', 'news'] as const;
export type LeadSignalFilter = (typeof LEAD_SIGNAL_FILTERS)[number];

export interface LeadQuery {
  campaignId: number;
  tier?: Tier;
  search?: string;
  emailStatus?: FinalEmailStatus;
  /** Only leads whose bounce risk is low or medium (an address worth sending to). */
  deliverableOnly?: boolean;
  /** Only leads whose company has a buying signal (of this kind) as last read. */
  signal?: LeadSignalFilter;
  sort?: LeadSort;
  desc?: boolean;
  offset?: number;
  limit?: number;
}

/** Whose keys live in the keychain: the data providers (Apollo, Hunter), and the CRM (HubSpot private-app token). */
export type Provider = 'apollo' | 'hunter' | 'hubspot' | 'crunchbase' | 'builtwith';

export interface Settings {
  sandbox: boolean; // true when no Apollo key is stored
  keys: Record<Provider, { present: boolean }>;
  dataDir: string;
}

/** The local matching model: installed, missing (rules-only matching) or being downloaded. */
export interface ModelStatus {
  state: 'ready' | 'missing' | 'downloading';
  /** The model folder in use (ready) or where a download installs it. */
  dir: string;
  /** While downloading. */
  progress: {
    file: string;
    index: number;
    files: number;
    receivedBytes: number;
    totalBytes: number | null;
  } | null;
  /** Why the last download failed, in words for people. */
  error: string | null;
}

/** What a campaign produced and spent: the CLI's result line, and the figures behind the results screen. */
export interface CampaignReport {
  campaignId: number;
  status: CampaignStatus;
  leads: Record<Tier, number>;
  creditsUsed: number;
  creditsEstimated: number | null;
  /** Candidates the local pre-filter removed. */
  filtered: number;
  /** Companies not bought because every candidate there was filtered out. */
  creditsSavedEstimate: number;
  /** Provider requests this engine made for it (0 when it has not run here). */
  requests: number;
  /** Share of saved leads whose tier the sandbox's ground truth confirms; null outside the sandbox. */
  precision: number | null;
  /** Why a paused campaign stopped and when a rate window lets it go on (ISO); null otherwise. */
  pauseReason: PauseReason | null;
  resumeAt: string | null;
  /** Credits / the unavoidable spend (the saved leads' people and companies, the directory pages). */
  wasteRatio: number | null;
  /** Spent on people and on companies that did not become leads. */
  wasted: { people: number; companies: number };
  /** Saved leads per final email status (the email waterfall). */
  emails: Record<FinalEmailStatus, number>;
  /** Sandbox only: share of leads marked verified whose address truly delivers; null elsewhere. */
  emailPrecision: number | null;
  /** Credits per provider, each in its own currency ({"apollo":n,"hunter":n}). */
  creditsByProvider: Record<string, number>;
  /** Whether Hunter took part, and why not (null: the campaign ran before the waterfall). */
  hunter: { state: 'on' | 'off' | 'no_key' | 'quota_exhausted' | 'bad_key'; message: string } | null;
  /** Leads per score band (issue 13). */
  bands: { hot: number; warm: number; nurture: number; cold: number };
  /** Sandbox only: AUC of intent against the buying-window truth (leads in a window above the rest). */
  intentAuc: number | null;
}
