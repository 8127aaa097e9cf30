/**
 * Bundles the Electron shell: dist/electron/main.js (ESM, with the engine inlined) plus the worker entry
 * files the engine starts beside it, and dist/electron/preload.cjs (CommonJS: sandboxed preloads cannot
 * be ES modules, and may only require 'electron', so the preload is bundled whole).
 * npm packages stay external: they ship in node_modules, and native ones are rebuilt for Electron.
 *   npx tsx scripts/build-electron.ts [--outdir <dir>]   (default dist/electron)
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const flag = process.argv.indexOf('--outdir');
const outdir =
  flag > 0 && process.argv[flag + 1] ? resolve(process.argv[flag + 1]!) : join(root, 'dist', 'electron');

// Workers the engine starts with `new URL('./<name>.js', import.meta.url)`; inside the bundle that URL
// is dist/electron/, so each is built there under the name it is looked up by.
const WORKERS: Record<string, string> = {
  'embedder.worker': 'main/intel/embedder.worker.ts',
  'sandbox-thread': 'main/sandbox-thread.ts',
};

const common: BuildOptions = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

async function main(): Promise<void> {
  await rm(outdir, { recursive: true, force: true });
  const workers = Object.fromEntries(
    Object.entries(WORKERS).filter(([, src]) => existsSync(join(root, src))),
  );
  await Promise.all([
    build({
      ...common,
      entryPoints: { main: 'electron/main.ts', ...workers },
      outdir,
      format: 'esm',
      outExtension: { '.js': '.js' },
      packages: 'external',
      external: ['electron'],
    }),
    build({
      ...common,
      entryPoints: { preload: 'electron/preload.ts' },
      outdir,
      format: 'cjs',
      outExtension: { '.js': '.cjs' },
      external: ['electron'],
    }),
  ]);
  console.log(
    `built ${outdir}: main.js, preload.cjs, ${Object.keys(workers)
      .map((w) => `${w}.js`)
      .join(', ')}`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
