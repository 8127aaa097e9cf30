/** What every Apollo endpoint function works with: the HTTP client, the cost table, Apollo's paging. */
import type { HttpClient } from '../http';
import type { ApolloCosts } from './limits';

export interface ApolloApi {
  http: HttpClient;
  costs: ApolloCosts;
}

export const APOLLO_BASE_URL = 'https://api.apollo.io/api/v1';
/** The endpoint name (ledger, rate window) of GET /organizations/{id}/job_postings. */
export const JOB_POSTINGS_ENDPOINT = '/organizations/{id}/job_postings';
/** Apollo serves at most 500 pages of a search. */
export const MAX_PAGES = 500;

/** A search's page size (1–100) and page (1–500), as Apollo accepts them. */
export function searchPage(q: { page: number; perPage: number }): { page: number; perPage: number } {
  return {
    perPage: Math.min(Math.max(1, Math.floor(q.perPage)), 100),
    page: Math.min(Math.max(1, Math.floor(q.page)), MAX_PAGES),
  };
}

export function sumCredits(calls: { credits: number }[]): number {
  return calls.reduce((n, c) => n + c.credits, 0);
}
