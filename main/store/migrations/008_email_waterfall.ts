import type { Migration } from './types';

/**
 * The email waterfall (issue 12). `lead_emails`: each lead's final email status, bounce risk and the
 * steps that decided them (sources and dates, never the address: that stays sealed on the lead), so
 * the results table filters and sorts on them. `email_waterfall_state`: per campaign, whether
 * Hunter took part and why not (no key, quota used up, key refused), for the summary.
 * NOT registered under this number for good: the lead renumbers it at merge.
 */
const migration: Migration = {
  version: 8,
  name: 'email_waterfall',
  up(db) {
    db.exec(`
      CREATE TABLE lead_emails (
        lead_id       INTEGER PRIMARY KEY REFERENCES leads(id) ON DELETE CASCADE,
        status        TEXT NOT NULL CHECK (status IN ('verified','accept_all','guessed','invalid','unavailable')),
        bounce_risk   TEXT NOT NULL CHECK (bounce_risk IN ('low','medium','high')),
        address_from  TEXT CHECK (address_from IN ('apollo','hunter')),
        catch_all     INTEGER CHECK (catch_all IN (0,1)),
        checked_at    TEXT,
        steps_json    TEXT NOT NULL DEFAULT '[]'
      );
      CREATE INDEX lead_emails_by_risk ON lead_emails(bounce_risk);

      CREATE TABLE email_waterfall_state (
        campaign_id  INTEGER PRIMARY KEY REFERENCES campaigns(id) ON DELETE CASCADE,
        hunter       TEXT NOT NULL CHECK (hunter IN ('on','off','no_key','quota_exhausted','bad_key')),
        message      TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      );
    `);
  },
};

export default migration;
