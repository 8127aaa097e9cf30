/**
 * Buying signals, score history, the watchlist and its alerts (migrations 007 and 008): plain
 * `(db, args)` functions with row ↔ domain mappers. A company's signals from one source are
 * replaced as a whole when that source answers again, so a refresh can say what was gained and
 * what was lost; a source that failed keeps what it said last time.
 */
import type { SignalEvent, SignalKind } from '../domain/signals';

export type { Alert, AlertChange, Watch, WatchTarget } from '../shared/watch';
import type { LeadScore, ScoreBand } from '../domain/types';
import type { Alert, AlertChange, Watch, WatchTarget } from '../shared/watch';
import { cipherOf } from './field-cipher';
import { fromJson, isoNow, stmt, toJson, type Db } from './sql';

interface SignalRow {
  company_id: number;
  contact_id: number | null;
  kind: SignalKind;
  event_date: string;
  source: string;
  label: string;
  evidence: string;
  link: string | null;
  strength: number;
  polarity: 1 | -1;
  detected_at: string;
  company_domain: string | null;
  provider_id: string | null;
}

const toSignal = (r: SignalRow): SignalEvent => ({
  kind: r.kind,
  date: r.event_date,
  source: r.source,
  evidence: r.evidence,
  link: r.link,
  subject: { companyDomain: r.company_domain, companyId: r.provider_id, personId: null },
  label: r.label,
  strength: r.strength,
  polarity: r.polarity,
});

/** What tells two signals apart (the table's unique key, without the company). */
export const signalKey = (e: Pick<SignalEvent, 'kind' | 'source' | 'date' | 'label'>): string =>
  `${e.kind}|${e.source}|${e.date.slice(0, 10)}|${e.label}`;

/** A company's stored signals, newest first. */
export function listSignals(db: Db, companyId: number): SignalEvent[] {
  const rows = stmt(
    db,
    `SELECT s.*, c.domain AS company_domain, c.provider_id AS provider_id FROM signal_events s
     JOIN companies c ON c.id = s.company_id WHERE s.company_id = ? ORDER BY s.event_date DESC, s.id`,
  ).all(companyId) as SignalRow[];
  return rows.map(toSignal);
}

export interface SignalChange {
  gained: SignalEvent[];
  lost: SignalEvent[];
}

/**
 * Replaces the company's signals from each of `sources` with `events` (events of other sources are
 * ignored), in one transaction; returns what was gained and lost against what was stored.
 */
export function replaceSignals(
  db: Db,
  a: { companyId: number; sources: readonly string[]; events: readonly SignalEvent[]; now?: Date },
): SignalChange {
  const sources = new Set(a.sources);
  const fresh = new Map<string, SignalEvent>();
  for (const e of a.events) if (sources.has(e.source)) fresh.set(signalKey(e), e);
  return db.transaction(() => {
    const before = listSignals(db, a.companyId).filter((e) => sources.has(e.source));
    const old = new Map(before.map((e) => [signalKey(e), e]));
    const del = stmt(db, 'DELETE FROM signal_events WHERE company_id = ? AND source = ?');
    for (const s of sources) del.run(a.companyId, s);
    const add = stmt(
      db,
      `INSERT INTO signal_events (company_id, contact_id, kind, event_date, source, label, evidence, link,
         strength, polarity, detected_at)
       VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (company_id, kind, source, event_date, label) DO NOTHING`,
    );
    const detected = isoNow(a.now);
    for (const e of fresh.values())
      add.run(
        a.companyId,
        e.kind,
        e.date.slice(0, 10),
        e.source,
        e.label,
        e.evidence,
        e.link,
        Math.max(0, Math.min(1, e.strength)),
        e.polarity,
        detected,
      );
    return {
      gained: [...fresh].filter(([k]) => !old.has(k)).map(([, e]) => e),
      lost: [...old].filter(([k]) => !fresh.has(k)).map(([, e]) => e),
    };
  })();
}

export interface ScoreSnapshot {
  leadId: number;
  intent: number;
  fit: number;
  accessibility: number;
  total: number;
  band: ScoreBand;
  whyNow: string;
  calculatedAt: string;
}

