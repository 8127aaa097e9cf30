import { blindOf, cipherOf, type BlindKind } from './field-cipher';
import { isoNow, stmt, type Db } from './sql';

/** Any of the identifiers a person is known by; one match is enough. */
export interface PersonIdentifiers {
  email?: string | null;
  linkedinUrl?: string | null;
  providerId?: string | null;
}

function hashes(db: Db, ids: PersonIdentifiers): { kind: BlindKind; hash: string }[] {
  const out: { kind: BlindKind; hash: string }[] = [];
  const add = (kind: BlindKind, v: string | null | undefined) => {
    const hash = blindOf(db, kind, v);
    if (hash !== null) out.push({ kind, hash });
  };
  add('email', ids.email);
  add('linkedin', ids.linkedinUrl);
  add('provider', ids.providerId);
  return out;
}

const anySuppressed = (db: Db) => stmt(db, 'SELECT 1 FROM suppression LIMIT 1').get() !== undefined;

/**
 * True when any identifier belongs to an erased person. The list holds keyed hashes only, so it
 * says nothing about who is on it to someone who has the file but not the key.
 */
export function isSuppressed(db: Db, ids: PersonIdentifiers): boolean {
  if (!anySuppressed(db)) return false;
  const q = stmt(db, 'SELECT 1 FROM suppression WHERE hash = ?');
  return hashes(db, ids).some((h) => q.get(h.hash) !== undefined);
}

/** Adds every identifier given; returns how many were new. */
export function suppress(db: Db, ids: PersonIdentifiers, keyId: string): number {
  const ins = stmt(
    db,
    'INSERT INTO suppression (hash, kind, key_id, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING',
  );
  const now = isoNow();
  return hashes(db, ids).reduce((n, h) => n + ins.run(h.hash, h.kind, keyId, now).changes, 0);
}

export function countSuppressed(db: Db): { total: number; byKey: Record<string, number> } {
  const rows = stmt(db, 'SELECT key_id, COUNT(*) AS n FROM suppression GROUP BY key_id').all() as {
    key_id: string;
    n: number;
  }[];
  return {
    total: rows.reduce((s, r) => s + r.n, 0),
    byKey: Object.fromEntries(rows.map((r) => [r.key_id, r.n])),
  };
}

/** Needed by callers that must refuse to suppress without a key (a plain hash would be guessable). */
export const suppressionUsable = (db: Db) => cipherOf(db).canSeal;
