/**
 * Where "hot" lies with seed 001's weights (issue 13): a company in a buying window with a fresh
 * round, a hiring surge and a new T1 leader reads intent ~80; with the best fit the manufacturing
 * template allows (85: it names no complementary tools) and a verified email plus LinkedIn (55;
 * Apollo gives phones only by webhook), that is warm; a colleague found there (70) makes it hot.
 * Pins the arithmetic the README's "why no lead is hot" figures rest on.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIcpText } from '../../main/domain/icp-io';
import { intentFor, withIntent } from '../../main/domain/lead-intent';
import { fundingSignalsFromApollo, jobPostingSignal, leadershipSignal } from '../../main/domain/signals';
import type { LeadScore } from '../../main/domain/types';

const r = parseIcpText(readFileSync('resources/icp/manufacturing-staffing.yaml', 'utf8'), 'yaml');
if (!r.ok) throw new Error('template invalid');
const icp = r.icp;
const now = new Date('2026-11-01T12:00:00Z');
const ago = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString().slice(0, 10);
const subject = { companyDomain: 'acme.com', companyId: 'o1', personId: null };

function windowSignals(amount: string) {
  return [
    ...fundingSignalsFromApollo({ id: 'o1', funding_events: [{ date: ago(14), type: 'Series B', amount }] }),
    jobPostingSignal(
      Array.from({ length: 12 }, (_, i) => ({ title: 'Production Operator', posted_at: ago(i * 4) })),
      { now, subject, isRelevant: () => true },
    )!,
    leadershipSignal(
      [{ organization_id: 'o1', title: 'VP Operations', start_date: ago(45), current: true }],
      {
        now,
        personId: 'p1',
        subject,
        tierOf: () => 'T1',
      },
    )!,
  ];
}

const base = (accessibility: number): LeadScore => ({
  total: 0,
  intent: 0,
  fit: 85,
  accessibility,
  band: 'cold',
  breakdown: [],
});

describe('funding + hiring + a new leader', () => {
  it('is hot with a colleague found, warm without; switching the signals on makes it hot either way', () => {
    const intent = intentFor(windowSignals('50M'), icp, now);
    expect(intent.score).toBeGreaterThanOrEqual(78);
    expect(intent.whyNow).toBe('Series B 2 weeks ago · 12 relevant openings · new VP Ops');
    expect(withIntent(base(70), intent).band).toBe('hot');
    expect(withIntent(base(55), intent).band).toBe('warm');
    const wanted = intentFor(
      windowSignals('50M'),
      {
        ...icp,
        signals: {
          recentFunding: true,
          activelyHiring: true,
          techStackChange: false,
          leadershipChange: true,
        },
      },
      now,
    );
    expect(wanted.score).toBeGreaterThan(intent.score);
    expect(withIntent(base(55), wanted).band).toBe('hot');
  });
});