/** Appends one scoring of a lead to its history. */
export function addScoreHistory(db: Db, leadId: number, score: LeadScore, now?: Date): void {
  stmt(
    db,
    `INSERT INTO lead_scores (lead_id, intent, fit, accessibility, total, band, why_now, breakdown_json, calculated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    leadId,
    Math.round(score.intent),
    Math.round(score.fit),
    Math.round(score.accessibility),
    score.total,
    score.band,
    score.whyNow ?? '',
    cipherOf(db).seal(toJson(score.breakdown)),
    isoNow(now),
  );
}

/** A lead's scorings, newest first. */
export function scoreHistory(db: Db, leadId: number): ScoreSnapshot[] {
  const rows = stmt(
    db,
    `SELECT lead_id, intent, fit, accessibility, total, band, why_now, calculated_at FROM lead_scores
     WHERE lead_id = ? ORDER BY calculated_at DESC, id DESC`,
  ).all(leadId) as {
    lead_id: number;
    intent: number;
    fit: number;
    accessibility: number;
    total: number;
    band: ScoreBand;
    why_now: string;
    calculated_at: string;
  }[];
  return rows.map((r) => ({
    leadId: r.lead_id,
    intent: r.intent,
    fit: r.fit,
    accessibility: r.accessibility,
    total: r.total,
    band: r.band,
    whyNow: r.why_now,
    calculatedAt: r.calculated_at,
  }));
}

/** Saves a re-scored lead (flat columns and the sealed snapshot) and appends it to the history. */
export function rescoreLead(db: Db, leadId: number, score: LeadScore, now?: Date): void {
  db.transaction(() => {
    stmt(
      db,
      `UPDATE leads SET score_total = ?, score_intent = ?, score_fit = ?, score_access = ?, score_band = ?,
         score_json = ?, updated_at = ? WHERE id = ?`,
    ).run(
      score.total,
      score.intent,
      score.fit,
      score.accessibility,
      score.band,
      cipherOf(db).seal(toJson(score)),
      isoNow(now),
      leadId,
    );
    addScoreHistory(db, leadId, score, now);
  })();
}

/** Leads of a campaign that have no score history yet (saved by this step). */
export function leadsWithoutHistory(db: Db, campaignId: number): { id: number; companyId: number | null }[] {
  return stmt(
    db,
    `SELECT l.id, l.company_id AS companyId FROM leads l
     WHERE l.campaign_id = ? AND NOT EXISTS (SELECT 1 FROM lead_scores s WHERE s.lead_id = l.id)`,
  ).all(campaignId) as { id: number; companyId: number | null }[];
}

// ---------------------------------------------------------------------------------------------
// Watchlist
// ---------------------------------------------------------------------------------------------

/** Watches a lead or a company (watching it twice is a no-op); returns the watch. */
export function addWatch(db: Db, t: WatchTarget, now?: Date): Watch {
  const leadId = 'leadId' in t ? t.leadId : null;
  const companyId = 'companyId' in t ? t.companyId : null;
  stmt(
    db,
    `INSERT INTO watches (lead_id, company_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
  ).run(leadId, companyId, isoNow(now));
  const row = stmt(
    db,
    leadId !== null
      ? 'SELECT id FROM watches WHERE lead_id = ?'
      : 'SELECT id FROM watches WHERE company_id = ?',
  ).get(leadId ?? companyId) as { id: number };
  return listWatches(db).find((w) => w.id === row.id) as Watch;
}

/** Stops watching; returns whether there was such a watch. */
export function removeWatch(db: Db, t: WatchTarget): boolean {
  const res =
    'leadId' in t
      ? stmt(db, 'DELETE FROM watches WHERE lead_id = ?').run(t.leadId)
      : stmt(db, 'DELETE FROM watches WHERE company_id = ?').run(t.companyId);
  return res.changes > 0;
}

export function listWatches(db: Db): Watch[] {
  const rows = stmt(
    db,
    `SELECT w.id, w.lead_id, w.company_id, w.created_at, w.refreshed_at,
       COALESCE(c.name, l.contact_name || ' (' || l.company_name || ')') AS name
     FROM watches w LEFT JOIN companies c ON c.id = w.company_id LEFT JOIN leads l ON l.id = w.lead_id
     ORDER BY w.id`,
  ).all() as {
    id: number;
    lead_id: number | null;
    company_id: number | null;
    created_at: string;
    refreshed_at: string | null;
    name: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    leadId: r.lead_id,
    companyId: r.company_id,
    name: r.name ?? '',
    createdAt: r.created_at,
    refreshedAt: r.refreshed_at,
  }));
}

