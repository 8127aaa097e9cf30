/** Deterministic synthetic leads for UI iteration and the table benchmark (not engine output). */
import type { Tier } from '../../main/domain/icp';
import type { CheckResult, EmailStatus, Lead, ScoreBand } from '../../main/domain/types';
import { blankCompany } from '../../main/domain/blank';

const FIRST = [
  'Priya',
  'James',
  'Ana',
  'Wei',
  'Rahul',
  'Emily',
  'Carlos',
  'Sara',
  'David',
  'Meera',
  'John',
  'Aisha',
];
const LAST = [
  'Sharma',
  'Miller',
  'Garcia',
  'Chen',
  'Patel',
  'Johnson',
  'Lopez',
  'Nair',
  'Brown',
  'Iyer',
  'Kim',
];
const COMPANIES = [
  'Apex Components',
  'Riverbend Plastics',
  'Sundaram Castings',
  'Lakeshore Foods',
  'Vantage Aero',
];
const INDUSTRIES = [
  'Automotive',
  'Plastics & Rubber',
  'Metals & Fabrication',
  'Food & Beverage Manufacturing',
];
const TITLES: Record<Tier, string[]> = {
  T1: ['VP Operations', 'Plant Head', 'COO'],
  T2: ['HR Manager', 'Director HR', 'TA Head'],
  T3: ['Recruiter', 'HRBP', 'TA Specialist'],
};
const CHECKS: [CheckResult['id'], string][] = [
  ['industry', 'Manufacturing industry'],
  ['size', 'Company size 200–10K'],
  ['multiLocation', 'Multi-location'],
  ['hrAndOps', 'HR + operations leadership'],
  ['hiringCycles', 'Regular hiring cycles'],
  ['staffingVendors', 'Uses staffing vendors'],
];

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

const band = (t: number): ScoreBand => (t >= 80 ? 'hot' : t >= 60 ? 'warm' : t >= 40 ? 'nurture' : 'cold');

export function makeLead(id: number, campaignId: number, tier: Tier, seed = id): Lead {
  const r = rng(seed * 2654435761);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
  const first = pick(FIRST);
  const last = pick(LAST);
  const company = `${pick(COMPANIES)} ${id % 97}`;
  const domain = `${company.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example`;
  const employees = 200 + Math.floor(r() * 9000);
  const emailStatus: EmailStatus = r() < 0.7 ? 'verified' : r() < 0.8 ? 'guessed' : 'unavailable';
  const checks: CheckResult[] = CHECKS.map(([cid, label], i) => ({
    id: cid,
    label,
    passed: i < 2 || r() < 0.75,
    basis: i >= 4 ? 'inferred' : 'verified',
    evidence: i === 1 ? `${employees} employees` : `${label} evidence for ${company}`,
  }));
  const score = checks.filter((c) => c.passed).length;
  const intent = Math.round(r() * 100);
  const fit = Math.round(50 + r() * 50);
  const access = emailStatus === 'verified' ? 90 : emailStatus === 'guessed' ? 50 : 10;
  const total = Math.round(intent * 0.4 + fit * 0.35 + access * 0.25);
  return {
    id,
    campaignId,
    tier,
    company: blankCompany({
      providerId: `org-${id}`,
      name: company,
      domain,
      website: `https://${domain}`,
      industry: pick(INDUSTRIES),
      employees,
      city: pick(['Detroit', 'Pune', 'Chennai', 'Houston']),
      country: pick(['United States', 'India']),
    }),
    contact: {
      providerId: `p-${id}`,
      firstName: first,
      lastName: last,
      title: pick(TITLES[tier]),
      email: emailStatus === 'unavailable' ? null : `${first}.${last}@${domain}`.toLowerCase(),
      emailStatus,
      linkedinUrl: null,
      phone: null,
      city: null,
      country: null,
      seniority: null,
      departments: [],
    },
    emailStatus,
    validation: { score, max: 6, checks, failedRequired: [], accepted: score >= 4 },
    score: {
      total,
      intent,
      fit,
      accessibility: access,
      band: band(total),
      breakdown: [
        {
          component: 'intent',
          signal: 'Actively hiring',
          points: Math.round(intent * 0.4),
          evidence: 'open roles',
        },
        {
          component: 'fit',
          signal: 'Industry + size',
          points: Math.round(fit * 0.35),
          evidence: `${employees}`,
        },
        {
          component: 'accessibility',
          signal: `Email ${emailStatus}`,
          points: Math.round(access * 0.25),
          evidence: '',
        },
      ],
    },
    // Hiring where the intent is high, funding on every fifth, none on the rest.
    signals: [
      ...(id % 5 === 0 ? (['funding'] as const) : []),
      ...(intent >= 50 ? (['hiring'] as const) : []),
    ],
    similarity: null,
    status: 'new',
    notes: '',
    createdAt: new Date(Date.UTC(2025, 0, 1) + id * 1000).toISOString(),
  };
}
