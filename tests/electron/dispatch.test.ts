import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handlers } from '../../main/contract';
import { createEngine, type Engine } from '../../main/engine';
import { AppError } from '../../main/shared/errors';
import { createDispatcher } from '../../electron/dispatch';
import { shellPaths } from '../../electron/paths';

const { appUrl } = shellPaths('/app/dist/electron');

/** Records calls; every handler the tests do not name fails loudly. */
function recordingHandlers(overrides: Partial<Handlers>) {
  const calls: { method: string; arg: unknown }[] = [];
  const handlers = new Proxy({} as Handlers, {
    get: (_t, method: string) => async (arg: unknown) => {
      calls.push({ method, arg });
      const h = (overrides as Record<string, (a: unknown) => Promise<unknown>>)[method];
      if (!h) throw new Error(`unexpected call to ${method}`);
      return h(arg);
    },
  });
  return { handlers, calls };
}

describe('IPC dispatch', () => {
  it('wraps a result in {ok:true}', async () => {
    const { handlers } = recordingHandlers({ 'campaign/list': async () => [] });
    await expect(createDispatcher(handlers, { appUrl })('campaign/list', appUrl, undefined)).resolves.toEqual(
      {
        ok: true,
        result: [],
      },
    );
  });

  it('refuses a foreign sender before validating or calling the engine', async () => {
    const { handlers, calls } = recordingHandlers({});
    const reply = await createDispatcher(handlers, { appUrl })('keys/delete', 'https://evil.example/', {
      provider: 'apollo',
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(calls).toEqual([]);
  });

  it('returns INVALID_INPUT naming the field and never calls the engine with a bad argument', async () => {
    const { handlers, calls } = recordingHandlers({});
    const reply = await createDispatcher(handlers, { appUrl })('campaign/get', appUrl, { campaignId: 'x' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', name: 'AppError' } });
    expect(!reply.ok && reply.error.message).toMatch(/campaignId/);
    expect(calls).toEqual([]);
  });

  it('refuses a method outside the contract', async () => {
    const { handlers } = recordingHandlers({});
    const reply = await createDispatcher(handlers, { appUrl })('fs/readFile', appUrl, '/etc/passwd');
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('keeps an AppError code; reports other failures as INTERNAL and to onInternalError, redacted', async () => {
    const internal: string[] = [];
    const { handlers } = recordingHandlers({
      'keys/test': async () => {
        throw new Error('401 for key sk_secret_123456');
      },
      'campaign/pause': async () => {
        throw new AppError('NOT_RUNNING', 'Campaign 4 is not running.');
      },
    });
    const dispatch = createDispatcher(handlers, {
      appUrl,
      redact: (t) => t.replaceAll('sk_secret_123456', '[redacted]'),
      onInternalError: (m) => internal.push(m),
    });
    expect(await dispatch('campaign/pause', appUrl, { campaignId: 4 })).toEqual({
      ok: false,
      error: { name: 'AppError', code: 'NOT_RUNNING', message: 'Campaign 4 is not running.' },
    });
    expect(await dispatch('keys/test', appUrl, { provider: 'apollo' })).toEqual({
      ok: false,
      error: { name: 'Error', code: 'INTERNAL', message: '401 for key [redacted]' },
    });
    expect(internal).toEqual(['keys/test']);
  });
});

describe('IPC dispatch to the real engine', () => {
  let dir: string;
  let engine: Engine;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lead-studio-ipc-'));
    engine = await createEngine({ dataDir: dir });
  });
  afterAll(async () => {
    await engine?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers settings/get and carries the engine’s own error codes back', async () => {
    const dispatch = createDispatcher(engine.handlers, { appUrl });
    expect(await dispatch('settings/get', appUrl, undefined)).toMatchObject({
      ok: true,
      result: { sandbox: true, keys: { apollo: { present: false } }, dataDir: dir },
    });
    const missing = await dispatch('campaign/get', appUrl, { campaignId: 999 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
