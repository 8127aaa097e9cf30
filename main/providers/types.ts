import type { CandidatePerson, Company, RevealedPerson } from '../domain/types';

export interface PeopleSearchQuery {
  titles: string[];
  includeSimilarTitles: boolean;
  /** Company HQ countries, e.g. ["United States", "India"]. */
  organizationLocations: string[];
  /** Apollo's "min,max" strings, e.g. ["200,10000"]. */
  employeeRanges: string[];
  /** Industry words matched against company keyword tags. */
  industryKeywords: string[];
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

/** What a company search returns per company: enough to resolve names and pre-filter for free. */
export interface CompanySummary {
  providerId: string | null;
  name: string;
  domain: string | null;
  industry: string | null;
  employees: number | null;
  country: string | null;
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

/** What a paid call reports back besides its data. */
export interface Paid<T> {
  data: T;
  credits: number;
  /** Each billable HTTP call made, for the ledger (one enrich may need a lookup first). */
  calls: { endpoint: string; credits: number }[];
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
  revealPerson(ref: PersonRef, ctx: CallContext): Promise<Paid<RevealedPerson | null>>;
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
