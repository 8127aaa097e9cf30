import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignProgress } from '../../main/contract';
import { loadIcpFile } from '../../main/domain/icp-io';
import { createEngine } from '../../main/engine';

describe('engine event stream', () => {
  it('streams at most 10 progress snapshots a second per campaign, ending on the final state', async () => {
    const r = await loadIcpFile('tests/fixtures/small-manufacturing.yaml');
    if (!r.ok) throw new Error('fixture');
    const engine = await createEngine({
      dataDir: mkdtempSync(join(tmpdir(), 'ls-events-')),
      forceSandbox: true,
      sandboxSeed: 3,
      sandboxLimits: 'off',
      semanticFilter: false,
    });
    const seen: { at: number; p: CampaignProgress }[] = [];
    const activity: string[] = [];
    engine.on('campaign/progress', (p) => seen.push({ at: Date.now(), p }));
    engine.on('campaign/activity', (a) => activity.push(a.message));
    try {
      const { campaignId } = await engine.handlers['campaign/start']({ icp: r.icp });
      await engine.handlers['campaign/wait']({ campaignId });
      expect(seen.length).toBeGreaterThan(3);
      for (let i = 0; i < seen.length; i++) {
        const inWindow = seen.filter((s) => s.at >= seen[i]!.at && s.at < seen[i]!.at + 1000).length;
        expect(inWindow).toBeLessThanOrEqual(10);
      }
      const last = seen[seen.length - 1]!.p;
      expect(last).toMatchObject({ campaignId, status: 'completed', stage: 'done' });
      expect(last.tiers.T1.saved + last.tiers.T2.saved + last.tiers.T3.saved).toBe(75);
      expect(activity.some((m) => /built-in sandbox/.test(m))).toBe(true);
      // What the UI shows after a restart: the same snapshot, from SQLite.
      const detail = await engine.handlers['campaign/get']({ campaignId });
      expect(detail.progress).toMatchObject({ status: 'completed', stage: 'done' });
    } finally {
      await engine.close();
    }
  });
});

describe('pause, resume and cancel', () => {
  it('pauses after the current step, resumes to completion, and cancels', async () => {
    const r = await loadIcpFile('tests/fixtures/small-manufacturing.yaml');
    if (!r.ok) throw new Error('fixture');
    const engine = await createEngine({
      dataDir: mkdtempSync(join(tmpdir(), 'ls-pause-')),
      forceSandbox: true,
      sandboxSeed: 4,
      sandboxLimits: 'off',
      semanticFilter: false,
    });
    try {
      const { campaignId } = await engine.handlers['campaign/start']({ icp: r.icp });
      await new Promise<void>((resolve) => {
        const off = engine.on('campaign/progress', (p) => {
          if (p.tiers.T1.saved > 0) {
            off();
            resolve();
          }
        });
      });
      await engine.handlers['campaign/pause']({ campaignId });
      const paused = await engine.handlers['campaign/get']({ campaignId });
      expect(paused.status).toBe('paused');
      const savedAtPause = paused.saved.T1 + paused.saved.T2 + paused.saved.T3;
      expect(savedAtPause).toBeLessThan(75);
      const lines = await engine.handlers['campaign/activity']({ campaignId });
      expect(lines.some((l) => /Campaign paused/.test(l.message))).toBe(true);

      await engine.handlers['campaign/resume']({ campaignId });
      expect(await engine.handlers['campaign/wait']({ campaignId })).toBe('completed');
      const done = await engine.handlers['campaign/get']({ campaignId });
      expect(done.saved).toEqual({ T1: 30, T2: 30, T3: 15 });

      const second = await engine.handlers['campaign/start']({ icp: { ...r.icp, name: 'to cancel' } });
      await engine.handlers['campaign/cancel']({ campaignId: second.campaignId });
      expect((await engine.handlers['campaign/get']({ campaignId: second.campaignId })).status).toBe(
        'cancelled',
      );
      // A finished campaign is not resumed, and says so with a typed error; cancelling it again neither.
      await expect(
        engine.handlers['campaign/resume']({ campaignId: second.campaignId }),
      ).rejects.toMatchObject({ code: 'CAMPAIGN_FINISHED' });
      await expect(
        engine.handlers['campaign/cancel']({ campaignId: second.campaignId }),
      ).rejects.toMatchObject({
        code: 'CAMPAIGN_FINISHED',
        message: `Campaign ${second.campaignId} is already cancelled.`,
      });
      expect((await engine.handlers['campaign/get']({ campaignId: second.campaignId })).status).toBe(
        'cancelled',
      );
    } finally {
      await engine.close();
    }
  });
});
