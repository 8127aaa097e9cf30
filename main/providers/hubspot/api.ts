/**
 * What every HubSpot endpoint function works with, and the one logical call they all make: through
 * HubSpot's own windows (100 per 10 s, search 5 per second: finer than the shared layer's), then
 * the shared HTTP layer once, retried here by the policy in retry.ts.
 */
import { setTimeout as delay } from 'node:timers/promises';
import PQueue from 'p-queue';
import type { z } from 'zod';
import { ProviderError, isProviderError } from '../errors';
import { HttpClient, type HttpClientOptions, type RequestEvent } from '../http';
import { describeHubSpotError } from './describe-error';
import { HUBSPOT_LIMITS, hubspotEndpointClass, type HubSpotLimits } from './limits';
import { nextStep, type RetrySettings, type RetryState } from './retry';

export const HUBSPOT_BASE_URL = 'https://api.hubapi.com';

export interface HubSpotClientOptions {
  token: string;
  baseUrl?: string;
  limits?: HubSpotLimits;
  timeoutMs?: number;
  /** Repeats of a 5xx / timeout / unreadable answer on idempotent calls (default 3, backoff from retryBaseMs). */
  maxRetries?: number;
  retryBaseMs?: number;
  /** 429s waited out (rateLimitWaitMs each, default HubSpot's 10 s interval) before RATE_LIMITED. Default 5. */
  maxRateLimitWaits?: number;
  rateLimitWaitMs?: number;
  concurrency?: number;
  onRequest?: (event: RequestEvent) => void;
}

export interface HubSpotApi {
  http: HttpClient;
  windows: { burst: PQueue; search: PQueue };
  settings: RetrySettings;
  counters: { rateLimitWaits: number; retries: number };
}

export interface CallSpec<T> {
  method: 'GET' | 'POST';
  path: string;
  endpoint: string;
  body?: unknown;
  schema: z.ZodType<T>;
}

export function createHubSpotApi(opts: HubSpotClientOptions, token: string): HubSpotApi {
  const limits = opts.limits ?? HUBSPOT_LIMITS.free;
  return {
    http: new HttpClient(hubspotHttpOptions(opts, token)),
    windows: {
      burst: new PQueue({ interval: limits.intervalMs, intervalCap: limits.burst, strict: true }),
      search: new PQueue({ interval: 1000, intervalCap: limits.searchPerSecond, strict: true }),
    },
    settings: {
      maxRetries: opts.maxRetries ?? 3,
      retryBaseMs: opts.retryBaseMs ?? 1000,
      maxRateLimitWaits: opts.maxRateLimitWaits ?? 5,
      rateLimitWaitMs: opts.rateLimitWaitMs ?? limits.intervalMs,
    },
    counters: { rateLimitWaits: 0, retries: 0 },
  };
}

function hubspotHttpOptions(opts: HubSpotClientOptions, token: string): HttpClientOptions {
  const httpOptions: HttpClientOptions = {
    provider: 'HubSpot',
    baseUrl: opts.baseUrl ?? HUBSPOT_BASE_URL,
    headers: { authorization: `Bearer ${token}` },
    secrets: [token],
    classify: hubspotEndpointClass,
    maxRetries: 0,
    timeoutMs: opts.timeoutMs ?? 30_000,
    describeError: describeHubSpotError,
    // HubSpot's windows are 10 s and 1 s, finer than the shared layer's: the queues keep them.
    readRateHeaders: () => ({}),
  };
  if (opts.concurrency !== undefined) httpOptions.concurrency = opts.concurrency;
  if (opts.onRequest) httpOptions.onRequest = opts.onRequest;
  return httpOptions;
}

const cancelled = (endpoint: string) =>
  new ProviderError('ABORTED', `HubSpot ${endpoint}: cancelled.`, {
    provider: 'HubSpot',
    endpoint,
    status: null,
  });

/** One logical call: waits for HubSpot's window, retries what nextStep allows, counts the waits. */
export async function call<T>(
  api: HubSpotApi,
  spec: CallSpec<T>,
  idempotent: boolean,
  signal?: AbortSignal,
): Promise<T> {
  const state: RetryState = { failures: 0, rateWaits: 0 };
  const queue = api.windows[hubspotEndpointClass(spec.endpoint)];
  for (;;) {
    try {
      return await queue.add(() => api.http.request({ ...spec, signal }), { signal });
    } catch (err) {
      if (signal?.aborted && !isProviderError(err)) throw cancelled(spec.endpoint);
      const step = nextStep(err, state, api.settings, idempotent);
      if (step.kind === 'throw') throw step.error;
      if (step.rate) {
        state.rateWaits += 1;
        api.counters.rateLimitWaits += 1;
      } else {
        state.failures += 1;
        api.counters.retries += 1;
      }
      try {
        await delay(step.ms, undefined, { signal });
      } catch {
        throw cancelled(spec.endpoint);
      }
    }
  }
}
