/**
 * The one API between the engine and any UI (Electron IPC, the WebSocket dev host, the CLI).
 * Defined once; main implements Handlers, preload/renderer call them, events stream one way.
 */
import type { Icp, IcpInput, Tier } from './domain/icp';
import type { CampaignStatus, Lead, LeadStatus } from './domain/types';
import { PRIVACY_METHODS, type PrivacyHandlers } from './privacy/contract';

export interface FieldIssue {
  path: string; // e.g. "tiers.T1.target"
  message: string; // what is expected
}

export type IcpCheck = { ok: true; icp: Icp } | { ok: false; issues: FieldIssue[] };

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

export interface CreditEstimate {
  perTier: Record<Tier, { leads: number; credits: number }>;
  /** Reading the ICP's company directory: once per campaign, shared by the tiers. */
  directory: number;
  total: number;
  basis: 'history' | 'priors';
  note: string;
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

export interface CampaignDetail extends CampaignSummary {
  icp: Icp;
  estimate: CreditEstimate | null;
  progress: CampaignProgress | null;
}

export type LeadSort = 'score' | 'validation' | 'company' | 'contact' | 'createdAt';

export interface LeadQuery {
  campaignId: number;
  tier?: Tier;
  search?: string;
  emailStatus?: 'verified' | 'guessed' | 'unavailable';
  sort?: LeadSort;
  desc?: boolean;
  offset?: number;
  limit?: number;
}

export type Provider = 'apollo';

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

export interface Handlers extends PrivacyHandlers {
  'icp/validate': (input: unknown) => Promise<IcpCheck>;
  'icp/templates': () => Promise<{ id: string; icp: Icp }[]>;
  'icp/parse': (args: { text: string; format: 'yaml' | 'json' }) => Promise<IcpCheck>;
  'icp/serialize': (args: { icp: IcpInput; format: 'yaml' | 'json' }) => Promise<string>;
  'campaign/estimate': (icp: IcpInput) => Promise<CreditEstimate>;
  'campaign/start': (args: { icp: IcpInput; budget?: number | null }) => Promise<{ campaignId: number }>;
  'campaign/pause': (args: { campaignId: number }) => Promise<void>;
  'campaign/resume': (args: { campaignId: number }) => Promise<void>;
  'campaign/cancel': (args: { campaignId: number }) => Promise<void>;
  'campaign/list': () => Promise<CampaignSummary[]>;
  'campaign/get': (args: { campaignId: number }) => Promise<CampaignDetail>;
  'campaign/activity': (args: { campaignId: number; limit?: number }) => Promise<ActivityLine[]>;
  'leads/list': (q: LeadQuery) => Promise<{ total: number; rows: Lead[] }>;
  'leads/update': (args: { leadId: number; status?: LeadStatus; notes?: string }) => Promise<Lead>;
  'export/workbook': (args: { campaignId: number; path: string }) => Promise<{ path: string; rows: number }>;
  'settings/get': () => Promise<Settings>;
  'keys/set': (args: { provider: Provider; key: string }) => Promise<void>;
  'keys/delete': (args: { provider: Provider }) => Promise<void>;
  'keys/test': (args: { provider: Provider }) => Promise<{ ok: boolean; message: string }>;
  'model/status': () => Promise<ModelStatus>;
  /** Downloads the model once (resolves when installed; progress arrives as 'model/progress'). */
  'model/download': () => Promise<ModelStatus>;
}

export interface Events {
  'campaign/progress': CampaignProgress;
  'campaign/activity': ActivityLine;
  'model/progress': ModelStatus;
}

export type Method = keyof Handlers;
export type EventName = keyof Events;
export type Request<M extends Method> = Parameters<Handlers[M]>[0];
export type Response<M extends Method> = Awaited<ReturnType<Handlers[M]>>;

/** Every method name, for transports that must enumerate (preload, WebSocket host). */
export const METHODS = [
  'icp/validate',
  'icp/templates',
  'icp/parse',
  'icp/serialize',
  'campaign/estimate',
  'campaign/start',
  'campaign/pause',
  'campaign/resume',
  'campaign/cancel',
  'campaign/list',
  'campaign/get',
  'campaign/activity',
  'leads/list',
  'leads/update',
  'export/workbook',
  'settings/get',
  'keys/set',
  'keys/delete',
  'keys/test',
  'model/status',
  'model/download',
  ...PRIVACY_METHODS,
] as const satisfies readonly Method[];

export const EVENTS = [
  'campaign/progress',
  'campaign/activity',
  'model/progress',
] as const satisfies readonly EventName[];
