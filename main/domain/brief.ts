import { BANT_KEYS, BANT_LABELS, bantSummary, type Bant } from './bant';
import type { Tier } from './icp';
import type { Lead, ScoreItem } from './types';

/**
 * A one-page deal brief per lead: deterministic Markdown built only from what we hold (no
 * network, no model), so the same lead always reads the same and can be diffed, copied or printed.
 */

export interface MailFacts {
  /** The domain accepts every address (a verifier's accept_all): a delivered mail proves nothing. */
  catchAll?: boolean;
}

export interface BriefInput {
  lead: Lead;
  bant: Bant;
  mail?: MailFacts;
  /** Other leads of the same campaign at this company (names and titles), for multi-threading. */
  colleagues?: { name: string; title: string }[];
  now?: Date;
}

const FRAMING: Record<Tier, { role: string; angle: string[] }> = {
  T1: {
    role: 'decision maker',
    angle: [
      'Lead with the business outcome and the cost of doing nothing; keep it to one page.',
      'Ask for a 20-minute call to test fit, not for a demo.',
    ],
  },
  T2: {
    role: 'functional leader',
    angle: [
      'Lead with time-to-fill, coverage and vendor consolidation in their function.',
      'Offer a benchmark against peers of the same size and industry.',
    ],
  },
  T3: {
    role: 'day-to-day owner',
    angle: [
      'Lead with the workload the problem causes them every week.',
      'Ask who else should be in the conversation (they influence, they rarely sign).',
    ],
  },
};

