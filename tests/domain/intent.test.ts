import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auc } from '../../main/domain/auc';
import {
  HALF_LIFE_DAYS,
  LONE_NEW_CONTACT_FACTOR,
  MAX_AGE_DAYS,
  intentFromSignals,
  recencyFactor,
  relativeAge,
  stageMatches,
  whyNow,
} from '../../main/domain/intent';
import type { SignalEvent, SignalKind } from '../../main/domain/signals';

const now = new Date('2026-11-01T12:00:00Z');
const day = (ago: number) => new Date(now.getTime() - ago * 86_400_000).toISOString().slice(0, 10);
const subject = { companyDomain: 'acme.com', companyId: 'org1', personId: null };

function ev(kind: SignalKind, ago: number, label: string, extra: Partial<SignalEvent> = {}): SignalEvent {
  return {
    kind,
    date: day(ago),
    source: 'test',
    evidence: `${label} evidence`,
    link: null,
    subject,
    label,
    strength: 1,
    polarity: 1,
    ...extra,
  };
}

describe('recency decay', () => {
  it('halves per half-life and stops at the maximum age', () => {
    expect(recencyFactor('hiring', 0)).toBe(1);
    expect(recencyFactor('hiring', HALF_LIFE_DAYS.hiring)).toBeCloseTo(0.5, 10);
    expect(recencyFactor('funding', 2 * HALF_LIFE_DAYS.funding)).toBeCloseTo(0.25, 10);
    expect(recencyFactor('news', MAX_AGE_DAYS.news + 1)).toBe(0);
    expect(recencyFactor('tech', -3)).toBe(0);
  });

  it('a fresh signal outscores the same signal months old', () => {
    const fresh = intentFromSignals([ev('funding', 7, 'Series B')], {}, { now });
    const old = intentFromSignals([ev('funding', 300, 'Series B')], {}, { now });
    expect(fresh.score).toBeGreaterThan(old.score);
    expect(intentFromSignals([ev('funding', 700, 'Series B')], {}, { now })).toMatchObject({
      score: 0,
      items: [],
    });
  });
});

describe('intent score', () => {
  it('one fresh round reads 60; evidence combines with diminishing returns; items sum to the score', () => {
    const one = intentFromSignals([ev('funding', 0, 'Series B')], {}, { now });
    expect(one.score).toBe(60);
    const two = intentFromSignals(
      [ev('funding', 0, 'Series B'), ev('hiring', 0, '14 production openings')],
      {},
      { now },
    );
    expect(two.score).toBe(80);
    const many = intentFromSignals(
      [
        ev('funding', 0, 'Series B'),
        ev('hiring', 0, 'x'),
        ev('tech', 0, 'y'),
        ev('leadership', 0, 'z'),
        ev('news', 0, 'w'),
      ],
      {},
      { now },
    );
    expect(many.score).toBeGreaterThan(two.score);
    expect(many.score).toBeLessThanOrEqual(100);
    const sum = many.items.reduce((s, i) => s + i.points, 0);
    expect(Math.abs(sum - many.score)).toBeLessThan(1);
    for (const i of many.items) expect(i.evidence).toMatch(/evidence \(test, \d{4}-\d{2}-\d{2}\)$/);
  });

  it('a second event of a kind counts a quarter; closing signals subtract', () => {
    const a = intentFromSignals([ev('funding', 0, 'Series B')], {}, { now }).score;
    const b = intentFromSignals(
      [ev('funding', 0, 'Series B'), ev('funding', 0, 'Series A')],
      {},
      { now },
    ).score;
    expect(b).toBeGreaterThan(a);
    expect(b).toBeLessThan(
      intentFromSignals([ev('funding', 0, 'Series B'), ev('hiring', 0, 'x', { strength: 1 })], {}, { now })
        .score,
    );
    const laidOff = intentFromSignals(
      [ev('funding', 0, 'Series B'), ev('news', 0, 'layoffs', { polarity: -1 })],
      {},
      { now },
    );
    expect(laidOff.score).toBe(50);
    expect(laidOff.items.find((i) => i.points < 0)?.signal).toBe('Closing news');
  });

  it('signals the user switched on weigh more than the rest', () => {
    const events = [ev('tech', 10, 'adopted Workday')];
    const off = intentFromSignals(events, {}, { now }).score;
    const wanted = intentFromSignals(
      events,
      {
        signals: {
          recentFunding: false,
          activelyHiring: false,
          techStackChange: true,
          leadershipChange: false,
        },
      },
      { now },
    ).score;
    expect(wanted).toBeGreaterThan(off);
    // Switching on another kind does not raise this one.
    const other = intentFromSignals(
      events,
      {
        signals: {
          recentFunding: true,
          activelyHiring: false,
          techStackChange: false,
          leadershipChange: false,
        },
      },
      { now },
    ).score;
    expect(other).toBe(off);
  });

  it('fundingStages boosts matching stages, or filters the others out', () => {
    const icp = { fundingStages: ['Series A', 'Series B'] };
    const b = [ev('funding', 20, 'Series B')];
    const pe = [ev('funding', 20, 'Private Equity')];
    const plain = intentFromSignals(b, {}, { now }).score;
    expect(intentFromSignals(b, icp, { now }).score).toBeGreaterThan(plain);
    expect(intentFromSignals(pe, icp, { now }).score).toBeLessThan(plain);
    const filtered = intentFromSignals(pe, icp, { now, fundingStageMode: 'filter' });
    expect(filtered.score).toBe(0);
    expect(filtered.ignored[0]?.reason).toContain('not among the ICP');
    expect(stageMatches('series_b', ['Series B'])).toBe(true);
    expect(stageMatches('Series B extension', ['Series B'])).toBe(true);
    expect(stageMatches('Series BB', ['Series B'])).toBe(false);
  });
});

