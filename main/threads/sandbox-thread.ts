/**
 * Runs the sandbox Apollo server and the sandbox Hunter in their own thread, so generating the world
 * and answering searches never stalls the engine's event loop (the UI's progress stream lives
 * there). Both serve one world (getWorld caches it per seed) on one clock.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startHunterSandbox, type HunterSandboxOptions } from '../sandbox/hunter/server';
import { startSandboxServer, type SandboxOptions } from '../sandbox/server';
import { startSignalsSandbox } from '../sandbox/signals/server';
import { apolloTimeline } from '../sandbox/signals/timeline';

const {
  clockOffsetMs = 0,
  hunter: hunterOptions,
  ...options
} = workerData as SandboxOptions & { clockOffsetMs?: number; hunter?: HunterSandboxOptions };
const clock = clockOffsetMs ? () => Date.now() + clockOffsetMs : undefined;
// Apollo's open jobs and new leaders' start dates come from the signal timeline on the signal
// sandbox's day, so hiring and leadership agree with its truth.
let signalDay = () => 0;
const timeline = apolloTimeline(() => signalDay());
const server = await startSandboxServer({ ...options, ...(clock ? { clock } : {}), ...timeline });
const hunter = await startHunterSandbox({
  seed: options.seed,
  extractPath: options.extractPath,
  ...hunterOptions,
  ...(clock ? { clock } : {}),
});
// The buying-signal providers' sandbox (Crunchbase, BuiltWith, News) on the same world (issue 13).
const signals = await startSignalsSandbox({ world: server.world, seed: options.seed, clock });
signalDay = () => signals.day();
parentPort!.postMessage({ url: server.url, hunterUrl: hunter.url, signalsUrl: signals.url });
parentPort!.on('message', async (m: { type: string }) => {
  if (m.type === 'close') {
    await Promise.all([server.close(), hunter.close(), signals.close()]);
    process.exit(0);
  }
});
