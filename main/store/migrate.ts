import { AppError } from '../shared/errors';
import { MIGRATIONS, type Migration } from './migrations/index';
import type { Db } from './sql';

function ensureTable(db: Db): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version     INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    applied_at  TEXT NOT NULL
  )`);
}

export function currentVersion(db: Db): number {
  ensureTable(db);
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/**
 * Applies pending migrations up to `toVersion` (default: latest), each in its own transaction
 * together with its schema_migrations record, so a failing step leaves the previous version intact.
 * Returns the version the database is at afterwards.
 */
export function migrate(db: Db, toVersion?: number, migrations: readonly Migration[] = MIGRATIONS): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`migration "${m.name}" has version ${m.version}, expected ${i + 1}`);
  });
  const latest = migrations.length;
  const target = toVersion ?? latest;
  if (!Number.isInteger(target) || target < 0 || target > latest) {
    throw new AppError(
      'DB_MIGRATION',
      `cannot migrate to version ${target}: known versions are 0..${latest}`,
    );
  }
  const current = currentVersion(db);
  if (current > latest) {
    throw new AppError(
      'DB_TOO_NEW',
      `the database is at schema version ${current} but this Lead Studio knows only up to ${latest}: update the app or use another data folder`,
    );
  }
  if (current > target) {
    throw new AppError(
      'DB_MIGRATION',
      `the database is already at version ${current}; migrations only go forward (asked for ${target})`,
    );
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of migrations.slice(current, target)) {
    // PRAGMA foreign_keys is a no-op inside a transaction, so it is switched around it.
    const fkWasOn = db.pragma('foreign_keys', { simple: true }) === 1;
    if (m.foreignKeysOff) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        m.up(db);
        if (m.foreignKeysOff) assertForeignKeys(db, m);
        record.run(m.version, m.name, new Date().toISOString());
      })();
    } finally {
      if (m.foreignKeysOff && fkWasOn) db.pragma('foreign_keys = ON');
    }
  }
  return Math.max(current, target);
}

function assertForeignKeys(db: Db, m: Migration): void {
  const broken = db.pragma('foreign_key_check') as unknown[];
  if (broken.length > 0)
    throw new AppError(
      'DB_MIGRATION',
      `migration ${m.version} (${m.name}) would break ${broken.length} foreign key reference(s); nothing was changed`,
    );
}
