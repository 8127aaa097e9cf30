import type { RateLimits } from '../rate-window';

/**
 * Apollo counts requests per endpoint in fixed minute/hour/day windows; the limits depend on the
 * plan and on whether the endpoint is an enrichment one (providers.md). Headers correct these at run time.
 */
export const APOLLO_PAID_LIMITS: RateLimits = {
  enrichment: { perMinute: 1000 },
  other: { perMinute: 200, perHour: 400 },
};

export const APOLLO_FREE_LIMITS: RateLimits = {
  enrichment: { perMinute: 50, perHour: 200, perDay: 600 },
  other: { perMinute: 50, perHour: 200, perDay: 600 },
};

const ENRICHMENT = new Set([
  '/people/match',
  '/people/bulk_match',
  '/organizations/enrich',
  '/organizations/bulk_enrich',
]);

export type ApolloEndpointClass = 'enrichment' | 'other';

export function apolloEndpointClass(endpoint: string): ApolloEndpointClass {
  return ENRICHMENT.has(endpoint) ? 'enrichment' : 'other';
}

/** Credits Apollo charges when a response does not state `credits_consumed`. Amounts are not all published. */
export interface ApolloCosts {
  /** Per person record returned by /people/match. */
  personRecord: number;
  /** Extra when that record carries a verified email. */
  verifiedEmail: number;
  /** Per organization returned by /organizations/enrich. */
  companyEnrich: number;
  /** Per organization returned by a one-result /mixed_companies/search name lookup. */
  companySearchRecord: number;
  /** Per /mixed_companies/search page that returns at least one organization. */
  companySearchPage: number;
}

export const APOLLO_DEFAULT_COSTS: ApolloCosts = {
  personRecord: 1,
  verifiedEmail: 1,
  companyEnrich: 1,
  companySearchRecord: 1,
  companySearchPage: 1,
};
