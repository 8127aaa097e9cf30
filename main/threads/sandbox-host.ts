import type { FaultConfig } from '../sandbox/faults';
import type { HunterSandboxOptions } from '../sandbox/hunter/server';
import type { RateLimitConfig } from '../sandbox/limits';
import { siblingModule, spawnModuleWorker } from './module-worker';

export interface SandboxHandle {
  /** Apollo-style base URL, e.g. http://127.0.0.1:PORT/api/v1 */
  url: string;
  /** The server's origin, for its /_sandbox control endpoints. */
  origin: string;
  /** The sandbox Hunter's base URL (.../v2), same world and clock; its origin serves /_sandbox too. */
  hunterUrl: string;
  /** The signal providers' sandbox (Crunchbase, BuiltWith, News; its clock and truth), same world. */
  signalsOrigin: string;
  close(): Promise<void>;
}

export interface SandboxHostOptions {
  seed?: number;
  limits?: 'free' | 'paid' | 'off' | RateLimitConfig;
  /** The sandbox's clock runs this far ahead of the machine's (a function cannot cross threads). */
  clockOffsetMs?: number;
  /** The company extract (packaged apps keep it under their resources). */
  extractPath?: string;
  /** Injected transport faults (5xx, slow answers, malformed bodies, 429 storms), for drills. */
  faults?: FaultConfig;
  /** The sandbox Hunter's plan, windows and faults (default: the Growth plan, documented limits). */
  hunter?: SandboxHunterOptions;
}

export interface SandboxHunterOptions {
  plan?: HunterSandboxOptions['plan'];
  limits?: HunterSandboxOptions['limits'];
  faults?: HunterSandboxOptions['faults'];
}

/** Starts the sandbox server on a free loopback port in a worker thread. */
export function startSandboxThread(opts: SandboxHostOptions = {}): Promise<SandboxHandle> {
  const worker = spawnModuleWorker(siblingModule(import.meta.url, 'sandbox-thread'), {
    workerData: {
      seed: opts.seed ?? 42,
      limits: opts.limits ?? 'paid',
      port: 0,
      extractPath: opts.extractPath,
      faults: opts.faults,
      clockOffsetMs: opts.clockOffsetMs ?? 0,
      hunter: { plan: 'growth', limits: 'documented', ...opts.hunter },
    },
  });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (m: { url: string; hunterUrl: string; signalsUrl: string }) => {
      worker.off('error', reject);
      worker.unref();
      resolve({
        url: m.url,
        origin: new URL(m.url).origin,
        hunterUrl: m.hunterUrl,
        signalsOrigin: m.signalsUrl,
        close: async () => {
          worker.postMessage({ type: 'close' });
          await new Promise<void>((r) => {
            const t = setTimeout(() => void worker.terminate().then(() => r()), 2000);
            worker.once('exit', () => {
              clearTimeout(t);
              r();
            });
          });
        },
      });
    });
  });
}
