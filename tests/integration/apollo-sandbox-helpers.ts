/** Talks to the sandbox's control endpoints over HTTP, as an outside test harness would. */
import type { FaultConfig, SandboxServer, SandboxStats } from '../../main/sandbox/server';
import type { PeopleSearchQuery } from '../../main/providers/types';

export const origin = (sandbox: SandboxServer) => sandbox.url.replace(/\/api\/v1$/, '');

export async function setFaults(sandbox: SandboxServer, faults: FaultConfig): Promise<void> {
  const res = await fetch(`${origin(sandbox)}/_sandbox/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
  if (!res.ok) throw new Error(`setting faults failed: ${res.status} ${await res.text()}`);
}

export async function resetStats(sandbox: SandboxServer): Promise<void> {
  const res = await fetch(`${origin(sandbox)}/_sandbox/stats/reset`, { method: 'POST' });
  if (!res.ok) throw new Error(`resetting stats failed: ${res.status}`);
}

export async function sandboxStats(sandbox: SandboxServer): Promise<SandboxStats> {
  const res = await fetch(`${origin(sandbox)}/_sandbox/stats`);
  return (await res.json()) as SandboxStats;
}

export const MANUFACTURING_HR: PeopleSearchQuery = {
  titles: ['VP Human Resources', 'CHRO', 'Head of People', 'HR Director'],
  includeSimilarTitles: true,
  organizationLocations: ['United States'],
  employeeRanges: ['200,10000'],
  industryKeywords: ['manufacturing'],
  page: 1,
  perPage: 25,
};

export const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
