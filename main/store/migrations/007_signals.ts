import type { Migration } from './types';

/**
 * Buying signals and score history (seed 001's `signal_events` and `lead_scores`, issue 13).
 * A signal belongs to a company, optionally to one contact there; re-reading the same provider
 * finds the same event again, so (company, kind, source, date, label) is unique and a refresh
 * upserts. `lead_scores` keeps every scoring of a lead, so a watch refresh can say what moved.
 * NOT registered in migrations/index.ts yet: the lead registers (and renumbers) it at merge.
 */
const migration: Migration = {
  version: 7,
  name: 'signals',
  up(db) {
    db.exec(`
      CREATE TABLE signal_events (
        id           INTEGER PRIMARY KEY,
        company_id   INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        contact_id   INTEGER REFERENCES contacts(id) ON DELETE CASCADE,
        kind         TEXT NOT NULL CHECK (kind IN ('funding','hiring','leadership','tech','news')),
        event_date   TEXT NOT NULL,
        source       TEXT NOT NULL,
        label        TEXT NOT NULL,
        evidence     TEXT NOT NULL,
        link         TEXT,
        strength     REAL NOT NULL CHECK (strength >= 0 AND strength <= 1),
        polarity     INTEGER NOT NULL CHECK (polarity IN (-1, 1)),
        detected_at  TEXT NOT NULL,
        UNIQUE (company_id, kind, source, event_date, label)
      );
      CREATE INDEX signal_events_by_company ON signal_events(company_id, event_date DESC);

      CREATE TABLE lead_scores (
        id              INTEGER PRIMARY KEY,
        lead_id         INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
        intent          INTEGER NOT NULL,
        fit             INTEGER NOT NULL,
        accessibility   INTEGER NOT NULL,
        total           INTEGER NOT NULL,
        band            TEXT NOT NULL CHECK (band IN ('hot','warm','nurture','cold')),
        why_now         TEXT NOT NULL DEFAULT '',
        breakdown_json  TEXT NOT NULL,
        calculated_at   TEXT NOT NULL
      );
      CREATE INDEX lead_scores_by_lead ON lead_scores(lead_id, calculated_at DESC);
    `);
  },
};

export default migration;
