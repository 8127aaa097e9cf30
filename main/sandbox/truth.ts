import { canonicalCountry } from './geo';
import { ROLE_BY_KEY, titleKey } from './roles';
import { emailFacts } from './facts';
import type { World, WorldCompany } from './world';
import type { Tier } from '../domain/icp';

/** The parts of an ICP that decide ground truth (a full Icp works too). */
export interface TruthIcp {
  tiers: Record<Tier, { titles: readonly string[] }>;
  industries: readonly string[];
  locations: readonly string[];
  companySize: { min: number; max: number };
}

const TIER_ORDER: readonly Tier[] = ['T1', 'T2', 'T3'];

/**
 * Ground truth for an ICP: a person is truly tier t when one of their role's canonical names
 * equals (case/space-insensitively) one of the ICP's tier-t titles, and their company's sector is
 * one of icp.industries, its HQ country one of icp.locations ("USA"/"US"/"United States" alike),
 * and its employee count within icp.companySize. Otherwise null (also for unknown ids).
 */
export function groundTruth(
  world: World,
  icp: TruthIcp,
  personIds: Iterable<string>,
): Map<string, Tier | null> {
  const tierOfTitle = new Map<string, Tier>();
  for (const tier of [...TIER_ORDER].reverse()) {
    for (const t of icp.tiers[tier]?.titles ?? []) tierOfTitle.set(titleKey(t), tier);
  }
  const industries = new Set(icp.industries.map((i) => titleKey(i)));
  const countries = new Set(icp.locations.map(canonicalCountry));
  const out = new Map<string, Tier | null>();
  for (const id of personIds) {
    const person = world.personById.get(id);
    let tier: Tier | null = null;
    if (person) {
      const company = world.companies[person.companyIdx];
      const role = ROLE_BY_KEY.get(person.role);
      if (
        company &&
        role &&
        industries.has(titleKey(company.sector)) &&
        countries.has(canonicalCountry(company.country)) &&
        company.estimated_num_employees >= icp.companySize.min &&
        company.estimated_num_employees <= icp.companySize.max
      ) {
        for (const name of role.canonical) {
          const t = tierOfTitle.get(titleKey(name));
          if (t && (tier === null || TIER_ORDER.indexOf(t) < TIER_ORDER.indexOf(tier))) tier = t;
        }
      }
    }
    out.set(id, tier);
  }
  return out;
}

export interface EmailTruth {
  email: string | null;
  emailStatus: string;
  catchall: boolean;
  /** Sending to this address would bounce (a "verified" one at a catch-all domain may). */
  bounces: boolean;
}

export interface CompanyTruth {
  domain: string;
  /** Open jobs (what the job-postings endpoint lists); hiring = openJobs > 0. */
  openJobs: number;
  hiring: boolean;
  /** Headquarters plus other sites (plants, warehouses, offices, branches). */
  sites: number;
  multiSite: boolean;
}

/** Email and company facts only the sandbox knows, for the given people and their companies (+ companyIds). */
export function truthFacts(
  world: World,
  personIds: Iterable<string>,
  companyIds: Iterable<string> = [],
): { emails: Record<string, EmailTruth>; companies: Record<string, CompanyTruth> } {
  const emails: Record<string, EmailTruth> = {};
  const companies: Record<string, CompanyTruth> = {};
  const addCompany = (c: WorldCompany | undefined) => {
    if (!c || companies[c.id]) return;
    companies[c.id] = {
      domain: c.primary_domain,
      openJobs: c.job_postings_count,
      hiring: c.job_postings_count > 0,
      sites: c.locations.length,
      multiSite: c.locations.length > 1,
    };
  };
  for (const id of personIds) {
    const p = world.personById.get(id);
    if (!p) continue;
    const e = emailFacts(world, p);
    emails[id] = { email: p.email, emailStatus: p.email_status, catchall: e.catchall, bounces: e.bounces };
    addCompany(world.companies[p.companyIdx]);
  }
  for (const id of companyIds) addCompany(world.companyById.get(id));
  return { emails, companies };
}
