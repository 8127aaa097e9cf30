/**
 * Runs the sandbox HubSpot in its own thread (like the Apollo sandbox), so building its world and
 * answering batches never stalls the engine's event loop. What the sandbox CRM holds is kept in a
 * file between runs — a real CRM does not forget last week's push — so a second `crm push` meets
 * the records the first one made.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { CrmSnapshot } from '../sandbox/hubspot/crm';
import { startHubSpotSandbox, type HubSpotSandboxOptions } from '../sandbox/hubspot/server';

const {
  statePath,
  clockOffsetMs = 0,
  ...options
} = workerData as HubSpotSandboxOptions & { statePath?: string; clockOffsetMs?: number };

const saved: CrmSnapshot | null =
  statePath && existsSync(statePath) ? (JSON.parse(readFileSync(statePath, 'utf8')) as CrmSnapshot) : null;
const server = await startHubSpotSandbox({
  ...options,
  ...(saved ? { preexisting: false } : {}),
  ...(clockOffsetMs ? { clock: () => Date.now() + clockOffsetMs } : {}),
});
if (saved) server.crm.restore(saved);

function save(): void {
  if (!statePath) return;
  mkdirSync(dirname(statePath), { recursive: true });
  const tmp = `${statePath}.tmp`;
  writeFileSync(tmp, JSON.stringify(server.crm.snapshot()));
  renameSync(tmp, statePath);
}

parentPort!.postMessage({ type: 'ready', url: server.url });
parentPort!.on('message', async (m: { type: string; id?: number; faults?: unknown }) => {
  if (m.type === 'save') {
    save();
    parentPort!.postMessage({ type: 'saved', id: m.id });
  } else if (m.type === 'close') {
    save();
    await server.close();
    process.exit(0);
  }
});
