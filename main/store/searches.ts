import type { Tier } from '../domain/icp';
import { bool, isoNow, stmt, type Db } from './sql';

/** How far one (campaign, tier, title) search has paged, so a resumed run asks for the next page. */
export interface SearchCursor {
  campaignId: number;
  tier: Tier;
  title: string;
  /** Last page fetched (1-based); 0 = none yet. */
  page: number;
  totalPages: number | null;
  exhausted: boolean;
  fetchedAt: string;
}

interface Row {
  campaign_id: number;
  tier: Tier;
  title: string;
  page: number;
  total_pages: number | null;
  exhausted: number;
  fetched_at: string;
}

const toCursor = (r: Row): SearchCursor => ({
  campaignId: r.campaign_id,
  tier: r.tier,
  title: r.title,
  page: r.page,
  totalPages: r.total_pages,
  exhausted: r.exhausted === 1,
  fetchedAt: r.fetched_at,
});

export function getSearchCursor(db: Db, campaignId: number, tier: Tier, title: string): SearchCursor | null {
  const row = stmt(
    db,
    'SELECT * FROM campaign_searches WHERE campaign_id = ? AND tier = ? AND title = ?',
  ).get(campaignId, tier, title) as Row | undefined;
  return row ? toCursor(row) : null;
}

export function listSearchCursors(db: Db, campaignId: number, tier?: Tier): SearchCursor[] {
  const rows = stmt(
    db,
    `SELECT * FROM campaign_searches WHERE campaign_id = @campaignId AND (@tier IS NULL OR tier = @tier)
     ORDER BY tier, title`,
  ).all({ campaignId, tier: tier ?? null }) as Row[];
  return rows.map(toCursor);
}

export function saveSearchCursor(db: Db, c: Omit<SearchCursor, 'fetchedAt'>): void {
  stmt(
    db,
    `INSERT INTO campaign_searches (campaign_id, tier, title, page, total_pages, exhausted, fetched_at)
     VALUES (@campaignId, @tier, @title, @page, @totalPages, @exhausted, @now)
     ON CONFLICT (campaign_id, tier, title) DO UPDATE SET
       page = excluded.page, total_pages = excluded.total_pages, exhausted = excluded.exhausted,
       fetched_at = excluded.fetched_at`,
  ).run({ ...c, exhausted: bool(c.exhausted), now: isoNow() });
}
