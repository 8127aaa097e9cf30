import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadIcpFile } from '../../main/domain/icp-io';
import { createEngine, engineDatabase, type Engine } from '../../main/engine';
import { startSandboxServer } from '../../main/sandbox/server';
import { startSignalsSandbox } from '../../main/sandbox/signals/server';
import { createKeychain } from '../../main/secrets/keychain';

/**
 * Crunchbase and BuiltWith keys as their own providers in the real OS keychain (with-keyring.sh):
 * a live campaign reads both with them over real HTTP (the signal sandbox stands in for the real
 * services), says so in its activity log, and without a key goes without that provider and says
 * that. Then every byte the app wrote (SQLite + WAL, logs) is searched for both keys.
 */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

async function runSmall(engine: Engine): Promise<string[]> {
  const r = await loadIcpFile('tests/fixtures/small-manufacturing.yaml');
  if (!r.ok) throw new Error('fixture');
  const icp = {
    ...r.icp,
    tiers: {
      T1: { ...r.icp.tiers.T1, target: 3 },
      T2: { ...r.icp.tiers.T2, target: 2 },
      T3: { ...r.icp.tiers.T3, target: 1 },
    },
  };
  const { campaignId } = await engine.handlers['campaign/start']({ icp });
  expect(await engine.handlers['campaign/wait']({ campaignId })).toBe('completed');
  const lines = await engine.handlers['campaign/activity']({ campaignId, limit: 1000 });
  return lines.map((l) => l.message);
}

describe('Crunchbase and BuiltWith keys live in the keychain only', () => {
  const service = `Lead Studio signal keys test ${process.pid}-${Date.now()}`;
  const keychain = createKeychain(service);
  const apolloKey = `ls-${randomBytes(20).toString('hex')}`;
  const cbKey = `cb-${randomBytes(20).toString('hex')}`;
  const bwKey = `bw-${randomBytes(20).toString('hex')}`;
  afterAll(async () => {
    for (const p of ['apollo', 'crunchbase', 'builtwith'] as const)
      await keychain.delete(p).catch(() => undefined);
  });

  it('a live campaign uses them, says which, and no key reaches SQLite or the logs', async () => {
    const sandbox = await startSandboxServer({ seed: 5, limits: 'off', port: 0, scale: 0.3 });
    const signals = await startSignalsSandbox({ world: sandbox.world });
    const dataDir = mkdtempSync(join(tmpdir(), 'ls-signal-keys-'));
    const engine = await createEngine({
      dataDir,
      secrets: keychain,
      apolloBaseUrl: sandbox.url,
      signalUrls: {
        crunchbase: signals.crunchbaseUrl,
        builtwith: signals.builtwithUrl,
        news: signals.newsUrl,
      },
      semanticFilter: false,
      vectorStore: false,
      watchIntervalMs: 0,
    });
    try {
      await engine.handlers['keys/set']({ provider: 'apollo', key: apolloKey });
      const without = await runSmall(engine);
      expect(without).toContain(
        'Buying signals from Google News, no Crunchbase (no key stored: Settings → API keys → Crunchbase), no BuiltWith (no key stored: Settings → API keys → BuiltWith).',
      );
      expect(signals.stats().requests.crunchbase ?? 0).toBe(0);

      await engine.handlers['keys/set']({ provider: 'crunchbase', key: cbKey });
      await engine.handlers['keys/set']({ provider: 'builtwith', key: ` ${bwKey}\n` });
      expect(await keychain.get('builtwith')).toBe(bwKey);
      const settings = await engine.handlers['settings/get']();
      expect(settings.keys).toMatchObject({ crunchbase: { present: true }, builtwith: { present: true } });
      expect(JSON.stringify(settings)).not.toContain(cbKey);
      expect(await engine.handlers['keys/test']({ provider: 'crunchbase' })).toEqual({
        ok: true,
        message: 'Connected to Crunchbase: the key was accepted.',
      });
      expect((await engine.handlers['keys/test']({ provider: 'builtwith' })).message).toMatch(/not here/);

      const withKeys = await runSmall(engine);
      expect(withKeys).toContain(
        'Buying signals from Google News, Crunchbase (your key), BuiltWith (your key).',
      );
      // The keys were really used: the stand-ins answered, BuiltWith's lookups are in the ledger.
      expect(signals.stats().requests.crunchbase).toBeGreaterThan(0);
      expect(signals.stats().requests.builtwith).toBeGreaterThan(0);
      const db = engineDatabase(engine);
      const bw = db.prepare("SELECT COUNT(*) AS n FROM credit_ledger WHERE provider = 'builtwith'").get() as {
        n: number;
      };
      expect(bw.n).toBeGreaterThan(0);

      await engine.handlers['keys/delete']({ provider: 'builtwith' });
      expect((await engine.handlers['keys/test']({ provider: 'builtwith' })).ok).toBe(false);
    } finally {
      await engine.close();
      await signals.close();
      await sandbox.close();
    }

    const files = filesUnder(dataDir);
    expect(files.some((f) => f.endsWith('.db'))).toBe(true);
    const log = files.find((f) => f.endsWith('engine.log'))!;
    expect(readFileSync(log, 'utf8')).toMatch(/builtwith key stored in the OS keychain/);
    for (const f of files) {
      const bytes = readFileSync(f);
      expect(bytes.includes(cbKey), f).toBe(false);
      expect(bytes.includes(bwKey), f).toBe(false);
    }
  }, 240_000);
});
