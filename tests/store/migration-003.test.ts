import { describe, expect, it } from 'vitest';
import {
  createCampaign,
  currentVersion,
  getCampaign,
  getCampaignSummary,
  ledgerDiscrepancies,
  migrate,
  openDb,
  rateLimitedCampaigns,
  recordPaidCall,
  setCampaignStatus,
} from '../../main/store';
import pauseAndReportedCredits from '../../main/store/migrations/003_pause_and_reported_credits';
import { sampleIcp, tempDbFile } from './fixtures';

const V = pauseAndReportedCredits.version;

describe('migration 003: pause reason, resume time, expected and reported credits', () => {
  it('keeps old rows (no reason, no figures) and records both from then on', () => {
    const file = tempDbFile();
    const db = openDb(file, { migrateTo: V - 1 });
    const id = createCampaign(db, {
      icp: sampleIcp(),
      budget: null,
      sandbox: true,
      sandboxSeed: 1,
      estimate: null,
    });
    db.prepare(
      `INSERT INTO credit_ledger (provider, endpoint, credits, campaign_id, created_at)
       VALUES ('apollo', '/people/match', 2, ?, '2026-01-01T00:00:00.000Z')`,
    ).run(id);
    db.prepare("UPDATE campaigns SET status = 'paused' WHERE id = ?").run(id);

    migrate(db, V);
    expect(currentVersion(db)).toBe(V);
    expect(getCampaign(db, id)).toMatchObject({ status: 'paused', pauseReason: null, resumeAt: null });
    expect(rateLimitedCampaigns(db)).toEqual([]);

    // From here on today's store writes it, with the columns later migrations added too.
    migrate(db);
    setCampaignStatus(db, id, 'running');
    setCampaignStatus(db, id, 'paused', 'window used up', {
      reason: 'rate-limit',
      resumeAt: '2026-12-02T00:00:00.000Z',
    });
    expect(getCampaignSummary(db, id)).toMatchObject({
      pauseReason: 'rate-limit',
      resumeAt: '2026-12-02T00:00:00.000Z',
    });
    expect(rateLimitedCampaigns(db)).toEqual([{ id, resumeAt: '2026-12-02T00:00:00.000Z' }]);
    setCampaignStatus(db, id, 'running');
    expect(getCampaign(db, id)).toMatchObject({ pauseReason: null, resumeAt: null });

    recordPaidCall(db, {
      provider: 'apollo',
      endpoint: '/people/match',
      credits: 1,
      expectedCredits: 2,
      reportedCredits: 1,
      campaignId: id,
      entityKey: 'p:1',
    });
    recordPaidCall(db, {
      provider: 'apollo',
      endpoint: '/people/match',
      credits: 1,
      expectedCredits: 1,
      reportedCredits: 1,
      campaignId: id,
      entityKey: 'p:2',
    });
    expect(ledgerDiscrepancies(db, id)).toEqual([
      { endpoint: '/people/match', calls: 1, expected: 2, reported: 1 },
    ]);
    expect(() => db.prepare("UPDATE campaigns SET pause_reason = 'tired'").run()).toThrow(/CHECK/);
    db.close();
  });
});
