import { describe, expect, it } from 'vitest';
import {
  fundingSignalsFromApollo,
  headcountGrowthSignal,
  jobPostingSignal,
  leadershipSignal,
  mergeSignals,
  newsSignals,
  newsTopic,
  parsePrintedAmount,
  shortTitle,
  splitPublisher,
  techChangeSignals,
} from '../../main/domain/signals';

const now = new Date('2026-11-01T12:00:00Z');
const subject = { companyDomain: 'acme.com', companyId: 'org1', personId: null };
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();

describe('funding from Apollo', () => {
  it('reads every funding event with its printed amount, investors and link', () => {
    const events = fundingSignalsFromApollo({
      id: 'org1',
      primary_domain: 'acme.com',
      funding_events: [
        {
          id: 'f1',
          date: '2026-10-11T00:00:00.000+00:00',
          type: 'Series B',
          investors: 'Accel, Index',
          amount: '25M',
          currency: '$',
          news_url: 'https://news.example/1',
        },
        {
          id: 'f2',
          date: '2024-03-01T00:00:00.000+00:00',
          type: 'Series A',
          investors: '',
          amount: null,
          currency: '$',
          news_url: null,
        },
      ],
    });
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      kind: 'funding',
      date: '2026-10-11',
      label: 'Series B',
      link: 'https://news.example/1',
      source: 'apollo',
    });
    expect(events[0]?.evidence).toBe('Series B of $25M from Accel, Index');
    expect(events[1]?.evidence).toBe('Series A');
    expect(events[0]!.strength).toBeGreaterThan(events[1]!.strength - 1e-9 - 0.2);
  });

  it('falls back to latest_funding_* when the ORG lists no events, and reads nothing when it has neither', () => {
    const [e] = fundingSignalsFromApollo({
      latest_funding_stage: 'Seed',
      latest_funding_round_date: '2026-09-01T00:00:00.000+00:00',
    });
    expect(e).toMatchObject({ label: 'Seed', date: '2026-09-01' });
    expect(fundingSignalsFromApollo({})).toEqual([]);
  });

  it('parses printed amounts', () => {
    expect(parsePrintedAmount('100M')).toBe(100e6);
    expect(parsePrintedAmount('2.5B')).toBe(2.5e9);
    expect(parsePrintedAmount('750K')).toBe(750e3);
    expect(parsePrintedAmount('$1,200,000')).toBe(1.2e6);
    expect(parsePrintedAmount('undisclosed')).toBeNull();
    expect(parsePrintedAmount(null)).toBeNull();
  });
});

describe('hiring', () => {
  it('turns six-month headcount growth of 10% or more into a signal, shrinking into a closing one', () => {
    expect(headcountGrowthSignal({ organization_headcount_six_month_growth: 0.04 }, now)).toBeNull();
    const up = headcountGrowthSignal({ organization_headcount_six_month_growth: 0.18 }, now);
    expect(up).toMatchObject({ kind: 'hiring', polarity: 1, label: 'headcount +18%', date: '2026-11-01' });
    const down = headcountGrowthSignal(
      { organization_headcount_six_month_growth: null, organization_headcount_twelve_month_growth: -0.3 },
      now,
    );
    expect(down).toMatchObject({ polarity: -1 });
    expect(down?.evidence).toContain('twelve months');
  });

  it('counts relevant openings and how many are new, dated at the newest', () => {
    const postings = [
      { title: 'Machine Operator', posted_at: daysAgo(3), url: 'https://jobs/1' },
      { title: 'CNC Machinist', posted_at: daysAgo(10) },
      { title: 'Production Supervisor', posted_at: daysAgo(45) },
      { title: 'Software Engineer', posted_at: daysAgo(1) },
      { title: 'Welder', posted_at: daysAgo(-5) }, // not posted yet on this day
    ];
    const isRelevant = (t: string) => /operator|machinist|production|welder/i.test(t);
    const s = jobPostingSignal(postings, { now, subject, isRelevant, relevantLabel: 'production' });
    expect(s).toMatchObject({ kind: 'hiring', label: '3 production openings', link: 'https://jobs/1' });
    expect(s?.date).toBe(daysAgo(3).slice(0, 10));
    expect(s?.evidence).toContain('3 production openings of 4 open jobs; 2 posted in the last 30 days');
    expect(jobPostingSignal(postings, { now, subject, isRelevant: () => false })).toBeNull();
  });
});

