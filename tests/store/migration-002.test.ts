import { describe, expect, it } from 'vitest';
import {
  addCandidates,
  countCandidates,
  createCampaign,
  currentVersion,
  migrate,
  openDb,
  setCandidateState,
  upsertCompany,
} from '../../main/store';
import { candidate, company, sampleIcp, tempDbFile } from './fixtures';

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
    // Contacts and leads as version 1 wrote them (today's store writes today's columns).
    const contactId = Number(
      db
        .prepare(
          `INSERT INTO contacts (provider_id, first_name, last_name, title, source, created_at, updated_at)
           VALUES ('p-1', 'Asha', 'Rao', 'Recruiter', 'test', '2026-01-01', '2026-01-01')`,
        )
        .run().lastInsertRowid,
    );
    db.prepare(
      `INSERT INTO leads (campaign_id, tier, company_id, contact_id, company_name, contact_name, contact_title,
         email_status, validation_score, validation_json, score_total, score_intent, score_fit, score_access,
         score_band, score_json, company_json, contact_json, created_at, updated_at)
       VALUES (?, 'T3', ?, ?, 'Acme', 'Asha Rao', 'Recruiter', 'verified', 5, '{}', 50, 50, 50, 50, 'warm', '{}',
         '{}', '{}', '2026-01-01', '2026-01-01')`,
    ).run(campaignId, companyId, contactId);
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
