import { describe, expect, it } from 'vitest';
import { foldOutreach, type OutreachEvent } from '../../main/domain/outreach';
import { scoreWithOutreach } from '../../main/domain/outreach-score';
import { band } from '../../main/domain/score';
import { CRM_ARG_SCHEMAS } from '../../main/crm/validators';
import { lead } from './lead-fixture';

const ev = (kind: OutreachEvent['kind'], at: string): OutreachEvent => ({
  leadId: 1,
  kind,
  channel: 'email',
  step: 1,
  at,
  note: '',
});

describe('outreach feeds the score', () => {
  it('adds "Previous interaction" once (+10 accessibility), recomputes total and band, and never twice', () => {
    const l = lead({ id: 1 });
    const state = foldOutreach([ev('sent', '2026-11-01T09:00:00Z'), ev('replied', '2026-11-03T09:00:00Z')]);
    const once = scoreWithOutreach(l.score, state);
    expect(once.breakdown.filter((i) => i.signal === 'Previous interaction')).toHaveLength(1);
    expect(once.accessibility).toBe(Math.min(100, l.score.accessibility + 10));
    expect(once.total).toBe(Math.round(once.intent * 0.4 + once.fit * 0.35 + once.accessibility * 0.25));
    expect(once.band).toBe(band(once.total));
    expect(scoreWithOutreach(once, state)).toEqual(once);
  });

  it('a sent mail alone is no interaction: the score stays as it was', () => {
    const l = lead({ id: 1 });
    const state = foldOutreach([ev('sent', '2026-11-01T09:00:00Z')]);
    expect(state.status).toBe('contacted');
    expect(scoreWithOutreach(l.score, state)).toEqual(l.score);
  });

  it('a score without its breakdown (unreadable) is kept, not rebuilt from nothing', () => {
    const l = lead({ id: 1 });
    const bare = { ...l.score, breakdown: [] };
    expect(scoreWithOutreach(bare, foldOutreach([ev('replied', '2026-11-03T09:00:00Z')]))).toEqual(bare);
  });
});

describe('CRM argument validation names the field and the fix', () => {
  it('refuses a brief export naming both or neither target, or a path of the wrong kind', () => {
    const bad = (arg: unknown) =>
      CRM_ARG_SCHEMAS['brief/export']
        .safeParse(arg)
        .error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(bad({ format: 'md', path: '/tmp/x.md' })).toEqual([
      'leadId: give either leadId (one lead) or campaignId (a campaign or one of its tiers)',
    ]);
    expect(bad({ format: 'pdf', path: '/tmp/x.md', leadId: 1 })).toEqual([
      'path: path must end in the format’s extension (.md or .pdf)',
    ]);
    expect(bad({ format: 'md', path: 'x.md', leadId: 1 })).toEqual([
      'path: path must be absolute (choose it with the save dialog)',
    ]);
    expect(bad({ format: 'md', path: '/tmp/x.md', leadId: 1 })).toBeUndefined();
  });

  it('refuses an outreach event of an unknown kind or a date that is not ISO', () => {
    const r = CRM_ARG_SCHEMAS['outreach/log'].safeParse({ leadId: 1, kind: 'clicked', at: 'yesterday' });
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['kind', 'at']);
    expect(r.error?.issues[0]!.message).toBe('kind must be one of: sent, opened, replied, bounced, meeting');
  });
});
