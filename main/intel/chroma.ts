import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { ChromaClient } from 'chromadb';
import { AppError } from '../shared/errors';
import { chromaLaunchers, type ChromaLauncher } from './chroma-launchers';
import type { IntelSettings } from './settings';

export interface StartChromaOptions extends Pick<IntelSettings, 'cacheDir' | 'chromaBin'> {
  /** Where the server keeps its data (created if missing). */
  dataDir: string;
  /** An already running server (CHROMA_URL at the entry points): used as is, nothing is spawned. */
  url?: string;
  /** Server output and supervisor decisions, one line each. */
  log?: (line: string) => void;
  /** Restarts allowed within RESTART_WINDOW_MS before the supervisor gives up (default 3). */
  maxRestarts?: number;
  /** How long one start may take to answer its heartbeat (default 60 s: a cold Python start on a busy machine). */
  startTimeoutMs?: number;
}

export interface ChromaHandle {
  url: string;
  client: ChromaClient;
  /** False when connected to an external server (CHROMA_URL). */
  readonly managed: boolean;
  /** The server process now running (null when external or between restarts). */
  readonly pid: number | null;
  readonly restarts: number;
  /** Resolves once the server answers its heartbeat (e.g. after a restart); rejects when it gave up. */
  ready(): Promise<void>;
  stop(): Promise<void>;
}

const RESTART_WINDOW_MS = 10 * 60_000;
const WATCH_INTERVAL_MS = 5_000;
const WATCH_FAILURES_BEFORE_KILL = 3;
const FIX =
  'run `bash scripts/provision-chroma.sh` (builds the Chroma venv), or set CHROMA_URL to a running server';

