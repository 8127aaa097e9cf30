import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as {
  asarUnpack: string[];
  extraResources: { from: string; to: string }[];
  npmRebuild: boolean;
  files: string[];
  linux: { target: string[]; icon: string };
  mac: { target: string; icon: string };
  win: { target: string; icon: string };
};

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own configuration schema', async () => {
    // The same check `electron-builder` runs before building; it rejects unknown or misplaced keys.
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      getConfig(dir: string, path: string | null, opts: null): Promise<object>;
      validateConfiguration(cfg: object, logger: object): Promise<void>;
    };
    const { DebugLogger } = require('builder-util/out/DebugLogger.js') as {
      DebugLogger: new (on: boolean) => object;
    };
    const cfg = await getConfig(root, join(root, 'electron-builder.yml'), null);
    await expect(validateConfiguration(cfg, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('targets AppImage + deb, dmg and nsis', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toBe('dmg');
    expect(config.win.target).toBe('nsis');
  });

  it('unpacks every native module from the asar and rebuilds them for Electron', () => {
    for (const mod of ['better-sqlite3', 'keytar', 'onnxruntime-node']) {
      expect(config.asarUnpack).toContain(`node_modules/${mod}/**`);
    }
    expect(config.npmRebuild).toBe(true);
  });

  it('ships the resources the engine reads', () => {
    expect(config.extraResources).toEqual([
      { from: 'resources/models', to: 'models' },
      { from: 'resources/icp', to: 'icp' },
      { from: 'resources/sandbox', to: 'sandbox' },
    ]);
    // models/ and sandbox/ are provisioned before packaging; the ICP templates are in the repo.
    expect(existsSync(join(root, 'resources/icp'))).toBe(true);
  });

  it('packages the built entry point package.json names, and an icon of at least 512×512', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/electron/main.js'); // what scripts/build-electron.ts writes
    expect(config.files).toContain('dist/**/*');
    const icon = readFileSync(join(root, config.linux.icon));
    expect(icon.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(icon.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(icon.readUInt32BE(20)).toBeGreaterThanOrEqual(512);
    expect(config.mac.icon).toBe(config.linux.icon);
    expect(config.win.icon).toBe(config.linux.icon);
  });
});
