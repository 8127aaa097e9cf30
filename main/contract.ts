/**
 * The one API between the engine and any UI (Electron IPC, the WebSocket dev host, the CLI).
 * Defined once; main implements Handlers, preload/renderer call them, events stream one way.
 */
import type { Icp, IcpInput } from './domain/icp';
import type { WaterfallSettings } from './domain/email';
import type { Lead } from './domain/types';
import type {
  CampaignProgress,
  ActivityLine,
  CreditEstimate,
  CampaignSummary,
  CampaignReport,
  LeadQuery,
  Provider,
  Settings,
  ModelStatus,
  CampaignStatus,
  LeadStatus,
} from './shared/shapes';
import type { IcpCheck } from './domain/icp-io';
import { CRM_METHODS, type CrmHandlers } from './crm/contract';
import { PRIVACY_METHODS, type PrivacyHandlers } from './privacy/contract';
import { SANDBOX_CLOCK_METHODS, type SandboxClockHandlers } from './shared/sandbox-clock';
import { WATCH_METHODS, type WatchEvents, type WatchHandlers } from './shared/watch';

// Wire shapes are defined once in shared/shapes.ts (dependency-free); transports import them from here.
export type {
  FieldIssue,
  TierCounters,
  Stage,
  CampaignProgress,
  ActivityLine,
  CreditEstimate,
  MarketForecast,
  TierMarket,
  CampaignSummary,
  CampaignReport,
  PauseReason,
  LeadSort,
  LeadQuery,
  Provider,
  Settings,
  ModelStatus,
  CampaignStatus,
  EmailStatus,
  LeadStatus,
} from './shared/shapes';
export type { IcpCheck };

export interface CampaignDetail extends CampaignSummary {
  icp: Icp;
  estimate: CreditEstimate | null;
  progress: CampaignProgress | null;
}

export interface Handlers extends PrivacyHandlers, CrmHandlers, WatchHandlers, SandboxClockHandlers {
  'icp/validate': (input: unknown) => Promise<IcpCheck>;
  'icp/templates': () => Promise<{ id: string; icp: Icp }[]>;
  'icp/parse': (args: { text: string; format: 'yaml' | 'json' }) => Promise<IcpCheck>;
  'icp/serialize': (args: { icp: IcpInput; format: 'yaml' | 'json' }) => Promise<string>;
  'campaign/estimate': (icp: IcpInput) => Promise<CreditEstimate>;
  'campaign/start': (args: { icp: IcpInput; budget?: number | null }) => Promise<{ campaignId: number }>;
  'campaign/pause': (args: { campaignId: number }) => Promise<void>;
  /** For draft, paused, interrupted and failed campaigns; `budget` replaces the stored one for this run. */
  'campaign/resume': (args: { campaignId: number; budget?: number | null }) => Promise<void>;
  /** Refuses finished (completed or cancelled) campaigns with CAMPAIGN_FINISHED. */
  'campaign/cancel': (args: { campaignId: number }) => Promise<void>;
  /** Resolves with the status once no runner in this engine works on the campaign. */
  'campaign/wait': (args: { campaignId: number }) => Promise<CampaignStatus>;
  'campaign/report': (args: { campaignId: number }) => Promise<CampaignReport>;
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
  /** The email waterfall's settings (the defaults where none were stored). */
  'waterfall/get': () => Promise<WaterfallSettings>;
  /** Changes some of them; the next campaign run uses them. Returns what is now in force. */
  'waterfall/set': (patch: Partial<WaterfallSettings>) => Promise<WaterfallSettings>;
  'model/status': () => Promise<ModelStatus>;
  /** Downloads the model once (resolves when installed; progress arrives as 'model/progress'). */
  'model/download': () => Promise<ModelStatus>;
  /** Drops the vector store and rebuilds it from SQLite (the truth). */
  'knowledge/reindex': () => Promise<{ companies: number; icps: number }>;
}

export interface Events extends WatchEvents {
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
  'campaign/wait',
  'campaign/report',
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
  'waterfall/get',
  'waterfall/set',
  'model/status',
  'model/download',
  'knowledge/reindex',
  ...PRIVACY_METHODS,
  ...CRM_METHODS,
  ...WATCH_METHODS,
  ...SANDBOX_CLOCK_METHODS,
] as const satisfies readonly Method[];

export const EVENTS = [
  'campaign/progress',
  'campaign/activity',
  'model/progress',
  'alerts/new',
] as const satisfies readonly EventName[];
