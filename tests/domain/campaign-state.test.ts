import { describe, expect, it } from 'vitest';
import {
  CAMPAIGN_TRANSITIONS,
  canResume,
  canTransition,
  isFinished,
  transitionError,
} from '../../main/domain/campaign-state';
import { CAMPAIGN_STATUSES } from '../../main/shared/shapes';
import {
  createCampaign,
  getCampaign,
  interruptOrphans,
  saveProgress,
  setCampaignStatus,
} from '../../main/store';
import type { CampaignProgress } from '../../main/shared/shapes';
import { sampleIcp, tempDb } from '../store/fixtures';

describe('campaign state: the transition table', () => {
  it('covers every status, and only finished campaigns have no way out', () => {
    expect(Object.keys(CAMPAIGN_TRANSITIONS).sort()).toEqual([...CAMPAIGN_STATUSES].sort());
    expect(CAMPAIGN_STATUSES.filter(isFinished)).toEqual(['completed', 'cancelled']);
  });

  it('resumes draft, paused, interrupted and failed campaigns; cancels anything not finished', () => {
    expect(CAMPAIGN_STATUSES.filter(canResume)).toEqual(['draft', 'paused', 'interrupted', 'failed']);
    expect(CAMPAIGN_STATUSES.filter((s) => canTransition(s, 'cancelled'))).toEqual([
      'draft',
      'running',
      'paused',
      'interrupted',
      'failed',
    ]);
    // Only a running campaign can be interrupted, and nothing starts twice.
    expect(CAMPAIGN_STATUSES.filter((s) => canTransition(s, 'interrupted'))).toEqual(['running']);
    expect(canTransition('running', 'running')).toBe(false);
  });

  it('names the reason in a typed error', () => {
    expect(transitionError(3, 'completed', 'cancelled')).toMatchObject({
      code: 'CAMPAIGN_FINISHED',
      message: 'Campaign 3 is already completed.',
    });
    expect(transitionError(3, 'running', 'running')).toMatchObject({ code: 'INVALID_TRANSITION' });
  });
});

describe('campaign state in the store', () => {
  const fresh = () => {
    const { db } = tempDb();
    const id = createCampaign(db, {
      icp: sampleIcp(),
      budget: null,
      sandbox: true,
      sandboxSeed: 1,
      estimate: null,
    });
    return { db, id };
  };

  it('applies only allowed transitions, atomically against the current status', () => {
    const { db, id } = fresh();
    expect(() => setCampaignStatus(db, id, 'completed')).toThrow(/is draft and cannot become completed/);
    setCampaignStatus(db, id, 'running');
    expect(() => setCampaignStatus(db, id, 'running')).toThrow(/already running/);
    setCampaignStatus(db, id, 'completed');
    expect(() => setCampaignStatus(db, id, 'cancelled')).toThrow(/already completed/);
    expect(getCampaign(db, id)!.status).toBe('completed');
    db.close();
  });

  it('interrupts campaigns whose runner process is gone and leaves live ones running', () => {
    const { db, id } = fresh();
    const other = createCampaign(db, {
      icp: sampleIcp('b'),
      budget: null,
      sandbox: true,
      sandboxSeed: 1,
      estimate: null,
    });
    setCampaignStatus(db, id, 'running');
    setCampaignStatus(db, other, 'running');
    db.prepare('UPDATE campaigns SET runner_pid = 999999 WHERE id = ?').run(other);
    saveProgress(db, other, { campaignId: other, status: 'running' } as CampaignProgress);
    expect(interruptOrphans(db, (pid) => pid !== 999999)).toEqual([other]);
    expect(getCampaign(db, other)!.status).toBe('interrupted');
    // The last snapshot saved before the crash said running; read back, it says what the row says.
    expect(getCampaign(db, other)!.progress?.status).toBe('interrupted');
    expect(getCampaign(db, id)!.status).toBe('running');
    setCampaignStatus(db, other, 'running'); // resumable
    db.close();
  });
});
