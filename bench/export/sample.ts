/**
 * Synthetic but realistic-looking leads for export tests and benchmarks. Deterministic per seed.
 * Every name is invented; no real person or company is described.
 */
import { CHECK_IDS, type CheckId, type Tier } from '../../main/domain/icp';
import type { CheckResult, EmailStatus, Lead, LeadStatus, ScoreBand } from '../../main/domain/types';
import { CHECK_LABELS } from '../../main/export/lead-columns';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PREFIX = [
  'Apex',
  'Summit',
  'Keystone',
  'Northway',
  'Ironbridge',
  'Bluewater',
  'Crestline',
  'Redwood',
  'Granite',
  'Meridian',
  'Pioneer',
  'Silverline',
  'Trident',
  'Vantage',
  'Harbor',
  'Sahyadri',
  'Kaveri',
  'Deccan',
  'Lakeshore',
  'Prairie',
];
const CORE = [
  'Precision',
  'Components',
  'Plastics',
  'Metalworks',
  'Electronics',
  'Castings',
  'Fabrication',
  'Polymers',
  'Motion',
  'Controls',
  'Forge',
  'Packaging',
  'Automation',
  'Assemblies',
  'Tooling',
];
const SUFFIX = ['Inc.', 'LLC', 'Corp.', 'Industries', 'Manufacturing', 'Pvt. Ltd.', 'Group', 'Co.'];
const INDUSTRIES = [
  'Automotive Manufacturing',
  'Electronics Manufacturing',
  'Industrial Machinery',
  'Plastics & Rubber',
  'Food & Beverage Processing',
  'Chemicals',
  'Medical Devices',
  'Aerospace Components',
  'Metal Fabrication',
  'Packaging & Containers',
];
const PLACES: [string, string, string][] = [
  ['Detroit', 'Michigan', 'United States'],
  ['Columbus', 'Ohio', 'United States'],
  ['Greenville', 'South Carolina', 'United States'],
  ['Houston', 'Texas', 'United States'],
  ['Milwaukee', 'Wisconsin', 'United States'],
  ['Charlotte', 'North Carolina', 'United States'],
  ['Pune', 'Maharashtra', 'India'],
  ['Chennai', 'Tamil Nadu', 'India'],
  ['Bengaluru', 'Karnataka', 'India'],
  ['Ahmedabad', 'Gujarat', 'India'],
  ['Gurugram', 'Haryana', 'India'],
];
const FIRST = [
  'James',
  'Maria',
  'Robert',
  'Priya',
  'Michael',
  'Anita',
  'David',
  'Sarah',
  'Rahul',
  'Jennifer',
  'Arjun',
  'Linda',
  'Thomas',
  'Kavya',
  'Daniel',
  'Meera',
  'Kevin',
  'Laura',
  'Vikram',
  'Nancy',
  'José',
  'Zoë',
];
const LAST = [
  'Smith',
  'Garcia',
  'Patel',
  'Johnson',
  'Iyer',
  'Williams',
  'Sharma',
  'Brown',
  'Reddy',
  'Miller',
  "O'Neil",
  'Nair',
  'Davis',
  'Kulkarni',
  'Martinez',
  'Menon',
  'Wilson',
  'Desai',
  'Anderson',
  'Müller',
];
const TITLES: Record<Tier, string[]> = {
  T1: [
    'Chief Operating Officer',
    'VP Operations',
    'Plant Head',
    'Factory Manager',
    'GM Operations',
    'Director of Operations',
    'Regional Manager',
  ],
  T2: [
    'CHRO',
    'VP Human Resources',
    'Head of Talent Acquisition',
    'Director HR',
    'HR Manager',
    'TA Manager',
    'Senior HRBP',
  ],
  T3: [
    'Recruiter',
    'Senior Recruiter',
    'TA Specialist',
    'HR Business Partner',
    'HR Executive',
    'Staffing Coordinator',
  ],
};
const NOTES = [
  '',
  '',
  '',
  'Met at IMTS — follow up in Q3 & ask about the new plant.',
  'Prefers LinkedIn over email.',
  'Second plant opening in Pune <2025>.',
  'Referred by "Anita" from ops.',
];

function bandOf(total: number): ScoreBand {
  return total >= 80 ? 'hot' : total >= 60 ? 'warm' : total >= 40 ? 'nurture' : 'cold';
}

