import { cipherOf } from './field-cipher';
import { fromJson, isoNow, normKey, stmt, toJson, type Db } from './sql';

export type CacheEntity = 'company' | 'person' | (string & {});

const DAY_MS = 86_400_000;

// A revealed person and Hunter's answers about one are personal data: sealed at rest like the
// contacts table. Companies are not.
const PERSONAL = new Set(['person', 'hunter_finder', 'hunter_verifier']);

function key(entity: string, k: string, source: string) {
  const entityType = normKey(entity);
  const entityKey = normKey(k);
  const src = normKey(source);
  if (entityType === null || entityKey === null || src === null) {
    throw new Error(`cache: entity, key and source must be non-empty (got "${entity}", "${k}", "${source}")`);
  }
  return { entityType, entityKey, src };
}

/** The cached value for (entity, key, source), or null when absent or expired at `now`. */
export function getCached<T>(
  db: Db,
  entity: CacheEntity,
  k: string,
  source: string,
  now: Date = new Date(),
): { data: T; fetchedAt: string } | null {
  const { entityType, entityKey, src } = key(entity, k, source);
  const row = stmt(
    db,
    `SELECT data_json, fetched_at FROM enrichment_cache
     WHERE entity_type = ? AND entity_key = ? AND source = ? AND expires_at > ?`,
  ).get(entityType, entityKey, src, isoNow(now)) as { data_json: string; fetched_at: string } | undefined;
  if (!row) return null;
  const json = PERSONAL.has(entityType) ? cipherOf(db).open(row.data_json) : row.data_json;
  // Sealed under a key that is gone: a miss (buying it again is the only way to read it).
  return json === null ? null : { data: fromJson<T>(json), fetchedAt: row.fetched_at };
}

/** Stores (or replaces) a value; it expires `ttlDays` after `now`. A `null` result is cacheable too. */
export function putCached(
  db: Db,
  e: { entity: CacheEntity; key: string; source: string; data: unknown; ttlDays?: number; now?: Date },
): void {
  const { entityType, entityKey, src } = key(e.entity, e.key, e.source);
  const now = e.now ?? new Date();
  const ttlDays = e.ttlDays ?? 30;
  stmt(
    db,
    `INSERT INTO enrichment_cache (entity_type, entity_key, source, data_json, fetched_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (entity_type, entity_key, source) DO UPDATE SET
       data_json = excluded.data_json, fetched_at = excluded.fetched_at, expires_at = excluded.expires_at`,
  ).run(
    entityType,
    entityKey,
    src,
    PERSONAL.has(entityType) ? cipherOf(db).seal(toJson(e.data)) : toJson(e.data),
    isoNow(now),
    isoNow(new Date(now.getTime() + ttlDays * DAY_MS)),
  );
}

/** Deletes entries expired at `now`; returns how many. */
export function purgeExpired(db: Db, now: Date = new Date()): number {
  return stmt(db, 'DELETE FROM enrichment_cache WHERE expires_at <= ?').run(isoNow(now)).changes;
}