export function markWatchesRefreshed(db: Db, now?: Date): void {
  stmt(db, 'UPDATE watches SET refreshed_at = ?').run(isoNow(now));
}

/** The leads a refresh re-scores: each watched lead, and every lead at a watched company. */
export function watchedLeads(db: Db): { leadId: number; companyId: number }[] {
  return stmt(
    db,
    `SELECT DISTINCT l.id AS leadId, l.company_id AS companyId FROM leads l
     WHERE l.company_id IS NOT NULL AND (
       l.id IN (SELECT lead_id FROM watches WHERE lead_id IS NOT NULL)
       OR l.company_id IN (SELECT company_id FROM watches WHERE company_id IS NOT NULL))
     ORDER BY l.id`,
  ).all() as { leadId: number; companyId: number }[];
}

/** Whether a lead is watched (itself or through its company). */
export function isWatched(db: Db, leadId: number): boolean {
  return (
    stmt(
      db,
      `SELECT 1 FROM leads l WHERE l.id = ? AND (
         EXISTS (SELECT 1 FROM watches WHERE lead_id = l.id)
         OR EXISTS (SELECT 1 FROM watches WHERE company_id = l.company_id))`,
    ).get(leadId) !== undefined
  );
}

// ---------------------------------------------------------------------------------------------
// Alerts
// ---------------------------------------------------------------------------------------------

interface AlertRow {
  id: number;
  lead_id: number;
  old_total: number;
  new_total: number;
  old_band: ScoreBand;
  new_band: ScoreBand;
  why_now: string;
  changes_json: string;
  created_at: string;
  read_at: string | null;
  contact_name: string;
  contact_title: string;
  company_name: string;
}

const toAlert = (r: AlertRow): Alert => ({
  id: r.id,
  leadId: r.lead_id,
  lead: `${r.contact_name}, ${r.contact_title} at ${r.company_name}`,
  old: { total: r.old_total, band: r.old_band },
  new: { total: r.new_total, band: r.new_band },
  whyNow: r.why_now,
  changes: fromJson<AlertChange>(r.changes_json),
  createdAt: r.created_at,
  readAt: r.read_at,
});

const ALERT_SELECT = `SELECT a.*, l.contact_name, l.contact_title, l.company_name FROM alerts a
  JOIN leads l ON l.id = a.lead_id`;

export function addAlert(
  db: Db,
  a: {
    leadId: number;
    old: { total: number; band: ScoreBand };
    new: { total: number; band: ScoreBand };
    whyNow: string;
    changes: AlertChange;
    now?: Date;
  },
): Alert {
  const res = stmt(
    db,
    `INSERT INTO alerts (lead_id, old_total, new_total, old_band, new_band, why_now, changes_json, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    a.leadId,
    a.old.total,
    a.new.total,
    a.old.band,
    a.new.band,
    a.whyNow,
    toJson(a.changes),
    isoNow(a.now),
  );
  return toAlert(stmt(db, `${ALERT_SELECT} WHERE a.id = ?`).get(Number(res.lastInsertRowid)) as AlertRow);
}

/** Alerts newest first; unread only unless `all`. */
export function listAlerts(db: Db, q: { all?: boolean; limit?: number } = {}): Alert[] {
  const rows = stmt(
    db,
    `${ALERT_SELECT} ${q.all ? '' : 'WHERE a.read_at IS NULL'} ORDER BY a.created_at DESC, a.id DESC LIMIT ?`,
  ).all(q.limit ?? 200) as AlertRow[];
  return rows.map(toAlert);
}

/** Marks alerts read (all when `ids` is absent); returns how many changed. */
export function markAlertsRead(db: Db, ids?: readonly number[], now?: Date): number {
  const at = isoNow(now);
  if (!ids) return stmt(db, 'UPDATE alerts SET read_at = ? WHERE read_at IS NULL').run(at).changes;
  const upd = stmt(db, 'UPDATE alerts SET read_at = ? WHERE id = ? AND read_at IS NULL');
  return db.transaction(() => ids.reduce((n, id) => n + upd.run(at, id).changes, 0))();
}
