/**
 * Apollo.io client: free people search, paid company enrichment and person reveal.
 * Talks to the real API or to the sandbox server, which speaks the same endpoints.
 */
import type { Company } from '../../domain/types';
import { HttpClient, type HttpClientOptions, type HttpStats, type RequestEvent } from '../http';
import { isProviderError, ProviderError } from '../errors';
import type { RateLimits } from '../rate-window';
import type {
  CallContext,
  CompanyRef,
  CompanySearchPage,
  CompanySearchQuery,
  JobPostingsPage,
  JobPostingsQuery,
  LeadProvider,
  Paid,
  PaidCall,
  PeopleSearchPage,
  PeopleSearchQuery,
  PersonRef,
  RevealedMatch,
} from '../types';
import { describeApolloError } from './describe-error';
import {
  APOLLO_DEFAULT_COSTS,
  APOLLO_PAID_LIMITS,
  apolloEndpointClass,
  paidCall,
  type ApolloCosts,
} from './limits';
import { toCompanySummary } from './company-summary';
import { organizationDomain, toCandidate, toCompany, toJobPosting, toRevealedMatch } from './map';
import {
  CompanySearchPageResponseSchema,
  CompanySearchResponseSchema,
  JobPostingsResponseSchema,
  OrganizationEnrichResponseSchema,
  PeopleBulkMatchResponseSchema,
  PeopleMatchResponseSchema,
  PeopleSearchResponseSchema,
  type ApolloMatchedPerson,
} from './schemas';

export { APOLLO_FREE_LIMITS, APOLLO_PAID_LIMITS, APOLLO_DEFAULT_COSTS, apolloEndpointClass } from './limits';
export type { ApolloCosts } from './limits';

export const APOLLO_BASE_URL = 'https://api.apollo.io/api/v1';
/** The endpoint name (ledger, rate window) of GET /organizations/{id}/job_postings. */
export const JOB_POSTINGS_ENDPOINT = '/organizations/{id}/job_postings';
/** Apollo serves at most 500 pages of a search. */
const MAX_PAGES = 500;

export interface ApolloProviderOptions {
  apiKey: string;
  baseUrl?: string;
  limits?: RateLimits;
  timeoutMs?: number;
  retryBaseMs?: number;
  maxRetries?: number;
  /** Longest wait for a rate window before failing with RATE_LIMITED (default 65 s). */
  maxWaitMs?: number;
  concurrency?: number;
  costs?: Partial<ApolloCosts>;
  onRequest?: (event: RequestEvent) => void;
  /** Clock for rate windows (tests align it with the sandbox's). */
  clock?: () => number;
}

export interface ConnectionCheck {
  ok: boolean;
  message: string;
}

export interface ApolloProvider extends LeadProvider {
  /**
   * Up to 10 people in one people/bulk_match (Apollo reports `credits_consumed` there). Results are
   * aligned with `refs`: null where Apollo found nobody.
   */
  revealPeople(refs: PersonRef[], ctx: CallContext): Promise<Paid<(RevealedMatch | null)[]>>;
  stats(): HttpStats;
  testConnection(signal?: AbortSignal): Promise<ConnectionCheck>;
  close(): Promise<void>;
}

/** The organisation filters, as people and company searches both send them (empty lists left out). */
function organizationFilterBody(q: Omit<CompanySearchQuery, 'page' | 'perPage'>): Record<string, string[]> {
  const body: Record<string, string[]> = {};
  if (q.organizationLocations.length) body.organization_locations = q.organizationLocations;
  if (q.employeeRanges.length) body.organization_num_employees_ranges = q.employeeRanges;
  if (q.industryKeywords.length) body.q_organization_keyword_tags = q.industryKeywords;
  return body;
}

/** The free filters that narrow a people search before anything is paid (empty lists left out). */
function peopleNarrowingBody(q: PeopleSearchQuery): Record<string, string[]> {
  const body: Record<string, string[]> = {};
  if (q.organizationIds?.length) body.organization_ids = q.organizationIds;
  if (q.organizationDomains?.length) body.q_organization_domains_list = q.organizationDomains;
  if (q.seniorities?.length) body.person_seniorities = q.seniorities;
  if (q.emailStatuses?.length) body.contact_email_status = q.emailStatuses;
  return body;
}

const personCost = (costs: ApolloCosts, p: RevealedMatch | null) =>
  p ? costs.personRecord + (p.emailStatus === 'verified' ? costs.verifiedEmail : 0) : 0;

function personBody(ref: PersonRef): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (ref.providerId) body.id = ref.providerId;
  else {
    if (ref.firstName) body.first_name = ref.firstName;
    if (ref.lastName) body.last_name = ref.lastName;
    if (ref.domain) body.domain = ref.domain;
  }
  return body;
}

const matched = (p: ApolloMatchedPerson | null | undefined) => (p ? toRevealedMatch(p) : null);

