/** CRM sync state, dead letters and outreach events (migration 006). */
import type { OutreachEvent } from '../domain/outreach';

export type CrmEntity = 'contact' | 'company';
/** `${entity}:${localId}` */
export type CrmStateKey = `${CrmEntity}:${number}`;

export interface CrmSyncState {
  crmId: string;
  hash: string;
  origin: 'created' | 'merged';
}

export interface CrmDeadLetterInput {
  entity: CrmEntity;
  localId: number;
  code: string;
  message: string;
  permanent: boolean;
}

export interface CrmPushRecord {
  synced: (CrmSyncState & { entity: CrmEntity; localId: number })[];
  deadLetters: CrmDeadLetterInput[];
}

import { isoNow, stmt, type Db } from './sql';

export function syncStates(db: Db, provider: string): Map<CrmStateKey, CrmSyncState> {
  const rows = stmt(
    db,
    'SELECT entity, local_id, crm_id, content_hash, origin FROM crm_records WHERE provider = ?',
  ).all(provider) as {
    entity: CrmEntity;
    local_id: number;
    crm_id: string;
    content_hash: string;
    origin: CrmSyncState['origin'];
  }[];
  return new Map(
    rows.map((r) => [
      `${r.entity}:${r.local_id}` as CrmStateKey,
      { crmId: r.crm_id, hash: r.content_hash, origin: r.origin },
    ]),
  );
}

export interface StoredDeadLetter extends CrmDeadLetterInput {
  id: number;
  attempts: number;
  firstFailedAt: string;
  lastFailedAt: string;
}

export function openDeadLetters(db: Db, provider: string): StoredDeadLetter[] {
  const rows = stmt(
    db,
    `SELECT id, entity, local_id, error_code, error_message, permanent, attempts, first_failed_at, last_failed_at
     FROM crm_dead_letters WHERE provider = ? AND resolved_at IS NULL ORDER BY id`,
  ).all(provider) as {
    id: number;
    entity: CrmEntity;
    local_id: number;
    error_code: string;
    error_message: string;
    permanent: number;
    attempts: number;
    first_failed_at: string;
    last_failed_at: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    entity: r.entity,
    localId: r.local_id,
    code: r.error_code,
    message: r.error_message,
    permanent: r.permanent === 1,
    attempts: r.attempts,
    firstFailedAt: r.first_failed_at,
    lastFailedAt: r.last_failed_at,
  }));
}

/** Writes a push's outcome in one transaction: synced records resolve their dead letters. */
export function recordPush(db: Db, provider: string, outcome: CrmPushRecord, now = new Date()): void {
  const at = isoNow(now);
  const upsert = stmt(
    db,
    `INSERT INTO crm_records (provider, entity, local_id, crm_id, content_hash, origin, synced_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (provider, entity, local_id) DO UPDATE SET
       crm_id = excluded.crm_id, content_hash = excluded.content_hash, origin = excluded.origin, synced_at = excluded.synced_at`,
  );
  const resolve = stmt(
    db,
    'UPDATE crm_dead_letters SET resolved_at = ? WHERE provider = ? AND entity = ? AND local_id = ? AND resolved_at IS NULL',
  );
  const fail = stmt(
    db,
    `INSERT INTO crm_dead_letters (provider, entity, local_id, error_code, error_message, permanent, first_failed_at, last_failed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (provider, entity, local_id) WHERE resolved_at IS NULL DO UPDATE SET
       error_code = excluded.error_code, error_message = excluded.error_message, permanent = excluded.permanent,
       attempts = attempts + 1, last_failed_at = excluded.last_failed_at`,
  );
  db.transaction(() => {
    for (const s of outcome.synced) {
      upsert.run(provider, s.entity, s.localId, s.crmId, s.hash, s.origin, at);
      resolve.run(at, provider, s.entity, s.localId);
    }
    for (const d of outcome.deadLetters)
      fail.run(provider, d.entity, d.localId, d.code, d.message, d.permanent ? 1 : 0, at, at);
  })();
}

export function addOutreachEvents(
  db: Db,
  events: OutreachEvent[],
  source: 'manual' | 'import',
  now = new Date(),
): number {
  const insert = stmt(
    db,
    'INSERT INTO outreach_events (lead_id, kind, channel, step, at, note, source, logged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (const e of events)
      insert.run(e.leadId, e.kind, e.channel, e.step, e.at, e.note, source, isoNow(now));
  })();
  return events.length;
}

export function outreachEvents(db: Db, leadId: number): OutreachEvent[] {
  const rows = stmt(
    db,
    'SELECT lead_id, kind, channel, step, at, note FROM outreach_events WHERE lead_id = ? ORDER BY at, id',
  ).all(leadId) as {
    lead_id: number;
    kind: OutreachEvent['kind'];
    channel: OutreachEvent['channel'];
    step: number | null;
    at: string;
    note: string;
  }[];
  return rows.map((r) => ({
    leadId: r.lead_id,
    kind: r.kind,
    channel: r.channel,
    step: r.step,
    at: r.at,
    note: r.note,
  }));
}
