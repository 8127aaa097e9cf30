import { describe, expect, it } from 'vitest';
import { assessBant, bantSummary } from '../../main/domain/bant';
import { dealBrief, dealBriefs, md, whyNow } from '../../main/domain/brief';
import { NOW, lead } from './lead-fixture';

const bantOf = (l: ReturnType<typeof lead>) =>
  assessBant({ tier: l.tier, company: l.company, contact: l.contact, validation: l.validation, now: NOW });

describe('BANT', () => {
  it('answers yes with evidence when the data shows each signal', () => {
    const b = bantOf(lead());
    expect(b.budget).toMatchObject({ answer: 'yes', basis: 'verified' });
    expect(b.budget.evidence).toContain('Series B on 2026-09-01');
    expect(b.authority).toMatchObject({ answer: 'yes', evidence: expect.stringContaining('c_suite') });
    expect(b.need.answer).toBe('yes');
    expect(b.need.evidence).toContain('30 open job postings');
    expect(b.need.evidence).toContain('Workday');
    expect(b.timeline).toMatchObject({ answer: 'yes', evidence: 'Funding 75 days ago (within 180)' });
    expect(bantSummary(b)).toBe('B✓ A✓ N✓ T✓');
  });

  it('says unknown when nothing is known, and never guesses', () => {
    const l = lead({
      tier: 'T2',
      company: {
        annualRevenue: null,
        fundingDate: null,
        fundingStage: null,
        openJobs: null,
        technologies: [],
        employees: 300,
      },
      person: { seniority: null, title: 'CHRO' },
    });
    const b = bantOf(l);
    expect(b.budget.answer).toBe('unknown');
    expect(b.authority).toMatchObject({ answer: 'unknown', basis: 'inferred' });
    expect(b.need.answer).toBe('unknown');
    expect(b.timeline.answer).toBe('unknown');
    expect(bantSummary(b)).toBe('B? A? N? T?');
  });

  it('answers no on small revenue, a junior title, no openings and stale funding', () => {
    const b = bantOf(
      lead({
        tier: 'T3',
        company: { annualRevenue: 2_000_000, fundingDate: '2023-01-01', openJobs: 0, technologies: [] },
        person: { seniority: 'manager', title: 'HR Manager' },
      }),
    );
    expect(b.budget).toMatchObject({ answer: 'no', evidence: expect.stringContaining('$2.0M') });
    expect(b.authority.answer).toBe('no');
    expect(b.need).toMatchObject({ answer: 'no', evidence: 'No open job postings' });
    expect(b.timeline.answer).toBe('no');
  });

  it('uses the tier when seniority is missing (T1 decides, T3 influences)', () => {
    expect(bantOf(lead({ tier: 'T1', person: { seniority: null } })).authority).toMatchObject({
      answer: 'yes',
      basis: 'inferred',
    });
    expect(bantOf(lead({ tier: 'T3', person: { seniority: null } })).authority.answer).toBe('no');
  });
});

describe('deal brief', () => {
  it('is deterministic Markdown with every section from the data we hold', () => {
    const l = lead();
    const b = bantOf(l);
    const text = dealBrief({ lead: l, bant: b, now: NOW });
    expect(dealBrief({ lead: l, bant: b, now: NOW })).toBe(text);
    for (const h of [
      '## Why now',
      '## Company',
      '## Signals',
      '## BANT',
      '## Checklist',
      '## Talking points',
      '## Risks',
    ])
      expect(text).toContain(h);
    expect(text).toContain('# Deal brief: Dana Okafor, Chief Operating Officer at Acme Forge');
    expect(text).toContain('| Budget | yes | verified |');
    expect(text).toContain('Recent funding: Series B on 2026-09-01');
    expect(text).toContain('Ask for a 20-minute call'); // T1 framing
    expect(whyNow(l, b)).toMatch(
      /^Recent funding: Series B on 2026-09-01; Actively hiring: 30 open job postings/,
    );
  });

  it('lists risks: catch-all domain, guessed email, failed and assumed checks', () => {
    const l = lead({
      tier: 'T3',
      company: { departmentHeadCount: {}, technologies: [], openJobs: null },
      person: { emailStatus: 'guessed', linkedinUrl: null },
    });
    const text = dealBrief({ lead: l, bant: bantOf(l), mail: { catchAll: true }, now: NOW });
    const risks = text.slice(text.indexOf('## Risks'));
    expect(risks).toContain('Catch-all domain');
    expect(risks).toContain('pattern guess');
    expect(risks).toContain('No LinkedIn profile');
    expect(risks).toContain('Failed check — HR + Operations leadership');
    expect(risks).toContain('Assumed, not verified — Hiring cycles');
    expect(text).toContain('they influence, they rarely sign'); // T3 framing
  });

  it('escapes company text so it cannot break tables or inject links', () => {
    expect(md('A|B [x](javascript:alert(1)) <img>\nnext')).toBe(
      'A\\|B \\[x\\](javascript:alert(1)) \\<img\\> next',
    );
    const l = lead({ company: { name: 'Pipe | Co [click](http://x)' } });
    const text = dealBrief({ lead: l, bant: bantOf(l), now: NOW });
    expect(text).not.toContain('[click](http://x)');
    expect(text).toContain('Pipe \\| Co');
  });

  it('a tier in one document: one brief per lead, separated by rules, in the order given', () => {
    const leads = [
      lead({ id: 3, person: { firstName: 'Ada' } }),
      lead({ id: 4, person: { firstName: 'Bo' } }),
    ];
    const doc = dealBriefs(leads.map((l) => ({ lead: l, bant: bantOf(l), now: NOW })));
    expect(doc.match(/^# Deal brief: /gm)).toHaveLength(2);
    expect(doc.indexOf('Ada')).toBeLessThan(doc.indexOf('Bo'));
    expect(doc).toContain('\n---\n');
  });
});
