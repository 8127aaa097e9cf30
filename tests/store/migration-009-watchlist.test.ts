import { describe, expect, it } from 'vitest';
import watchlist from '../../main/store/migrations/009_watchlist';
import { currentVersion, migrate } from '../../main/store';
import { beforeMigration } from './fixtures';

describe('migration: watches and alerts', () => {
  it('adds both tables to an existing database, keeps its rows, and enforces one target per watch', () => {
    const { db, before, campaignId, companyId, leadId } = beforeMigration(watchlist);

    migrate(db, watchlist.version);
    expect(currentVersion(db)).toBe(before + 1);
    expect((db.prepare('SELECT COUNT(*) AS n FROM leads').get() as { n: number }).n).toBe(1);

    const watch = db.prepare('INSERT INTO watches (lead_id, company_id, created_at) VALUES (?, ?, ?)');
    watch.run(leadId, null, '2026-11-01T00:00:00Z');
    watch.run(null, companyId, '2026-11-01T00:00:00Z');
    expect(() => watch.run(leadId, null, '2026-11-02T00:00:00Z')).toThrow(/UNIQUE/);
    expect(() => watch.run(null, null, '2026-11-02T00:00:00Z')).toThrow(/CHECK constraint/);
    expect(() => watch.run(leadId, companyId, '2026-11-02T00:00:00Z')).toThrow(/CHECK constraint/);

    const alert =
      db.prepare(`INSERT INTO alerts (lead_id, old_total, new_total, old_band, new_band, why_now, changes_json, created_at)
      VALUES (?, 55, 72, 'nurture', ?, 'Series B 3 weeks ago', '{"gained":[],"lost":[]}', '2026-11-02T00:00:00Z')`);
    alert.run(leadId, 'warm');
    expect(() => alert.run(leadId, 'scalding')).toThrow(/CHECK constraint/);

    // Deleting the campaign removes its leads, their watches and alerts; the company's watch stays.
    db.prepare('DELETE FROM campaigns WHERE id = ?').run(campaignId);
    expect(db.prepare('SELECT lead_id, company_id FROM watches').all()).toEqual([
      { lead_id: null, company_id: companyId },
    ]);
    expect((db.prepare('SELECT COUNT(*) AS n FROM alerts').get() as { n: number }).n).toBe(0);
    db.close();
  });
});
