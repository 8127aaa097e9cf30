import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrate';
import type { Db } from './sql';

export type { Db } from './sql';
export { migrate, currentVersion } from './migrate';
export { LATEST_VERSION } from './migrations/index';

/**
 * Opens (creating if needed) the app database and brings its schema to the latest version.
 * WAL lets the UI read while the pipeline writes; NORMAL sync is safe with WAL (a power cut may
 * lose the last commits, never corrupt the file).
 */
export function openDb(file: string, opts: { migrateTo?: number } = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    migrate(db, opts.migrateTo);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}
