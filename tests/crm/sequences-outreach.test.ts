import { describe, expect, it } from 'vitest';
import { parseString } from '@fast-csv/parse';
import {
  foldOutreach,
  parseOutreachCsv,
  previousInteraction,
  type OutreachEvent,
} from '../../main/domain/outreach';
import {
  DEFAULT_TEMPLATES,
  SEQUENCE_CSV_HEADERS,
  checkTemplate,
  inertCell,
  previewSequence,
  sequenceCsv,
} from '../../main/domain/sequences';
import { TIERS } from '../../main/domain/icp';
import { lead } from './lead-fixture';

const sender = { name: 'Sam Reyes', company: 'ShiftWorks' };

function readCsv(text: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString(text)
      .on('data', (r: string[]) => rows.push(r))
      .on('error', reject)
      .on('end', () => resolve(rows));
  });
}

describe('outreach sequences', () => {
  it('every tier has 3 emails and a LinkedIn step, all merge fields known', () => {
    for (const t of TIERS) {
      const tpl = DEFAULT_TEMPLATES[t];
      expect(tpl.filter((s) => s.channel === 'email')).toHaveLength(3);
      expect(tpl.filter((s) => s.channel === 'linkedin')).toHaveLength(1);
      expect(checkTemplate(tpl)).toEqual([]);
    }
  });

  it('previews a lead with its merge fields and the strongest signal, no braces left', () => {
    const steps = previewSequence(lead(), sender);
    expect(steps[0]!.subject).toBe('Acme Forge: Congratulations on the Series B round');
    expect(steps[0]!.body).toContain('Hi Dana,');
    expect(steps[0]!.body).toContain('Sam Reyes, ShiftWorks');
    for (const s of steps) expect(`${s.subject ?? ''}${s.body}`).not.toMatch(/\{\{|\}\}/);
    // No funding: the hiring signal leads instead.
    const hiring = previewSequence(lead({ company: { fundingDate: null, fundingStage: null } }), sender);
    expect(hiring[0]!.body).toContain('I saw Acme Forge has 30 open roles');
  });

  it('names the step and field of a bad template, and warns on a LinkedIn note over 300 chars', () => {
    const bad = [
      { step: 1, channel: 'email' as const, day: 3, subject: '', body: 'Hi {{firstname}}' },
      { step: 2, channel: 'linkedin' as const, day: 1, body: 'x' },
    ];
    expect(checkTemplate(bad)).toEqual([
      expect.stringContaining('step 1 (email): unknown merge field {{firstname}}'),
      'step 1 (email): an email step needs a subject',
      "step 2 (linkedin): day 1 comes before the previous step's",
    ]);
    expect(() => previewSequence(lead(), sender, bad)).toThrow(/firstname/);
    const long = [{ step: 1, channel: 'linkedin' as const, day: 0, body: '{{company}} '.repeat(40) }];
    expect(previewSequence(lead(), sender, long)[0]!.warnings[0]).toMatch(/300 characters/);
  });

  it('exports CSV that a parser reads back row for row, with formula cells made inert', async () => {
    const leads = [lead({ id: 1 }), lead({ id: 2, tier: 'T3', company: { name: '=HYPERLINK("http://x")' } })];
    const csv = await sequenceCsv(leads, sender);
    const rows = await readCsv(csv);
    expect(rows[0]).toEqual([...SEQUENCE_CSV_HEADERS]);
    expect(rows).toHaveLength(1 + 8);
    expect(rows[1]!.slice(0, 8)).toEqual([
      '1',
      'dana.okafor@acmeforge.com',
      'Dana',
      'Okafor',
      'Acme Forge',
      'T1',
      '1',
      'email',
    ]);
    expect(rows[1]![10]).toContain('\n'); // multi-line body survives quoting
    expect(rows[5]![4]).toBe(`'=HYPERLINK("http://x")`);
    expect(inertCell('-1+2')).toBe("'-1+2");
    expect(inertCell('Acme')).toBe('Acme');
  });
});

