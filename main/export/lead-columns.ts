/** The columns of a tier sheet (T1/T2/T3) and how a Lead becomes one row of cell values. */
import { CHECK_IDS, type CheckId } from '../domain/icp';
import type { CheckResult, Lead } from '../domain/types';
import { cleanText, displayUrl, finiteOrNull, mailtoUrl, webUrl } from './sanitize';
import { signalsCell, whyNowCell } from './signal-cells';

export interface LinkCell {
  text: string;
  hyperlink: string;
}
/** JSON-safe, so a row can be spilled to disk between the two export passes. */
export type CellOut = string | number | null | LinkCell;

export type ColumnKind = 'text' | 'int' | 'money' | 'decimal' | 'link' | 'check';

export interface LeadColumn {
  header: string;
  width: number;
  kind: ColumnKind;
  value: (lead: Lead) => CellOut;
}

export const CHECK_LABELS: Record<CheckId, string> = {
  industry: 'Industry',
  size: 'Size',
  multiLocation: 'Multi-location',
  hrAndOps: 'HR+Ops',
  hiringCycles: 'Hiring cycles',
  staffingVendors: 'Staffing vendors',
};

/** Shown for a check the validator did not report (older rows, partial validation). */
export const NOT_EVALUATED = '—';

export function checkText(check: CheckResult | undefined): string {
  if (!check) return NOT_EVALUATED;
  return `${check.passed ? '✓' : '✗'} ${check.basis}`;
}

function findCheck(lead: Lead, id: CheckId): CheckResult | undefined {
  return lead.validation.checks.find((c) => c.id === id);
}

/** Every check's verdict and evidence in one cell, in checklist order. */
export function checklistDetails(lead: Lead): string {
  return CHECK_IDS.map((id) => {
    const check = findCheck(lead, id);
    const evidence = check?.evidence ? `: ${check.evidence}` : '';
    return `${CHECK_LABELS[id]} ${checkText(check)}${evidence}`;
  }).join('; ');
}

function text(value: string | null | undefined): string | null {
  const cleaned = cleanText(value).trim();
  return cleaned === '' ? null : cleaned;
}

function link(href: string | null, shown?: string | null): CellOut {
  if (!href) return text(shown);
  return { text: cleanText(shown || displayUrl(href)), hyperlink: href };
}

/** A URL-ish provider field: a link when it parses, otherwise its raw text so nothing is lost. */
function urlCell(raw: string | null | undefined): CellOut {
  const href = webUrl(raw);
  // Shown as the provider wrote it (minus scheme), so "müller.de" does not turn into punycode.
  return href ? link(href, displayUrl(cleanText(raw).trim())) : text(raw);
}

function location(lead: Lead): string | null {
  const { city, state, country, rawAddress } = lead.company;
  const parts = [city, state, country].map((p) => cleanText(p).trim()).filter(Boolean);
  return parts.length ? parts.join(', ') : text(rawAddress);
}

function contactName(lead: Lead): string | null {
  return text(`${lead.contact.firstName ?? ''} ${lead.contact.lastName ?? ''}`.replace(/\s+/g, ' '));
}

/** "Industry check" rather than "Industry": the company's industry has its own column. */
export function checkHeader(id: CheckId): string {
  return `${CHECK_LABELS[id]} check`;
}

const checkColumns: LeadColumn[] = CHECK_IDS.map((id) => ({
  header: checkHeader(id),
  width: 15,
  kind: 'check' as const,
  value: (lead: Lead) => checkText(findCheck(lead, id)),
}));

export const LEAD_COLUMNS: readonly LeadColumn[] = [
  { header: 'Tier', width: 6, kind: 'text', value: (l) => text(l.tier) },
  { header: 'Company', width: 30, kind: 'text', value: (l) => text(l.company.name) },
  { header: 'Domain', width: 24, kind: 'text', value: (l) => text(l.company.domain) },
  { header: 'Industry', width: 26, kind: 'text', value: (l) => text(l.company.industry) },
  { header: 'Employees', width: 11, kind: 'int', value: (l) => finiteOrNull(l.company.employees) },
  { header: 'Location', width: 28, kind: 'text', value: location },
  { header: 'Revenue', width: 15, kind: 'money', value: (l) => finiteOrNull(l.company.annualRevenue) },
  { header: 'Company LinkedIn', width: 32, kind: 'link', value: (l) => urlCell(l.company.linkedinUrl) },
  {
    header: 'Website',
    width: 26,
    kind: 'link',
    value: (l) => urlCell(l.company.website ?? (l.company.domain ? l.company.domain : null)),
  },
  { header: 'Contact', width: 24, kind: 'text', value: contactName },
  { header: 'Title', width: 30, kind: 'text', value: (l) => text(l.contact.title) },
  {
    header: 'Email',
    width: 32,
    kind: 'link',
    value: (l) => link(mailtoUrl(l.contact.email), text(l.contact.email)),
  },
  { header: 'Email status', width: 13, kind: 'text', value: (l) => text(l.emailStatus) },
  {
    header: 'Bounce risk',
    width: 11,
    kind: 'text',
    value: (l) => text(l.contact.emailEvidence?.bounceRisk ?? null),
  },
  {
    header: 'Email evidence',
    width: 48,
    kind: 'text',
    // Each step of the waterfall with its source and date, e.g. "Hunter email-verifier 2026-12-01: valid".
    value: (l) =>
      text(
        l.contact.emailEvidence?.steps
          .map((s) => `${s.source} ${s.at.slice(0, 10)}: ${s.result}`)
          .join('; ') ?? null,
      ),
  },
  { header: 'Phone', width: 18, kind: 'text', value: (l) => text(l.contact.phone) },
  { header: 'Contact LinkedIn', width: 32, kind: 'link', value: (l) => urlCell(l.contact.linkedinUrl) },
  {
    header: 'Validation',
    width: 11,
    kind: 'text',
    value: (l) => `${l.validation.score}/${l.validation.max}`,
  },
  ...checkColumns,
  { header: 'Checklist details', width: 70, kind: 'text', value: checklistDetails },
  { header: 'Lead score', width: 11, kind: 'int', value: (l) => finiteOrNull(l.score.total) },
  { header: 'Intent', width: 10, kind: 'int', value: (l) => finiteOrNull(l.score.intent) },
  { header: 'Fit', width: 10, kind: 'int', value: (l) => finiteOrNull(l.score.fit) },
  { header: 'Accessibility', width: 13, kind: 'int', value: (l) => finiteOrNull(l.score.accessibility) },
  { header: 'Band', width: 10, kind: 'text', value: (l) => text(l.score.band) },
  { header: 'Why now', width: 44, kind: 'text', value: whyNowCell },
  { header: 'Signals', width: 70, kind: 'text', value: signalsCell },
  { header: 'Similarity', width: 11, kind: 'decimal', value: (l) => finiteOrNull(l.similarity) },
  { header: 'Status', width: 11, kind: 'text', value: (l) => text(l.status) },
  { header: 'Notes', width: 40, kind: 'text', value: (l) => text(l.notes) },
];

export function leadRow(lead: Lead): CellOut[] {
  return LEAD_COLUMNS.map((c) => c.value(lead));
}
