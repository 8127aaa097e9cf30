import type { Migration } from './types';

/**
 * Campaign state that does not lie after a crash: the status 'interrupted' (was running when its
 * engine died; resumable) and runner_pid, the process whose runner owns a running campaign, so an
 * engine starting up can tell a campaign orphaned by a crash from one another live engine is running.
 * SQLite cannot change a CHECK constraint in place, so the table is rebuilt (the documented 12-step
 * procedure: foreign keys off around this migration, checked before it commits).
 */
const migration: Migration = {
  version: 5,
  name: 'campaign_interrupted',
  foreignKeysOff: true,
  up(db) {
    const columns = `id, name, icp_id, icp_json, status, t1_target, t2_target, t3_target, industries, locations,
      t1_titles, t2_titles, t3_titles, size_min, size_max, min_validation_score, budget, sandbox, sandbox_seed,
      estimate_json, progress_json, error, created_at, started_at, completed_at, updated_at, pause_reason, resume_at`;
    db.exec(`
      CREATE TABLE campaigns_new (
        id                    INTEGER PRIMARY KEY,
        name                  TEXT NOT NULL,
        icp_id                INTEGER REFERENCES icps(id) ON DELETE SET NULL,
        icp_json              TEXT NOT NULL,
        status                TEXT NOT NULL DEFAULT 'draft'
                              CHECK (status IN ('draft','running','paused','interrupted','completed','failed','cancelled')),
        t1_target             INTEGER NOT NULL,
        t2_target             INTEGER NOT NULL,
        t3_target             INTEGER NOT NULL,
        industries            TEXT NOT NULL,
        locations             TEXT NOT NULL,
        t1_titles             TEXT NOT NULL,
        t2_titles             TEXT NOT NULL,
        t3_titles             TEXT NOT NULL,
        size_min              INTEGER NOT NULL,
        size_max              INTEGER NOT NULL,
        min_validation_score  INTEGER NOT NULL,
        budget                REAL,
        sandbox               INTEGER NOT NULL CHECK (sandbox IN (0,1)),
        sandbox_seed          INTEGER,
        estimate_json         TEXT,
        progress_json         TEXT,
        error                 TEXT,
        created_at            TEXT NOT NULL,
        started_at            TEXT,
        completed_at          TEXT,
        updated_at            TEXT NOT NULL,
        pause_reason          TEXT CHECK (pause_reason IN ('rate-limit','budget','user')),
        resume_at             TEXT,
        runner_pid            INTEGER
      );
      INSERT INTO campaigns_new (${columns}) SELECT ${columns} FROM campaigns;
      DROP TABLE campaigns;
      ALTER TABLE campaigns_new RENAME TO campaigns;
      CREATE INDEX campaigns_status ON campaigns(status);
      CREATE INDEX campaigns_resume_at ON campaigns(resume_at) WHERE resume_at IS NOT NULL;
    `);
  },
};

export default migration;
