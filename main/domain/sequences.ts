import { writeToString } from '@fast-csv/format';
import type { Tier } from './icp';
import type { Lead } from './types';

/**
 * Outreach sequences: per-tier templates (three emails and a LinkedIn step) with {{merge_fields}},
 * personalised from the lead's signals. Rendering is pure; unknown fields are errors, not blanks.
 */

export type Channel = 'email' | 'linkedin';

export interface SequenceStep {
  step: number;
  channel: Channel;
  /** Days after the sequence starts. */
  day: number;
  /** Emails only. */
  subject?: string;
  body: string;
}

export type SequenceTemplate = SequenceStep[];

export interface Sender {
  name: string;
  company: string;
}

/** LinkedIn refuses connection notes longer than this. */
export const LINKEDIN_NOTE_MAX = 300;

export const MERGE_FIELDS = [
  'first_name',
  'last_name',
  'title',
  'company',
  'industry',
  'city',
  'signal',
  'sender_name',
  'sender_company',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

const FIELD = /\{\{\s*([a-z_]+)\s*\}\}/g;

export const DEFAULT_TEMPLATES: Record<Tier, SequenceTemplate> = {
  T1: [
    {
      step: 1,
      channel: 'email',
      day: 0,
      subject: '{{company}}: {{signal}}',
      body: 'Hi {{first_name}},\n\n{{signal}} — that usually puts pressure on cost and capacity at once. We help {{industry}} companies like {{company}} keep both in check.\n\nWorth 20 minutes to see whether it fits?\n\n{{sender_name}}, {{sender_company}}',
    },
    {
      step: 2,
      channel: 'linkedin',
      day: 2,
      body: 'Hi {{first_name}}, I wrote to you about {{company}} — {{signal}}. Happy to connect.',
    },
    {
      step: 3,
      channel: 'email',
      day: 5,
      subject: 'Re: {{company}}',
      body: 'Hi {{first_name}},\n\nOne number that might matter to you as {{title}}: peers of {{company}}’s size usually see results within a quarter. Shall I send the two-page summary?\n\n{{sender_name}}',
    },
    {
      step: 4,
      channel: 'email',
      day: 10,
      subject: 'Closing the loop',
      body: 'Hi {{first_name}},\n\nI will not follow up again. If timing changes at {{company}}, a reply to this thread reaches me.\n\n{{sender_name}}',
    },
  ],
  T2: [
    {
      step: 1,
      channel: 'email',
      day: 0,
      subject: '{{signal}} at {{company}}',
      body: 'Hi {{first_name}},\n\n{{signal}}. For a {{title}} that usually means more roles to fill with the same team. We help {{industry}} teams cut time-to-fill without adding vendors.\n\nOpen to a short call?\n\n{{sender_name}}, {{sender_company}}',
    },
    {
      step: 2,
      channel: 'linkedin',
      day: 2,
      body: 'Hi {{first_name}}, I follow {{industry}} hiring closely — {{signal}} caught my eye. Glad to connect.',
    },
    {
      step: 3,
      channel: 'email',
      day: 5,
      subject: 'A benchmark for {{company}}',
      body: 'Hi {{first_name}},\n\nI can share how similar {{industry}} companies in {{city}} staff their peaks. Useful?\n\n{{sender_name}}',
    },
    {
      step: 4,
      channel: 'email',
      day: 10,
      subject: 'Last note',
      body: 'Hi {{first_name}},\n\nI will leave it here. If it becomes a priority at {{company}}, just reply.\n\n{{sender_name}}',
    },
  ],
  T3: [
    {
      step: 1,
      channel: 'email',
      day: 0,
      subject: 'Quick question, {{first_name}}',
      body: 'Hi {{first_name}},\n\n{{signal}} — is covering those roles landing on your desk? We take that work off teams like yours at {{company}}.\n\nWho would be the right person to talk to?\n\n{{sender_name}}, {{sender_company}}',
    },
    {
      step: 2,
      channel: 'linkedin',
      day: 3,
      body: 'Hi {{first_name}}, I work with {{industry}} teams on staffing — would be glad to connect.',
    },
    {
      step: 3,
      channel: 'email',
      day: 6,
      subject: 'Re: quick question',
      body: 'Hi {{first_name}},\n\nA one-line reply with the right name would help a lot.\n\n{{sender_name}}',
    },
    {
      step: 4,
      channel: 'email',
      day: 12,
      subject: 'Thanks anyway',
      body: 'Hi {{first_name}},\n\nI will stop here — thanks for reading.\n\n{{sender_name}}',
    },
  ],
};

/** The strongest signal we hold, worded to open a message; a fit statement when there is none. */
export function personalSignal(lead: Lead): string {
  const intent = lead.score.breakdown.filter((i) => i.component === 'intent');
  const funding = intent.find((i) => i.signal === 'Recent funding');
  if (funding) return `congratulations on the ${lead.company.fundingStage ?? 'recent'} round`;
  if (lead.company.openJobs !== null && lead.company.openJobs > 0)
    return `I saw ${lead.company.name} has ${lead.company.openJobs} open roles`;
  const sites = lead.validation.checks.find(
    (c) => c.id === 'multiLocation' && c.passed && c.basis === 'verified',
  );
  if (sites) return `running ${sites.evidence.split(':')[0]!.toLowerCase()} is no small thing`;
  return `${lead.company.name} came up among ${lead.company.industry ?? 'industry'} leaders`;
}

export function mergeValues(lead: Lead, sender: Sender): Record<MergeField, string> {
  const signal = personalSignal(lead);
  return {
    first_name: lead.contact.firstName,
    last_name: lead.contact.lastName,
    title: lead.contact.title,
    company: lead.company.name,
    industry: lead.company.industry ?? lead.company.industries[0] ?? 'your industry',
    city: lead.company.city ?? lead.company.country ?? 'your region',
    signal: signal.charAt(0).toUpperCase() + signal.slice(1),
    sender_name: sender.name,
    sender_company: sender.company,
  };
}

/** Problems with a template, one sentence each naming the step and the fix; [] when it is usable. */
export function checkTemplate(template: SequenceTemplate): string[] {
  const problems: string[] = [];
  const known = new Set<string>(MERGE_FIELDS);
  template.forEach((s, i) => {
    const where = `step ${i + 1} (${s.channel})`;
    for (const text of [s.subject ?? '', s.body])
      for (const m of text.matchAll(FIELD))
        if (!known.has(m[1]!))
          problems.push(`${where}: unknown merge field {{${m[1]}}}; use one of ${MERGE_FIELDS.join(', ')}`);
    if (s.channel === 'email' && !s.subject?.trim()) problems.push(`${where}: an email step needs a subject`);
    if (!s.body.trim()) problems.push(`${where}: the body is empty`);
    if (i > 0 && s.day < template[i - 1]!.day)
      problems.push(`${where}: day ${s.day} comes before the previous step's`);
  });
  return problems;
}

export function renderText(text: string, values: Record<MergeField, string>): string {
  return text.replace(FIELD, (whole, name: string) => {
    if (!(name in values)) throw new Error(`unknown merge field {{${name}}}`);
    return values[name as MergeField];
  });
}

export interface RenderedStep extends SequenceStep {
  /** Problems a sender should fix before this step goes out (e.g. a LinkedIn note over 300 chars). */
  warnings: string[];
}

/** The sequence as this lead would receive it. */
export function previewSequence(
  lead: Lead,
  sender: Sender,
  template: SequenceTemplate = DEFAULT_TEMPLATES[lead.tier],
): RenderedStep[] {
  const problems = checkTemplate(template);
  if (problems.length) throw new Error(`The sequence template cannot be used: ${problems.join('; ')}`);
  const values = mergeValues(lead, sender);
  return template.map((s) => {
    const body = renderText(s.body, values);
    const warnings: string[] = [];
    if (s.channel === 'linkedin' && body.length > LINKEDIN_NOTE_MAX)
      warnings.push(
        `LinkedIn notes are limited to ${LINKEDIN_NOTE_MAX} characters (this one has ${body.length})`,
      );
    if (s.channel === 'email' && !lead.contact.email) warnings.push('No email address for this lead');
    return {
      ...s,
      ...(s.subject !== undefined ? { subject: renderText(s.subject, values) } : {}),
      body,
      warnings,
    };
  });
}

/** OWASP's CSV-injection rule: a leading = + - @ tab or CR would make a spreadsheet run the cell. */
export function inertCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export const SEQUENCE_CSV_HEADERS = [
  'lead_id',
  'email',
  'first_name',
  'last_name',
  'company',
  'tier',
  'step',
  'channel',
  'day',
  'subject',
  'body',
  'linkedin_url',
] as const;

/**
 * One row per lead and step, for a mail tool's import. Cells that a spreadsheet would run as a
 * formula (=, +, -, @ …) are escaped: a company name must never execute on the user's machine.
 */
export function sequenceCsv(
  leads: Lead[],
  sender: Sender,
  templates: Partial<Record<Tier, SequenceTemplate>> = {},
): Promise<string> {
  const rows: string[][] = [];
  for (const lead of leads)
    for (const s of previewSequence(lead, sender, templates[lead.tier] ?? DEFAULT_TEMPLATES[lead.tier]))
      rows.push(
        [
          String(lead.id),
          lead.contact.email ?? '',
          lead.contact.firstName,
          lead.contact.lastName,
          lead.company.name,
          lead.tier,
          String(s.step),
          s.channel,
          String(s.day),
          s.subject ?? '',
          s.body,
          lead.contact.linkedinUrl ?? '',
        ].map(inertCell),
      );
  return writeToString([[...SEQUENCE_CSV_HEADERS], ...rows], {
    quoteColumns: true,
    rowDelimiter: '\r\n',
    includeEndRowDelimiter: true,
  });
}
