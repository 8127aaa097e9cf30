/** A company search page's ORG-lite → CompanySummary. Pure. */
import type { CompanySummary } from '../types';
import { organizationDomain, toHeadcountGrowth, toNumber } from './map';
import type { ApolloCompanySearchOrganization } from './schemas';

function count(v: number | string | null | undefined): number | null {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) && n >= 0 ? Math.round(n) : null;
}

export function toCompanySummary(org: ApolloCompanySearchOrganization): CompanySummary {
  return {
    providerId: org.id || null,
    name: org.name?.trim() ?? '',
    domain: organizationDomain(org),
    industry: org.industry || null,
    employees: count(org.estimated_num_employees),
    country: org.country || null,
    linkedinUrl: org.linkedin_url || null,
    foundedYear: toNumber(org.founded_year),
    headcountGrowth: toHeadcountGrowth(org),
  };
}
