import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { cacheRoot } from './paths';
import type { IntelSettings } from './settings';

/** One way to start a Chroma server: a command whose args put it on our port and data dir. */
export interface ChromaLauncher {
  name: string;
  command: string;
  args: (dataDir: string, port: number) => string[];
  env?: Record<string, string>;
}

const runArgs = (dataDir: string, port: number) => [
  'run',
  '--path',
  dataDir,
  '--host',
  '127.0.0.1',
  '--port',
  String(port),
];

/** The chromadb npm package's own CLI (dist/cli.mjs), if installed. */
function npmCli(): string | null {
  try {
    let dir = path.dirname(createRequire(import.meta.url).resolve('chromadb'));
    while (dir !== path.dirname(dir)) {
      const pkgFile = path.join(dir, 'package.json');
      if (fs.existsSync(pkgFile)) {
        const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as {
          name?: string;
          bin?: Record<string, string>;
        };
        if (pkg.name === 'chromadb') return pkg.bin?.chroma ? path.join(dir, pkg.bin.chroma) : null;
      }
      dir = path.dirname(dir);
    }
  } catch {
    // not installed: fall through to the next launcher
  }
  return null;
}

/**
 * Linux only: the server gets SIGTERM when the engine dies, even by SIGKILL (which runs no exit
 * handler), so a crashed app never leaves a server holding the data folder. PR_SET_PDEATHSIG
 * survives exec, so the server keeps this pid and stop()/kill work unchanged; a server whose
 * engine is already gone exits at once.
 */
const DIE_WITH_PARENT = [
  'import ctypes, os, signal, sys',
  'try:',
  '    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)',
  'except Exception:',
  '    pass',
  'if os.getppid() != int(sys.argv[1]):',
  '    sys.exit(0)',
  'os.execv(sys.argv[2], sys.argv[2:])',
].join('\n');

/** Wraps a Python-installed `chroma` so it dies with us (see DIE_WITH_PARENT). */
function dieWithParent(name: string, bin: string): ChromaLauncher {
  const python = path.join(path.dirname(bin), 'python');
  if (process.platform !== 'linux' || !fs.existsSync(python)) return { name, command: bin, args: runArgs };
  return {
    name,
    command: python,
    args: (dataDir, port) => ['-c', DIE_WITH_PARENT, String(process.pid), bin, ...runArgs(dataDir, port)],
  };
}

/** The venv that scripts/provision-chroma.sh builds (in LEAD_STUDIO_CACHE, like this cacheDir). */
export function defaultVenvChroma(cacheDir?: string): string {
  return path.join(cacheRoot(cacheDir), 'chroma-venv', 'bin', 'chroma');
}

/**
 * In the order tried. The npm package's CLI needs a native binding built against glibc >= 2.39
 * (it fails at load on Debian 12), so PyPI's `chroma` from a venv is the fallback;
 * `chromaBin` (LEAD_STUDIO_CHROMA_BIN at the entry points) replaces that venv path (e.g. a packaged server).
 */
export function chromaLaunchers(o: Pick<IntelSettings, 'cacheDir' | 'chromaBin'> = {}): ChromaLauncher[] {
  const out: ChromaLauncher[] = [];
  const cli = npmCli();
  if (cli) {
    // process.execPath is node here, Electron in the app: ELECTRON_RUN_AS_NODE makes it behave as node.
    out.push({
      name: 'npm chromadb CLI',
      command: process.execPath,
      args: (dataDir, port) => [cli, ...runArgs(dataDir, port)],
      env: { ELECTRON_RUN_AS_NODE: '1' },
    });
  }
  const override = o.chromaBin?.trim();
  out.push(
    dieWithParent(
      override ? 'LEAD_STUDIO_CHROMA_BIN' : 'chroma venv',
      override || defaultVenvChroma(o.cacheDir),
    ),
  );
  return out;
}
