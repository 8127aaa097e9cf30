import type { Tier } from './icp';
import type { Company, RevealedPerson, Validation } from './types';

/**
 * BANT per lead (seed 004's fct_scored_leads): budget, authority, need, timeline. Each answer is
 * yes / no / unknown with the evidence it rests on: no data means "unknown", never a guess.
 */
export type BantAnswer = 'yes' | 'no' | 'unknown';

export interface BantSignal {
  answer: BantAnswer;
  /** 'verified' = read from provider data; 'inferred' = from the tier or a stated assumption. */
  basis: 'verified' | 'inferred';
  evidence: string;
}

export interface Bant {
  budget: BantSignal;
  authority: BantSignal;
  need: BantSignal;
  timeline: BantSignal;
}

export const BANT_KEYS = ['budget', 'authority', 'need', 'timeline'] as const;
export const BANT_LABELS: Record<keyof Bant, string> = {
  budget: 'Budget',
  authority: 'Authority',
  need: 'Need',
  timeline: 'Timeline',
};

export interface BantInput {
  tier: Tier;
  company: Company;
  contact: Pick<RevealedPerson, 'seniority' | 'title'>;
  validation: Validation;
  now?: Date;
}

/** Revenue that usually carries a budget line for outside services (USD a year). */
export const BUDGET_REVENUE_USD = 10_000_000;
/** Funding this recent still funds purchases. */
const FUNDING_BUDGET_DAYS = 730;
/** Signals this recent make a purchase timely. */
const TIMELY_DAYS = 180;
const STALE_DAYS = 365;
/** Openings at least this share of headcount read as growth. */
const GROWTH_SHARE = 0.02;

const DAY = 86_400_000;

/** Apollo's seniority values that sign or sponsor a purchase, and those that do not. */
const DECIDES = new Set(['owner', 'founder', 'c_suite', 'partner', 'vp', 'head', 'director']);
const INFLUENCES = new Set(['manager', 'senior', 'entry', 'intern']);

const signal = (answer: BantAnswer, basis: BantSignal['basis'], evidence: string): BantSignal => ({
  answer,
  basis,
  evidence,
});

function usd(n: number): string {
  if (n >= 1e9) return `$${(n / 1e9).toFixed(1)}B`;
  if (n >= 1e6) return `$${(n / 1e6).toFixed(1)}M`;
  return `$${Math.round(n).toLocaleString('en-US')}`;
}

function ageDays(iso: string | null, now: Date): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  return Math.floor((now.getTime() - t) / DAY);
}

function budget(c: Company, now: Date): BantSignal {
  const funded = ageDays(c.fundingDate, now);
  if (funded !== null && funded >= 0 && funded <= FUNDING_BUDGET_DAYS)
    return signal(
      'yes',
      'verified',
      `${c.fundingStage ?? 'Funding'} on ${c.fundingDate!.slice(0, 10)} (${funded} days ago)`,
    );
  if (c.annualRevenue !== null) {
    const ok = c.annualRevenue >= BUDGET_REVENUE_USD;
    return signal(
      ok ? 'yes' : 'no',
      'verified',
      `Annual revenue ${usd(c.annualRevenue)} (${ok ? 'at or above' : 'below'} ${usd(BUDGET_REVENUE_USD)})`,
    );
  }
  return signal('unknown', 'verified', 'Neither revenue nor recent funding is known');
}

function authority(tier: Tier, contact: BantInput['contact']): BantSignal {
  const s = contact.seniority?.trim().toLowerCase() || null;
  if (s && DECIDES.has(s)) return signal('yes', 'verified', `Seniority "${s}" (${contact.title})`);
  if (s && INFLUENCES.has(s))
    return signal('no', 'verified', `Seniority "${s}" (${contact.title}): influences, does not sign`);
  if (tier === 'T1') return signal('yes', 'inferred', `${tier} title "${contact.title}" is a decision maker`);
  if (tier === 'T2')
    return signal('unknown', 'inferred', `${tier} title "${contact.title}"; seniority unknown`);
  return signal('no', 'inferred', `${tier} title "${contact.title}" is an influencer tier`);
}

function need(c: Company, v: Validation): BantSignal {
  const reasons: string[] = [];
  if (c.openJobs !== null && c.openJobs > 0) reasons.push(`${c.openJobs} open job postings`);
  if (c.openJobs !== null && c.employees && c.openJobs / c.employees >= GROWTH_SHARE)
    reasons.push(`openings are ${((c.openJobs / c.employees) * 100).toFixed(1)}% of headcount`);
  const staffing = v.checks.find((ch) => ch.id === 'staffingVendors');
  if (staffing?.passed && staffing.basis === 'verified') reasons.push(staffing.evidence);
  if (reasons.length) return signal('yes', 'verified', reasons.join('; '));
  if (c.openJobs === 0) return signal('no', 'verified', 'No open job postings');
  if (staffing?.passed) return signal('unknown', 'inferred', staffing.evidence);
  return signal('unknown', 'verified', 'Hiring activity unknown');
}

function timeline(c: Company, now: Date): BantSignal {
  const funded = ageDays(c.fundingDate, now);
  if (funded !== null && funded >= 0 && funded <= TIMELY_DAYS)
    return signal('yes', 'verified', `Funding ${funded} days ago (within ${TIMELY_DAYS})`);
  if (c.openJobs !== null && c.openJobs > 0)
    return signal('yes', 'verified', `${c.openJobs} postings open now`);
  if (funded !== null && funded > STALE_DAYS && c.openJobs === 0)
    return signal('no', 'verified', `Last funding ${funded} days ago and no open postings`);
  if (c.openJobs === 0) return signal('no', 'verified', 'No open postings and no recent funding');
  return signal('unknown', 'verified', 'No dated signal');
}

export function assessBant({ tier, company, contact, validation, now = new Date() }: BantInput): Bant {
  return {
    budget: budget(company, now),
    authority: authority(tier, contact),
    need: need(company, validation),
    timeline: timeline(company, now),
  };
}

/** "B✓ A? N✓ T✗": a compact summary for a CRM field or a table cell. */
export function bantSummary(b: Bant): string {
  const mark = { yes: '✓', no: '✗', unknown: '?' } as const;
  return BANT_KEYS.map((k) => `${k[0]!.toUpperCase()}${mark[b[k].answer]}`).join(' ');
}
