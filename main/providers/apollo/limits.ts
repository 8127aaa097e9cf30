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

// Job postings are counted with the other endpoints (not documented as an enrichment endpoint).
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

/**
 * Credits Apollo charges when a response does not state `credits_consumed`. Amounts are not all
 * published; the defaults are what was observed (providers.md): a recorded bulk_match of two
 * verified people reported 2 credits — one per revealed person, nothing extra for the email.
 */
export interface ApolloCosts {
  /** Per person record returned by /people/match or /people/bulk_match. */
  personRecord: number;
  /** Extra when that record carries a verified email (0 as observed; older pricing text said 1). */
  verifiedEmail: number;
  /** Per organization returned by /organizations/enrich. */
  companyEnrich: number;
  /** Per organization returned by a one-result /mixed_companies/search name lookup. */
  companySearchRecord: number;
  /** Per /mixed_companies/search page that returns at least one organization. */
  companySearchPage: number;
  /** Per /organizations/{id}/job_postings page that returns at least one posting. */
  jobPostingsPage: number;
}

export const APOLLO_DEFAULT_COSTS: ApolloCosts = {
  personRecord: 1,
  verifiedEmail: 0,
  companyEnrich: 1,
  companySearchRecord: 1,
  companySearchPage: 1,
  jobPostingsPage: 1,
};

/** The ledger's view of a call: counted = reported when the provider said, else expected. */
export function paidCall(endpoint: string, expected: number, reported: number | null | undefined) {
  const reportedCredits = reported ?? null;
  return {
    endpoint,
    credits: reportedCredits ?? expected,
    expectedCredits: expected,
    reportedCredits,
  };
}
