import type { Icp } from './icp';
import { inLocations } from './checklist';
import { apolloStatus } from './email';
import type {
  Company,
  FinalEmailStatus,
  LeadScore,
  RevealedPerson,
  ScoreBand,
  ScoreItem,
  Validation,
} from './types';

/** Seed 001: LEAD_SCORE = Intent × 40% + Fit × 35% + Accessibility × 25%, each 0–100. */
export const WEIGHTS = { intent: 0.4, fit: 0.35, accessibility: 0.25 } as const;

export function band(total: number): ScoreBand {
  if (total >= 80) return 'hot';
  if (total >= 60) return 'warm';
  if (total >= 40) return 'nurture';
  return 'cold';
}

const DAY = 86_400_000;

export interface ScoreInput {
  icp: Icp;
  company: Company;
  person: RevealedPerson;
  validation: Validation;
  /** Other target contacts found at the same company in this campaign. */
  colleaguesFound: number;
  now?: Date;
}

export function scoreLead({
  icp,
  company,
  person,
  validation,
  colleaguesFound,
  now = new Date(),
}: ScoreInput): LeadScore {
  const items: ScoreItem[] = [];
  const add = (component: ScoreItem['component'], signal: string, points: number, evidence: string) =>
    items.push({ component, signal, points, evidence });

  // Intent: only what the data shows; no data, no points.
  if (company.fundingDate) {
    const ageDays = (now.getTime() - new Date(company.fundingDate).getTime()) / DAY;
    if (ageDays >= 0 && ageDays <= 365)
      add(
        'intent',
        'Recent funding',
        30,
        `${company.fundingStage ?? 'Funding'} on ${company.fundingDate.slice(0, 10)}`,
      );
  }
  if (company.openJobs !== null && company.openJobs > 0)
    add('intent', 'Actively hiring', 25, `${company.openJobs} open job postings`);
  if (company.openJobs !== null && company.employees && company.openJobs / company.employees >= 0.02)
    add(
      'intent',
      'Growth trend',
      10,
      `Openings are ${((company.openJobs / company.employees) * 100).toFixed(1)}% of headcount`,
    );

  // Fit
  const passed = (id: string) => validation.checks.find((c) => c.id === id)?.passed ?? false;
  if (passed('industry'))
    add('fit', 'ICP industry match', 25, company.industry ?? company.industries[0] ?? '');
  if (passed('size')) add('fit', 'Company size in range', 25, `${company.employees} employees`);
  const techNames = company.technologies.map((t) => t.name.toLowerCase());
  const has = (t: string) => techNames.some((n) => n.includes(t.toLowerCase()));
  const stack = icp.techStack;
  const avoided = stack?.avoid.filter(has) ?? [];
  if (!stack || stack.mustHave.length === 0) {
    if (avoided.length === 0) add('fit', 'Tech stack compatible', 20, 'The ICP sets no required technology');
  } else if (stack.mustHave.every(has) && avoided.length === 0) {
    add('fit', 'Tech stack compatible', 20, `Uses ${stack.mustHave.join(', ')}`);
  }
  if (inLocations(company, icp)) add('fit', 'Geographic fit', 15, company.country ?? '');
  const nice = stack?.niceToHave.filter(has) ?? [];
  if (nice.length > 0) add('fit', 'Complementary tools', 15, `Uses ${nice.join(', ')}`);

  // Accessibility
  addEmailPoints(person, add);
  if (person.linkedinUrl) add('accessibility', 'LinkedIn profile', 25, person.linkedinUrl);
  if (person.phone) add('accessibility', 'Phone number', 20, 'Phone available');
  if (colleaguesFound > 0)
    add('accessibility', COLLEAGUES, 15, `${colleaguesFound} other contact(s) at ${company.name}`);

  const sum = (c: ScoreItem['component']) =>
    Math.min(
      100,
      items.filter((i) => i.component === c).reduce((s, i) => s + i.points, 0),
    );
  const intent = sum('intent');
  const fit = sum('fit');
  const accessibility = sum('accessibility');
  const total = Math.round(
    intent * WEIGHTS.intent + fit * WEIGHTS.fit + accessibility * WEIGHTS.accessibility,
  );
  return { total, intent, fit, accessibility, band: band(total), breakdown: items };
}

const COLLEAGUES = 'Multiple contacts found';

/**
 * The score once colleagues are known: a lead scored before its first colleague was saved lacks
 * "Multiple contacts found", though the fact holds for it as much as for the colleague.
 */
export function withColleagues(score: LeadScore, others: number, companyName: string): LeadScore {
  if (others <= 0 || score.breakdown.some((i) => i.signal === COLLEAGUES)) return score;
  const breakdown: ScoreItem[] = [
    ...score.breakdown,
    {
      component: 'accessibility',
      signal: COLLEAGUES,
      points: 15,
      evidence: `${others} other contact(s) at ${companyName}`,
    },
  ];
  const accessibility = Math.min(
    100,
    breakdown.filter((i) => i.component === 'accessibility').reduce((s, i) => s + i.points, 0),
  );
  const total = Math.round(
    score.intent * WEIGHTS.intent + score.fit * WEIGHTS.fit + accessibility * WEIGHTS.accessibility,
  );
  return { ...score, accessibility, total, band: band(total), breakdown };
}

const EMAIL_POINTS: Record<FinalEmailStatus, { points: number; evidence: string } | null> = {
  verified: { points: 30, evidence: 'Verified email' },
  accept_all: {
    points: 20,
    evidence: 'The domain accepts every address (catch-all), so no check can prove it; it may still bounce',
  },
  guessed: { points: 15, evidence: 'Email found but not verified' },
  invalid: null,
  unavailable: null,
};

/** The email's points follow the waterfall's final status; a lead from before it, Apollo's flags. */
function addEmailPoints(
  person: RevealedPerson,
  add: (component: ScoreItem['component'], signal: string, points: number, evidence: string) => void,
): void {
  if (!person.email) return;
  const status =
    person.emailEvidence?.status ??
    apolloStatus(person.email, person.emailStatus, person.emailDomainCatchall ?? null);
  const points = EMAIL_POINTS[status];
  if (!points) return;
  const from = person.emailEvidence?.steps.at(-1)?.source;
  add(
    'accessibility',
    'Direct email found',
    points.points,
    from ? `${points.evidence} (${from})` : points.evidence,
  );
}