describe('why now', () => {
  it('the strongest reason per kind, funding and news with their age', () => {
    const intent = intentFromSignals(
      [
        ev('funding', 21, 'Series B'),
        ev('hiring', 3, '14 production openings'),
        ev('leadership', 60, 'new VP Ops'),
        ev('hiring', 10, '3 HR openings', { strength: 0.2 }),
        ev('news', 1, 'layoffs', { polarity: -1 }),
      ],
      {},
      { now },
    );
    expect(intent.whyNow).toBe('Series B 3 weeks ago · 14 production openings · new VP Ops');
    expect(whyNow([])).toBe('');
  });

  it('says ages the way people do', () => {
    expect([0, 1, 5, 21, 70, 400].map(relativeAge)).toEqual([
      'today',
      'yesterday',
      '5 days ago',
      '3 weeks ago',
      '2 months ago',
      'over a year ago',
    ]);
  });
});

describe('auc', () => {
  it('is 1 for a perfect ranking, 0 reversed, 0.5 when everything ties', () => {
    const rows = (pairs: [number, boolean][]) => pairs.map(([score, positive]) => ({ score, positive }));
    expect(
      auc(
        rows([
          [3, true],
          [2, true],
          [1, false],
          [0, false],
        ]),
      ),
    ).toBe(1);
    expect(
      auc(
        rows([
          [0, true],
          [1, false],
        ]),
      ),
    ).toBe(0);
    expect(
      auc(
        rows([
          [5, true],
          [5, false],
          [5, false],
        ]),
      ),
    ).toBe(0.5);
    // One positive above both negatives, one tied with one: (2 + 1.5) / 4.
    expect(
      auc(
        rows([
          [3, true],
          [1, true],
          [1, false],
          [0, false],
        ]),
      ),
    ).toBeCloseTo(0.875, 10);
    expect(() => auc(rows([[1, true]]))).toThrow(/both positives and negatives/);
  });
});

describe('intent properties', () => {
  const kinds: SignalKind[] = ['funding', 'hiring', 'tech', 'leadership', 'news'];
  const event = fc.record({
    kind: fc.constantFrom(...kinds),
    ago: fc.integer({ min: -30, max: 800 }),
    strength: fc.double({ min: 0, max: 1, noNaN: true }),
    negative: fc.boolean(),
  });
  const toEvent = (e: { kind: SignalKind; ago: number; strength: number; negative: boolean }, i: number) =>
    ev(e.kind, e.ago, `${e.kind} ${i}`, { strength: e.strength, polarity: e.negative ? -1 : 1 });

  it('stays in 0..100, its items add up to it, and a further positive signal never lowers it', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 12 }), event, (list, extra) => {
        const events = list.map(toEvent);
        const intent = intentFromSignals(events, {}, { now });
        expect(intent.score).toBeGreaterThanOrEqual(0);
        expect(intent.score).toBeLessThanOrEqual(100);
        const sum = intent.items.reduce((s, i) => s + i.points, 0);
        if (intent.score > 0)
          expect(Math.abs(sum - intent.score)).toBeLessThanOrEqual(1 + intent.items.length * 0.05);
        const more = intentFromSignals([...events, toEvent({ ...extra, negative: false }, 99)], {}, { now });
        expect(more.score).toBeGreaterThanOrEqual(intent.score);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a lone new contact (ordinary turnover) against a new leader amid other signals', () => {
  const lead = (extra: Partial<SignalEvent> = {}) =>
    ev('leadership', 20, 'new VP Ops', { source: 'apollo', ...extra });

  it('weighs half when it is the only signal, with the reason in the evidence', () => {
    const alone = intentFromSignals([lead()], {}, { now });
    const withHiring = intentFromSignals([lead(), ev('hiring', 5, '12 production openings')], {}, { now });
    const leaderItem = withHiring.items.find((i) => i.kind === 'leadership')!;
    // One signal alone adds points / 50 of certainty: half the points, half the score.
    const announced = intentFromSignals([lead({ source: 'news' })], {}, { now });
    expect(alone.items[0]!.points).toBeCloseTo(announced.items[0]!.points * LONE_NEW_CONTACT_FACTOR, 0);
    expect(alone.items[0]!.points).toBeGreaterThan(0);
    expect(alone.items[0]!.evidence).toMatch(/only signal here, weighed half/);
    expect(leaderItem.evidence).not.toMatch(/weighed half/);
    expect(alone.whyNow).toBe('new VP Ops');
  });

  it('a second new contact does not lift the first out of "alone"; a stale other signal does not either', () => {
    const one = intentFromSignals([lead()], {}, { now }).score;
    const full = intentFromSignals([lead({ source: 'news' })], {}, { now }).score;
    expect(one).toBeLessThan(full);
    const stale = intentFromSignals(
      [lead(), ev('hiring', MAX_AGE_DAYS.hiring + 5, 'old openings')],
      {},
      { now },
    );
    expect(stale.score).toBe(one);
    const closing = intentFromSignals([lead(), ev('news', 3, 'layoffs', { polarity: -1 })], {}, { now });
    expect(closing.items.find((i) => i.kind === 'leadership')!.evidence).toMatch(/weighed half/);
  });
});
