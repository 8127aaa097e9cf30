import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread from a module next to the caller: the .ts file under tsx (dev, tests,
 * CLI), the compiled .js in a build. Node 20 ignores `--import tsx` in a worker's execArgv for
 * the worker's entry file, so a .ts worker starts from a tiny bootstrap that registers tsx's ESM
 * hooks and then imports it.
 */
export function spawnModuleWorker(entry: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, options);
  const require = createRequire(import.meta.url);
  const pkgJson = require.resolve('tsx/package.json');
  const { exports } = require(pkgJson) as { exports: Record<string, { import: { default: string } }> };
  const api = pathToFileURL(path.join(path.dirname(pkgJson), exports['./esm/api']!.import.default)).href;
  const bootstrap = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/** `./name.ts` beside a module running from source, `./name.js` beside a compiled one. */
export function siblingModule(base: string, name: string): URL {
  return new URL(`./${name}${base.endsWith('.ts') ? '.ts' : '.js'}`, base);
}