function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function sampleLeads(n: number, seed = 1): Lead[] {
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const tierCycle: Tier[] = ['T1', 'T1', 'T2', 'T2', 'T3'];
  const leads: Lead[] = [];

  for (let i = 0; i < n; i++) {
    const tier = tierCycle[i % 5]!;
    const companyName = `${pick(PREFIX)} ${pick(CORE)} ${pick(SUFFIX)}`;
    const domain = `${slug(companyName.replace(/ (Inc\.|LLC|Corp\.|Co\.|Pvt\. Ltd\.)$/, ''))}${i}.com`;
    const [city, state, country] = pick(PLACES);
    const employees = rand() < 0.9 ? int(200, 10_000) : int(120, 12_000);
    const industry = pick(INDUSTRIES);
    const first = pick(FIRST);
    const last = pick(LAST);
    const emailStatus: EmailStatus = rand() < 0.7 ? 'verified' : rand() < 0.7 ? 'guessed' : 'unavailable';
    const email = emailStatus === 'unavailable' ? null : `${slug(first)}.${slug(last)}@${domain}`;
    const hr = int(0, 40);
    const ops = int(0, 300);

    const facts: Record<CheckId, [boolean, CheckResult['basis'], string]> = {
      industry: [rand() < 0.93, 'verified', `Provider industry "${industry}"`],
      size: [
        employees >= 200 && employees <= 10_000,
        'verified',
        `${employees.toLocaleString('en-US')} employees`,
      ],
      multiLocation:
        rand() < 0.5
          ? [true, 'verified', `Offices: ${city}, ${pick(PLACES)[0]}`]
          : [employees > 500, 'inferred', `${employees > 500 ? 'Over' : 'Under'} 500 employees`],
      hrAndOps: [hr > 0 && ops > 0, 'verified', `HR: ${hr}, Ops: ${ops}`],
      hiringCycles: [
        employees > 200,
        'inferred',
        `Assumed from ${employees} employees (>200 hire regularly)`,
      ],
      staffingVendors: [
        employees >= 500,
        'inferred',
        `Assumed from ${employees} employees (>=500 use staffing)`,
      ],
    };
    const checks: CheckResult[] = CHECK_IDS.map((id) => ({
      id,
      label: CHECK_LABELS[id],
      passed: facts[id][0],
      basis: facts[id][1],
      evidence: facts[id][2],
    }));
    const score = checks.filter((c) => c.passed).length;
    const failedRequired = checks
      .filter((c) => !c.passed && (c.id === 'industry' || c.id === 'size'))
      .map((c) => c.id);
    const intent = int(10, 100);
    const fit = Math.min(100, Math.round((score / 6) * 80) + int(0, 20));
    const accessibility =
      emailStatus === 'verified' ? int(60, 100) : emailStatus === 'guessed' ? int(30, 70) : int(0, 35);
    const total = Math.round(intent * 0.4 + fit * 0.35 + accessibility * 0.25);
    const status: LeadStatus = rand() < 0.8 ? 'new' : rand() < 0.6 ? 'contacted' : 'replied';

    leads.push({
      id: i + 1,
      campaignId: 1,
      tier,
      company: {
        providerId: `org_${(seed * 1_000_003 + i).toString(16)}`,
        name: companyName,
        domain,
        website: rand() < 0.9 ? `https://www.${domain}` : null,
        linkedinUrl: rand() < 0.85 ? `http://www.linkedin.com/company/${slug(companyName)}-${i}` : null,
        industry,
        industries: [industry],
        keywords: [industry.toLowerCase(), 'manufacturing'],
        employees,
        rawAddress: `${int(10, 9999)} Industrial Pkwy, ${city}, ${state}, ${country}`,
        city,
        state,
        country,
        description: `${companyName} makes ${industry.toLowerCase()} products.`,
        annualRevenue: rand() < 0.8 ? employees * int(90_000, 260_000) : null,
        foundedYear: int(1950, 2018),
        fundingStage: null,
        fundingDate: null,
        technologies: [],
        departmentHeadCount: { human_resources: hr, operations: ops },
        locations: [],
        openJobs: rand() < 0.5 ? int(0, 80) : null,
      },
      contact: {
        providerId: `per_${(seed * 7_000_001 + i).toString(16)}`,
        firstName: first,
        lastName: last,
        title: pick(TITLES[tier]),
        email,
        emailStatus,
        linkedinUrl: rand() < 0.9 ? `https://www.linkedin.com/in/${slug(first)}-${slug(last)}-${i}` : null,
        phone:
          rand() < 0.4
            ? country === 'India'
              ? `+91 9${int(100000000, 999999999)}`
              : `+1 ${int(200, 989)}-555-${int(1000, 9999)}`
            : null,
        city,
        country,
        seniority: tier === 'T1' ? 'vp' : tier === 'T2' ? 'director' : 'senior',
        departments: [tier === 'T1' ? 'operations' : 'human_resources'],
      },
      emailStatus,
      validation: {
        score,
        max: 6,
        checks,
        failedRequired,
        accepted: score >= 4 && failedRequired.length === 0,
      },
      score: {
        total,
        intent,
        fit,
        accessibility,
        band: bandOf(total),
        breakdown: [
          { component: 'intent', signal: 'open roles', points: Math.round(intent * 0.4), evidence: 'sample' },
          { component: 'fit', signal: 'checklist', points: Math.round(fit * 0.35), evidence: `${score}/6` },
          {
            component: 'accessibility',
            signal: 'email',
            points: Math.round(accessibility * 0.25),
            evidence: emailStatus,
          },
        ],
      },
      similarity: Math.round((0.5 + rand() * 0.5) * 1000) / 1000,
      status,
      notes: pick(NOTES),
      createdAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
    });
  }
  return leads;
}