describe('leadership', () => {
  const tierOf = (t: string) => (/vp|vice president|chief|director/i.test(t) ? 'T1' : null);
  const o = { now, personId: 'p1', subject: { companyDomain: 'acme.com', companyId: 'org1' }, tierOf };

  it('a target-tier person whose current role started within 12 months', () => {
    const s = leadershipSignal(
      [
        {
          organization_id: 'org1',
          title: 'Vice President of Operations',
          start_date: '2026-06-01',
          current: true,
        },
        {
          organization_id: 'other',
          organization_name: 'Bolt Inc',
          title: 'Director of Ops',
          start_date: '2019-01-01',
          end_date: '2026-05-01',
        },
      ],
      o,
    );
    expect(s).toMatchObject({
      kind: 'leadership',
      label: 'new VP Ops',
      date: '2026-06-01',
      subject: { personId: 'p1' },
    });
    expect(s?.evidence).toBe('New Vice President of Operations (T1) since 2026-06, hired from outside');
    expect(s?.evidence).not.toContain('Bolt'); // where the person was before is theirs, not stored
  });

  it('nothing for an old start, a non-target title, or a role at another company', () => {
    expect(
      leadershipSignal(
        [{ organization_id: 'org1', title: 'VP Sales', start_date: '2024-06-01', current: true }],
        o,
      ),
    ).toBeNull();
    expect(
      leadershipSignal(
        [{ organization_id: 'org1', title: 'Office Manager', start_date: '2026-06-01', current: true }],
        o,
      ),
    ).toBeNull();
    expect(
      leadershipSignal(
        [{ organization_id: 'zzz', title: 'VP Sales', start_date: '2026-06-01', current: true }],
        o,
      ),
    ).toBeNull();
  });

  it('the 12 months are a threshold: 364 days counts, 365 and a half do not, nor a start tomorrow', () => {
    const at = (days: number) =>
      leadershipSignal(
        [
          {
            organization_id: 'org1',
            title: 'VP Operations',
            start_date: daysAgo(days).slice(0, 10),
            current: true,
          },
        ],
        o,
      );
    // now is noon: a start `days` ago at midnight is days + 0.5 old.
    expect(at(364)).not.toBeNull();
    expect(at(365)).toBeNull();
    expect(at(0)).not.toBeNull();
    expect(at(-1)).toBeNull();
    expect(
      leadershipSignal(
        [
          {
            organization_id: 'org1',
            title: 'VP Operations',
            start_date: daysAgo(100).slice(0, 10),
            current: true,
          },
        ],
        { ...o, withinDays: 90 },
      ),
    ).toBeNull();
  });

  it('a past role without an end date is not the current one', () => {
    expect(
      leadershipSignal(
        [{ organization_id: 'org1', title: 'VP Operations', start_date: '2026-06-01', current: false }],
        o,
      ),
    ).toBeNull();
  });

  it('an internal promotion is weaker than a hire from outside', () => {
    const outside = leadershipSignal(
      [{ organization_id: 'org1', title: 'VP Sales', start_date: '2026-06-01', current: true }],
      o,
    );
    const promoted = leadershipSignal(
      [
        { organization_id: 'org1', title: 'VP Sales', start_date: '2026-06-01', current: true },
        { organization_id: 'org1', title: 'Sales Manager', start_date: '2020-01-01', end_date: '2026-06-01' },
      ],
      o,
    );
    expect(promoted!.strength).toBeLessThan(outside!.strength);
    expect(shortTitle('Senior Vice President of Human Resources')).toBe('Sr VP HR');
  });
});

describe('tech change', () => {
  const ms = (d: number) => now.getTime() - d * 86_400_000;
  it('adopted within 90 days, dropped (not seen for a crawl cycle), plumbing ignored', () => {
    const out = techChangeSignals(
      [
        { name: 'Workday', tag: 'widgets', firstDetected: ms(20), lastDetected: ms(1) },
        { name: 'Taleo', tag: 'widgets', firstDetected: ms(2000), lastDetected: ms(60) },
        { name: 'Salesforce', tag: 'analytics', firstDetected: ms(900), lastDetected: ms(2) },
        { name: "Let's Encrypt", tag: 'ssl', firstDetected: ms(5), lastDetected: ms(1) },
        { name: 'Old CMS', tag: 'cms', firstDetected: ms(3000), lastDetected: ms(400) },
      ],
      { now, subject },
    );
    expect(out.map((s) => s.label)).toEqual(['adopted Workday', 'dropped Taleo']);
    expect(out[0]?.source).toBe('builtwith');
  });
});

