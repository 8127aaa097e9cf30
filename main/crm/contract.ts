/**
 * The CRM and outreach part of the one contract (main/contract.ts merges these into Handlers and
 * METHODS): HubSpot sync with its dead-letter list, BANT, deal briefs, sequences, outreach events.
 */
import type { Bant } from '../domain/bant';
import type { ImportError, OutreachEvent, OutreachKind, OutreachState } from '../domain/outreach';
import type { Channel, RenderedStep, Sender } from '../domain/sequences';
import type { Tier } from '../domain/icp';
import type { Lead } from '../domain/types';

export type { Bant, ImportError, OutreachEvent, OutreachKind, OutreachState, RenderedStep, Sender };

export interface CrmCounts {
  created: number;
  updated: number;
  merged: number;
  skipped: number;
  failed: number;
}

/** A record that failed for good, with the reason, until a later push gets it through. */
export interface DeadLetterView {
  id: number;
  entity: 'contact' | 'company';
  localId: number;
  /** The contact's name or the company's name, for people. */
  label: string;
  code: string;
  message: string;
  /** HubSpot refused the record itself: retrying without a fix fails again. */
  permanent: boolean;
  attempts: number;
  lastFailedAt: string;
}

export interface CrmPushResult extends CrmCounts {
  /** True when the push went to the built-in sandbox HubSpot (no token stored, or asked for). */
  sandbox: boolean;
  deadLetters: DeadLetterView[];
  /** Our custom properties this push had to create in the CRM. */
  propertiesCreated: string[];
  message: string;
}

export interface CrmStatus {
  provider: 'hubspot';
  tokenStored: boolean;
  /** Where a push goes now: the sandbox when no token is stored. */
  sandbox: boolean;
  lastSyncAt: string | null;
  deadLetters: number;
  message: string;
}

export interface LeadBrief {
  leadId: number;
  markdown: string;
  bant: Bant;
}

export interface BriefExportArgs {
  format: 'md' | 'pdf';
  path: string;
  /** One lead, or every lead of a campaign (optionally one tier). */
  leadId?: number;
  campaignId?: number;
  tier?: Tier;
}

export interface CrmHandlers {
  'crm/status': (args?: { sandbox?: boolean }) => Promise<CrmStatus>;
  /** Pushes a campaign's contacts and companies (only what changed since the last push). */
  'crm/push': (args: { campaignId: number; sandbox?: boolean }) => Promise<CrmPushResult>;
  'crm/deadLetters': (args?: { sandbox?: boolean }) => Promise<DeadLetterView[]>;
  /** Pushes again only the records in the dead-letter list. */
  'crm/retry': (args?: { sandbox?: boolean }) => Promise<CrmPushResult>;
  'lead/bant': (args: { leadId: number }) => Promise<Bant>;
  'lead/brief': (args: { leadId: number }) => Promise<LeadBrief>;
  'lead/sequence': (args: { leadId: number; sender?: Sender }) => Promise<RenderedStep[]>;
  'brief/export': (args: BriefExportArgs) => Promise<{ path: string; leads: number; bytes: number }>;
  /** The campaign's sequences as CSV for a mail tool: one row per lead and step. */
  'sequence/export': (args: {
    campaignId: number;
    path: string;
    tier?: Tier;
    sender?: Sender;
  }) => Promise<{ path: string; rows: number }>;
  'outreach/list': (args: { leadId: number }) => Promise<OutreachEvent[]>;
  /** Logs one event by hand; returns the lead as it now stands (status, score). */
  'outreach/log': (args: {
    leadId: number;
    kind: OutreachKind;
    channel?: Channel;
    step?: number | null;
    at?: string;
    note?: string;
  }) => Promise<{ lead: Lead; state: OutreachState }>;
  /** Imports a mail tool's CSV of events for a campaign; good rows go in, bad rows come back named. */
  'outreach/import': (args: {
    campaignId: number;
    csv: string;
  }) => Promise<{ imported: number; leads: number; errors: ImportError[] }>;
}

export const CRM_METHODS = [
  'crm/status',
  'crm/push',
  'crm/deadLetters',
  'crm/retry',
  'lead/bant',
  'lead/brief',
  'lead/sequence',
  'brief/export',
  'sequence/export',
  'outreach/list',
  'outreach/log',
  'outreach/import',
] as const satisfies readonly (keyof CrmHandlers)[];
