/**
 * Runs the sandbox Apollo server in its own thread, so generating the world and answering
 * searches never stalls the engine's event loop (the UI's progress stream lives there).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startSandboxServer, type SandboxOptions } from '../sandbox/server';

const { clockOffsetMs = 0, ...options } = workerData as SandboxOptions & { clockOffsetMs?: number };
const server = await startSandboxServer(
  clockOffsetMs ? { ...options, clock: () => Date.now() + clockOffsetMs } : options,
);
parentPort!.postMessage({ url: server.url });
parentPort!.on('message', async (m: { type: string }) => {
  if (m.type === 'close') {
    await server.close();
    process.exit(0);
  }
});
