import { describe, expect, it } from 'vitest';
import {
  addCandidates,
  countCandidates,
  createCampaign,
  currentVersion,
  insertLead,
  migrate,
  openDb,
  setCandidateState,
  upsertCompany,
  upsertContact,
} from '../../main/store';
import { candidate, company, newLead, revealed, sampleIcp, tempDbFile } from './fixtures';

describe('migration 002: candidate title tier', () => {
  it('adds the column and backfills it from saved leads (migrate to 1, insert, migrate to 2)', () => {
    const file = tempDbFile();
    const db = openDb(file, { migrateTo: 1 });
    expect(currentVersion(db)).toBe(1);
    const campaignId = createCampaign(db, {
      icp: sampleIcp(),
      budget: null,
      sandbox: true,
      sandboxSeed: 1,
      estimate: null,
    });
    // A recruiter found by a T1 search and saved as a T3 lead; a second candidate never processed.
    addCandidates(db, campaignId, 'T1', [candidate('p-1', { title: 'Recruiter' }), candidate('p-2')]);
    const companyId = upsertCompany(db, company(), 'test');
    const contactId = upsertContact(db, {
      person: revealed('p-1', { title: 'Recruiter' }),
      companyId,
      source: 'test',
    });
    insertLead(
      db,
      newLead(
        campaignId,
        { companyId, contactId },
        { tier: 'T3', contact: revealed('p-1', { title: 'Recruiter' }) },
      ),
    );
    setCandidateState(db, campaignId, 'p-1', { state: 'saved', companyId, contactId });
    // At version 1 there is only the tier whose search found them.
    expect(db.prepare('SELECT tier, COUNT(*) AS n FROM campaign_candidates GROUP BY tier').all()).toEqual([
      { tier: 'T1', n: 2 },
    ]);

    migrate(db, 2);
    expect(currentVersion(db)).toBe(2);
    const rows = db
      .prepare('SELECT provider_person_id AS id, title_tier AS t FROM campaign_candidates ORDER BY id')
      .all() as { id: string; t: string | null }[];
    expect(rows).toEqual([
      { id: 'p-1', t: 'T3' },
      { id: 'p-2', t: null },
    ]);
    const counts = countCandidates(db, campaignId);
    expect(counts.T3.saved).toBe(1);
    expect(counts.T1).toMatchObject({ saved: 0, new: 1 });
    expect(() => db.prepare("UPDATE campaign_candidates SET title_tier = 'T9'").run()).toThrow(/CHECK/);
    db.close();
  });
});
