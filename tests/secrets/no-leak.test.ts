import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { loadIcpFile } from '../../main/domain/icp-io';
import { createEngine } from '../../main/engine';
import { startSandboxServer } from '../../main/sandbox/server';
import { createKeychain } from '../../main/secrets/keychain';

/**
 * A real key in the real OS keychain (gnome-keyring under scripts/with-keyring.sh), a real
 * campaign through the Apollo client against the sandbox over HTTP, an export — then every byte
 * the app wrote (SQLite + WAL, logs, the workbook's unzipped parts) is searched for the key.
 */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('API keys never leave the keychain', () => {
  const service = `Lead Studio test ${process.pid}-${Date.now()}`;
  const keychain = createKeychain(service);
  const key = `ls-${randomBytes(20).toString('hex')}`;
  afterAll(async () => {
    await keychain.delete('apollo').catch(() => undefined);
  });

  it('stays out of SQLite, the logs and the workbook', async () => {
    const sandbox = await startSandboxServer({ seed: 5, limits: 'off', port: 0, scale: 0.3 });
    const dataDir = mkdtempSync(join(tmpdir(), 'ls-noleak-'));
    const engine = await createEngine({
      dataDir,
      secrets: keychain,
      apolloBaseUrl: sandbox.url,
      semanticFilter: false,
      vectorStore: false,
    });
    try {
      await engine.handlers['keys/set']({ provider: 'apollo', key });
      expect(await keychain.get('apollo')).toBe(key); // really stored where it belongs
      const settings = await engine.handlers['settings/get']();
      expect(settings).toMatchObject({ sandbox: false, keys: { apollo: { present: true } } });
      expect(JSON.stringify(settings)).not.toContain(key);
      expect((await engine.handlers['keys/test']({ provider: 'apollo' })).ok).toBe(true);

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
      const detail = await engine.handlers['campaign/get']({ campaignId });
      expect(detail.sandbox).toBe(false); // the key path, not the built-in sandbox
      const exported = await engine.handlers['export/workbook']({
        campaignId,
        path: join(dataDir, 'exports', 'out.xlsx'),
      });
      expect(exported.rows).toBe(12);
    } finally {
      await engine.close();
      await sandbox.close();
    }

    const files = filesUnder(dataDir);
    expect(files.some((f) => f.endsWith('.db'))).toBe(true);
    const log = files.find((f) => f.endsWith('engine.log'))!;
    expect(readFileSync(log, 'utf8')).toMatch(/campaign 1: Campaign completed/); // the log is really written
    for (const f of files) expect(readFileSync(f).includes(key), f).toBe(false);

    const zip = await JSZip.loadAsync(readFileSync(join(dataDir, 'exports', 'out.xlsx')));
    const parts = await Promise.all(Object.values(zip.files).map((e) => e.async('string')));
    expect(parts.join('\n')).toMatch(/Validation/); // the scan reads the real sheet XML
    for (const text of parts) expect(text.includes(key)).toBe(false);
  });
});
