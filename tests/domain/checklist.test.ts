import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateCompany } from '../../main/domain/checklist';
import { parseIcpText } from '../../main/domain/icp-io';
import { band, scoreLead } from '../../main/domain/score';
import type { Company, RevealedPerson } from '../../main/domain/types';

const r = parseIcpText(readFileSync('resources/icp/manufacturing-staffing.yaml', 'utf8'), 'yaml');
if (!r.ok) throw new Error('template invalid');
const icp = r.icp;

const company = (over: Partial<Company> = {}): Company => ({
  providerId: 'o1',
  name: 'Acme Axles',
  domain: 'acme-axles.com',
  website: 'https://acme-axles.com',
  linkedinUrl: null,
  industry: 'automotive',
  industries: ['automotive'],
  keywords: [],
  employees: 850,
  rawAddress: 'Detroit, MI, United States',
  city: 'Detroit',
  state: 'MI',
  country: 'United States',
  description: null,
  annualRevenue: null,
  foundedYear: 1990,
  fundingStage: null,
  fundingDate: null,
  technologies: [],
  departmentHeadCount: { human_resources: 15, operations: 80 },
  locations: ['Detroit, MI, United States', 'Chennai, India'],
  openJobs: null,
  ...over,
});

describe('6-point checklist', () => {
  it("passes seed 000's example 6/6 and says which checks were inferred", () => {
    const v = validateCompany(company(), icp);
    expect(v.score).toBe(6);
    expect(v.accepted).toBe(true);
    const basis = Object.fromEntries(v.checks.map((c) => [c.id, c.basis]));
    expect(basis).toEqual({
      industry: 'verified',
      size: 'verified',
      multiLocation: 'verified',
      hrAndOps: 'verified',
      hiringCycles: 'inferred',
      staffingVendors: 'inferred',
    });
    expect(v.checks.find((c) => c.id === 'hrAndOps')?.evidence).toBe('HR: 15, Ops: 80');
  });

  it('verifies hiring and staffing from data when the provider has it', () => {
    const v = validateCompany(
      company({ openJobs: 0, technologies: [{ uid: 'sf', name: 'SAP Fieldglass', category: 'VMS' }] }),
      icp,
    );
    const hiring = v.checks.find((c) => c.id === 'hiringCycles')!;
    const staffing = v.checks.find((c) => c.id === 'staffingVendors')!;
    expect([hiring.passed, hiring.basis]).toEqual([false, 'verified']);
    expect([staffing.passed, staffing.basis]).toEqual([true, 'verified']);
  });

  it('rejects a wrong industry even with a high score (required check)', () => {
    const v = validateCompany(
      company({
        industry: 'computer software',
        industries: ['computer software'],
        keywords: ['manufacturing'],
      }),
      icp,
    );
    expect(v.score).toBe(5);
    expect(v.failedRequired).toEqual(['industry']);
    expect(v.accepted).toBe(false);
  });

  it('rejects below the minimum score', () => {
    const v = validateCompany(
      company({ employees: 150, locations: [], departmentHeadCount: {}, rawAddress: 'Pune, India' }),
      { ...icp, requiredChecks: [] },
    );
    expect(v.score).toBe(1);
    expect(v.accepted).toBe(false);
  });
});

describe('lead score (intent 40 / fit 35 / accessibility 25)', () => {
  const person: RevealedPerson = {
    providerId: 'p1',
    firstName: 'Asha',
    lastName: 'Rao',
    title: 'Plant Head',
    email: 'asha@acme-axles.com',
    emailStatus: 'verified',
    linkedinUrl: 'https://linkedin.com/in/asha',
    phone: null,
    city: null,
    country: null,
    seniority: null,
    departments: [],
  };
  it('weights components and explains every point', () => {
    const c = company({ fundingDate: '2026-06-01', fundingStage: 'Series B', openJobs: 40 });
    const s = scoreLead({
      icp,
      company: c,
      person,
      validation: validateCompany(c, icp),
      colleaguesFound: 1,
      now: new Date('2026-11-22'),
    });
    expect(s.intent).toBe(30 + 25 + 10);
    expect(s.fit).toBe(25 + 25 + 20 + 15);
    expect(s.accessibility).toBe(30 + 25 + 15);
    expect(s.total).toBe(Math.round(65 * 0.4 + 85 * 0.35 + 70 * 0.25));
    expect(s.band).toBe('warm');
    expect(s.breakdown.reduce((a, i) => a + i.points, 0)).toBe(65 + 85 + 70);
  });
  it('bands at 80 / 60 / 40', () => {
    expect([band(80), band(79), band(60), band(59), band(40), band(39)]).toEqual([
      'hot',
      'warm',
      'warm',
      'nurture',
      'nurture',
      'cold',
    ]);
  });
});
