/** Shared by the browser E2E and the table benchmark: build the renderer, start a host, launch Chromium. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RENDERER_OUT = join(REPO, 'dist', 'renderer');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** `npm test` builds first (scripts/test.sh); a direct vitest run rebuilds only when renderer/ is newer. */
export function ensureRendererBuilt(): void {
  const index = join(RENDERER_OUT, 'index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sources = Math.max(
    newestMtime(join(REPO, 'renderer')),
    statSync(join(REPO, 'vite.config.ts')).mtimeMs,
  );
  if (built >= sources) return;
  const r = spawnSync(join(REPO, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], {
    cwd: REPO,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
}

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-quic',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

export interface RunningHost {
  url: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** Starts `main/host/dev.ts` (the real engine) as its own process and waits for its URL line. */
export async function startRealDevHost(
  dataDir: string,
  extraArgs: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<RunningHost> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'main/host/dev.ts', '--data', dataDir, '--port', '0', ...extraArgs],
    { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
  );
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`dev host did not start in 120s:\n${log}`)), 120_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Lead Studio dev host: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`dev host exited with ${code}:\n${log}`));
    });
  });
  return {
    url,
    child,
    output: () => log,
    stop: () =>
      new Promise<void>((ok) => {
        if (child.exitCode !== null) return ok();
        const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(force);
          ok();
        });
        child.kill('SIGTERM');
      }),
  };
}
