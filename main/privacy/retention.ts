import { addAudit, getSetting, setSetting } from '../store/audit';
import { purgeExpired } from '../store/cache';
import { removePerson, type PersonRows } from '../store/people';
import { isoNow, stmt, type Db } from '../store/sql';
import { getContact } from '../store/contacts';
import { AppError } from '../shared/errors';

export const DEFAULT_RETENTION_DAYS = 90;
const DAY_MS = 86_400_000;

export function retentionDays(db: Db): number {
  const v = getSetting(db, 'retention.days');
  return v === null ? DEFAULT_RETENTION_DAYS : Number(v);
}

export function setRetentionDays(db: Db, actor: string, days: number): void {
  if (!Number.isInteger(days) || days < 1 || days > 3650)
    throw new AppError('BAD_REQUEST', `retention days must be a whole number from 1 to 3650 (got ${days})`);
  setSetting(db, 'retention.days', String(days));
  addAudit(db, { actor, action: 'retention.setting', subject: `${days} days`, count: days });
}

export interface RetentionResult {
  dryRun: boolean;
  days: number;
  cutoff: string;
  /** Contacts whose every lead saw no activity since the cutoff (their PII goes). */
  contacts: number;
  leads: number;
  cacheEntries: number;
}

/**
 * Contacts nobody touched for `days` (no lead saved, edited or noted since the cutoff, across all
 * campaigns) lose their personal data; leads keep tiers and scores as anonymous rows, so campaign
 * statistics stay true. Expired cache entries go too. A dry run counts and changes nothing.
 */
export function runRetention(db: Db, actor: string, o: { dryRun: boolean; now?: Date }): RetentionResult {
  const days = retentionDays(db);
  const cutoff = isoNow(new Date((o.now ?? new Date()).getTime() - days * DAY_MS));
  const stale = stmt(
    db,
    `SELECT contact_id AS id, COUNT(*) AS n FROM leads WHERE pii_removed IS NULL
     GROUP BY contact_id HAVING MAX(updated_at) < ?`,
  ).all(cutoff) as { id: number; n: number }[];
  const leads = stale.reduce((s, r) => s + r.n, 0);
  if (o.dryRun) {
    const cache = stmt(db, 'SELECT COUNT(*) AS n FROM enrichment_cache WHERE expires_at <= ?').get(
      isoNow(o.now),
    ) as { n: number };
    return { dryRun: true, days, cutoff, contacts: stale.length, leads, cacheEntries: cache.n };
  }
  let cacheEntries = 0;
  db.transaction(() => {
    for (const { id } of stale) {
      const c = getContact(db, id);
      if (!c) continue;
      const rows: PersonRows = {
        contacts: [c],
        providerIds: c.providerId ? [c.providerId] : [],
        leadIds: [],
        candidates: (
          stmt(
            db,
            'SELECT campaign_id AS campaignId, provider_person_id AS providerPersonId FROM campaign_candidates WHERE contact_id = ?',
          ).all(id) as { campaignId: number; providerPersonId: string }[]
        ).map((x) => ({ ...x, contactId: id })),
        cacheKeys: [],
      };
      const r = removePerson(db, rows, 'retention');
      cacheEntries += r.cacheEntries ?? 0;
    }
    cacheEntries += purgeExpired(db, o.now);
  })();
  if (stale.length > 0) db.pragma('wal_checkpoint(TRUNCATE)');
  setSetting(db, 'retention.lastRun', isoNow(o.now));
  if (stale.length > 0 || cacheEntries > 0)
    addAudit(db, {
      actor,
      action: 'retention.purge',
      subject: `contacts idle for ${days}+ days`,
      count: stale.length,
      detail: { leads, cacheEntries, cutoff },
    });
  return { dryRun: false, days, cutoff, contacts: stale.length, leads, cacheEntries };
}
