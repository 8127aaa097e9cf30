import type { Migration } from './types';

/**
 * Trust features: data keys (material only when no OS keychain exists), the suppression list of
 * erased people (keyed hashes only), the audit log, app settings (retention), and blind-index
 * columns so equality look-ups on encrypted email/LinkedIn still work. Existing rows are encrypted
 * by the engine after this step (it needs the key, which a migration does not have), in batches.
 */
const migration: Migration = {
  version: 4,
  name: 'privacy',
  up(db) {
    db.exec(`
      CREATE TABLE privacy_keys (
        key_id       TEXT PRIMARY KEY,
        store        TEXT NOT NULL CHECK (store IN ('keychain','database')),
        material     TEXT,
        fingerprint  TEXT NOT NULL,
        state        TEXT NOT NULL CHECK (state IN ('active','retired','lost')),
        created_at   TEXT NOT NULL,
        changed_at   TEXT NOT NULL
      );
      CREATE TABLE suppression (
        hash        TEXT PRIMARY KEY,
        kind        TEXT NOT NULL CHECK (kind IN ('email','linkedin','provider')),
        key_id      TEXT NOT NULL,
        created_at  TEXT NOT NULL
      );
      CREATE TABLE audit_log (
        id           INTEGER PRIMARY KEY,
        at           TEXT NOT NULL,
        actor        TEXT NOT NULL,
        action       TEXT NOT NULL,
        subject      TEXT NOT NULL,
        count        INTEGER NOT NULL DEFAULT 0,
        detail_json  TEXT
      );
      CREATE INDEX audit_by_time ON audit_log(at);
      CREATE TABLE app_settings (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL
      );
      ALTER TABLE contacts ADD COLUMN email_bidx TEXT;
      ALTER TABLE contacts ADD COLUMN linkedin_bidx TEXT;
      CREATE UNIQUE INDEX contacts_email_bidx ON contacts(email_bidx);
      CREATE INDEX contacts_linkedin_bidx ON contacts(linkedin_bidx);
      ALTER TABLE leads ADD COLUMN contact_email_bidx TEXT;
      ALTER TABLE leads ADD COLUMN pii_removed TEXT CHECK (pii_removed IN ('erased','retention'));
      CREATE INDEX leads_email_bidx ON leads(contact_email_bidx);
      CREATE INDEX leads_activity ON leads(updated_at);
    `);
  },
};

export default migration;
