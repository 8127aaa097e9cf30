/**
 * Hunter.io v2 client: email finder, email verifier, domain search and account, for the email
 * waterfall's fallback after Apollo. Talks to the real API or the sandbox Hunter.
 *
 * Over the shared HTTP layer (transport, per-minute windows, timeouts, zod, redaction) with
 * Hunter's own semantics on top, because they differ from Apollo's: 403 is the rate limit (wait and
 * ask again), 429 is the month's quota used up (QUOTA_EXHAUSTED: go on without Hunter), 202 on
 * the verifier means "ask again" (charged once, at the answer). Per-second windows are kept here.
 */
import { setTimeout as delay } from 'node:timers/promises';
import PQueue from 'p-queue';
import type { z } from 'zod';
import { ProviderError, isProviderError, redact } from '../errors';
import { HttpClient, type HttpClientOptions, type HttpStats, type RequestEvent } from '../http';
import type { CallContext, Paid, PaidCall } from '../types';
import { describeHunterError } from './describe-error';
import {
  HUNTER_DEFAULT_COSTS,
  HUNTER_DEFAULT_LIMITS,
  hunterEndpointClass,
  type HunterCosts,
  type HunterLimits,
} from './limits';
import { toAccount, toDomainEmails, toFoundEmail, toVerification } from './map';
import {
  AccountResponseSchema,
  DomainSearchResponseSchema,
  EmailFinderResponseSchema,
  EmailVerifierResponseSchema,
} from './schemas';
import type {
  DomainEmails,
  DomainSearchQuery,
  EmailVerification,
  FinderQuery,
  FoundEmail,
  HunterAccount,
} from './types';

/** Hunter reports no charge in its answers: what we count is the cost table's figure. */
function tableCall(endpoint: string, credits: number): PaidCall {
  return { endpoint, credits, expectedCredits: credits, reportedCredits: null };
}

export { HUNTER_DEFAULT_COSTS, HUNTER_DEFAULT_LIMITS, hunterEndpointClass } from './limits';
export type { HunterCosts, HunterLimits } from './limits';
export type * from './types';

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

export interface HunterStats {
  http: HttpStats;
  /** 403 answers waited out. */
  rateLimitWaits: number;
  /** 202 answers of the verifier. */
  verifyPolls: number;
  /** 429 answers (quota used up). */
  quotaRefusals: number;
}

