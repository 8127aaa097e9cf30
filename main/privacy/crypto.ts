import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { AppError } from '../shared/errors';
import { SEALED_PREFIX, type BlindKind, type FieldCipher } from '../store/field-cipher';

/** A 256-bit data key and the id it is known by (stored beside each ciphertext). */
export interface DataKey {
  id: string;
  material: Buffer;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

export function newDataKey(): DataKey {
  return { id: randomBytes(8).toString('hex'), material: randomBytes(32) };
}

function derive(material: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', material, Buffer.alloc(0), `lead-studio ${purpose} v1`, 32));
}

/** Proves a key is the one a database was sealed with, without storing the key. */
export function fingerprint(key: DataKey): string {
  return createHmac('sha256', derive(key.material, 'fingerprint')).update(key.id).digest('hex').slice(0, 32);
}

export interface CipherKeys {
  /** The key new values are sealed with; null while it is unavailable. */
  active: DataKey | null;
  /** Every key still held (active included), for opening older values. */
  all: DataKey[];
  /** Keyed hashes use this key, so they stay stable when the sealing key rotates. */
  index: DataKey | null;
}

/**
 * AES-256-GCM field encryption: `enc1:<keyId>:<base64(iv | tag | ciphertext)>`, a fresh random IV
 * per value. The key id says which key opens a value; a value whose key is gone opens to null.
 */
export function createFieldCipher(keys: CipherKeys, onUnreadable?: () => void): FieldCipher {
  const enc = new Map(keys.all.map((k) => [k.id, derive(k.material, 'field encryption')]));
  const mac = keys.index ? derive(keys.index.material, 'blind index') : null;
  const active = keys.active;
  return {
    canSeal: active !== null && mac !== null,
    seal(plain) {
      if (plain === null) return null;
      if (!active) throw keyUnavailable();
      const iv = randomBytes(IV_BYTES);
      const c = createCipheriv('aes-256-gcm', enc.get(active.id)!, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return `${SEALED_PREFIX}${active.id}:${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')}`;
    },
    open(stored) {
      if (stored === null || !stored.startsWith(SEALED_PREFIX)) return stored;
      const rest = stored.slice(SEALED_PREFIX.length);
      const sep = rest.indexOf(':');
      const key = enc.get(rest.slice(0, sep));
      if (!key) {
        onUnreadable?.();
        return null;
      }
      const raw = Buffer.from(rest.slice(sep + 1), 'base64');
      try {
        const d = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
        d.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([d.update(raw.subarray(IV_BYTES + TAG_BYTES)), d.final()]).toString('utf8');
      } catch {
        onUnreadable?.(); // tampered or truncated: unreadable, like a lost key
        return null;
      }
    },
    blind(kind: BlindKind, value: string) {
      if (!mac) throw keyUnavailable();
      return createHmac('sha256', mac).update(`${kind}\0${value}`).digest('base64url');
    },
  };
}

export function keyUnavailable(): AppError {
  return new AppError(
    'DATA_KEY_UNAVAILABLE',
    'The key that encrypts contact details is in the OS keychain, which is locked or unreachable. ' +
      'Unlock your login keyring and restart Lead Studio; nothing is lost meanwhile.',
  );
}
