import { parseString } from '@fast-csv/parse';
import { z } from 'zod';
import type { Channel } from './sequences';
import type { LeadStatus, ScoreItem } from './types';

/**
 * Outreach events (seed 004's fct_outreach_events): logged by hand or imported from a mail tool's
 * CSV. A pure fold turns a lead's events into its status and the score's "previous interaction".
 */

export const OUTREACH_KINDS = ['sent', 'opened', 'replied', 'bounced', 'meeting'] as const;
export type OutreachKind = (typeof OUTREACH_KINDS)[number];

export interface OutreachEvent {
  leadId: number;
  kind: OutreachKind;
  channel: Channel;
  /** Sequence step, when the event belongs to one. */
  step: number | null;
  /** ISO timestamp of when it happened (not when it was logged). */
  at: string;
  note: string;
}

export interface OutreachState {
  status: LeadStatus;
  /** The address bounced and nothing later proved it works: stop emailing. */
  bounced: boolean;
  meeting: boolean;
  /** Most engaged thing that happened, for the UI and the score. */
  interaction: 'none' | 'contacted' | 'opened' | 'replied' | 'meeting';
  lastEventAt: string | null;
}

const RANK: Record<OutreachState['interaction'], number> = {
  none: 0,
  contacted: 1,
  opened: 2,
  replied: 3,
  meeting: 4,
};
const INTERACTION: Record<OutreachKind, OutreachState['interaction'] | null> = {
  sent: 'contacted',
  opened: 'opened',
  replied: 'replied',
  meeting: 'meeting',
  bounced: null,
};

/**
 * Events in time order move the lead forward only: a late "opened" never undoes a reply. A bounce
 * flags the address; a later reply or meeting on email clears it (the mail got through after all).
 */
export function foldOutreach(events: readonly OutreachEvent[], start: LeadStatus = 'new'): OutreachState {
  const sorted = [...events].sort((a, b) => a.at.localeCompare(b.at));
  const state: OutreachState = {
    status: start,
    bounced: false,
    meeting: false,
    interaction: start === 'replied' ? 'replied' : start === 'contacted' ? 'contacted' : 'none',
    lastEventAt: null,
  };
  for (const e of sorted) {
    state.lastEventAt = e.at;
    if (e.kind === 'bounced') {
      if (e.channel === 'email') state.bounced = true;
      continue;
    }
    const next = INTERACTION[e.kind]!;
    if (RANK[next] > RANK[state.interaction]) state.interaction = next;
    if ((e.kind === 'replied' || e.kind === 'meeting') && e.channel === 'email') state.bounced = false;
    if (e.kind === 'meeting') state.meeting = true;
  }
  state.status =
    RANK[state.interaction] >= RANK.replied ? 'replied' : RANK[state.interaction] >= 1 ? 'contacted' : start;
  return state;
}

/** Seed 001's accessibility signal "Previous interaction: +10", with its evidence; null when none. */
export function previousInteraction(state: OutreachState): ScoreItem | null {
  if (RANK[state.interaction] < RANK.opened) return null;
  return {
    component: 'accessibility',
    signal: 'Previous interaction',
    points: 10,
    evidence: `${state.interaction === 'opened' ? 'Opened an email' : state.interaction === 'replied' ? 'Replied' : 'Meeting held'}${state.lastEventAt ? ` (last event ${state.lastEventAt.slice(0, 10)})` : ''}`,
  };
}

export const OutreachEventSchema = z.object({
  leadId: z.number({ error: 'a lead id (a whole number)' }).int().positive('a lead id (a whole number)'),
  kind: z.enum(OUTREACH_KINDS, { error: `one of ${OUTREACH_KINDS.join(', ')}` }),
  channel: z.enum(['email', 'linkedin'], { error: 'email or linkedin' }).default('email'),
  step: z.number().int().min(1, 'a step number from 1').nullable().default(null),
  at: z.iso.datetime({ offset: true, error: 'an ISO date-time, e.g. 2026-11-30T14:05:00Z' }),
  note: z.string().max(2000, 'at most 2,000 characters').default(''),
});

export interface ImportError {
  /** 1-based row of the CSV counting the header as row 1. */
  row: number;
  field: string;
  message: string;
}

export interface ImportResult {
  events: OutreachEvent[];
  errors: ImportError[];
}

/** Who an import row names: our lead id, or an email the caller can resolve to one. */
export type ResolveLead = (ref: { leadId: string; email: string }) => number | null;

const COLUMNS = ['lead_id', 'email', 'event', 'channel', 'step', 'at', 'note'];

/** A date-only "2026-11-30" becomes midnight UTC; anything else passes as written. */
function isoOf(raw: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T00:00:00Z` : raw;
}

function rowToEvent(
  row: Record<string, string>,
  n: number,
  resolve: ResolveLead,
): OutreachEvent | ImportError[] {
  const leadId = resolve({
    leadId: (row.lead_id ?? '').trim(),
    email: (row.email ?? '').trim().toLowerCase(),
  });
  if (leadId === null)
    return [
      {
        row: n,
        field: 'lead_id',
        message: 'no lead matches this lead_id or email; check the id, or the address we hold',
      },
    ];
  const step = (row.step ?? '').trim();
  const parsed = OutreachEventSchema.safeParse({
    leadId,
    kind: (row.event ?? '').trim().toLowerCase(),
    channel: (row.channel ?? '').trim().toLowerCase() || undefined,
    step: step === '' ? null : Number(step),
    at: isoOf((row.at ?? '').trim()),
    note: row.note ?? '',
  });
  if (parsed.success) return parsed.data;
  const names: Record<string, string> = { kind: 'event', leadId: 'lead_id' };
  return parsed.error.issues.map((i) => {
    const key = String(i.path[0] ?? '');
    return { row: n, field: names[key] ?? key, message: i.message };
  });
}

/**
 * Parses a CSV of events (columns lead_id or email, event, channel, step, at, note). Good rows are
 * returned even when others are bad; every bad row gets one error per bad field.
 */
export function parseOutreachCsv(text: string, resolve: ResolveLead): Promise<ImportResult> {
  return new Promise((resolveResult) => {
    const events: OutreachEvent[] = [];
    const errors: ImportError[] = [];
    let n = 1;
    let headerOk = true;
    parseString<Record<string, string>, Record<string, string>>(text, {
      headers: (h) => h.map((x) => (x ?? '').trim().toLowerCase()),
      ignoreEmpty: true,
      strictColumnHandling: true,
      trim: false,
    })
      .on('headers', (h: string[]) => {
        const missing = ['event', 'at'].filter((c) => !h.includes(c));
        if (!h.includes('lead_id') && !h.includes('email')) missing.unshift('lead_id or email');
        if (missing.length) {
          headerOk = false;
          errors.push({
            row: 1,
            field: missing.join(', '),
            message: `missing column(s); expected ${COLUMNS.join(', ')}`,
          });
        }
      })
      .on('data', (row: Record<string, string>) => {
        n += 1;
        if (!headerOk) return;
        const out = rowToEvent(row, n, resolve);
        if (Array.isArray(out)) errors.push(...out);
        else events.push(out);
      })
      .on('data-invalid', () => {
        n += 1;
        errors.push({ row: n, field: '(row)', message: 'wrong number of columns for the header' });
      })
      .on('error', (err: Error) => {
        errors.push({ row: n + 1, field: '(file)', message: `not readable as CSV: ${err.message}` });
        resolveResult({ events, errors });
      })
      .on('end', () => resolveResult({ events, errors }));
  });
}
