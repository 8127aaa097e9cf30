import { afterAll, expect } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IcpSchema, type Icp, type Tier } from '../../main/domain/icp';
import type {
  CandidatePerson,
  Company,
  RevealedPerson,
  Validation,
  LeadScore,
} from '../../main/domain/types';
import { createCampaign, currentVersion, insertLead, upsertCompany, upsertContact } from '../../main/store';
import { openDb, type Db } from '../../main/store/db';
import { MIGRATIONS } from '../../main/store/migrations';
import type { Migration } from '../../main/store/migrations/types';
import type { NewLead } from '../../main/store/leads';

const made: string[] = [];
// Registered on the importing test file's root suite; vitest workers exit without an 'exit' event.
afterAll(() => {
  made.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

/** A fresh database file in its own temp dir (removed after the test file); close it when done. */
export function tempDbFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lead-store-'));
  made.push(dir);
  return path.join(dir, 'lead-studio.db');
}

export function tempDb(): { db: Db; file: string } {
  const file = tempDbFile();
  return { db: openDb(file), file };
}

export function sampleIcp(name = 'Q3 manufacturing'): Icp {
  return IcpSchema.parse({
    name,
    tiers: {
      T1: { target: 5, titles: ['CEO', 'COO'] },
      T2: { target: 4, titles: ['CHRO'] },
      T3: { target: 3, titles: ['HR Manager'] },
    },
    industries: ['Manufacturing', 'Automotive'],
    locations: ['India'],
    companySize: { min: 200, max: 5000 },
  });
}

export function company(over: Partial<Company> = {}): Company {
  return {
    providerId: 'org-1',
    name: 'Acme Forge',
    domain: 'acmeforge.com',
    website: 'https://acmeforge.com',
    linkedinUrl: 'https://linkedin.com/company/acme-forge',
    industry: 'Manufacturing',
    industries: ['Manufacturing'],
    keywords: ['forging'],
    employees: 1200,
    rawAddress: null,
    city: 'Pune',
    state: 'Maharashtra',
    country: 'India',
    description: 'Forged parts',
    annualRevenue: 50_000_000,
    foundedYear: 1990,
    fundingStage: null,
    fundingDate: null,
    technologies: [],
    departmentHeadCount: { human_resources: 12 },
    locations: [],
    openJobs: 4,
    ...over,
  };
}

export function candidate(id: string, over: Partial<CandidatePerson> = {}): CandidatePerson {
  return {
    providerId: id,
    firstName: 'Asha',
    lastName: 'R***o',
    title: 'Chief Executive Officer',
    organizationId: 'org-1',
    organizationName: 'Acme Forge',
    organizationDomain: 'acmeforge.com',
    hasEmail: true,
    ...over,
  };
}

export function revealed(id: string, over: Partial<RevealedPerson> = {}): RevealedPerson {
  return {
    providerId: id,
    firstName: 'Asha',
    lastName: 'Rao',
    title: 'Chief Executive Officer',
    email: 'asha.rao@acmeforge.com',
    emailStatus: 'verified',
    linkedinUrl: 'https://linkedin.com/in/asharao',
    phone: null,
    city: 'Pune',
    country: 'India',
    seniority: 'c_suite',
    departments: ['executive'],
    ...over,
  };
}

export function validation(score: number): Validation {
  return { score, max: 6, checks: [], failedRequired: [], accepted: score >= 4 };
}

export function leadScore(total: number): LeadScore {
  return {
    total,
    intent: total,
    fit: total,
    accessibility: total,
    band: total >= 80 ? 'hot' : total >= 60 ? 'warm' : total >= 40 ? 'nurture' : 'cold',
    breakdown: [{ component: 'fit', signal: 'industry', points: 10, evidence: 'Manufacturing' }],
  };
}

export function newLead(
  campaignId: number,
  ids: { companyId: number | null; contactId: number },
  over: {
    tier?: Tier;
    score?: number;
    validation?: number;
    company?: Company;
    contact?: RevealedPerson;
  } = {},
): NewLead {
  const contact = over.contact ?? revealed('p-x');
  return {
    campaignId,
    tier: over.tier ?? 'T1',
    company: over.company ?? company(),
    contact,
    emailStatus: contact.emailStatus,
    validation: validation(over.validation ?? 5),
    score: leadScore(over.score ?? 70),
    similarity: 0.8,
    ...ids,
  };
}

/**
 * A database one step before `migration`, holding one campaign with one lead (what each migration's
 * test shows it keeps). Checks the migration is registered under its own version.
 */
export function beforeMigration(migration: Migration) {
  expect(MIGRATIONS[migration.version - 1]).toBe(migration);
  const db = openDb(tempDbFile(), { migrateTo: migration.version - 1 });
  const before = currentVersion(db);
  const campaignId = createCampaign(db, {
    icp: sampleIcp(),
    budget: null,
    sandbox: true,
    sandboxSeed: 1,
    estimate: null,
  });
  const companyId = upsertCompany(db, company(), 'test');
  const contactId = upsertContact(db, { person: revealed('p-1'), companyId, source: 'test' });
  const leadId = insertLead(db, newLead(campaignId, { companyId, contactId }))!;
  return { db, before, campaignId, companyId, contactId, leadId };
}
