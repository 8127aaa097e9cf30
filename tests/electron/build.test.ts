import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'lead-studio-electron-build-'));
const read = (f: string) => readFileSync(join(out, f), 'utf8');

beforeAll(async () => {
  await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'scripts/build-electron.ts', '--outdir', out],
    {
      cwd: root,
    },
  );
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Bare specifiers the bundle leaves for run time (npm packages and Node built-ins). */
function externals(code: string): string[] {
  const specs = [...code.matchAll(/(?:from\s*|import\s*\(\s*|require\(\s*)"([^"./][^"]*)"/g)].map(
    (m) => m[1]!,
  );
  return [...new Set(specs)].sort();
}

describe('scripts/build-electron.ts output', () => {
  it('writes an ES-module main and a CommonJS preload', () => {
    expect(read('main.js')).toMatch(/^import /m);
    const preload = read('preload.cjs');
    expect(preload).toMatch(/require\("electron"\)/);
    expect(preload).not.toMatch(/^import /m);
  });

  it('keeps the preload self-contained: a sandboxed preload may only require electron', () => {
    expect(externals(read('preload.cjs'))).toEqual(['electron']);
  });

  it('leaves only packages that resolve from node_modules (or are built in) to run time', () => {
    const require = createRequire(join(root, 'package.json'));
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const missing = externals(read('main.js')).filter((spec) => {
      if (spec === 'electron' || builtins.has(spec)) return false;
      try {
        require.resolve(spec);
        return false;
      } catch {
        return !existsSync(join(root, 'node_modules', spec, 'package.json'));
      }
    });
    expect(missing).toEqual([]);
  });

  it('has a built file beside main.js for every worker script it names', () => {
    const main = read('main.js');
    const named = [...main.matchAll(/"\.\/([\w.-]+\.js)"/g)].map((m) => m[1]!);
    expect(named.filter((w) => !existsSync(join(out, w)))).toEqual([]);
    // A worker started from a .ts path only exists under tsx; in the app it must pick its .js twin.
    const tsOnly = [...main.matchAll(/new URL\("\.\/([^"]+\.ts)", import\.meta\.url\)/g)].map((m) => m[1]!);
    expect(tsOnly, 'workers started from a .ts file (the packaged app has none)').toEqual([]);
  });
});
