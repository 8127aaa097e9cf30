/**
 * Apollo.io client: free people search, paid company enrichment and person reveal.
 * Talks to the real API or to the sandbox server, which speaks the same endpoints.
 * Each endpoint is a function over the HTTP client and the cost table (search.ts, enrich.ts,
 * reveal.ts); this module only builds them and binds them to the provider interface.
 */
import { HttpClient, type HttpStats } from '../http';
import type { CallContext, LeadProvider, Paid, PersonRef, RevealedMatch } from '../types';
import type { ApolloApi } from './api';
import { enrichCompany, jobPostings } from './enrich';
import { APOLLO_DEFAULT_COSTS } from './limits';
import { apolloHttpOptions, type ApolloProviderOptions } from './options';
import { revealPeople, revealPerson } from './reveal';
import { searchCompanies, searchPeople, testConnection, type ConnectionCheck } from './search';

export { APOLLO_FREE_LIMITS, APOLLO_PAID_LIMITS, APOLLO_DEFAULT_COSTS, apolloEndpointClass } from './limits';
export type { ApolloCosts } from './limits';
export { APOLLO_BASE_URL, JOB_POSTINGS_ENDPOINT } from './api';
export type { ApolloProviderOptions } from './options';
export type { ConnectionCheck } from './search';

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

export function createApolloProvider(opts: ApolloProviderOptions): ApolloProvider {
  const apiKey = opts.apiKey.trim();
  if (!apiKey) throw new Error('Apollo API key is empty: paste your key in Settings → API keys.');
  const api: ApolloApi = {
    http: new HttpClient(apolloHttpOptions(opts, apiKey)),
    costs: { ...APOLLO_DEFAULT_COSTS, ...opts.costs },
  };
  return {
    name: 'apollo',
    searchPeople: (query, ctx) => searchPeople(api, query, ctx),
    searchCompanies: (query, ctx) => searchCompanies(api, query, ctx),
    enrichCompany: (ref, ctx) => enrichCompany(api, ref, ctx),
    revealPerson: (ref, ctx) => revealPerson(api, ref, ctx),
    revealPeople: (refs, ctx) => revealPeople(api, refs, ctx),
    jobPostings: (query, ctx) => jobPostings(api, query, ctx),
    testConnection: (signal) => testConnection(api, signal),
    stats: () => api.http.stats(),
    close: () => api.http.close(),
  };
}
