import { validateCompany } from '../../main/domain/checklist';
import { IcpSchema, type Icp, type Tier } from '../../main/domain/icp';
import { scoreLead } from '../../main/domain/score';
import type { Company, Lead, RevealedPerson } from '../../main/domain/types';

export const NOW = new Date('2026-11-15T12:00:00Z');

export function icp(): Icp {
  return IcpSchema.parse({
    name: 'Manufacturing staffing',
    tiers: {
      T1: { target: 5, titles: ['CEO', 'COO'] },
      T2: { target: 4, titles: ['CHRO'] },
      T3: { target: 3, titles: ['HR Manager'] },
    },
    industries: ['Manufacturing'],
    locations: ['United States'],
    companySize: { min: 200, max: 5000 },
  });
}

export function company(over: Partial<Company> = {}): Company {
  return {
    providerId: 'org-1',
    name: 'Acme Forge',
    domain: 'acmeforge.com',
    website: 'https://acmeforge.com',
    linkedinUrl: null,
    industry: 'Machinery',
    industries: ['Machinery'],
    keywords: [],
    employees: 1200,
    rawAddress: '1 Forge Rd, Dayton, OH',
    city: 'Dayton',
    state: 'Ohio',
    country: 'United States',
    description: 'Forged parts',
    annualRevenue: 80_000_000,
    foundedYear: 1961,
    fundingStage: 'Series B',
    fundingDate: '2026-09-01',
    technologies: [{ uid: 'workday', name: 'Workday', category: 'HR' }],
    departmentHeadCount: { human_resources: 9, operations: 40 },
    locations: ['Dayton, OH', 'Toledo, OH'],
    openJobs: 30,
    ...over,
  };
}

export function person(over: Partial<RevealedPerson> = {}): RevealedPerson {
  return {
    providerId: 'p-1',
    firstName: 'Dana',
    lastName: 'Okafor',
    title: 'Chief Operating Officer',
    email: 'dana.okafor@acmeforge.com',
    emailStatus: 'verified',
    linkedinUrl: 'https://www.linkedin.com/in/dana-okafor',
    phone: null,
    city: 'Dayton',
    country: 'United States',
    seniority: 'c_suite',
    departments: ['operations'],
    ...over,
  };
}

/** A lead built the way the engine builds one: real checklist, real score. */
export function lead(
  over: { id?: number; tier?: Tier; company?: Partial<Company>; person?: Partial<RevealedPerson> } = {},
): Lead {
  const c = company(over.company);
  const p = person(over.person);
  const validation = validateCompany(c, icp());
  const score = scoreLead({ icp: icp(), company: c, person: p, validation, colleaguesFound: 0, now: NOW });
  return {
    id: over.id ?? 1,
    campaignId: 7,
    tier: over.tier ?? 'T1',
    company: c,
    contact: p,
    emailStatus: p.emailStatus,
    validation,
    score,
    similarity: null,
    status: 'new',
    notes: '',
    createdAt: NOW.toISOString(),
  };
}
