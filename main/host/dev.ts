/**
 * Browser entry to the real engine: `tsx main/host/dev.ts --data <dir> [--port 5174]`, then open the
 * printed URL. Serves the built renderer (npx vite build → dist/renderer) and the contract over /rpc.
 * Prints exactly one line `Lead Studio dev host: <url>` on stdout once listening (tests wait for it).
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createEngine, engineEnv, parseSandboxLimits, type SandboxLimits } from '../engine';
import type { SecretStore } from '../secrets/keychain';
import { startDevHost } from './ws-host';

const USAGE = `Usage: tsx main/host/dev.ts [--data <dir>] [--port 5174] [--static dist/renderer]
       [--sandbox] [--no-keychain] [--sandbox-seed N] [--sandbox-limits free|paid|off]
  --data          data folder (SQLite, exports); default $LEAD_STUDIO_DATA or .data
  --port          0 picks a free port
  --sandbox       always use the sandbox, even when an Apollo key is stored
  --no-keychain   do not touch the OS keychain (keys cannot be saved; sandbox only)`;

function fail(message: string): never {
  process.stderr.write(`error: ${message}\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      port: { type: 'string', default: '5174' },
      static: { type: 'string' },
      sandbox: { type: 'boolean', default: false },
      'no-keychain': { type: 'boolean', default: false },
      'sandbox-seed': { type: 'string' },
      'sandbox-limits': { type: 'string', default: 'paid' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`--port must be 0–65535 (got "${values.port}")`);
  const parsed = parseSandboxLimits(String(values['sandbox-limits']));
  if (typeof parsed === 'object' && 'error' in parsed) fail(parsed.error);
  const limits: SandboxLimits = parsed;
  const seed = values['sandbox-seed'] === undefined ? undefined : Number(values['sandbox-seed']);
  if (seed !== undefined && !Number.isInteger(seed)) fail(`--sandbox-seed must be a whole number`);

  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const dataDir = resolve(values.data ?? process.env.LEAD_STUDIO_DATA ?? '.data');
  const staticDir = resolve(values.static ?? resolve(repo, 'dist', 'renderer'));

  let secrets: SecretStore | undefined;
  if (!values['no-keychain']) {
    try {
      const { createKeychain } = await import('../secrets/keychain');
      const keychain = createKeychain();
      await keychain.get('apollo');
      secrets = keychain;
    } catch (err) {
      process.stderr.write(`warning: no OS keychain (${(err as Error).message}); running sandbox-only\n`);
    }
  }

  const engine = await createEngine({
    dataDir,
    secrets,
    sandboxSeed: seed,
    sandboxLimits: limits,
    forceSandbox: values.sandbox,
    ...engineEnv(),
  });
  const host = await startDevHost({ engine, port, staticDir });
  process.stdout.write(`Lead Studio dev host: ${host.url}\n`);

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await host.close();
    await engine.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((err: unknown) => {
  process.stderr.write(`error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
