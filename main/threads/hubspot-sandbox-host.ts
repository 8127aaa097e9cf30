import type { HubSpotFaults } from '../sandbox/hubspot/server';
import { siblingModule, spawnModuleWorker } from './module-worker';

export interface HubSpotSandboxHandle {
  /** Base URL of the HubSpot-speaking server (the client appends /crm/v3/…). */
  url: string;
  /** Writes what the sandbox CRM holds to its state file now. */
  save(): Promise<void>;
  close(): Promise<void>;
}

export interface HubSpotSandboxHostOptions {
  seed?: number;
  extractPath?: string;
  limits?: 'free' | 'professional' | 'off';
  faults?: HubSpotFaults;
  /** Where the sandbox CRM is kept between runs (none: it starts afresh each time). */
  statePath?: string;
  clockOffsetMs?: number;
}

/** Starts the sandbox HubSpot on a free loopback port in a worker thread. */
export function startHubSpotSandboxThread(opts: HubSpotSandboxHostOptions): Promise<HubSpotSandboxHandle> {
  const worker = spawnModuleWorker(siblingModule(import.meta.url, 'hubspot-sandbox-thread'), {
    workerData: { port: 0, limits: 'free', ...opts },
  });
  let nextId = 1;
  const waiting = new Map<number, () => void>();
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (m: { type: string; url?: string; id?: number }) => {
      if (m.type === 'saved') {
        waiting.get(m.id!)?.();
        waiting.delete(m.id!);
        if (!waiting.size) worker.unref();
        return;
      }
      if (m.type !== 'ready') return;
      worker.off('error', reject);
      worker.unref();
      resolve({
        url: m.url!,
        save: () =>
          new Promise<void>((done) => {
            const id = nextId++;
            waiting.set(id, done);
            worker.ref(); // an unref'd worker's answer would not keep the process alive to hear it
            worker.postMessage({ type: 'save', id });
          }),
        close: async () => {
          worker.postMessage({ type: 'close' });
          await new Promise<void>((r) => {
            const t = setTimeout(() => void worker.terminate().then(() => r()), 5000);
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
