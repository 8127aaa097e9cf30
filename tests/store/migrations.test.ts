import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { currentVersion, migrate, openDb } from '../../main/store/db';
import { LATEST_VERSION, MIGRATIONS, type Migration } from '../../main/store/migrations/index';
import { tempDbFile } from './fixtures';

const tables = (db: Database.Database) =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);

describe('migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });

  it('001 builds the schema from an empty file and records itself', () => {
    const db = new Database(tempDbFile());
    expect(migrate(db, 0)).toBe(0);
    expect(tables(db)).toEqual(['schema_migrations']);
    expect(migrate(db, 1)).toBe(1);
    expect(tables(db)).toEqual(
      expect.arrayContaining([
        'icps',
        'campaigns',
        'companies',
        'contacts',
        'campaign_candidates',
        'campaign_searches',
        'leads',
        'enrichment_cache',
        'credit_ledger',
        'campaign_events',
      ]),
    );
    const rows = db.prepare('SELECT version, name, applied_at FROM schema_migrations').all() as {
      version: number;
      name: string;
      applied_at: string;
    }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ version: 1, name: 'init' });
    expect(Number.isNaN(Date.parse(rows[0]!.applied_at))).toBe(false);
    db.close();
  });

  it('is idempotent: reopening applies nothing twice', () => {
    const file = tempDbFile();
    openDb(file).close();
    const db = openDb(file);
    expect(currentVersion(db)).toBe(LATEST_VERSION);
    expect(db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({ n: LATEST_VERSION });
    db.close();
  });

  it('refuses a database written by a newer version, and backward or unknown targets', () => {
    const file = tempDbFile();
    const db = openDb(file);
    db.prepare("INSERT INTO schema_migrations VALUES (?, 'future', '2030-01-01T00:00:00.000Z')").run(
      LATEST_VERSION + 1,
    );
    db.close();
    expect(() => openDb(file)).toThrow(/newer|knows only up to/);

    const fresh = new Database(tempDbFile());
    migrate(fresh);
    expect(() => migrate(fresh, 0)).toThrow(/only go forward/);
    expect(() => migrate(fresh, LATEST_VERSION + 5)).toThrow(/known versions are/);
    fresh.close();
  });

  it('a failing migration leaves the database at the previous version with no partial change', () => {
    const broken: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'broken',
      up(db) {
        db.exec('CREATE TABLE half_done (x INTEGER)');
        db.exec('INSERT INTO no_such_table VALUES (1)');
      },
    };
    const db = new Database(tempDbFile());
    expect(() => migrate(db, undefined, [...MIGRATIONS, broken])).toThrow(/no_such_table/);
    expect(currentVersion(db)).toBe(MIGRATIONS.length);
    expect(tables(db)).not.toContain('half_done');
    db.close();
  });

  it('a later migration runs on data written at the previous version (migrate to n-1, insert, migrate to n)', () => {
    // Exercised here with a throwaway step 2 so the pattern is in place for the first real one.
    const addColumn: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'icp_description',
      up(db) {
        db.exec("ALTER TABLE icps ADD COLUMN description TEXT NOT NULL DEFAULT ''");
        db.exec("UPDATE icps SET description = 'from ' || name");
      },
    };
    const all = [...MIGRATIONS, addColumn];
    const db = new Database(tempDbFile());
    migrate(db, all.length - 1, all);
    db.prepare(
      "INSERT INTO icps (name, icp_json, created_at) VALUES ('old', '{}', '2024-01-01T00:00:00Z')",
    ).run();
    migrate(db, all.length, all);
    expect(db.prepare('SELECT name, description FROM icps').get()).toEqual({
      name: 'old',
      description: 'from old',
    });
    db.close();
  });
});