export interface ConnectionCheck {
  ok: boolean;
  message: string;
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

interface Settings {
  maxRetries: number;
  retryBaseMs: number;
  maxRateLimitWaits: number;
  rateLimitWaitMs: number;
  clock: () => number;
}

interface RetryState {
  failures: number;
  rateWaits: number;
}

type Step = { kind: 'wait'; ms: number; rate: boolean } | { kind: 'throw'; error: unknown };

/** What to do after a failed attempt: Hunter's statuses mean other things than Apollo's. */
export function nextStep(err: unknown, state: RetryState, s: Settings): Step {
  if (!isProviderError(err)) return { kind: 'throw', error: err };
  const info = { provider: 'Hunter', endpoint: err.endpoint, status: err.status };
  if (err.code === 'RATE_LIMITED' && err.status === 403) {
    if (state.rateWaits < s.maxRateLimitWaits) return { kind: 'wait', ms: s.rateLimitWaitMs, rate: true };
    const retryAt = Math.floor(s.clock() / 60_000) * 60_000 + 60_000;
    return {
      kind: 'throw',
      error: new ProviderError(
        'RATE_LIMITED',
        `Hunter kept answering 403 (its rate limit) on ${err.endpoint} after ${state.rateWaits + 1} tries; it should let calls through again at ${new Date(retryAt).toISOString()}. Resume then, or lower Hunter's limits in Settings.`,
        { ...info, retryAt },
      ),
    };
  }
  if (err.code === 'RATE_LIMITED' && err.status === 429) {
    return {
      kind: 'throw',
      error: new ProviderError(
        'QUOTA_EXHAUSTED',
        `Hunter's monthly quota for this plan is used up (429 on ${err.endpoint}). Campaigns go on with Apollo alone until it resets (see Settings → Hunter for the date), or upgrade the Hunter plan.`,
        info,
      ),
    };
  }
  if (err.code === 'UNAVAILABLE' || err.code === 'BAD_RESPONSE') {
    if (state.failures < s.maxRetries)
      return { kind: 'wait', ms: s.retryBaseMs * 2 ** state.failures, rate: false };
    const tries = state.failures + 1;
    return {
      kind: 'throw',
      error: new ProviderError(
        err.code,
        err.message.replace(/after \d+ tries/, `after ${tries} tries`),
        info,
      ),
    };
  }
  return { kind: 'throw', error: err };
}

export function createHunterClient(opts: HunterClientOptions): HunterClient {
  const apiKey = opts.apiKey.trim();
  if (!apiKey) throw new Error('Hunter API key is empty: paste your key in Settings → API keys → Hunter.');
  const costs: HunterCosts = { ...HUNTER_DEFAULT_COSTS, ...opts.costs };
  const limits = opts.limits ?? HUNTER_DEFAULT_LIMITS;
  const settings: Settings = {
    maxRetries: opts.maxRetries ?? 3,
    retryBaseMs: opts.retryBaseMs ?? 1000,
    maxRateLimitWaits: opts.maxRateLimitWaits ?? 5,
    rateLimitWaitMs: opts.rateLimitWaitMs ?? 1000,
    clock: opts.clock ?? Date.now,
  };
  const maxVerifyPolls = opts.maxVerifyPolls ?? 10;
  const pollDelayMs = opts.pollDelayMs ?? 2000;
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
    clock: settings.clock,
  };
  if (opts.maxWaitMs !== undefined) httpOptions.maxWaitMs = opts.maxWaitMs;
  if (opts.concurrency !== undefined) httpOptions.concurrency = opts.concurrency;
  if (opts.onRequest) httpOptions.onRequest = opts.onRequest;
  const http = new HttpClient(httpOptions);
  // A sliding one-second window per class: never more than perSecond starts in any second.
  const perSecond = {
    search: new PQueue({ interval: 1000, intervalCap: limits.search.perSecond, strict: true }),
    verifier: new PQueue({ interval: 1000, intervalCap: limits.verifier.perSecond, strict: true }),
  };
  const counters = { rateLimitWaits: 0, verifyPolls: 0, quotaRefusals: 0 };

  const aborted = (endpoint: string) =>
    new ProviderError('ABORTED', `Hunter ${endpoint}: cancelled.`, {
      provider: 'Hunter',
      endpoint,
      status: null,
    });

  async function wait(ms: number, endpoint: string, signal?: AbortSignal): Promise<void> {
    try {
      await delay(ms, undefined, { signal });
    } catch {
      throw aborted(endpoint);
    }
  }

  function once<T>(
    path: string,
    query: Record<string, string | number | undefined>,
    schema: z.ZodType<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    const send = () => http.request({ method: 'GET', path, query, schema, signal });
    const cls = hunterEndpointClass(path);
    if (cls === 'account') return send();
    return perSecond[cls].add(send, { signal }).catch((err: unknown) => {
      if (signal?.aborted && !isProviderError(err)) throw aborted(path);
      throw err;
    });
  }

  /** One logical call: retries what can be retried, waits out 403s, turns 429 into QUOTA_EXHAUSTED. */
  async function call<T>(
    path: string,
    query: Record<string, string | number | undefined>,
    schema: z.ZodType<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    const state: RetryState = { failures: 0, rateWaits: 0 };
    for (;;) {
      try {
        return await once(path, query, schema, signal);
      } catch (err) {
        const step = nextStep(err, state, settings);
        if (step.kind === 'throw') {
          if (isProviderError(step.error, 'QUOTA_EXHAUSTED')) counters.quotaRefusals += 1;
          throw step.error;
        }
        if (step.rate) {
          state.rateWaits += 1;
          counters.rateLimitWaits += 1;
        } else state.failures += 1;
        await wait(step.ms, path, signal);
      }
    }
  }

