import { fromJson, isoNow, stmt, toJson, type Db } from './sql';

/** What happened to personal data: never the data itself (no emails, names or ids of people). */
export interface AuditEntry {
  id: number;
  at: string;
  /** Who: the OS user and the surface ("ana via app", "ana via cli", "system"). */
  actor: string;
  action: AuditAction;
  subject: string;
  count: number;
  detail: Record<string, unknown> | null;
}

export type AuditAction =
  | 'export.workbook'
  | 'export.person'
  | 'export.audit'
  | 'erase.person'
  | 'key.created'
  | 'key.lost'
  | 'key.moved'
  | 'retention.purge'
  | 'retention.setting'
  | 'crm.push';

interface Row {
  id: number;
  at: string;
  actor: string;
  action: AuditAction;
  subject: string;
  count: number;
  detail_json: string | null;
}

const toEntry = (r: Row): AuditEntry => ({
  id: r.id,
  at: r.at,
  actor: r.actor,
  action: r.action,
  subject: r.subject,
  count: r.count,
  detail: fromJson<Record<string, unknown>>(r.detail_json),
});

export function addAudit(
  db: Db,
  e: {
    actor: string;
    action: AuditAction;
    subject: string;
    count?: number;
    detail?: Record<string, unknown>;
  },
): AuditEntry {
  const at = isoNow();
  const res = stmt(
    db,
    'INSERT INTO audit_log (at, actor, action, subject, count, detail_json) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(at, e.actor, e.action, e.subject, e.count ?? 0, e.detail ? toJson(e.detail) : null);
  return { id: Number(res.lastInsertRowid), at, ...e, count: e.count ?? 0, detail: e.detail ?? null };
}

/** Newest first. */
export function listAudit(db: Db, limit = 200): AuditEntry[] {
  const rows = stmt(db, 'SELECT * FROM audit_log ORDER BY id DESC LIMIT ?').all(
    Math.max(Math.trunc(limit), 0),
  ) as Row[];
  return rows.map(toEntry);
}

export function getSetting(db: Db, key: string): string | null {
  const row = stmt(db, 'SELECT value FROM app_settings WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row?.value ?? null;
}

export function setSetting(db: Db, key: string, value: string): void {
  stmt(
    db,
    'INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}
