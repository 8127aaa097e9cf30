import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../main/shared/errors';
import { createKeychain } from '../../main/secrets/keychain';
import { HOW_TO_RUN, keychainInChild, keytarInOtherProcess } from './helpers';

// A service name of its own per run, so nothing here can touch a real "Lead Studio" entry.
const service = `Lead Studio Test ${randomBytes(4).toString('hex')}`;
const store = createKeychain(service);
const sampleKey = () => `ls_${randomBytes(16).toString('hex')}`;

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  throw new Error('expected the call to fail');
}

beforeAll(async () => {
  try {
    await store.has('apollo');
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    const where = process.env.CI === 'true' ? 'CI must provide one (see scripts/with-keyring.sh). ' : '';
    // Throwing here fails every test in the file: a missing keychain must never pass as "skipped".
    throw new Error(`No Secret Service reachable. ${where}${HOW_TO_RUN}\nKeychain said: ${detail}`, {
      cause: err,
    });
  }
});

afterAll(async () => {
  await store.delete('apollo').catch(() => undefined);
});

describe('OS keychain store', () => {
  it('round-trips a key and a second process reads the same entry from the OS keychain', async () => {
    const key = sampleKey();
    await store.set('apollo', `  ${key}\n`); // pasted with stray whitespace: stored trimmed
    expect(await store.get('apollo')).toBe(key);
    expect(await store.has('apollo')).toBe(true);
    expect(await keytarInOtherProcess('get', service, 'apollo')).toBe(key);
    expect(store.knownSecrets()).toContain(key);

    await store.delete('apollo');
    expect(await store.get('apollo')).toBeNull();
    expect(await store.has('apollo')).toBe(false);
    expect(await keytarInOtherProcess('get', service, 'apollo')).toBeNull();
  });

  it('reads a key that another process stored', async () => {
    const key = sampleKey();
    await keytarInOtherProcess('set', service, 'apollo', key);
    expect(await store.get('apollo')).toBe(key);
    await store.delete('apollo');
  });

  it('replaces an existing key rather than adding a second one', async () => {
    const [first, second] = [sampleKey(), sampleKey()];
    await store.set('apollo', first);
    await store.set('apollo', second);
    expect(await keytarInOtherProcess('get', service, 'apollo')).toBe(second);
    await store.delete('apollo');
  });

  it('answers concurrent reads of missing keys (a screen’s first calls) without racing on the probe', async () => {
    const reads = ['apollo', 'hunter', 'hubspot', 'apollo', 'hunter', 'hubspot'] as const;
    const got = await Promise.allSettled(reads.map((p) => store.get(p)));
    expect(got).toEqual(reads.map(() => ({ status: 'fulfilled', value: null })));
  });

  it('deleting a key that is not there succeeds', async () => {
    await store.delete('apollo');
    await expect(store.delete('apollo')).resolves.toBeUndefined();
  });

  it.each([
    ['empty', '   ', /empty/],
    ['inner space', 'abcd efgh ijkl', /spaces or line breaks/],
    ['inner newline', 'abcdefgh\nijklmnop', /spaces or line breaks/],
    ['too short', 'abc12', /too short/],
    ['too long', 'k'.repeat(513), /too long/],
    ['non-ASCII', 'abcdéfghijkl', /characters that API keys never use/],
  ])('rejects a bad key (%s) with INVALID_KEY and stores nothing', async (_name, bad, message) => {
    await store.delete('apollo');
    const err = await store.set('apollo', bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('INVALID_KEY');
    expect((err as AppError).message).toMatch(message);
    expect(await keytarInOtherProcess('get', service, 'apollo')).toBeNull();
  });

  it('rejects a provider name that is not one', async () => {
    expect(await codeOf(store.get('../etc' as 'apollo'))).toBe('INVALID_PROVIDER');
  });
});

describe('when the keychain cannot be used', () => {
  it('reports KEYCHAIN_UNAVAILABLE with a fix when no Secret Service is reachable', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/lead-studio-bus',
    };
    delete env.DISPLAY;
    const result = await keychainInChild(service, env);
    expect(result).toMatchObject({ ok: false, code: 'KEYCHAIN_UNAVAILABLE' });
    expect(result.message).toMatch(/Secret Service/);
    expect(result.message).toMatch(/never stores them elsewhere/);
  });

  it('reports KEYCHAIN_UNAVAILABLE (not "no key") when the keyring is locked', async () => {
    // A fresh bus and keyring of its own, locked before the child asks: nothing we use is affected.
    const lock =
      'dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets ' +
      'org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null && exec "$@"';
    const env = { ...process.env };
    delete env.LEAD_STUDIO_KEYRING_BUS;
    delete env.DISPLAY;
    const result = await keychainInChild(service, env, [
      'bash',
      'scripts/with-keyring.sh',
      'sh',
      '-c',
      lock,
      'sh',
    ]);
    expect(result).toMatchObject({ ok: false, code: 'KEYCHAIN_UNAVAILABLE' });
  });
});
