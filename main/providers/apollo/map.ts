/** Apollo shapes → our domain types. Pure functions. */
import type {
  CandidatePerson,
  Company,
  EmailStatus,
  EmploymentRole,
  RevealedPerson,
  Technology,
} from '../../domain/types';
import type { HeadcountGrowth, JobPosting, RevealedMatch } from '../types';
import type { ApolloJobPosting, ApolloMatchedPerson, ApolloOrganization } from './schemas';
import type { z } from 'zod';
import type { SearchPersonSchema } from './schemas';

export function domainFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const host = new URL(/^[a-z]+:\/\//i.test(url) ? url : `https://${url}`).hostname.toLowerCase();
    return host.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

export function organizationDomain(org: {
  primary_domain?: string | null;
  website_url?: string | null;
}): string | null {
  return org.primary_domain?.trim().toLowerCase() || domainFromUrl(org.website_url);
}

export function toCandidate(p: z.infer<typeof SearchPersonSchema>): CandidatePerson {
  const org = p.organization ?? null;
  return {
    providerId: p.id,
    firstName: p.first_name ?? '',
    lastName: p.last_name ?? p.last_name_obfuscated ?? '',
    title: p.title ?? '',
    organizationId: p.organization_id ?? org?.id ?? null,
    organizationName: org?.name ?? '',
    // api_search returns no domain; keep one only when the answer carries it.
    organizationDomain: org ? organizationDomain(org) : null,
    hasEmail: p.has_email ?? false,
  };
}

export function toNumber(v: number | string | null | undefined): number | null {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}

function isoDate(v: string | null | undefined): string | null {
  if (!v) return null;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}

type ApolloLocation = NonNullable<ApolloOrganization['locations']>[number];

function locationText(l: ApolloLocation): string {
  if (typeof l === 'string') return l.trim();
  return (l.raw_address ?? [l.city, l.state, l.country].filter(Boolean).join(', ')).trim();
}

/** Sites besides the headquarters (Company.locations holds the extra ones only). */
function extraSites(org: ApolloOrganization): string[] {
  const hq = org.raw_address?.trim().toLowerCase();
  const sites = [...(org.locations ?? []), ...(org.office_locations ?? [])]
    .filter((l) => typeof l === 'string' || l.kind !== 'headquarters')
    .map(locationText)
    .filter((t) => t && t.toLowerCase() !== hq);
  return [...new Set(sites)];
}

export function toHeadcountGrowth(org: {
  organization_headcount_six_month_growth?: number | string | null;
  organization_headcount_twelve_month_growth?: number | string | null;
  organization_headcount_twenty_four_month_growth?: number | string | null;
}): HeadcountGrowth {
  return {
    sixMonth: toNumber(org.organization_headcount_six_month_growth),
    twelveMonth: toNumber(org.organization_headcount_twelve_month_growth),
    twentyFourMonth: toNumber(org.organization_headcount_twenty_four_month_growth),
  };
}

function fundingEvents(org: ApolloOrganization): NonNullable<Company['fundingEvents']> {
  return (org.funding_events ?? []).map((e) => ({
    date: isoDate(e.date),
    type: e.type ?? null,
    amount: e.amount === null || e.amount === undefined ? null : String(e.amount),
    currency: e.currency ?? null,
    investors: Array.isArray(e.investors) ? e.investors.join(', ') : (e.investors ?? null),
  }));
}

function suborganizations(org: ApolloOrganization): NonNullable<Company['suborganizations']> {
  return (org.suborganizations ?? [])
    .filter((s) => s.name || s.id)
    .map((s) => ({ id: s.id ?? null, name: s.name ?? '', domain: organizationDomain(s) }));
}

/**
 * An ORG → Company. `factsFrom` says which answer it was: the organization nested in a revealed
 * person has everything but departmental head counts, so {} there means "not given", not "none".
 */
export function toCompany(
  org: ApolloOrganization,
  fallbackDomain: string,
  factsFrom: NonNullable<Company['factsFrom']> = 'organizations/enrich',
): Company {
  const technologies: Technology[] = (org.current_technologies ?? [])
    .filter((t) => t.name)
    .map((t) => ({ uid: t.uid ?? t.name!.toLowerCase(), name: t.name!, category: t.category ?? '' }));
  const departmentHeadCount: Record<string, number> = {};
  for (const [k, v] of Object.entries(org.departmental_head_count ?? {}))
    if (typeof v === 'number') departmentHeadCount[k] = v;
  const latestEvent = [...(org.funding_events ?? [])]
    .filter((e) => e.date)
    .sort((a, b) => Date.parse(b.date!) - Date.parse(a.date!))[0];
  const openJobs =
    toNumber(org.job_postings_count) ??
    toNumber(org.num_open_jobs) ??
    toNumber(org.open_jobs_count) ??
    (org.job_postings ? org.job_postings.length : null);
  return {
    providerId: org.id ?? null,
    name: org.name ?? fallbackDomain,
    domain: organizationDomain(org) ?? fallbackDomain,
    website: org.website_url ?? null,
    linkedinUrl: org.linkedin_url ?? null,
    industry: org.industry ?? null,
    industries: org.industries ?? (org.industry ? [org.industry] : []),
    keywords: org.keywords ?? [],
    employees: toNumber(org.estimated_num_employees),
    rawAddress: org.raw_address ?? null,
    city: org.city ?? null,
    state: org.state ?? null,
    country: org.country ?? null,
    description: org.short_description ?? null,
    annualRevenue: toNumber(org.annual_revenue),
    foundedYear: toNumber(org.founded_year),
    fundingStage: org.latest_funding_stage ?? latestEvent?.type ?? null,
    fundingDate: isoDate(org.latest_funding_round_date) ?? isoDate(latestEvent?.date),
    technologies,
    departmentHeadCount,
    locations: extraSites(org),
    openJobs,
    secondaryIndustries: org.secondary_industries ?? [],
    streetAddress: org.street_address ?? null,
    postalCode: org.postal_code ?? null,
    suborganizations: suborganizations(org),
    numSuborganizations: toNumber(org.num_suborganizations),
    retailLocationCount: toNumber(org.retail_location_count),
    headcountGrowth: toHeadcountGrowth(org),
    fundingEvents: fundingEvents(org),
    factsFrom,
  };
}

/** verified → verified; unverified / likely to engage (and other guesses) → guessed; no email → unavailable. */
export function toEmailStatus(
  email: string | null | undefined,
  status: string | null | undefined,
): EmailStatus {
  if (!usableEmail(email)) return 'unavailable';
  const s = (status ?? '').toLowerCase();
  if (s === 'verified') return 'verified';
  if (s === 'unavailable') return 'unavailable';
  return 'guessed';
}

/** Apollo puts a placeholder ("email_not_unlocked@domain.com") where it withholds an address. */
function usableEmail(email: string | null | undefined): email is string {
  return !!email && email.includes('@') && !email.toLowerCase().startsWith('email_not_unlocked@');
}

export function toRevealed(p: ApolloMatchedPerson): RevealedPerson {
  const emailStatus = toEmailStatus(p.email, p.email_status);
  const phone = p.sanitized_phone ?? p.phone_numbers?.find((n) => n.sanitized_number || n.raw_number);
  return {
    providerId: p.id,
    firstName: p.first_name ?? '',
    lastName: p.last_name ?? '',
    title: p.title ?? '',
    email: emailStatus === 'unavailable' ? null : (p.email ?? null),
    emailStatus,
    linkedinUrl: p.linkedin_url ?? null,
    phone: typeof phone === 'string' ? phone : (phone?.sanitized_number ?? phone?.raw_number ?? null),
    city: p.city ?? null,
    country: p.country ?? null,
    seniority: p.seniority ?? null,
    departments: p.departments ?? [],
    ...(p.employment_history ? { roles: toRoles(p.employment_history) } : {}),
  };
}

/**
 * The employment history as roles, current first, then the most recent past one; undated and
 * untitled entries are dropped. Apollo marks the current role with `current` (or no end date).
 */
export function toRoles(history: NonNullable<ApolloMatchedPerson['employment_history']>): EmploymentRole[] {
  const roles = history
    .filter((h) => h.title)
    .map((h) => ({
      title: h.title as string,
      startDate: h.start_date ? h.start_date.slice(0, 10) : null,
      current: h.current === true || (h.current == null && !h.end_date),
      organizationId: h.organization_id ?? null,
      organizationName: h.organization_name ?? null,
    }));
  const current = roles.filter((r) => r.current);
  const past = roles
    .filter((r) => !r.current)
    .sort((a, b) => (b.startDate ?? '').localeCompare(a.startDate ?? ''));
  // The one before says whether the hire is new from outside or a promotion; older ones are not kept.
  return [...current, ...past.slice(0, 1)];
}

/** A people/match person with what it says about its address and the company facts that came with it. */
export function toRevealedMatch(p: ApolloMatchedPerson): RevealedMatch {
  const org = p.organization && Object.keys(p.organization).length ? p.organization : null;
  const orgDomain = org ? organizationDomain(org) : null;
  return {
    ...toRevealed(p),
    emailDomainCatchall: p.email_domain_catchall ?? null,
    extrapolatedEmailConfidence: toNumber(p.extrapolated_email_confidence),
    revealedForCurrentTeam: p.revealed_for_current_team ?? null,
    organization: org && orgDomain ? toCompany(org, orgDomain, 'people/match') : null,
  };
}

export function toJobPosting(j: ApolloJobPosting): JobPosting {
  return {
    id: j.id,
    title: j.title ?? '',
    url: j.url ?? null,
    city: j.city ?? null,
    state: j.state ?? null,
    country: j.country ?? null,
    postedAt: j.posted_at ?? null,
    lastSeenAt: j.last_seen_at ?? null,
  };
}
