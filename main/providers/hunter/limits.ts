/**
 * Hunter's own limits and prices (providers.md). The per-second windows are kept by the client (the
 * shared HTTP layer counts minutes, hours and days); per-minute windows go to the HTTP layer.
 */

export interface HunterClassLimits {
  perSecond: number;
  perMinute: number;
}

/** Finder and domain search share a class; the verifier has its own. */
export type HunterEndpointClass = 'search' | 'verifier' | 'account';

export type HunterLimits = Record<'search' | 'verifier', HunterClassLimits>;

/** ~15 req/s and 500/min (finder, domain search), 10/s and 300/min (verifier); unverified, so configurable. */
export const HUNTER_DEFAULT_LIMITS: HunterLimits = {
  search: { perSecond: 15, perMinute: 500 },
  verifier: { perSecond: 10, perMinute: 300 },
};

export function hunterEndpointClass(endpoint: string): HunterEndpointClass {
  if (endpoint === '/email-verifier') return 'verifier';
  if (endpoint === '/email-finder' || endpoint === '/domain-search') return 'search';
  return 'account';
}

/** Credits per answer; Hunter states none in its bodies, so the ledger uses these. */
export interface HunterCosts {
  /** Per email the finder returns; nothing found costs nothing. */
  finderEmail: number;
  /** Per finished verification (0.5 on Hunter's current plans, 1 on some older ones); a 202 costs nothing. */
  verification: number;
  /** Per started block of 10 emails a domain search returns. */
  domainSearchPer10: number;
}

export const HUNTER_DEFAULT_COSTS: HunterCosts = { finderEmail: 1, verification: 0.5, domainSearchPer10: 1 };
