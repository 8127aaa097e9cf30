/**
 * Apollo.io client: free people search, paid company enrichment and person reveal.
 * Talks to the real API or to the sandbox server, which speaks the same endpoints.
 */
import type { Company, RevealedPerson } from '../../domain/types';
import { HttpClient, type HttpClientOptions, type HttpStats, type RequestEvent } from '../http';
import { isProviderError } from '../errors';
import type { RateLimits } from '../rate-window';
import type {
  CallContext,
  CompanyRef,
  CompanySearchPage,
  CompanySearchQuery,
  LeadProvider,
  Paid,
  PeopleSearchPage,
  PeopleSearchQuery,
  PersonRef,
} from '../types';
import { describeApolloError } from './describe-error';
import { APOLLO_DEFAULT_COSTS, APOLLO_PAID_LIMITS, apolloEndpointClass, type ApolloCosts } from './limits';
import { toCompanySummary } from './company-summary';
import { organizationDomain, toCandidate, toCompany, toRevealed } from './map';
import {
  CompanySearchPageResponseSchema,
  CompanySearchResponseSchema,
  OrganizationEnrichResponseSchema,
  PeopleMatchResponseSchema,
  PeopleSearchResponseSchema,
} from './schemas';

export { APOLLO_FREE_LIMITS, APOLLO_PAID_LIMITS, APOLLO_DEFAULT_COSTS, apolloEndpointClass } from './limits';
export type { ApolloCosts } from './limits';

export const APOLLO_BASE_URL = 'https://api.apollo.io/api/v1';
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
    Object.assign(body, organizationFilterBody(query));
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
    const credits = res.credits_consumed ?? (orgs.length > 0 ? costs.companySearchPage : 0);
    return {
      data: {
        companies: orgs.map(toCompanySummary),
        page,
        perPage,
        totalEntries,
        totalPages: Math.min(Math.ceil(totalEntries / perPage), MAX_PAGES),
      },
      credits,
      calls: [{ endpoint: '/mixed_companies/search', credits }],
    };
  }

  async function enrichCompany(ref: CompanyRef, ctx: CallContext): Promise<Paid<Company | null>> {
    const calls: Paid<unknown>['calls'] = [];
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
      calls.push({
        endpoint: '/mixed_companies/search',
        credits: found.credits_consumed ?? orgs.length * costs.companySearchRecord,
      });
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
      calls.push({
        endpoint: '/organizations/enrich',
        credits: res.credits_consumed ?? (org ? costs.companyEnrich : 0),
      });
    } catch (err) {
      // Apollo answers an unknown domain with 404 on some accounts and {} on others: both mean no match.
      if (isProviderError(err) && err.status === 404) {
        calls.push({ endpoint: '/organizations/enrich', credits: 0 });
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

  async function revealPerson(ref: PersonRef, ctx: CallContext): Promise<Paid<RevealedPerson | null>> {
    const body: Record<string, unknown> = { reveal_personal_emails: false };
    if (ref.providerId) body.id = ref.providerId;
    else {
      if (ref.firstName) body.first_name = ref.firstName;
      if (ref.lastName) body.last_name = ref.lastName;
      if (ref.domain) body.domain = ref.domain;
    }
    const res = await http.request({
      method: 'POST',
      path: '/people/match',
      body,
      schema: PeopleMatchResponseSchema,
      signal: ctx.signal,
    });
    const person = res.person ? toRevealed(res.person) : null;
    const credits =
      res.credits_consumed ??
      (person ? costs.personRecord + (person.emailStatus === 'verified' ? costs.verifiedEmail : 0) : 0);
    return { data: person, credits, calls: [{ endpoint: '/people/match', credits }] };
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
    testConnection,
    stats: () => http.stats(),
    close: () => http.close(),
  };
}

function sum(calls: { credits: number }[]): number {
  return calls.reduce((n, c) => n + c.credits, 0);
}
