import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { loadIcpFile } from '../../main/domain/icp-io';
import { createEngine } from '../../main/engine';
import { startHunterSandbox } from '../../main/sandbox/hunter/server';
import { startSandboxServer } from '../../main/sandbox/server';
import { createKeychain } from '../../main/secrets/keychain';

/**
 * A Hunter key in the real OS keychain (scripts/with-keyring.sh), a real campaign whose email
 * waterfall calls Hunter with it over HTTP (a sandbox Hunter on the campaign's world stands in for
 * api.hunter.io), an export — then every byte the app wrote (SQLite + WAL, logs, the workbook's
 * unzipped parts) is searched for the key.
 */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('the Hunter key never leaves the keychain', () => {
  const service = `Lead Studio hunter test ${process.pid}-${Date.now()}`;
  const keychain = createKeychain(service);
  const apolloKey = `ls-${randomBytes(20).toString('hex')}`;
  const hunterKey = `hk-${randomBytes(20).toString('hex')}`;
  afterAll(async () => {
    await keychain.delete('apollo').catch(() => undefined);
    await keychain.delete('hunter').catch(() => undefined);
  });

  it('stays out of SQLite, the logs and the workbook while the waterfall uses it', async () => {
    const sandbox = await startSandboxServer({ seed: 5, limits: 'off', port: 0, scale: 0.3 });
    const hunter = await startHunterSandbox({ seed: 5, scale: 0.3, plan: 'off', limits: 'off' });
    const dataDir = mkdtempSync(join(tmpdir(), 'ls-hunter-noleak-'));
    const engine = await createEngine({
      dataDir,
      secrets: keychain,
      apolloBaseUrl: sandbox.url,
      hunterBaseUrl: hunter.url,
      semanticFilter: false,
      vectorStore: false,
    });
    try {
      await engine.handlers['keys/set']({ provider: 'apollo', key: apolloKey });
      await engine.handlers['keys/set']({ provider: 'hunter', key: hunterKey });
      expect(await keychain.get('hunter')).toBe(hunterKey);
      const settings = await engine.handlers['settings/get']();
      expect(settings.keys.hunter.present).toBe(true);
      expect(JSON.stringify(settings)).not.toContain(hunterKey);
      const test = await engine.handlers['keys/test']({ provider: 'hunter' });
      expect(test).toMatchObject({ ok: true });
      expect(test.message).toMatch(/^Connected to Hunter/);

      const r = await loadIcpFile('tests/fixtures/small-manufacturing.yaml');
      if (!r.ok) throw new Error('fixture');
      const icp = {
        ...r.icp,
        tiers: {
          T1: { ...r.icp.tiers.T1, target: 5 },
          T2: { ...r.icp.tiers.T2, target: 5 },
          T3: { ...r.icp.tiers.T3, target: 2 },
        },
      };
      const { campaignId } = await engine.handlers['campaign/start']({ icp });
      expect(await engine.handlers['campaign/wait']({ campaignId })).toBe('completed');
      const report = await engine.handlers['campaign/report']({ campaignId });
      expect(report.hunter).toMatchObject({ state: 'on', message: 'Hunter via Hunter' });
      expect(report.creditsByProvider.hunter).toBeGreaterThan(0); // the key was really used
      const exported = await engine.handlers['export/workbook']({
        campaignId,
        path: join(dataDir, 'exports', 'out.xlsx'),
      });
      expect(exported.rows).toBe(12);
    } finally {
      await engine.close();
      await hunter.close();
      await sandbox.close();
    }

    const files = filesUnder(dataDir);
    expect(files.some((f) => f.endsWith('.db'))).toBe(true);
    const log = files.find((f) => f.endsWith('engine.log'))!;
    expect(readFileSync(log, 'utf8')).toMatch(/hunter key stored in the OS keychain/);
    for (const f of files) expect(readFileSync(f).includes(hunterKey), f).toBe(false);

    const zip = await JSZip.loadAsync(readFileSync(join(dataDir, 'exports', 'out.xlsx')));
    const parts = await Promise.all(Object.values(zip.files).map((e) => e.async('string')));
    expect(parts.join('\n')).toMatch(/Validation/);
    for (const text of parts) expect(text.includes(hunterKey)).toBe(false);
  }, 240_000);
});