describe('news', () => {
  // Headlines in the phrasing of real wire and trade press, not the sandbox's templates.
  const cases: [string, string | null][] = [
    ['Toyota to build $1.3 billion battery plant in North Carolina', 'new_site'],
    ['Nucor breaks ground on new rebar micro mill in Lexington', 'new_site'],
    ['Tyson Foods to close six US chicken plants', 'closure'],
    ['Intel announces layoffs affecting thousands of workers', 'layoffs'],
    ['3M to cut 6,000 jobs in restructuring', 'layoffs'],
    ['Stellantis to reduce workforce at Belvidere assembly plant', 'layoffs'],
    ['Salesforce cuts 10% of staff', 'layoffs'],
    ['Honeywell agrees to buy Carrier security unit for $5 billion', 'acquisition'],
    ['Parker Hannifin completes acquisition of Meggitt', 'acquisition'],
    ['Rivian raises $2.5B in new funding round', 'funding'],
    ['Whirlpool names Marc Bitzer chairman and CEO', 'leadership'],
    ['Amazon to hire 150,000 seasonal workers', 'hiring'],
    ['Former Ford executive joins Lucid as chief operating officer', 'leadership'],
    ['Caterpillar expands Decatur facility with new production line', 'expansion'],
    ['Pfizer is tripling its Kalamazoo manufacturing capacity', 'expansion'],
    ['Local bakery wins best croissant award', null],
    ['Mercy Health secures 3rd place in regional rankings', null],
    ['Northvolt lands $5 billion in debt financing', 'funding'],
    ['Startup nets 12 million euros in Series A', 'funding'],
    ['Company sponsors charity golf tournament', null],
  ];
  it.each(cases)('%s → %s', (headline, topic) => {
    expect(newsTopic(headline)).toBe(topic);
  });

  it('splits Google News titles, keeps recent signals only, and marks closing ones negative', () => {
    expect(splitPublisher('Acme opens new plant in Ohio - Reuters')).toEqual({
      headline: 'Acme opens new plant in Ohio',
      publisher: 'Reuters',
    });
    const out = newsSignals(
      [
        {
          title: 'Acme opens new plant in Ohio - Reuters',
          link: 'https://n/1',
          published: daysAgo(5),
          publisher: null,
        },
        { title: 'Acme to lay off 200 workers - AP', link: null, published: daysAgo(10), publisher: 'AP' },
        { title: 'Acme wins award - Local', link: null, published: daysAgo(3), publisher: null },
        { title: 'Acme acquires Bolt - Reuters', link: null, published: daysAgo(400), publisher: null },
      ],
      { subject, now },
    );
    expect(out.map((s) => [s.label, s.polarity])).toEqual([
      ['new site', 1],
      ['layoffs', -1],
    ]);
    expect(out[0]?.evidence).toBe('"Acme opens new plant in Ohio" (Reuters)');
  });

  it('a new executive in the news is a leadership change, labelled with the role it names', () => {
    const item = (title: string) => ({ title, link: 'https://n/9', published: daysAgo(4), publisher: null });
    const out = newsSignals(
      [
        item('Whirlpool names Marc Bitzer chairman and CEO - Reuters'),
        item('Acme appoints Jane Roe as Vice President of Operations - PR Newswire'),
        item('Former Ford executive joins Lucid as chief operating officer - CNBC'),
        item('Bolt hires new head of people - Local'),
      ],
      { subject, now },
    );
    expect(out.map((s) => [s.kind, s.source, s.label])).toEqual([
      ['leadership', 'news', 'new chairman and CEO'],
      ['leadership', 'news', 'new VP Ops'],
      ['leadership', 'news', 'new chief operating officer'],
      ['leadership', 'news', 'new executive'],
    ]);
    expect(out[1]!.evidence).toBe('"Acme appoints Jane Roe as Vice President of Operations" (PR Newswire)');
    expect(out.every((s) => s.strength < 1 && s.polarity === 1)).toBe(true);
  });
});

describe('mergeSignals', () => {
  it('collapses the same round reported by two sources, keeping the first', () => {
    const base = {
      kind: 'funding' as const,
      evidence: '',
      link: null,
      subject,
      strength: 1,
      polarity: 1 as const,
    };
    const merged = mergeSignals([
      { ...base, date: '2026-10-11', source: 'apollo', label: 'Series B' },
      { ...base, date: '2026-10-13', source: 'crunchbase', label: 'Series B' },
      { ...base, date: '2025-01-01', source: 'crunchbase', label: 'Series A' },
    ]);
    expect(merged.map((m) => `${m.source}:${m.label}`)).toEqual(['apollo:Series B', 'crunchbase:Series A']);
  });
});
