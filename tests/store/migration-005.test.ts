import { describe, expect, it } from 'vitest';
import campaignInterrupted from '../../main/store/migrations/005_campaign_interrupted';
import {
  addCandidates,
  addEvent,
  createCampaign,
  currentVersion,
  getCampaign,
  insertLead,
  listEvents,
  migrate,
  openDb,
  upsertCompany,
  upsertContact,
} from '../../main/store';
import { candidate, company, newLead, revealed, sampleIcp, tempDbFile } from './fixtures';

const V = campaignInterrupted.version;

describe('migration 005: campaign status interrupted, runner pid', () => {
  it('rebuilds campaigns keeping every row and every reference to it, then accepts interrupted', () => {
    const db = openDb(tempDbFile(), { migrateTo: V - 1 });
    const campaignId = createCampaign(db, {
      icp: sampleIcp(),
      budget: 50,
      sandbox: true,
      sandboxSeed: 7,
      estimate: null,
    });
    db.prepare(`UPDATE campaigns SET status = 'running' WHERE id = ?`).run(campaignId);
    // Columns later migrations added before this one (003: why and until when a campaign paused) survive.
    db.prepare(
      `UPDATE campaigns SET pause_reason = 'rate-limit', resume_at = '2026-12-02T00:00:00.000Z' WHERE id = ?`,
    ).run(campaignId);
    addCandidates(db, campaignId, 'T1', [candidate('p-1')]);
    const companyId = upsertCompany(db, company(), 'test');
    const contactId = upsertContact(db, { person: revealed('p-1'), companyId, source: 'test' });
    insertLead(db, newLead(campaignId, { companyId, contactId }));
    addEvent(db, campaignId, 'info', 'before the migration');
    expect(() =>
      db.prepare(`UPDATE campaigns SET status = 'interrupted' WHERE id = ?`).run(campaignId),
    ).toThrow(/CHECK/);

    migrate(db, V);
    expect(currentVersion(db)).toBe(V);
    expect(getCampaign(db, campaignId)).toMatchObject({ status: 'running', budget: 50, sandboxSeed: 7 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM leads WHERE campaign_id = ?').get(campaignId)).toEqual({
      n: 1,
    });
    expect(listEvents(db, campaignId).map((e) => e.message)).toEqual(['before the migration']);
    expect(db.prepare('SELECT pause_reason, resume_at FROM campaigns WHERE id = ?').get(campaignId)).toEqual({
      pause_reason: 'rate-limit',
      resume_at: '2026-12-02T00:00:00.000Z',
    });
    // Foreign keys are back on and still point at the rebuilt table.
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(() => addEvent(db, 999, 'info', 'no such campaign')).toThrow(/FOREIGN KEY/);
    db.prepare(`UPDATE campaigns SET status = 'interrupted', runner_pid = 42 WHERE id = ?`).run(campaignId);
    expect(getCampaign(db, campaignId)!.status).toBe('interrupted');
    expect(() => db.prepare(`UPDATE campaigns SET status = 'bogus'`).run()).toThrow(/CHECK/);
    // Deleting a campaign still cascades to its leads (the references survived the rebuild).
    db.prepare('DELETE FROM campaigns WHERE id = ?').run(campaignId);
    expect(db.prepare('SELECT COUNT(*) AS n FROM leads').get()).toEqual({ n: 0 });
    db.close();
  });
});
