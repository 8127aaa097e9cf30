import type { Migration } from './types';

// Timestamps are ISO-8601 UTC text (sortable, what the contract sends). JSON columns hold the
// domain objects as the source of truth; flat columns beside them exist for queries and export.
const SQL = `
CREATE TABLE icps (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  icp_json    TEXT NOT NULL,
  created_at  TEXT NOT NULL
);

CREATE TABLE campaigns (
  id                    INTEGER PRIMARY KEY,
  name                  TEXT NOT NULL,
  icp_id                INTEGER REFERENCES icps(id) ON DELETE SET NULL,
  icp_json              TEXT NOT NULL,
  status                TEXT NOT NULL DEFAULT 'draft'
                        CHECK (status IN ('draft','running','paused','completed','failed','cancelled')),
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
  updated_at            TEXT NOT NULL
);
CREATE INDEX campaigns_status ON campaigns(status);

CREATE TABLE companies (
  id             INTEGER PRIMARY KEY,
  provider_id    TEXT UNIQUE,
  domain         TEXT UNIQUE,
  name           TEXT NOT NULL,
  website        TEXT,
  linkedin_url   TEXT,
  industry       TEXT,
  employees      INTEGER,
  city           TEXT,
  state          TEXT,
  country        TEXT,
  annual_revenue REAL,
  data_json      TEXT NOT NULL,
  source         TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);

CREATE TABLE contacts (
  id                   INTEGER PRIMARY KEY,
  provider_id          TEXT UNIQUE,
  email                TEXT UNIQUE,
  first_name           TEXT NOT NULL,
  last_name            TEXT NOT NULL,
  title                TEXT NOT NULL,
  email_status         TEXT CHECK (email_status IN ('verified','guessed','unavailable')),
  linkedin_url         TEXT,
  phone                TEXT,
  city                 TEXT,
  country              TEXT,
  seniority            TEXT,
  departments_json     TEXT NOT NULL DEFAULT '[]',
  organization_id      TEXT,
  organization_name    TEXT,
  organization_domain  TEXT,
  has_email            INTEGER NOT NULL DEFAULT 0,
  revealed             INTEGER NOT NULL DEFAULT 0 CHECK (revealed IN (0,1)),
  company_id           INTEGER REFERENCES companies(id) ON DELETE SET NULL,
  source               TEXT NOT NULL,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL
);
CREATE INDEX contacts_company ON contacts(company_id);

CREATE TABLE campaign_candidates (
  campaign_id         INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  tier                TEXT NOT NULL CHECK (tier IN ('T1','T2','T3')),
  provider_person_id  TEXT NOT NULL,
  seq                 INTEGER NOT NULL,
  person_json         TEXT NOT NULL,
  company_ref_json    TEXT NOT NULL,
  similarity          REAL,
  company_similarity  REAL,
  state               TEXT NOT NULL DEFAULT 'new'
                      CHECK (state IN ('new','filtered_out','enriched','rejected','revealed','saved','skipped')),
  reason              TEXT,
  validation_json     TEXT,
  company_id          INTEGER REFERENCES companies(id) ON DELETE SET NULL,
  contact_id          INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
  updated_at          TEXT NOT NULL,
  PRIMARY KEY (campaign_id, provider_person_id)
);
CREATE INDEX candidates_queue ON campaign_candidates(campaign_id, tier, state, seq);
CREATE UNIQUE INDEX candidates_seq ON campaign_candidates(campaign_id, tier, seq);

CREATE TABLE campaign_searches (
  campaign_id  INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  tier         TEXT NOT NULL CHECK (tier IN ('T1','T2','T3')),
  title        TEXT NOT NULL,
  page         INTEGER NOT NULL,
  total_pages  INTEGER,
  exhausted    INTEGER NOT NULL DEFAULT 0 CHECK (exhausted IN (0,1)),
  fetched_at   TEXT NOT NULL,
  PRIMARY KEY (campaign_id, tier, title)
);

CREATE TABLE leads (
  id                INTEGER PRIMARY KEY,
  campaign_id       INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  tier              TEXT NOT NULL CHECK (tier IN ('T1','T2','T3')),
  company_id        INTEGER REFERENCES companies(id) ON DELETE SET NULL,
  contact_id        INTEGER NOT NULL REFERENCES contacts(id),
  company_name      TEXT NOT NULL,
  company_domain    TEXT,
  company_size      INTEGER,
  company_industry  TEXT,
  company_location  TEXT,
  company_revenue   REAL,
  company_linkedin  TEXT,
  company_website   TEXT,
  contact_name      TEXT NOT NULL,
  contact_title     TEXT NOT NULL,
  contact_email     TEXT,
  contact_phone     TEXT,
  contact_linkedin  TEXT,
  email_status      TEXT NOT NULL CHECK (email_status IN ('verified','guessed','unavailable')),
  validation_score  INTEGER NOT NULL,
  validation_json   TEXT NOT NULL,
  score_total       INTEGER NOT NULL,
  score_intent      INTEGER NOT NULL,
  score_fit         INTEGER NOT NULL,
  score_access      INTEGER NOT NULL,
  score_band        TEXT NOT NULL CHECK (score_band IN ('hot','warm','nurture','cold')),
  score_json        TEXT NOT NULL,
  similarity        REAL,
  company_json      TEXT NOT NULL,
  contact_json      TEXT NOT NULL,
  status            TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new','contacted','replied')),
  notes             TEXT NOT NULL DEFAULT '',
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  UNIQUE (campaign_id, contact_id)
);
CREATE INDEX leads_by_score ON leads(campaign_id, tier, score_total DESC);

CREATE TABLE enrichment_cache (
  id           INTEGER PRIMARY KEY,
  entity_type  TEXT NOT NULL,
  entity_key   TEXT NOT NULL,
  source       TEXT NOT NULL,
  data_json    TEXT NOT NULL,
  fetched_at   TEXT NOT NULL,
  expires_at   TEXT NOT NULL,
  UNIQUE (entity_type, entity_key, source)
);

CREATE TABLE credit_ledger (
  id           INTEGER PRIMARY KEY,
  provider     TEXT NOT NULL,
  endpoint     TEXT NOT NULL,
  credits      REAL NOT NULL CHECK (credits >= 0),
  campaign_id  INTEGER REFERENCES campaigns(id) ON DELETE SET NULL,
  tier         TEXT CHECK (tier IN ('T1','T2','T3')),
  entity_key   TEXT,
  created_at   TEXT NOT NULL
);
CREATE INDEX ledger_by_campaign ON credit_ledger(campaign_id, endpoint);

CREATE TABLE campaign_events (
  id           INTEGER PRIMARY KEY,
  campaign_id  INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  at           TEXT NOT NULL,
  level        TEXT NOT NULL CHECK (level IN ('info','warn','error')),
  message      TEXT NOT NULL,
  data_json    TEXT
);
CREATE INDEX events_by_campaign ON campaign_events(campaign_id, id);
`;

const migration: Migration = {
  version: 1,
  name: 'init',
  up(db) {
    db.exec(SQL);
  },
};

export default migration;
