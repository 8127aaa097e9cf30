import type Database from 'better-sqlite3';

export type Db = Database.Database;

// Prepared statements are cached per connection: the pipeline runs the same few statements
// thousands of times per campaign, and better-sqlite3 re-prepares them itself after schema changes.
const cache = new WeakMap<Db, Map<string, Database.Statement>>();

export function stmt(db: Db, sql: string): Database.Statement {
  let byDb = cache.get(db);
  if (!byDb) {
    byDb = new Map();
    cache.set(db, byDb);
  }
  let s = byDb.get(sql);
  if (!s) {
    s = db.prepare(sql);
    byDb.set(sql, s);
  }
  return s;
}

export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

export function fromJson<T>(text: string): T;
export function fromJson<T>(text: string | null): T | null;
export function fromJson<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}

export function isoNow(now: Date = new Date()): string {
  return now.toISOString();
}

export function bool(v: boolean): number {
  return v ? 1 : 0;
}

/** Lowercased, trimmed; empty becomes null so it never collides in a UNIQUE column. */
export function normKey(v: string | null | undefined): string | null {
  const k = (v ?? '').trim().toLowerCase();
  return k === '' ? null : k;
}

/** "https://WWW.Acme.com/about" → "acme.com"; empty → null. */
export function normDomain(v: string | null | undefined): string | null {
  const k = normKey(v);
  if (k === null) return null;
  const host = k
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/^www\./, '')
    .replace(/\.$/, '');
  return host === '' ? null : host;
}
