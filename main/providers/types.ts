import type { CandidatePerson, Company, RevealedPerson } from '../domain/types';

export interface PeopleSearchQuery {
  titles: string[];
  includeSimilarTitles: boolean;
  /** Company HQ countries, e.g. ["United States", "India"]. */
  organizationLocations: string[];
  /** Apollo's "min,max" strings, e.g. ["200,10000"]. */
  employeeRanges: string[];
  /** Industry words matched against company keyword tags (the docs do not list this filter for people search; it may be ignored). */
  industryKeywords: string[];
  /** Free narrowing filters (providers.md): scope to known companies, seniorities, email statuses. */
  organizationIds?: string[];
  organizationDomains?: string[];
  /** owner, founder, c_suite, partner, vp, head, director, manager, senior, entry, intern. */
  seniorities?: string[];
  /** verified | unverified | likely to engage | unavailable. */
  emailStatuses?: string[];
  page: number; // 1-based
  perPage: number; // <= 100
}

/** A company search (Apollo: POST /mixed_companies/search): the ICP's company universe, paged. */
export interface CompanySearchQuery {
  organizationLocations: string[];
  employeeRanges: string[];
  industryKeywords: string[];
  page: number; // 1-based
  perPage: number; // <= 100
}

/**
 * What a company search returns per company. The real service's search organizations carry no
 * industry, size or country (providers.md, recorded): those stay null there, and what the page
 * tells is membership — the company matched the filters sent.
 */
export interface CompanySummary {
  providerId: string | null;
  name: string;
  domain: string | null;
  industry: string | null;
  employees: number | null;
  country: string | null;
  // Fields the real search organizations do carry (optional so summaries built elsewhere need not).
  linkedinUrl?: string | null;
  foundedYear?: number | null;
  /** Apollo's organization_headcount_*_growth figures (fractions, e.g. 0.12 = +12%); null when unknown. */
  headcountGrowth?: HeadcountGrowth;
}

export interface HeadcountGrowth {
  sixMonth: number | null;
  twelveMonth: number | null;
  twentyFourMonth: number | null;
}

export interface CompanySearchPage {
  companies: CompanySummary[];
  page: number;
  perPage: number;
  totalEntries: number;
  totalPages: number;
}

export interface PeopleSearchPage {
  people: CandidatePerson[];
  page: number;
  perPage: number;
  totalEntries: number;
  totalPages: number;
}

/** Apollo's free search gives a company name (and an id), rarely a domain: the client resolves the rest. */
export interface CompanyRef {
  name: string;
  domain: string | null;
  organizationId: string | null;
}

export interface PersonRef {
  providerId: string;
  firstName?: string;
  lastName?: string;
  domain?: string | null;
}

/** Context for every provider call: who pays and how to stop. */
export interface CallContext {
  campaignId: number | null;
  signal?: AbortSignal;
}

/** One billable HTTP call, for the ledger. */
export interface PaidCall {
  endpoint: string;
  /** What we count: the provider's own figure when it reported one, else the cost table's. */
  credits: number;
  /** What the cost table says this call costs. */
  expectedCredits: number;
  /** `credits_consumed` as the provider reported it; null when the answer did not say. */
  reportedCredits: number | null;
}

/** What a paid call reports back besides its data. */
export interface Paid<T> {
  data: T;
  credits: number;
  /** Each billable HTTP call made, for the ledger (one enrich may need a lookup first). */
  calls: PaidCall[];
}

/**
 * A revealed person as people/match returns them: the contact, what the answer says about the
 * address's strength, and the organization nested in the person — the full ORG of
 * organizations/enrich minus departmental head counts (providers.md, recorded).
 */
export interface RevealedMatch extends RevealedPerson {
  /** The company's mail server accepts every address, so "verified" is weaker there; null = not said. */
  emailDomainCatchall: boolean | null;
  extrapolatedEmailConfidence: number | null;
  revealedForCurrentTeam: boolean | null;
  /** Company facts that came with the person (factsFrom: 'people/match'); null when none came. */
  organization: Company | null;
}

/** One open job at a company (Apollo: GET /organizations/{id}/job_postings). */
export interface JobPosting {
  id: string;
  title: string;
  url: string | null;
  city: string | null;
  state: string | null;
  country: string | null;
  /** ISO timestamps as Apollo sends them. */
  postedAt: string | null;
  lastSeenAt: string | null;
}

export interface JobPostingsQuery {
  /** Apollo's organization id (Company.providerId). */
  organizationId: string;
  page: number; // 1-based
  perPage: number; // <= 100
}

export interface JobPostingsPage {
  postings: JobPosting[];
  page: number;
  perPage: number;
  totalEntries: number;
  totalPages: number;
}

/**
 * One interface for every contact-data provider. Searches are free; enrich/reveal are paid
 * and report the credits they consumed. Cache and ledger live above this (main/providers/paid.ts).
 */
export interface LeadProvider {
  readonly name: string;
  searchPeople(query: PeopleSearchQuery, ctx: CallContext): Promise<PeopleSearchPage>;
  /** Paid per page on Apollo; one page resolves up to 100 company names at once. */
  searchCompanies(query: CompanySearchQuery, ctx: CallContext): Promise<Paid<CompanySearchPage>>;
  enrichCompany(ref: CompanyRef, ctx: CallContext): Promise<Paid<Company | null>>;
  revealPerson(ref: PersonRef, ctx: CallContext): Promise<Paid<RevealedMatch | null>>;
  /** Paid per page that returns postings; the only source of hiring data. */
  jobPostings(query: JobPostingsQuery, ctx: CallContext): Promise<Paid<JobPostingsPage>>;
}

/** Errors a provider raises carry a stable code the pipeline and UI understand. */
export type ProviderErrorCode =
  | 'AUTH' // 401/403: bad or unauthorised key
  | 'RATE_LIMITED' // 429 after retries
  | 'QUOTA_EXHAUSTED' // the plan's monthly allowance is used up (Hunter's 429): go on without this provider
  | 'UNAVAILABLE' // 5xx / network / timeout after retries
  | 'BAD_RESPONSE' // body not the documented shape
  | 'BAD_REQUEST' // 422
  | 'ABORTED';
