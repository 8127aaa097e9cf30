import type { Migration } from './types';

/**
 * The watchlist and its alerts (issue 13). A watch is on one lead or on one company (every lead
 * there); a refresh re-reads the watched companies' signals and re-scores their leads, and an
 * alert records a lead whose band changed or whose total moved 10 points or more, with the signals
 * that moved it, until the user reads it.
 */
const migration: Migration = {
  version: 9,
  name: 'watchlist',
  up(db) {
    db.exec(`
      CREATE TABLE watches (
        id          INTEGER PRIMARY KEY,
        lead_id     INTEGER REFERENCES leads(id) ON DELETE CASCADE,
        company_id  INTEGER REFERENCES companies(id) ON DELETE CASCADE,
        created_at  TEXT NOT NULL,
        refreshed_at TEXT,
        CHECK ((lead_id IS NULL) <> (company_id IS NULL))
      );
      CREATE UNIQUE INDEX watches_lead ON watches(lead_id) WHERE lead_id IS NOT NULL;
      CREATE UNIQUE INDEX watches_company ON watches(company_id) WHERE company_id IS NOT NULL;

      CREATE TABLE alerts (
        id          INTEGER PRIMARY KEY,
        lead_id     INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
        old_total   INTEGER NOT NULL,
        new_total   INTEGER NOT NULL,
        old_band    TEXT NOT NULL CHECK (old_band IN ('hot','warm','nurture','cold')),
        new_band    TEXT NOT NULL CHECK (new_band IN ('hot','warm','nurture','cold')),
        why_now     TEXT NOT NULL DEFAULT '',
        changes_json TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        read_at     TEXT
      );
      CREATE INDEX alerts_unread ON alerts(read_at, created_at DESC);
    `);
  },
};

export default migration;
