/**
 * The watchlist's part of the one contract (issue 13; main/contract.ts merges it into Handlers,
 * METHODS and Events): watch a lead or a company, refresh their signals, read the alerts.
 */
export type Band = 'hot' | 'warm' | 'nurture' | 'cold';

/** A lead by its id, or a company by its id (every lead there). */
export type WatchTarget = { leadId: number } | { companyId: number };

export interface Watch {
  id: number;
  leadId: number | null;
  companyId: number | null;
  /** The lead's or the company's name, for the list. */
  name: string;
  createdAt: string;
  refreshedAt: string | null;
}

/** A signal as a change names it. */
export interface SignalBrief {
  kind: 'funding' | 'hiring' | 'leadership' | 'tech' | 'news';
  label: string;
  date: string;
  evidence: string;
  source: string;
}

export interface AlertChange {
  gained: SignalBrief[];
  lost: SignalBrief[];
}

export interface Alert {
  id: number;
  leadId: number;
  /** "Jane Roe, VP Operations at Acme". */
  lead: string;
  old: { total: number; band: Band };
  new: { total: number; band: Band };
  whyNow: string;
  changes: AlertChange;
  createdAt: string;
  readAt: string | null;
}

/** One lead whose company gained or lost signals in a refresh. */
export interface WatchChange {
  leadId: number;
  lead: string;
  company: string;
  old: { total: number; band: Band; intent: number };
  new: { total: number; band: Band; intent: number };
  gained: SignalBrief[];
  lost: SignalBrief[];
  whyNow: string;
  /** Whether it raised an alert (band changed or the total moved ≥ 10 points). */
  alerted: boolean;
}

export interface WatchRefreshReport {
  /** The day the signals were read for (the sandbox's day in a sandbox campaign). */
  readFor: string;
  companies: number;
  leads: number;
  changes: WatchChange[];
  alerts: Alert[];
  /** Providers that failed for some company (their signals stayed as stored). */
  failed: { company: string; source: string; reason: string }[];
}

export interface WatchHandlers {
  'watch/add': (args: WatchTarget) => Promise<Watch>;
  'watch/remove': (args: WatchTarget) => Promise<{ removed: boolean }>;
  'watch/list': () => Promise<Watch[]>;
  /** Re-reads the watched companies' signals, re-scores their leads, raises alerts. */
  'watch/refresh': () => Promise<WatchRefreshReport>;
  'alerts/list': (args: { all?: boolean; limit?: number }) => Promise<Alert[]>;
  'alerts/read': (args: { ids?: number[] }) => Promise<{ read: number }>;
}

export const WATCH_METHODS = [
  'watch/add',
  'watch/remove',
  'watch/list',
  'watch/refresh',
  'alerts/list',
  'alerts/read',
] as const satisfies readonly (keyof WatchHandlers)[];

export interface WatchEvents {
  /** A lead changed band or moved ≥ 10 points in a refresh. */
  'alerts/new': Alert;
}
