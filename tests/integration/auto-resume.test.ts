import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIcpText } from '../../main/domain/icp-io';
import { createEngine, engineDatabase } from '../../main/engine';
import { createCampaign, getCampaign, setCampaignStatus } from '../../main/store';

/**
 * A campaign a 24-hour window paused goes on by itself when the window turns — also when the engine
 * that paused it is gone and a new one starts on the same data (the time is in SQLite).
 */
const parsed = parseIcpText(readFileSync('tests/fixtures/small-manufacturing.yaml', 'utf8'), 'yaml');
if (!parsed.ok) throw new Error('fixture');
const icp = { ...parsed.icp, tiers: { ...parsed.icp.tiers, T1: { ...parsed.icp.tiers.T1, target: 2 } } };
icp.tiers.T2 = { ...icp.tiers.T2, target: 0 };
icp.tiers.T3 = { ...icp.tiers.T3, target: 0 };
const options = (dataDir: string) =>
  ({ dataDir, forceSandbox: true, sandboxSeed: 7, sandboxLimits: 'off', vectorStore: false }) as const;

describe('resume when the window turns', () => {
  it('a restarted engine resumes a rate-paused campaign at its resumeAt, by itself', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ls-auto-resume-'));
    const first = await createEngine({ ...options(dataDir), autoResume: false });
    const db = engineDatabase(first);
    const campaignId = createCampaign(db, {
      icp,
      budget: null,
      sandbox: true,
      sandboxSeed: 7,
      estimate: null,
    });
    const resumeAt = new Date(Date.now() + 3000).toISOString();
    // As a runner leaves it when a 24-hour window is used up: it ran, then paused until the window turns.
    setCampaignStatus(db, campaignId, 'running');
    setCampaignStatus(db, campaignId, 'paused', 'window used up', { reason: 'rate-limit', resumeAt });
    await first.close();

    const second = await createEngine(options(dataDir));
    try {
      const statuses: string[] = [];
      let firstProgressAt: number | null = null;
      const done = new Promise<void>((resolve) =>
        second.on('campaign/progress', (p) => {
          firstProgressAt ??= Date.now();
          statuses.push(p.status);
          if (p.campaignId === campaignId && p.status === 'completed') resolve();
        }),
      );
      // Before its time it waits, paused.
      await new Promise((r) => setTimeout(r, 1000));
      expect(getCampaign(engineDatabase(second), campaignId)).toMatchObject({
        status: 'paused',
        pauseReason: 'rate-limit',
      });
      expect(statuses).toEqual([]);
      await done;
      const c = getCampaign(engineDatabase(second), campaignId)!;
      expect(c).toMatchObject({ status: 'completed', pauseReason: null, resumeAt: null });
      // It went on at its time, not before (started_at keeps the first start, so the events tell).
      expect(firstProgressAt!).toBeGreaterThanOrEqual(Date.parse(resumeAt));
    } finally {
      await second.close();
    }
  }, 300_000);
});
