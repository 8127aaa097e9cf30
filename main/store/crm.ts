/** CRM sync state, dead letters and outreach events (migration 006). */
import type { OutreachEvent } from '../domain/outreach';
import type { Lead, LeadScore, LeadStatus } from '../domain/types';
import { blindOf, cipherOf } from './field-cipher';
import { allLeads, getLead } from './leads';

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

import { isoNow, stmt, toJson, type Db } from './sql';

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

/** A lead with the local ids of its contact and company: what a CRM sync keys its records on. */
export interface LeadRefs {
  lead: Lead;
  contactId: number;
  companyId: number | null;
}

function refsOf(db: Db, leads: Lead[]): LeadRefs[] {
  const ids = stmt(db, 'SELECT contact_id, company_id FROM leads WHERE id = ?');
  return leads.map((lead) => {
    const r = ids.get(lead.id) as { contact_id: number; company_id: number | null };
    return { lead, contactId: r.contact_id, companyId: r.company_id };
  });
}

export function campaignLeadRefs(db: Db, campaignId: number): LeadRefs[] {
  return refsOf(db, allLeads(db, campaignId));
}

/** The newest lead of every contact or company named (a dead letter's record, whatever its campaign). */
export function leadRefsOfRecords(db: Db, contactIds: number[], companyIds: number[]): LeadRefs[] {
  if (!contactIds.length && !companyIds.length) return [];
  const rows = stmt(
    db,
    `SELECT MAX(id) AS id FROM leads
     WHERE contact_id IN (SELECT value FROM json_each(?)) OR company_id IN (SELECT value FROM json_each(?))
     GROUP BY contact_id ORDER BY id`,
  ).all(JSON.stringify(contactIds), JSON.stringify(companyIds)) as { id: number }[];
  return refsOf(
    db,
    rows.map((r) => getLead(db, r.id)!),
  );
}

/** Our lead for an address in a campaign (emails are sealed: equality goes through their blind index). */
export function leadIdByEmail(db: Db, campaignId: number, email: string): number | null {
  const bidx = blindOf(db, 'email', email);
  if (!bidx) return null;
  const row = stmt(
    db,
    'SELECT id FROM leads WHERE campaign_id = ? AND contact_email_bidx = ? ORDER BY id LIMIT 1',
  ).get(campaignId, bidx) as { id: number } | undefined;
  return row?.id ?? null;
}

/** Every outreach event of a campaign's leads, in time order. */
export function campaignOutreachEvents(db: Db, campaignId: number): OutreachEvent[] {
  const rows = stmt(
    db,
    `SELECT e.lead_id FROM outreach_events e JOIN leads l ON l.id = e.lead_id
     WHERE l.campaign_id = ? GROUP BY e.lead_id`,
  ).all(campaignId) as { lead_id: number }[];
  return rows.flatMap((r) => outreachEvents(db, r.lead_id));
}

/** Writes what outreach changed on a lead: its status and its score (sealed like at save time). */
export function applyOutreach(db: Db, leadId: number, status: LeadStatus, score: LeadScore): void {
  stmt(
    db,
    `UPDATE leads SET status = @status, score_json = @scoreJson, score_total = @total, score_intent = @intent,
       score_fit = @fit, score_access = @access, score_band = @band, updated_at = @now WHERE id = @id`,
  ).run({
    id: leadId,
    status,
    scoreJson: cipherOf(db).seal(toJson(score)),
    total: score.total,
    intent: score.intent,
    fit: score.fit,
    access: score.accessibility,
    band: score.band,
    now: isoNow(),
  });
}

/** When each record was last pushed, for the dead-letter list and the UI. */
export function lastSyncAt(db: Db, provider: string): string | null {
  const row = stmt(db, 'SELECT MAX(synced_at) AS at FROM crm_records WHERE provider = ?').get(provider) as {
    at: string | null;
  };
  return row.at;
}