export async function heartbeat(url: string, timeoutMs = 2_000): Promise<boolean> {
  try {
    const res = await fetch(`${url}/api/v2/heartbeat`, { signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel();
    return res.ok;
  } catch {
    return false;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** The telling lines of a failed start (errors first), not a stack trace's tail. */
function gist(lines: string[]): string {
  const errors = lines.filter((l) => /error|glibc|not found|denied|in use/i.test(l) && !/^at /.test(l));
  return (errors.length ? errors.slice(0, 3) : lines.slice(-3)).join(' | ');
}

function clientFor(url: string): ChromaClient {
  const u = new URL(url);
  const ssl = u.protocol === 'https:';
  return new ChromaClient({ host: u.hostname, port: Number(u.port || (ssl ? 443 : 80)), ssl });
}

export async function startChroma(opts: StartChromaOptions): Promise<ChromaHandle> {
  const external = opts.url?.trim();
  if (external) return connectExternal(external.replace(/\/+$/, ''));
  return startManaged(opts);
}

async function connectExternal(url: string): Promise<ChromaHandle> {
  if (!(await heartbeat(url, 5_000))) {
    throw new AppError(
      'CHROMA_UNAVAILABLE',
      `No Chroma server answers at ${url} (from CHROMA_URL or the url option). Start it or unset CHROMA_URL.`,
    );
  }
  return {
    url,
    client: clientFor(url),
    managed: false,
    pid: null,
    restarts: 0,
    ready: async () => {
      if (!(await heartbeat(url)))
        throw new AppError('CHROMA_UNAVAILABLE', `Chroma at ${url} stopped answering`);
    },
    stop: async () => {},
  };
}

interface Started {
  child: ChildProcess;
  launcher: ChromaLauncher;
}

/** Spawns one launcher and waits for its heartbeat; rejects (with its output tail) if it exits or times out. */
function launch(
  launcher: ChromaLauncher,
  dataDir: string,
  port: number,
  opts: StartChromaOptions,
): Promise<Started> {
  const url = `http://127.0.0.1:${port}`;
  const timeoutMs = opts.startTimeoutMs ?? 60_000;
  return new Promise((resolve, reject) => {
    const tail: string[] = [];
    let child: ChildProcess;
    try {
      child = spawn(launcher.command, launcher.args(dataDir, port), {
        stdio: ['ignore', 'pipe', 'pipe'],
        // The server inherits this process's environment (PATH, HOME, locale): not a setting read here.
        // eslint-disable-next-line no-restricted-properties
        env: { ...process.env, ANONYMIZED_TELEMETRY: 'False', ...launcher.env },
      });
    } catch (err) {
      reject(new Error(`${launcher.name}: ${(err as Error).message}`));
      return;
    }
    const onLine = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        const text = line.replace(/\x1b\[[0-9;]*m/g, '').trim(); // eslint-disable-line no-control-regex
        if (!text) continue;
        tail.push(text);
        if (tail.length > 20) tail.shift();
        opts.log?.(`chroma: ${text}`);
      }
    };
    child.stdout?.on('data', onLine);
    child.stderr?.on('data', onLine);
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearInterval(poll);
      child.kill('SIGKILL');
      reject(
        new Error(
          `${launcher.name} (${launcher.command}): ${why}${tail.length ? `; output: ${gist(tail)}` : ''}`,
        ),
      );
    };
    child.once('error', (err) => fail(err.message));
    child.once('exit', (code, signal) => fail(`exited (${signal ?? `code ${code}`}) before answering`));
    const started = Date.now();
    const poll = setInterval(async () => {
      if (settled) return;
      if (await heartbeat(url, 1_000)) {
        if (settled) return;
        settled = true;
        clearInterval(poll);
        child.removeAllListeners('exit');
        child.removeAllListeners('error');
        resolve({ child, launcher });
      } else if (Date.now() - started > timeoutMs) {
        fail(`no heartbeat on ${url} within ${timeoutMs} ms`);
      }
    }, 250);
  });
}

/** A managed server's state, which the supervisor's top-level functions share. */
interface Managed {
  opts: StartChromaOptions;
  url: string;
  port: number;
  /** The launcher that started first: restarts use it again. */
  launcher: ChromaLauncher;
  log: (line: string) => void;
  maxRestarts: number;
  current: Started | null;
  stopping: boolean;
  restartTimes: number[];
  restarts: number;
  readyPromise: Promise<void>;
  watchFailures: number;
  watch: NodeJS.Timeout | null;
  killOnExit: () => void;
}

async function startManaged(opts: StartChromaOptions): Promise<ChromaHandle> {
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = opts.log ?? (() => {});
  const first = await firstLaunch(opts, port, log);
  log(`chroma supervisor: ${first.launcher.name} serving ${opts.dataDir} on ${url} (pid ${first.child.pid})`);
  const m: Managed = {
    opts,
    url,
    port,
    launcher: first.launcher,
    log,
    maxRestarts: opts.maxRestarts ?? 3,
    current: first,
    stopping: false,
    restartTimes: [],
    restarts: 0,
    readyPromise: Promise.resolve(),
    watchFailures: 0,
    watch: null,
    killOnExit: () => m.current?.child.kill('SIGTERM'),
  };
  process.once('exit', m.killOnExit);
  supervise(m, first.child);
  m.watch = watchHeartbeat(m);
  return managedHandle(m);
}

/** The first launcher that starts, in chromaLaunchers() order; CHROMA_UNAVAILABLE naming each failure. */
async function firstLaunch(opts: StartChromaOptions, port: number, log: (line: string) => void) {
  const failures: string[] = [];
  for (const launcher of chromaLaunchers(opts)) {
    try {
      return await launch(launcher, opts.dataDir, port, opts);
    } catch (err) {
      failures.push((err as Error).message);
      log(`chroma supervisor: ${launcher.name} did not start, trying the next way`);
    }
  }
  throw new AppError(
    'CHROMA_UNAVAILABLE',
    `Could not start a Chroma server. Tried: ${failures.join(' || ')}. Fix: ${FIX}.`,
  );
}

/** Restarts the same launcher on the same port and data dir when the server exits, so the client and data carry on. */
function supervise(m: Managed, child: ChildProcess): void {
  child.on('error', (err) => m.log(`chroma supervisor: ${err.message}`)); // e.g. a failed kill(); exit handles the rest
  child.once('exit', (code, signal) => {
    if (m.stopping || m.current?.child !== child) return;
    m.current = null;
    m.log(`chroma supervisor: server exited (${signal ?? `code ${code}`})`);
    m.readyPromise = restart(m);
    m.readyPromise.catch(() => {}); // surfaced through ready()
  });
}

/** Launches again with a growing back-off, until it answers, it was stopped, or it died too often. */
async function restart(m: Managed): Promise<void> {
  for (;;) {
    const now = Date.now();
    m.restartTimes = m.restartTimes.filter((t) => now - t < RESTART_WINDOW_MS);
    if (m.restartTimes.length >= m.maxRestarts) {
      throw new AppError(
        'CHROMA_UNAVAILABLE',
        `Chroma keeps dying (${m.restartTimes.length} restarts in ${RESTART_WINDOW_MS / 60_000} min); gave up. See its log lines above.`,
      );
    }
    m.restartTimes.push(now);
    await new Promise((r) => setTimeout(r, 250 * 2 ** (m.restartTimes.length - 1)));
    if (m.stopping) throw new AppError('CHROMA_STOPPED', 'Chroma was stopped');
    try {
      const started = await launch(m.launcher, m.opts.dataDir, m.port, m.opts);
      if (m.stopping) {
        started.child.kill('SIGTERM');
        throw new AppError('CHROMA_STOPPED', 'Chroma was stopped');
      }
      m.current = started;
      m.restarts++;
      supervise(m, started.child);
      m.log(`chroma supervisor: restarted (pid ${started.child.pid})`);
      return;
    } catch (err) {
      if (err instanceof AppError) throw err;
      m.log(`chroma supervisor: restart failed: ${(err as Error).message}`);
    }
  }
}

/** A server can hang without exiting: after a few missed heartbeats, kill it and let supervise() restart it. */
function watchHeartbeat(m: Managed): NodeJS.Timeout {
  const watch = setInterval(async () => {
    const child = m.current?.child;
    if (!child || m.stopping) return;
    if (await heartbeat(m.url)) {
      m.watchFailures = 0;
    } else if (++m.watchFailures >= WATCH_FAILURES_BEFORE_KILL && m.current?.child === child) {
      m.log('chroma supervisor: server stopped answering, killing it');
      m.watchFailures = 0;
      child.kill('SIGKILL');
    }
  }, WATCH_INTERVAL_MS);
  watch.unref();
  return watch;
}

function managedHandle(m: Managed): ChromaHandle {
  return {
    url: m.url,
    client: clientFor(m.url),
    managed: true,
    get pid() {
      return m.current?.child.pid ?? null;
    },
    get restarts() {
      return m.restarts;
    },
    ready: () => m.readyPromise,
    stop: () => stopManaged(m),
  };
}

/** SIGTERM, then SIGKILL after 5 s; resolves once the server has exited. */
async function stopManaged(m: Managed): Promise<void> {
  if (m.stopping) return;
  m.stopping = true;
  if (m.watch) clearInterval(m.watch);
  process.off('exit', m.killOnExit);
  const child = m.current?.child;
  m.current = null;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
