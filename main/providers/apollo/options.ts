/** The Apollo client's options and the HTTP layer's settings they make. */
import type { HttpClientOptions, RequestEvent } from '../http';
import type { RateLimits } from '../rate-window';
import { APOLLO_BASE_URL } from './api';
import { describeApolloError } from './describe-error';
import { APOLLO_PAID_LIMITS, apolloEndpointClass, type ApolloCosts } from './limits';

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

export function apolloHttpOptions(opts: ApolloProviderOptions, apiKey: string): HttpClientOptions {
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
  return httpOptions;
}
