import type { Migration } from './types';

/**
 * The tier a candidate's title reads as, which may differ from the tier whose search found it
 * (a T1 search finds recruiters too). Progress counts group by it, so a tier's card counts the
 * people of that tier whichever search found them. Backfilled from saved leads.
 */
const migration: Migration = {
  version: 2,
  name: 'candidate_title_tier',
  up(db) {
    db.exec(`
      ALTER TABLE campaign_candidates ADD COLUMN title_tier TEXT CHECK (title_tier IN ('T1','T2','T3'));
      UPDATE campaign_candidates SET title_tier = (
        SELECT l.tier FROM leads l
        WHERE l.campaign_id = campaign_candidates.campaign_id AND l.contact_id = campaign_candidates.contact_id
      ) WHERE contact_id IS NOT NULL;
    `);
  },
};

export default migration;
