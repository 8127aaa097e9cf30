import type { Db } from './sql';

/**
 * What the store's row↔domain mappers need to keep personal fields encrypted at rest. The engine
 * binds one per connection (main/privacy); a connection without one stores plain text, which is
 * what unit tests of unrelated tables and the migrations see.
 */
export interface FieldCipher {
  /** Ciphertext for a value (null stays null). */
  seal(plain: string | null): string | null;
  /** The plain value; null when the value was sealed under a key this machine no longer has. */
  open(stored: string | null): string | null;
  /** A keyed hash for equality look-ups (dedupe, suppression); never reversible. */
  blind(kind: BlindKind, value: string): string;
  /** False while the key that seals new values is unavailable (keychain locked). */
  readonly canSeal: boolean;
}

export type BlindKind = 'email' | 'linkedin' | 'provider';

export const SEALED_PREFIX = 'enc1:';

const PLAIN: FieldCipher = {
  seal: (v) => v,
  open: (v) => v,
  blind: (kind, value) => `${kind}:${value}`,
  canSeal: true,
};

const ciphers = new WeakMap<Db, FieldCipher>();

export function bindCipher(db: Db, cipher: FieldCipher): void {
  ciphers.set(db, cipher);
}

export function cipherOf(db: Db): FieldCipher {
  return ciphers.get(db) ?? PLAIN;
}

export function isSealed(v: string | null): boolean {
  return v !== null && v.startsWith(SEALED_PREFIX);
}

/** How look-ups normalise an identifier before hashing, so "A@X.com " and "a@x.com" match. */
export function normIdentifier(kind: BlindKind, value: string): string {
  const v = value.trim();
  if (kind === 'email') return v.toLowerCase();
  if (kind === 'linkedin')
    return v
      .toLowerCase()
      .replace(/^[a-z]+:\/\//, '')
      .replace(/^(www\.|[a-z]{2}\.)(?=linkedin\.)/, '')
      .replace(/[?#].*$/, '')
      .replace(/\/+$/, '');
  return v;
}

/** The blind index of an identifier, or null when it is empty. */
export function blindOf(db: Db, kind: BlindKind, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  return cipherOf(db).blind(kind, normIdentifier(kind, value));
}
