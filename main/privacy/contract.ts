/**
 * The privacy part of the one contract (main/contract.ts merges these into Handlers and METHODS).
 */
import type { AuditEntry } from '../store/audit';
import type { EraseReport } from './erase';
import type { RetentionResult } from './retention';

export type { AuditEntry, EraseReport, RetentionResult };

/** A person, by any identifier we may hold for them (or the lead the UI shows). */
export interface PersonRef {
  email?: string;
  linkedinUrl?: string;
  providerId?: string;
  leadId?: number;
}

export interface PrivacyStatus {
  /** Where the data key lives: keychain (protected), database (no keychain: not protected), unavailable (locked). */
  keyStore: 'keychain' | 'database' | 'unavailable';
  /** Values sealed under a key this machine no longer has, per kind. */
  unreadable: { contacts: number; leads: number; cache: number };
  /** Suppression entries that can no longer be matched (their key is gone). */
  unmatchableSuppressions: number;
  suppressed: number;
  retentionDays: number;
  lastRetentionRun: string | null;
  /** One sentence for people: what is protected, and what cannot be read any more. */
  message: string;
}

export interface PrivacyHandlers {
  'privacy/status': () => Promise<PrivacyStatus>;
  /** Forgets a person everywhere and suppresses them for good. */
  'privacy/erase': (args: PersonRef) => Promise<EraseReport>;
  /** One JSON file of everything held about a person, with sources (default: under <data>/exports; a relative path is under the data folder). */
  'privacy/export-person': (args: PersonRef & { path?: string }) => Promise<{ path: string; items: number }>;
  'privacy/set-retention': (args: { days: number }) => Promise<PrivacyStatus>;
  'privacy/retention': (args: { dryRun: boolean }) => Promise<RetentionResult>;
  'audit/list': (args: { limit?: number }) => Promise<AuditEntry[]>;
  /** The audit log as JSON lines (default: under <data>/exports; a relative path is under the data folder). */
  'audit/export': (args: { path?: string }) => Promise<{ path: string; rows: number }>;
}

export const PRIVACY_METHODS = [
  'privacy/status',
  'privacy/erase',
  'privacy/export-person',
  'privacy/set-retention',
  'privacy/retention',
  'audit/list',
  'audit/export',
] as const satisfies readonly (keyof PrivacyHandlers)[];
