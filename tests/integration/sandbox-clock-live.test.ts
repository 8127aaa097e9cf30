/**
 * The sandbox clock is the sandbox's alone (issue 13): an engine with an Apollo key in the real OS
 * keychain (scripts/with-keyring.sh) refuses to read or move it with NOT_SANDBOX; bad steps are
 * refused by the contract's validator, naming `days`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../main/engine';
import { createKeychain } from '../../main/secrets/keychain';
import { AppError } from '../../main/shared/errors';

const keychain = createKeychain(`Lead Studio clock test ${randomBytes(4).toString('hex')}`);

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

afterAll(async () => {
  await keychain.delete('apollo').catch(() => undefined);
});

describe('sandbox clock on a live engine', () => {
  it('answers NOT_SANDBOX once an Apollo key is stored, and validates days', async () => {
    const engine = await createEngine({
      dataDir: mkdtempSync(join(tmpdir(), 'ls-clock-live-')),
      secrets: keychain,
      semanticFilter: false,
      vectorStore: false,
      watchIntervalMs: 0,
    });
    try {
      expect(await engine.handlers['sandbox/clock']()).toEqual({ day: 0, date: '2026-11-01' });
      await engine.handlers['keys/set']({ provider: 'apollo', key: `ls-${randomBytes(20).toString('hex')}` });
      // Each call is made only when it is awaited: a second promise made up front would reject
      // with nobody listening while the first is awaited (an unhandled rejection fails the run).
      for (const call of [
        () => engine.handlers['sandbox/clock'](),
        () => engine.handlers['sandbox/advanceClock']({ days: 30 }),
      ]) {
        const e = await refusal(call());
        expect(e.code).toBe('NOT_SANDBOX');
        expect(e.message).toMatch(/only .* while the engine runs on the sandbox/);
      }
      for (const days of [1.5, 4000, '30'] as unknown as number[]) {
        const e = await refusal(engine.handlers['sandbox/advanceClock']({ days }));
        expect(e.code).toBe('INVALID_INPUT');
        expect(e.message).toMatch(/days/);
      }
    } finally {
      await engine.close();
    }
  }, 120_000);
});