const ev = (
  kind: OutreachEvent['kind'],
  at: string,
  channel: OutreachEvent['channel'] = 'email',
): OutreachEvent => ({
  leadId: 1,
  kind,
  channel,
  step: null,
  at,
  note: '',
});

describe('outreach events', () => {
  it('move a lead forward only, in time order whatever the input order', () => {
    expect(foldOutreach([]).status).toBe('new');
    expect(foldOutreach([ev('sent', '2026-11-01T09:00:00Z')])).toMatchObject({
      status: 'contacted',
      interaction: 'contacted',
    });
    const s = foldOutreach([
      ev('opened', '2026-11-05T00:00:00Z'),
      ev('replied', '2026-11-03T00:00:00Z'),
      ev('sent', '2026-11-01T00:00:00Z'),
    ]);
    expect(s).toMatchObject({
      status: 'replied',
      interaction: 'replied',
      lastEventAt: '2026-11-05T00:00:00Z',
    });
    expect(foldOutreach([ev('meeting', '2026-11-09T00:00:00Z')])).toMatchObject({
      status: 'replied',
      meeting: true,
    });
  });

  it('a bounce flags the address until a later reply proves it works; LinkedIn bounces do not', () => {
    expect(
      foldOutreach([ev('sent', '2026-11-01T00:00:00Z'), ev('bounced', '2026-11-01T00:05:00Z')]),
    ).toMatchObject({ bounced: true, status: 'contacted' });
    expect(
      foldOutreach([ev('bounced', '2026-11-01T00:00:00Z'), ev('replied', '2026-11-02T00:00:00Z')]).bounced,
    ).toBe(false);
    expect(foldOutreach([ev('bounced', '2026-11-01T00:00:00Z', 'linkedin')]).bounced).toBe(false);
  });

  it('feeds the score: opened or better gives seed 001\'s +10 "Previous interaction"', () => {
    expect(previousInteraction(foldOutreach([ev('sent', '2026-11-01T00:00:00Z')]))).toBeNull();
    expect(previousInteraction(foldOutreach([ev('replied', '2026-11-02T00:00:00Z')]))).toEqual({
      component: 'accessibility',
      signal: 'Previous interaction',
      points: 10,
      evidence: 'Replied (last event 2026-11-02)',
    });
  });

  it('imports a CSV: good rows kept, one error per bad field with its row', async () => {
    const byEmail: Record<string, number> = { 'dana@acme.com': 4 };
    const resolve = ({ leadId, email }: { leadId: string; email: string }) =>
      /^\d+$/.test(leadId) ? Number(leadId) : (byEmail[email] ?? null);
    const csv = [
      'lead_id,email,event,channel,step,at,note',
      '12,,sent,email,1,2026-11-01T09:00:00Z,first touch',
      ',DANA@acme.com,Replied,,2,2026-11-03,"said ""call me"", Tuesday"',
      '13,,waved,fax,0,yesterday,',
      ',nobody@x.com,sent,,,2026-11-01,',
      '14,,opened',
    ].join('\n');
    const { events, errors } = await parseOutreachCsv(csv, resolve);
    expect(events).toEqual([
      {
        leadId: 12,
        kind: 'sent',
        channel: 'email',
        step: 1,
        at: '2026-11-01T09:00:00Z',
        note: 'first touch',
      },
      {
        leadId: 4,
        kind: 'replied',
        channel: 'email',
        step: 2,
        at: '2026-11-03T00:00:00Z',
        note: 'said "call me", Tuesday',
      },
    ]);
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [4, 'event'],
      [4, 'channel'],
      [4, 'step'],
      [4, 'at'],
      [5, 'lead_id'],
      [6, '(row)'],
    ]);
    expect(errors[0]!.message).toContain('sent, opened, replied, bounced, meeting');
  });

  it('refuses a file without the needed columns, naming them', async () => {
    const { events, errors } = await parseOutreachCsv('name,when\nx,y\n', () => 1);
    expect(events).toEqual([]);
    expect(errors).toEqual([
      { row: 1, field: 'lead_id or email, event, at', message: expect.stringContaining('missing column') },
    ]);
  });
});
