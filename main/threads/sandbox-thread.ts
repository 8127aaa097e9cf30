/**
 * Runs the sandbox Apollo server and the sandbox Hunter in their own thread, so generating the world
 * and answering searches never stalls the engine's event loop (the UI's progress stream lives
 * there). Both serve one world (getWorld caches it per seed) on one clock.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startHunterSandbox, type HunterSandboxOptions } from '../sandbox/hunter/server';
import { startSandboxServer, type SandboxOptions } from '../sandbox/server';

const {
  clockOffsetMs = 0,
  hunter: hunterOptions,
  ...options
} = workerData as SandboxOptions & { clockOffsetMs?: number; hunter?: HunterSandboxOptions };
const clock = clockOffsetMs ? { clock: () => Date.now() + clockOffsetMs } : {};
const server = await startSandboxServer({ ...options, ...clock });
const hunter = await startHunterSandbox({
  seed: options.seed,
  extractPath: options.extractPath,
  ...hunterOptions,
  ...clock,
});
parentPort!.postMessage({ url: server.url, hunterUrl: hunter.url });
parentPort!.on('message', async (m: { type: string }) => {
  if (m.type === 'close') {
    await Promise.all([server.close(), hunter.close()]);
    process.exit(0);
  }
});
