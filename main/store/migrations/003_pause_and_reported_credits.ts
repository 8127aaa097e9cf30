import type { Migration } from './types';

/**
 * Why a paused campaign stopped and when it may go on (a used-up 24-hour rate window pauses it
 * until the window turns; the engine resumes it by itself then, also after a restart), and the
 * ledger's two figures for a call when they differ: what the cost table expected and what the
 * provider reported (`credits_consumed`). `credits` stays the figure counted. And whether a
 * contact's mail domain accepts every address (`email_domain_catchall`: "verified" is weaker there).
 */
const migration: Migration = {
  version: 3,
  name: 'pause_and_reported_credits',
  up(db) {
    db.exec(`
      ALTER TABLE campaigns ADD COLUMN pause_reason TEXT CHECK (pause_reason IN ('rate-limit','budget','user'));
      ALTER TABLE campaigns ADD COLUMN resume_at TEXT;
      ALTER TABLE credit_ledger ADD COLUMN expected_credits REAL;
      ALTER TABLE credit_ledger ADD COLUMN reported_credits REAL;
      ALTER TABLE contacts ADD COLUMN email_domain_catchall INTEGER CHECK (email_domain_catchall IN (0,1));
      CREATE INDEX campaigns_resume_at ON campaigns(resume_at) WHERE resume_at IS NOT NULL;
    `);
  },
};

export default migration;
