import type { Migration } from './types';

/**
 * CRM sync and outreach (issue 15). crm_records: per provider and local record, the CRM's id and
 * the content hash last pushed (incremental sync). crm_dead_letters: records that failed for good,
 * with the reason, until a later push succeeds (resolved_at). Both key on our local ids, never on
 * an email, so nothing personal is copied out of the contacts table. No token is ever stored here:
 * it lives in the OS keychain. outreach_events: seed 004's fct_outreach_events.
 */
const migration: Migration = {
  version: 6,
  name: 'crm',
  up(db) {
    db.exec(`
      CREATE TABLE crm_records (
        provider      TEXT NOT NULL,
        entity        TEXT NOT NULL CHECK (entity IN ('contact','company')),
        local_id      INTEGER NOT NULL,
        crm_id        TEXT NOT NULL,
        content_hash  TEXT NOT NULL,
        origin        TEXT NOT NULL CHECK (origin IN ('created','merged')),
        synced_at     TEXT NOT NULL,
        PRIMARY KEY (provider, entity, local_id)
      );
      CREATE TABLE crm_dead_letters (
        id               INTEGER PRIMARY KEY,
        provider         TEXT NOT NULL,
        entity           TEXT NOT NULL CHECK (entity IN ('contact','company')),
        local_id         INTEGER NOT NULL,
        error_code       TEXT NOT NULL,
        error_message    TEXT NOT NULL,
        permanent        INTEGER NOT NULL CHECK (permanent IN (0,1)),
        attempts         INTEGER NOT NULL DEFAULT 1,
        first_failed_at  TEXT NOT NULL,
        last_failed_at   TEXT NOT NULL,
        resolved_at      TEXT
      );
      CREATE UNIQUE INDEX crm_dead_letters_open ON crm_dead_letters (provider, entity, local_id)
        WHERE resolved_at IS NULL;
      CREATE TABLE outreach_events (
        id          INTEGER PRIMARY KEY,
        lead_id     INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
        kind        TEXT NOT NULL CHECK (kind IN ('sent','opened','replied','bounced','meeting')),
        channel     TEXT NOT NULL CHECK (channel IN ('email','linkedin')),
        step        INTEGER,
        at          TEXT NOT NULL,
        note        TEXT NOT NULL DEFAULT '',
        source      TEXT NOT NULL CHECK (source IN ('manual','import')),
        logged_at   TEXT NOT NULL
      );
      CREATE INDEX outreach_events_lead ON outreach_events (lead_id, at);
    `);
  },
};

export default migration;
