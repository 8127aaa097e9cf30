import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const keytarPath = createRequire(import.meta.url).resolve('keytar');

export const HOW_TO_RUN =
  'These tests need a real, unlocked Secret Service. Run them through the keyring wrapper:\n' +
  '  bash scripts/with-keyring.sh npx vitest run tests/secrets\n' +
  '(needs the Debian packages dbus and gnome-keyring: sudo apt-get install -y dbus gnome-keyring)';

/** Another OS process talking to the keychain through keytar directly, not through our code. */
export async function keytarInOtherProcess(
  op: 'get' | 'set',
  service: string,
  account: string,
  value = '',
): Promise<string | null> {
  const script = `
    const k = require(${JSON.stringify(keytarPath)});
    const [op, service, account, value] = process.argv.slice(1);
    (op === 'get' ? k.getPassword(service, account) : k.setPassword(service, account, value).then(() => 'stored'))
      .then((v) => process.stdout.write(JSON.stringify(v)))
      .catch((e) => { process.stderr.write(String(e && e.message)); process.exit(1); });`;
  const { stdout } = await run(process.execPath, ['-e', script, op, service, account, value]);
  return JSON.parse(stdout) as string | null;
}

export interface ChildResult {
  ok: boolean;
  present?: boolean;
  code?: string;
  message?: string;
}

/** Runs createKeychain(service).has('apollo') in a child process with the given environment. */
export async function keychainInChild(
  service: string,
  env: NodeJS.ProcessEnv,
  wrap: string[] = [],
): Promise<ChildResult> {
  const child = [process.execPath, '--import', 'tsx', 'tests/secrets/fixtures/keychain-child.ts', service];
  const [cmd, ...args] = [...wrap, ...child] as [string, ...string[]];
  const { stdout } = await run(cmd, args, { cwd: root, env });
  const last = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as ChildResult;
}