/** Escapes Markdown so a company's own text cannot break the table or inject links. */
export function md(text: string | null | undefined): string {
  return (text ?? '')
    .replace(/[\r\n]+/g, ' ')
    .replace(/([\\`*_[\]<>|#])/g, '\\$1')
    .trim();
}

function fullName(lead: Lead): string {
  return `${lead.contact.firstName} ${lead.contact.lastName}`.trim();
}

function intentItems(lead: Lead): ScoreItem[] {
  return lead.score.breakdown.filter((i) => i.component === 'intent');
}

/** One sentence on why this lead is worth a call now; also the CRM's why-now field. */
export function whyNow(lead: Lead, bant: Bant): string {
  const intent = intentItems(lead);
  if (intent.length) return intent.map((i) => `${i.signal}: ${i.evidence}`).join('; ');
  if (bant.timeline.answer === 'yes') return bant.timeline.evidence;
  return `No dated signal; fits the ICP (${lead.validation.score}/${lead.validation.max} checks)`;
}

function companyLines(lead: Lead): string[] {
  const c = lead.company;
  const where = [c.city, c.state, c.country].filter(Boolean).join(', ');
  const facts: [string, string | null][] = [
    ['Domain', c.domain],
    ['Industry', c.industry ?? c.industries[0] ?? null],
    ['Employees', c.employees === null ? null : c.employees.toLocaleString('en-US')],
    ['Revenue', c.annualRevenue === null ? null : `$${c.annualRevenue.toLocaleString('en-US')}`],
    ['Headquarters', where || null],
    ['Founded', c.foundedYear === null ? null : String(c.foundedYear)],
    [
      'Funding',
      c.fundingStage ? `${c.fundingStage}${c.fundingDate ? ` (${c.fundingDate.slice(0, 10)})` : ''}` : null,
    ],
  ];
  return facts.filter(([, v]) => v !== null).map(([k, v]) => `- **${k}:** ${md(v)}`);
}

function talkingPoints(lead: Lead, bant: Bant): string[] {
  const points: string[] = [];
  for (const i of intentItems(lead))
    points.push(`Open with the signal: ${md(i.signal.toLowerCase())} (${md(i.evidence)}).`);
  const hr = lead.validation.checks.find((c) => c.id === 'hrAndOps' && c.passed);
  if (hr) points.push(`Both HR and Operations are staffed (${md(hr.evidence)}): name both in the pitch.`);
  if (bant.need.answer === 'yes' && !intentItems(lead).length)
    points.push(`Need: ${md(bant.need.evidence)}.`);
  points.push(...FRAMING[lead.tier].angle);
  return points;
}

function risks(lead: Lead, bant: Bant, mail: MailFacts): string[] {
  const out: string[] = [];
  if (mail.catchAll)
    out.push(
      'Catch-all domain: the server accepts any address, so delivery does not prove the mailbox exists.',
    );
  if (lead.emailStatus === 'guessed')
    out.push('Email is a pattern guess, not verified: verify before sequencing.');
  if (lead.emailStatus === 'unavailable' || !lead.contact.email)
    out.push('No email: reach out on LinkedIn or by phone.');
  if (!lead.contact.linkedinUrl) out.push('No LinkedIn profile on record.');
  for (const c of lead.validation.checks.filter((ch) => !ch.passed))
    out.push(`Failed check — ${md(c.label)}: ${md(c.evidence)}.`);
  for (const c of lead.validation.checks.filter((ch) => ch.passed && ch.basis === 'inferred'))
    out.push(`Assumed, not verified — ${md(c.label)}: ${md(c.evidence)}.`);
  for (const k of BANT_KEYS)
    if (bant[k].answer === 'no') out.push(`${BANT_LABELS[k]} not met: ${md(bant[k].evidence)}.`);
  return out.length ? out : ['None found in the data we hold.'];
}

export function dealBrief({ lead, bant, mail = {}, colleagues = [], now = new Date() }: BriefInput): string {
  const c = lead.contact;
  const s = lead.score;
  const lines: string[] = [
    `# Deal brief: ${md(fullName(lead))}, ${md(c.title)} at ${md(lead.company.name)}`,
    '',
    `${lead.tier} ${FRAMING[lead.tier].role} · score **${s.total}/100 (${s.band})** · intent ${s.intent} · fit ${s.fit} · accessibility ${s.accessibility} · BANT ${bantSummary(bant)}`,
    '',
    '## Why now',
    '',
    md(whyNow(lead, bant)),
    '',
    '## Company',
    '',
    ...companyLines(lead),
    '',
    '## Contact',
    '',
    `- **Email:** ${c.email ? `${md(c.email)} (${lead.emailStatus})` : 'none'}`,
    `- **LinkedIn:** ${c.linkedinUrl ? md(c.linkedinUrl) : 'none'}`,
    `- **Phone:** ${c.phone ? md(c.phone) : 'none'}`,
    ...(colleagues.length
      ? [
          `- **Also at ${md(lead.company.name)}:** ${colleagues.map((p) => `${md(p.name)} (${md(p.title)})`).join(', ')}`,
        ]
      : []),
    '',
    '## Signals',
    '',
    ...(s.breakdown.length
      ? s.breakdown.map((i) => `- ${i.component}: ${md(i.signal)} +${i.points} — ${md(i.evidence)}`)
      : ['- None']),
    '',
    '## BANT',
    '',
    '| | answer | basis | evidence |',
    '|---|---|---|---|',
    ...BANT_KEYS.map(
      (k) => `| ${BANT_LABELS[k]} | ${bant[k].answer} | ${bant[k].basis} | ${md(bant[k].evidence)} |`,
    ),
    '',
    `## Checklist (${lead.validation.score}/${lead.validation.max})`,
    '',
    '| check | result | basis | evidence |',
    '|---|---|---|---|',
    ...lead.validation.checks.map(
      (ch) => `| ${md(ch.label)} | ${ch.passed ? 'pass' : 'fail'} | ${ch.basis} | ${md(ch.evidence)} |`,
    ),
    '',
    '## Talking points',
    '',
    ...talkingPoints(lead, bant).map((p) => `- ${p}`),
    '',
    '## Risks',
    '',
    ...risks(lead, bant, mail).map((r) => `- ${r}`),
    '',
    `_Lead ${lead.id} · campaign ${lead.campaignId} · generated ${now.toISOString().slice(0, 10)} from stored data only._`,
    '',
  ];
  return lines.join('\n');
}

/** Several briefs (one tier, one campaign) in one document, separated by rules. */
export function dealBriefs(inputs: BriefInput[]): string {
  return inputs.map(dealBrief).join('\n---\n\n');
}
