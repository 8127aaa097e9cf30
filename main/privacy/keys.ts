import type { Provider } from '../contract';
import type { SecretStore } from '../secrets/types';
import { addAudit } from '../store/audit';
import { isoNow, stmt, type Db } from '../store/sql';
import { createFieldCipher, fingerprint, newDataKey, type DataKey } from './crypto';

/** Where data keys live: the OS keychain, one account per key id (several databases may share it). */
export interface KeyVault {
  get(account: string): Promise<string | null>;
  set(account: string, value: string): Promise<void>;
  delete(account: string): Promise<void>;
}

/** The keychain's accounts are provider names today; a data key is one more account of the same store. */
export function vaultFrom(secrets: SecretStore): KeyVault {
  const acct = (a: string) => a as Provider;
  return {
    get: (a) => secrets.get(acct(a)),
    set: (a, v) => secrets.set(acct(a), v),
    delete: (a) => secrets.delete(acct(a)),
  };
}

export const keyAccount = (keyId: string) => `data-key-${keyId}`;

interface KeyRow {
  key_id: string;
  store: 'keychain' | 'database';
  material: string | null;
  fingerprint: string;
  state: 'active' | 'retired' | 'lost';
  created_at: string;
}

export type KeyStore = 'keychain' | 'database' | 'unavailable';

export interface KeyState {
  store: KeyStore;
  activeKeyId: string | null;
  /** Key ids this database used whose key is gone: values sealed under them cannot be read. */
  lostKeyIds: string[];
  /** Key ids held: values under them open. */
  heldKeyIds: string[];
  indexKeyId: string | null;
}

function rows(db: Db): KeyRow[] {
  return stmt(db, 'SELECT * FROM privacy_keys ORDER BY created_at, key_id').all() as KeyRow[];
}

function markLost(db: Db, keyId: string, actor: string, why: string): void {
  stmt(db, "UPDATE privacy_keys SET state = 'lost', changed_at = ? WHERE key_id = ?").run(isoNow(), keyId);
  addAudit(db, { actor, action: 'key.lost', subject: `data key ${keyId}`, detail: { why } });
}

async function createKey(db: Db, vault: KeyVault | null, actor: string): Promise<DataKey> {
  const key = newDataKey();
  const b64 = key.material.toString('base64');
  if (vault) {
    try {
      await vault.set(keyAccount(key.id), b64);
    } catch {
      vault = null; // a keychain that refuses: keep the key here (status says so) and move it later
    }
  }
  const now = isoNow();
  db.transaction(() => {
    stmt(db, "UPDATE privacy_keys SET state = 'retired', changed_at = ? WHERE state = 'active'").run(now);
    stmt(
      db,
      `INSERT INTO privacy_keys (key_id, store, material, fingerprint, state, created_at, changed_at)
       VALUES (?, ?, ?, ?, 'active', ?, ?)`,
    ).run(key.id, vault ? 'keychain' : 'database', vault ? null : b64, fingerprint(key), now, now);
    addAudit(db, {
      actor,
      action: 'key.created',
      subject: `data key ${key.id}`,
      detail: { store: vault ? 'keychain' : 'database' },
    });
  })();
  return key;
}

/** Reads one key from where its row says it lives; null when it is gone or does not match. */
async function load(row: KeyRow, vault: KeyVault | null): Promise<DataKey | null | 'unreachable'> {
  let b64: string | null;
  if (row.store === 'database') b64 = row.material;
  else if (!vault) return 'unreachable';
  else {
    try {
      b64 = await vault.get(keyAccount(row.key_id));
    } catch {
      return 'unreachable';
    }
  }
  if (!b64) return null;
  const key = { id: row.key_id, material: Buffer.from(b64, 'base64') };
  return fingerprint(key) === row.fingerprint ? key : null;
}

/**
 * Opens the database's data keys and binds nothing: returns the cipher and what is known about
 * the keys. A first start creates the key (in the keychain when there is one). A key that is gone
 * from the keychain is recorded as lost, and a new key seals what comes next; a keychain that is
 * locked leaves sealing off (reads of sealed values give null, writes say why) instead of
 * inventing a key that would split the data.
 */
export async function openKeys(
  db: Db,
  vault: KeyVault | null,
  actor: string,
  onUnreadable?: () => void,
): Promise<{ cipher: ReturnType<typeof createFieldCipher>; state: KeyState }> {
  const held: DataKey[] = [];
  let unreachable = false;
  for (const row of rows(db).filter((r) => r.state !== 'lost')) {
    const k = await load(row, vault);
    if (k === 'unreachable') unreachable = true;
    else if (k) held.push(k);
    else
      markLost(
        db,
        row.key_id,
        actor,
        'missing from the keychain or not the key this database was sealed with',
      );
  }
  let active = rows(db).find((r) => r.state === 'active') ?? null;
  let activeKey = active ? (held.find((k) => k.id === active!.key_id) ?? null) : null;
  if (!activeKey && !unreachable) {
    activeKey = await createKey(db, vault, actor);
    held.push(activeKey);
    active = rows(db).find((r) => r.state === 'active')!;
  }
  if (activeKey && active?.store === 'database' && vault)
    activeKey = await moveToVault(db, vault, activeKey, actor).catch(() => activeKey);
  // Keyed hashes stay under the oldest key still held, so the suppression list survives a rotation.
  const index = held[0] ?? null;
  const all = rows(db);
  const state: KeyState = {
    store:
      unreachable && !activeKey
        ? 'unavailable'
        : (all.find((r) => r.state === 'active')?.store ?? 'unavailable'),
    activeKeyId: activeKey?.id ?? null,
    lostKeyIds: all.filter((r) => r.state === 'lost').map((r) => r.key_id),
    heldKeyIds: held.map((k) => k.id),
    indexKeyId: index?.id ?? null,
  };
  return { cipher: createFieldCipher({ active: activeKey, all: held, index }, onUnreadable), state };
}

/** A key that had to live in the database (no keychain then) moves into the keychain once there is one. */
async function moveToVault(db: Db, vault: KeyVault, key: DataKey, actor: string): Promise<DataKey> {
  await vault.set(keyAccount(key.id), key.material.toString('base64'));
  db.transaction(() => {
    stmt(
      db,
      "UPDATE privacy_keys SET store = 'keychain', material = NULL, changed_at = ? WHERE key_id = ?",
    ).run(isoNow(), key.id);
    addAudit(db, { actor, action: 'key.moved', subject: `data key ${key.id}`, detail: { to: 'keychain' } });
  })();
  return key;
}
