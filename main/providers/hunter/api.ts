/**
 * What every Hunter endpoint function works with, and the one logical call they all make: through
 * Hunter's per-second window for the endpoint's class, then the shared HTTP layer once (which keeps
 * the per-minute windows), retried here by the policy in retry.ts.
 */
import { setTimeout as delay } from 'node:timers/promises';
import PQueue from 'p-queue';
import type { z } from 'zod';
import { ProviderError, isProviderError } from '../errors';
import { HttpClient, type HttpClientOptions, type RequestEvent } from '../http';
import type { PaidCall } from '../types';
import { describeHunterError } from './describe-error';
import {
  HUNTER_DEFAULT_COSTS,
  HUNTER_DEFAULT_LIMITS,
  hunterEndpointClass,
  type HunterCosts,
  type HunterLimits,
} from './limits';
import { nextStep, type RetrySettings, type RetryState } from './retry';

export const HUNTER_BASE_URL = 'https://api.hunter.io/v2';

export interface HunterClientOptions {
  apiKey: string;
  baseUrl?: string;
  limits?: HunterLimits;
  costs?: Partial<HunterCosts>;
  /** Per-attempt timeout. Default 30 s: Hunter's verifier works up to 20 s before its 202. */
  timeoutMs?: number;
  /** Retries of 5xx, timeouts, network errors and unreadable bodies (default 3, backoff from retryBaseMs). */
  maxRetries?: number;
  retryBaseMs?: number;
  /** 403s waited out (rateLimitWaitMs each) before failing with RATE_LIMITED. Default 5 × 1 s. */
  maxRateLimitWaits?: number;
  rateLimitWaitMs?: number;
  /** Re-asks of a verification Hunter is still running (202), pollDelayMs apart. Default 10 × 2 s. */
  maxVerifyPolls?: number;
  pollDelayMs?: number;
  /** Longest wait for a per-minute window before failing with RATE_LIMITED (default 65 s). */
  maxWaitMs?: number;
  concurrency?: number;
  onRequest?: (event: RequestEvent) => void;
  /** Clock for per-minute windows and retryAt (tests align it with the sandbox's). */
  clock?: () => number;
}

export interface HunterApi {
  http: HttpClient;
  costs: HunterCosts;
  settings: RetrySettings;
  /** A sliding one-second window per class: never more than perSecond starts in any second. */
  perSecond: { search: PQueue; verifier: PQueue };
  polls: { max: number; delayMs: number };
  counters: { rateLimitWaits: number; verifyPolls: number; quotaRefusals: number };
}

export type Query = Record<string, string | number | undefined>;

export function createHunterApi(opts: HunterClientOptions, apiKey: string): HunterApi {
  const limits = opts.limits ?? HUNTER_DEFAULT_LIMITS;
  const settings: RetrySettings = {
    maxRetries: opts.maxRetries ?? 3,
    retryBaseMs: opts.retryBaseMs ?? 1000,
    maxRateLimitWaits: opts.maxRateLimitWaits ?? 5,
    rateLimitWaitMs: opts.rateLimitWaitMs ?? 1000,
    clock: opts.clock ?? Date.now,
  };
  return {
    http: new HttpClient(hunterHttpOptions(opts, apiKey, limits, settings.clock)),
    costs: { ...HUNTER_DEFAULT_COSTS, ...opts.costs },
    settings,
    perSecond: {
      search: new PQueue({ interval: 1000, intervalCap: limits.search.perSecond, strict: true }),
      verifier: new PQueue({ interval: 1000, intervalCap: limits.verifier.perSecond, strict: true }),
    },
    polls: { max: opts.maxVerifyPolls ?? 10, delayMs: opts.pollDelayMs ?? 2000 },
    counters: { rateLimitWaits: 0, verifyPolls: 0, quotaRefusals: 0 },
  };
}

function hunterHttpOptions(
  opts: HunterClientOptions,
  apiKey: string,
  limits: HunterLimits,
  clock: () => number,
): HttpClientOptions {
  const httpOptions: HttpClientOptions = {
    provider: 'Hunter',
    baseUrl: opts.baseUrl ?? HUNTER_BASE_URL,
    // The key goes in this header only, never in a URL (URLs reach logs and proxies).
    headers: { 'x-api-key': apiKey },
    secrets: [apiKey],
    limits: {
      search: { perMinute: limits.search.perMinute },
      verifier: { perMinute: limits.verifier.perMinute },
    },
    classify: hunterEndpointClass,
    windowScope: 'class',
    // Retries live in this client: the shared layer would retry a 429, which for Hunter is final.
    maxRetries: 0,
    timeoutMs: opts.timeoutMs ?? 30_000,
    describeError: describeHunterError,
    clock,
  };
  if (opts.maxWaitMs !== undefined) httpOptions.maxWaitMs = opts.maxWaitMs;
  if (opts.concurrency !== undefined) httpOptions.concurrency = opts.concurrency;
  if (opts.onRequest) httpOptions.onRequest = opts.onRequest;
  return httpOptions;
}

/** Hunter reports no charge in its answers: what we count is the cost table's figure. */
export function tableCall(endpoint: string, credits: number): PaidCall {
  return { endpoint, credits, expectedCredits: credits, reportedCredits: null };
}

const aborted = (endpoint: string) =>
  new ProviderError('ABORTED', `Hunter ${endpoint}: cancelled.`, {
    provider: 'Hunter',
    endpoint,
    status: null,
  });

export async function wait(ms: number, endpoint: string, signal?: AbortSignal): Promise<void> {
  try {
    await delay(ms, undefined, { signal });
  } catch {
    throw aborted(endpoint);
  }
}

function once<T>(api: HunterApi, path: string, query: Query, schema: z.ZodType<T>, signal?: AbortSignal) {
  const send = () => api.http.request({ method: 'GET', path, query, schema, signal });
  const cls = hunterEndpointClass(path);
  if (cls === 'account') return send();
  return api.perSecond[cls].add(send, { signal }).catch((err: unknown) => {
    if (signal?.aborted && !isProviderError(err)) throw aborted(path);
    throw err;
  });
}

/** One logical call: retries what can be retried, waits out 403s, turns 429 into QUOTA_EXHAUSTED. */
export async function call<T>(
  api: HunterApi,
  path: string,
  query: Query,
  schema: z.ZodType<T>,
  signal?: AbortSignal,
): Promise<T> {
  const state: RetryState = { failures: 0, rateWaits: 0 };
  for (;;) {
    try {
      return await once(api, path, query, schema, signal);
    } catch (err) {
      const step = nextStep(err, state, api.settings);
      if (step.kind === 'throw') {
        if (isProviderError(step.error, 'QUOTA_EXHAUSTED')) api.counters.quotaRefusals += 1;
        throw step.error;
      }
      if (step.rate) {
        state.rateWaits += 1;
        api.counters.rateLimitWaits += 1;
      } else state.failures += 1;
      await wait(step.ms, path, signal);
    }
  }
}
