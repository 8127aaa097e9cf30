/**
 * HubSpot's published limits for private apps (providers.md): 100 requests per 10 s on free and
 * Starter accounts, 190 on Professional and Enterprise; the CRM search endpoints allow 5 per second
 * on top. Batches take at most 100 inputs; a search page at most 200 results and an IN filter 100 values.
 */
export interface HubSpotLimits {
  burst: number;
  intervalMs: number;
  searchPerSecond: number;
}

export const HUBSPOT_LIMITS: Readonly<Record<'free' | 'professional', HubSpotLimits>> = {
  free: { burst: 100, intervalMs: 10_000, searchPerSecond: 5 },
  professional: { burst: 190, intervalMs: 10_000, searchPerSecond: 5 },
};

export const HUBSPOT_BATCH_MAX = 100;
export const HUBSPOT_IN_VALUES_MAX = 100;
export const HUBSPOT_SEARCH_PAGE = 200;

export type HubSpotEndpointClass = 'search' | 'burst';

export function hubspotEndpointClass(endpoint: string): HubSpotEndpointClass {
  return endpoint.endsWith('/search') ? 'search' : 'burst';
}
