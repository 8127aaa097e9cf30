import type { Provider } from '../shared/shapes';
import { AppError } from '../shared/errors';
import { normalizeApiKey } from './key-rules';
import type { SecretStore } from './types';

export type { SecretStore } from './types';

type Keytar = typeof import('keytar');

/** A SecretStore that also remembers the values it has handled, so logs can be redacted. */
export interface Keychain extends SecretStore {
  knownSecrets(): string[];
}

// Written and deleted again to tell "no key stored" from "keychain locked": on Linux, keytar reports a
// locked collection as a missing password instead of an error.
const PROBE_ACCOUNT = '__lead-studio-probe__';

export function keychainUnavailableMessage(platform: NodeJS.Platform = process.platform): string {
  const why =
    'Lead Studio keeps API keys only in the operating system’s keychain and never stores them elsewhere.';
  switch (platform) {
    case 'darwin':
      return `The macOS Keychain refused access. Open Keychain Access, unlock the “login” keychain, then try again. ${why}`;
    case 'win32':
      return `Windows Credential Manager is not available. Sign in to Windows with your own account (not a service account), then try again. ${why}`;
    default:
      return (
        'The system keychain (Secret Service) is not reachable or is locked. Unlock your login keyring, or install and ' +
        'start one — e.g. `sudo apt install gnome-keyring`, then log out and back in (KWallet works too). ' +
        why
      );
  }
}

function unavailable(cause: unknown): AppError {
  return new AppError('KEYCHAIN_UNAVAILABLE', keychainUnavailableMessage(), {
    cause: cause instanceof Error ? cause.message : String(cause),
  });
}

function checkProvider(provider: Provider): void {
  if (typeof provider !== 'string' || !/^[a-z][a-z0-9-]{0,31}$/.test(provider)) {
    throw new AppError('INVALID_PROVIDER', `Unknown provider "${String(provider)}".`);
  }
}

async function loadKeytar(): Promise<Keytar> {
  try {
    const mod = (await import('keytar')) as Keytar & { default?: Keytar };
    return mod.default ?? mod;
  } catch (err) {
    // The native binding is missing or built for another runtime: same remedy as an absent keychain.
    throw unavailable(err);
  }
}

/** Creates the OS-keychain-backed store. Provider names are the account names under `service`. */
export function createKeychain(service = 'Lead Studio'): Keychain {
  let keytar: Promise<Keytar> | undefined;
  const known = new Set<string>();

  async function call<T>(fn: (k: Keytar) => Promise<T>): Promise<T> {
    keytar ??= loadKeytar();
    const k = await keytar;
    try {
      return await fn(k);
    } catch (err) {
      throw unavailable(err);
    }
  }

  // One probe at a time: concurrent gets of missing keys (a screen's first calls) would otherwise write
  // and delete the same probe item at once, and the Secret Service fails one of them ("No such interface").
  let probing: Promise<void> | undefined;
  function probe(): Promise<void> {
    probing ??= call(async (k) => {
      await k.setPassword(service, PROBE_ACCOUNT, 'probe');
      await k.deletePassword(service, PROBE_ACCOUNT);
    }).finally(() => (probing = undefined));
    return probing;
  }

  async function get(provider: Provider): Promise<string | null> {
    checkProvider(provider);
    const value = await call((k) => k.getPassword(service, provider));
    if (value === null) {
      await probe();
      return null;
    }
    known.add(value);
    return value;
  }

  return {
    get,
    async set(provider, key) {
      checkProvider(provider);
      const clean = normalizeApiKey(key);
      await call((k) => k.setPassword(service, provider, clean));
      known.add(clean);
    },
    async delete(provider) {
      checkProvider(provider);
      // false means nothing was deleted: either no key was stored (fine) or the keychain is locked (not fine).
      const deleted = await call((k) => k.deletePassword(service, provider));
      if (!deleted) await probe();
    },
    async has(provider) {
      return (await get(provider)) !== null;
    },
    knownSecrets: () => [...known],
  };
}
