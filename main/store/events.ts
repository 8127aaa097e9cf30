import type { ActivityLine } from '../shared/shapes';
import { isoNow, stmt, toJson, type Db } from './sql';

export type EventLevel = ActivityLine['level'];

/** Appends one activity line; `data` is kept for diagnosis (never put secrets in it). */
export function addEvent(
  db: Db,
  campaignId: number,
  level: EventLevel,
  message: string,
  data?: unknown,
): ActivityLine {
  const at = isoNow();
  stmt(
    db,
    'INSERT INTO campaign_events (campaign_id, at, level, message, data_json) VALUES (?, ?, ?, ?, ?)',
  ).run(campaignId, at, level, message, data === undefined ? null : toJson(data));
  return { campaignId, at, level, message };
}

/** The latest `limit` lines, oldest first (newest last). */
export function listEvents(db: Db, campaignId: number, limit = 200): ActivityLine[] {
  const rows = stmt(
    db,
    `SELECT * FROM (
       SELECT id, campaign_id AS campaignId, at, level, message FROM campaign_events
       WHERE campaign_id = ? ORDER BY id DESC LIMIT ?
     ) ORDER BY id`,
  ).all(campaignId, Math.max(Math.trunc(limit), 0)) as (ActivityLine & { id: number })[];
  return rows.map(({ campaignId: c, at, level, message }) => ({ campaignId: c, at, level, message }));
}