  async function findEmail(q: FinderQuery, ctx: CallContext): Promise<Paid<FoundEmail | null>> {
    const endpoint = '/email-finder';
    const query = {
      domain: q.domain.trim().toLowerCase(),
      first_name: q.firstName.trim(),
      last_name: q.lastName.trim(),
    };
    const missing = Object.entries(query).find(([, v]) => !v);
    if (missing) throw new Error(`Hunter email finder needs ${missing[0]}: got an empty value.`);
    let found: FoundEmail | null;
    try {
      found = toFoundEmail(await call(endpoint, query, EmailFinderResponseSchema, ctx.signal));
    } catch (err) {
      if (isProviderError(err) && err.status === 451)
        found = null; // claimed: Hunter gives nothing
      else throw err;
    }
    const credits = found ? costs.finderEmail : 0;
    return { data: found, credits, calls: [tableCall(endpoint, credits)] };
  }

  async function verifyEmail(email: string, ctx: CallContext): Promise<Paid<EmailVerification>> {
    const endpoint = '/email-verifier';
    const address = email.trim();
    if (!address) throw new Error('Hunter email verifier needs an email: got an empty value.');
    for (let ask = 0; ; ask++) {
      let res;
      try {
        res = await call(endpoint, { email: address }, EmailVerifierResponseSchema, ctx.signal);
      } catch (err) {
        if (isProviderError(err) && err.status === 451)
          return { data: unresolved(address, 'claimed'), credits: 0, calls: [tableCall(endpoint, 0)] };
        throw err;
      }
      const verification = toVerification(res, address, new Date(settings.clock()).toISOString());
      if (verification)
        return {
          data: verification,
          credits: costs.verification,
          calls: [tableCall(endpoint, costs.verification)],
        };
      counters.verifyPolls += 1;
      if (ask >= maxVerifyPolls)
        return {
          data: unresolved(address, 'still_verifying'),
          credits: 0,
          calls: [tableCall(endpoint, 0)],
        };
      await wait(pollDelayMs, endpoint, ctx.signal);
    }
  }

  function unresolved(email: string, why: 'still_verifying' | 'claimed'): EmailVerification {
    return {
      email,
      status: 'unknown',
      score: null,
      acceptAll: false,
      smtpCheck: false,
      mxRecords: false,
      block: false,
      checkedAt: new Date(settings.clock()).toISOString(),
      unresolved: why,
    };
  }

  async function searchDomain(q: DomainSearchQuery, ctx: CallContext): Promise<Paid<DomainEmails>> {
    const endpoint = '/domain-search';
    const domain = q.domain.trim().toLowerCase();
    if (!domain) throw new Error('Hunter domain search needs a domain: got an empty value.');
    const limit = Math.min(Math.max(1, Math.floor(q.limit ?? 10)), 100);
    const offset = Math.max(0, Math.floor(q.offset ?? 0));
    const res = await call(endpoint, { domain, limit, offset }, DomainSearchResponseSchema, ctx.signal);
    const data = toDomainEmails(res, domain);
    const credits = Math.ceil(data.emails.length / 10) * costs.domainSearchPer10;
    return { data, credits, calls: [tableCall(endpoint, credits)] };
  }

  async function account(signal?: AbortSignal): Promise<HunterAccount> {
    return toAccount(await call('/account', {}, AccountResponseSchema, signal), costs);
  }

  async function testConnection(signal?: AbortSignal): Promise<ConnectionCheck> {
    try {
      const a = await account(signal);
      const left = Math.max(0, a.searches.available - a.searches.used);
      return {
        ok: true,
        message: `Connected to Hunter (${a.plan ?? 'plan unknown'}): ${left.toLocaleString('en-US')} of ${a.searches.available.toLocaleString('en-US')} searches left this month, ${a.creditsUsed} credits used${a.resetDate ? `; resets ${a.resetDate}` : ''}.`,
      };
    } catch (err) {
      return { ok: false, message: redact(err instanceof Error ? err.message : String(err), [apiKey]) };
    }
  }

  return {
    name: 'hunter',
    findEmail,
    verifyEmail,
    searchDomain,
    account,
    testConnection,
    stats: () => ({ http: http.stats(), ...counters }),
    close: async () => {
      perSecond.search.clear();
      perSecond.verifier.clear();
      await http.close();
    },
  };
}