export function createApolloProvider(opts: ApolloProviderOptions): ApolloProvider {
  const apiKey = opts.apiKey.trim();
  if (!apiKey) throw new Error('Apollo API key is empty: paste your key in Settings → API keys.');
  const costs: ApolloCosts = { ...APOLLO_DEFAULT_COSTS, ...opts.costs };
  const httpOptions: HttpClientOptions = {
    provider: 'Apollo',
    baseUrl: opts.baseUrl ?? APOLLO_BASE_URL,
    // The key goes in this header only: Apollo refuses keys in the body or query (422).
    headers: { 'x-api-key': apiKey, 'cache-control': 'no-cache' },
    secrets: [apiKey],
    limits: opts.limits ?? APOLLO_PAID_LIMITS,
    classify: apolloEndpointClass,
    windowScope: 'endpoint',
    describeError: describeApolloError,
  };
  if (opts.timeoutMs !== undefined) httpOptions.timeoutMs = opts.timeoutMs;
  if (opts.retryBaseMs !== undefined) httpOptions.retryBaseMs = opts.retryBaseMs;
  if (opts.maxRetries !== undefined) httpOptions.maxRetries = opts.maxRetries;
  if (opts.maxWaitMs !== undefined) httpOptions.maxWaitMs = opts.maxWaitMs;
  if (opts.concurrency !== undefined) httpOptions.concurrency = opts.concurrency;
  if (opts.onRequest) httpOptions.onRequest = opts.onRequest;
  if (opts.clock) httpOptions.clock = opts.clock;
  const http = new HttpClient(httpOptions);

  async function searchPeople(query: PeopleSearchQuery, ctx: CallContext): Promise<PeopleSearchPage> {
    const perPage = Math.min(Math.max(1, Math.floor(query.perPage)), 100);
    const page = Math.min(Math.max(1, Math.floor(query.page)), MAX_PAGES);
    const body: Record<string, unknown> = {
      person_titles: query.titles,
      include_similar_titles: query.includeSimilarTitles,
      page,
      per_page: perPage,
    };
    Object.assign(body, organizationFilterBody(query), peopleNarrowingBody(query));
    const res = await http.request({
      method: 'POST',
      path: '/mixed_people/api_search',
      body,
      schema: PeopleSearchResponseSchema,
      signal: ctx.signal,
    });
    const totalEntries = res.total_entries ?? res.pagination?.total_entries ?? res.people.length;
    return {
      people: res.people.map(toCandidate),
      page,
      perPage,
      totalEntries,
      totalPages: Math.min(Math.ceil(totalEntries / perPage), MAX_PAGES),
    };
  }

  /** One page of the ICP's company universe, with the people search's organisation filters. */
  async function searchCompanies(
    query: CompanySearchQuery,
    ctx: CallContext,
  ): Promise<Paid<CompanySearchPage>> {
    const perPage = Math.min(Math.max(1, Math.floor(query.perPage)), 100);
    const page = Math.min(Math.max(1, Math.floor(query.page)), MAX_PAGES);
    const body: Record<string, unknown> = { page, per_page: perPage };
    Object.assign(body, organizationFilterBody(query));
    const res = await http.request({
      method: 'POST',
      path: '/mixed_companies/search',
      body,
      schema: CompanySearchPageResponseSchema,
      signal: ctx.signal,
    });
    const orgs = [...(res.accounts ?? []), ...(res.organizations ?? [])];
    const totalEntries = res.pagination?.total_entries ?? (page - 1) * perPage + orgs.length;
    const call = paidCall(
      '/mixed_companies/search',
      orgs.length > 0 ? costs.companySearchPage : 0,
      res.credits_consumed,
    );
    return {
      data: {
        companies: orgs.map(toCompanySummary),
        page,
        perPage,
        totalEntries,
        totalPages: Math.min(Math.ceil(totalEntries / perPage), MAX_PAGES),
      },
      credits: call.credits,
      calls: [call],
    };
  }

  async function enrichCompany(ref: CompanyRef, ctx: CallContext): Promise<Paid<Company | null>> {
    const calls: PaidCall[] = [];
    let domain = ref.domain?.trim().toLowerCase() || null;
    if (!domain) {
      const name = ref.name.trim();
      if (!name) return { data: null, credits: 0, calls };
      const body: Record<string, unknown> = { q_organization_name: name, page: 1, per_page: 1 };
      if (ref.organizationId) body.organization_ids = [ref.organizationId];
      const found = await http.request({
        method: 'POST',
        path: '/mixed_companies/search',
        body,
        schema: CompanySearchResponseSchema,
        signal: ctx.signal,
      });
      const orgs = [...(found.organizations ?? []), ...(found.accounts ?? [])];
      calls.push(
        paidCall('/mixed_companies/search', orgs.length * costs.companySearchRecord, found.credits_consumed),
      );
      const match = orgs[0];
      domain = match ? organizationDomain(match) : null;
      if (!domain) return { data: null, credits: sum(calls), calls };
    }
    let org;
    try {
      const res = await http.request({
        method: 'GET',
        path: '/organizations/enrich',
        query: { domain },
        schema: OrganizationEnrichResponseSchema,
        signal: ctx.signal,
      });
      org = res.organization ?? null;
      const found = org && Object.keys(org).length > 0;
      calls.push(paidCall('/organizations/enrich', found ? costs.companyEnrich : 0, res.credits_consumed));
    } catch (err) {
      // Apollo answers an unknown domain with 404 on some accounts and {} on others: both mean no match.
      if (isProviderError(err) && err.status === 404) {
        calls.push(paidCall('/organizations/enrich', 0, null));
        return { data: null, credits: sum(calls), calls };
      }
      throw err;
    }
    return {
      data: org && Object.keys(org).length ? toCompany(org, domain) : null,
      credits: sum(calls),
      calls,
    };
  }

  async function revealPerson(ref: PersonRef, ctx: CallContext): Promise<Paid<RevealedMatch | null>> {
    const res = await http.request({
      method: 'POST',
      path: '/people/match',
      body: { ...personBody(ref), reveal_personal_emails: false },
      schema: PeopleMatchResponseSchema,
      signal: ctx.signal,
    });
    const person = matched(res.person);
    const call = paidCall('/people/match', personCost(costs, person), res.credits_consumed);
    return { data: person, credits: call.credits, calls: [call] };
  }

  async function revealPeople(refs: PersonRef[], ctx: CallContext): Promise<Paid<(RevealedMatch | null)[]>> {
    if (refs.length === 0) return { data: [], credits: 0, calls: [] };
    if (refs.length > 10) throw new Error(`people/bulk_match takes at most 10 people, got ${refs.length}`);
    const res = await http.request({
      method: 'POST',
      path: '/people/bulk_match',
      body: { details: refs.map(personBody), reveal_personal_emails: false },
      schema: PeopleBulkMatchResponseSchema,
      signal: ctx.signal,
    });
    if (res.matches.length !== refs.length)
      throw new ProviderError(
        'BAD_RESPONSE',
        `Apollo POST /people/bulk_match answered ${res.matches.length} matches for ${refs.length} people; resume later, and if it persists the API may have changed.`,
        { provider: 'Apollo', endpoint: '/people/bulk_match', status: 200 },
      );
    const people = res.matches.map(matched);
    const expected = people.reduce((n, p) => n + personCost(costs, p), 0);
    const call = paidCall('/people/bulk_match', expected, res.credits_consumed);
    return { data: people, credits: call.credits, calls: [call] };
  }

  /** One page of a company's open jobs; charged per page that returns postings. */
  async function jobPostings(query: JobPostingsQuery, ctx: CallContext): Promise<Paid<JobPostingsPage>> {
    const id = query.organizationId.trim();
    if (!id) throw new Error('job postings need the organization id Apollo gave the company');
    const perPage = Math.min(Math.max(1, Math.floor(query.perPage)), 100);
    const page = Math.max(1, Math.floor(query.page));
    let res;
    try {
      res = await http.request({
        method: 'GET',
        path: `/organizations/${encodeURIComponent(id)}/job_postings`,
        endpoint: JOB_POSTINGS_ENDPOINT,
        query: { page, per_page: perPage },
        schema: JobPostingsResponseSchema,
        signal: ctx.signal,
      });
    } catch (err) {
      // An organization Apollo does not know has no postings to sell: nothing charged.
      if (!(isProviderError(err) && err.status === 404)) throw err;
      res = { organization_job_postings: [], pagination: { total_entries: 0, total_pages: 0 } };
    }
    const postings = res.organization_job_postings.map(toJobPosting);
    const totalEntries = res.pagination?.total_entries ?? (page - 1) * perPage + postings.length;
    const call = paidCall(
      JOB_POSTINGS_ENDPOINT,
      postings.length > 0 ? costs.jobPostingsPage : 0,
      res.credits_consumed,
    );
    return {
      data: {
        postings,
        page,
        perPage,
        totalEntries,
        totalPages: res.pagination?.total_pages ?? Math.ceil(totalEntries / perPage),
      },
      credits: call.credits,
      calls: [call],
    };
  }

  async function testConnection(signal?: AbortSignal): Promise<ConnectionCheck> {
    try {
      const res = await http.request({
        method: 'POST',
        path: '/mixed_people/api_search',
        body: { page: 1, per_page: 1 },
        schema: PeopleSearchResponseSchema,
        signal,
      });
      const total = res.total_entries ?? res.pagination?.total_entries;
      return {
        ok: true,
        message:
          total === undefined || total === null
            ? 'Connected to Apollo: the key works for people search.'
            : `Connected to Apollo: the key works for people search (${total.toLocaleString('en-US')} people searchable).`,
      };
    } catch (err) {
      return { ok: false, message: err instanceof Error ? err.message : String(err) };
    }
  }

  return {
    name: 'apollo',
    searchPeople,
    searchCompanies,
    enrichCompany,
    revealPerson,
    revealPeople,
    jobPostings,
    testConnection,
    stats: () => http.stats(),
    close: () => http.close(),
  };
}

function sum(calls: { credits: number }[]): number {
  return calls.reduce((n, c) => n + c.credits, 0);
}
