/**
 * Hunter.io v2 client: email finder, email verifier, domain search and account, for the email
 * waterfall's fallback after Apollo. Talks to the real API or the sandbox Hunter.
 *
 * Over the shared HTTP layer (transport, per-minute windows, timeouts, zod, redaction) with
 * Hunter's own semantics on top, because they differ from Apollo's: 403 is the rate limit (wait and
 * ask again), 429 is the month's quota used up (QUOTA_EXHAUSTED: go on without Hunter), 202 on
 * the verifier means "ask again" (charged once, at the answer). Per-second windows are kept here.
 * Each endpoint is a function over a small HunterApi (api.ts: the call, windows, counters) in
 * endpoints.ts; the retry policy is retry.ts; this module only binds them to the client interface.
 */
import type { HttpStats } from '../http';
import type { CallContext, Paid } from '../types';
import { createHunterApi, type HunterClientOptions } from './api';
import {
  account,
  findEmail,
  searchDomain,
  testConnection,
  verifyEmail,
  type ConnectionCheck,
} from './endpoints';
import type {
  DomainEmails,
  DomainSearchQuery,
  EmailVerification,
  FinderQuery,
  FoundEmail,
  HunterAccount,
} from './types';

export { HUNTER_DEFAULT_COSTS, HUNTER_DEFAULT_LIMITS, hunterEndpointClass } from './limits';
export type { HunterCosts, HunterLimits } from './limits';
export type * from './types';
export { HUNTER_BASE_URL, type HunterClientOptions } from './api';
export type { ConnectionCheck } from './endpoints';
export { nextStep } from './retry';

export interface HunterStats {
  http: HttpStats;
  /** 403 answers waited out. */
  rateLimitWaits: number;
  /** 202 answers of the verifier. */
  verifyPolls: number;
  /** 429 answers (quota used up). */
  quotaRefusals: number;
}

export interface HunterClient {
  readonly name: 'hunter';
  /** The most likely address of a person at a domain; null (and no credit) when Hunter has none. */
  findEmail(query: FinderQuery, ctx: CallContext): Promise<Paid<FoundEmail | null>>;
  verifyEmail(email: string, ctx: CallContext): Promise<Paid<EmailVerification>>;
  searchDomain(query: DomainSearchQuery, ctx: CallContext): Promise<Paid<DomainEmails>>;
  /** Plan, reset date and this month's usage (free: Hunter does not count it). */
  account(signal?: AbortSignal): Promise<HunterAccount>;
  testConnection(signal?: AbortSignal): Promise<ConnectionCheck>;
  stats(): HunterStats;
  close(): Promise<void>;
}

export function createHunterClient(opts: HunterClientOptions): HunterClient {
  const apiKey = opts.apiKey.trim();
  if (!apiKey) throw new Error('Hunter API key is empty: paste your key in Settings → API keys → Hunter.');
  const api = createHunterApi(opts, apiKey);
  return {
    name: 'hunter',
    findEmail: (query, ctx) => findEmail(api, query, ctx),
    verifyEmail: (email, ctx) => verifyEmail(api, email, ctx),
    searchDomain: (query, ctx) => searchDomain(api, query, ctx),
    account: (signal) => account(api, signal),
    testConnection: (signal) => testConnection(api, apiKey, signal),
    stats: () => ({ http: api.http.stats(), ...api.counters }),
    close: async () => {
      api.perSecond.search.clear();
      api.perSecond.verifier.clear();
      await api.http.close();
    },
  };
}
