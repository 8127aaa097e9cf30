/**
 * The HTTP layer every provider client uses: keep-alive connections, per-class concurrency,
 * fixed-window rate limits (configured + learned from headers), timeouts, retries with
 * exponential backoff, zod-checked bodies, counters, and errors that say what to do.
 */
import PQueue from 'p-queue';
import { Agent, request as undiciRequest } from 'undici';
import type { z } from 'zod';
import { ProviderError, redact } from './errors';
import {
  OUTCOME_COUNTER,
  classifyAttempt,
  rateLimitFailure,
  refusalOf,
  retryDelayMs,
  transientFailure,
  type Answer,
  type Attempt,
  type AttemptOutcome,
  type Failure,
  type Refusal,
} from './http-attempt';
import { readApolloRateHeaders } from './rate-headers';
import { WindowBucket, type RateHeaderInfo, type RateLimits } from './rate-window';
import type { ProviderErrorCode } from './types';

export type { RateLimits, WindowLimits, RateHeaderInfo, WindowName } from './rate-window';
export type { AttemptOutcome } from './http-attempt';
export { readApolloRateHeaders, retryAfterMs } from './rate-headers';

export interface RequestEvent {
  provider: string;
  endpoint: string;
  method: string;
  /** 0 for the first try, 1.. for retries. */
  attempt: number;
  status: number | null;
  outcome: AttemptOutcome;
  durationMs: number;
}

export interface EndpointStats {
  /** HTTP requests sent (retries included). */
  requests: number;
  retries: number;
  /** 429 answers received. */
  rateLimited: number;
  serverErrors: number;
  timeouts: number;
  networkErrors: number;
  malformed: number;
  /** Calls that ended in a ProviderError. */
  failures: number;
  /** Time spent waiting for a rate window before sending (ms). */
  waitedMs: number;
}

export interface HttpStats {
  total: EndpointStats;
  byEndpoint: Record<string, EndpointStats>;
}

export interface ErrorAnswer {
  status: number;
  endpoint: string;
  /** Redacted body text. */
  text: string;
  /** The body as JSON, when it is JSON. */
  json: unknown;
}

export interface HttpClientOptions {
  /** Human name used in messages, e.g. "Apollo". */
  provider: string;
  baseUrl: string;
  /** Sent with every request (auth headers go here). */
  headers?: Record<string, string>;
  /** Strings to scrub from every message and excerpt (API keys). */
  secrets?: string[];
  /** Limits per endpoint class; endpoints of a class without limits are not throttled locally. */
  limits?: RateLimits;
  /** Endpoint → class (for limits and concurrency). Default: everything is "default". */
  classify?: (endpoint: string) => string;
  /** Whether windows are counted per endpoint (Apollo) or shared by a class. Default 'endpoint'. */
  windowScope?: 'endpoint' | 'class';
  /** Concurrent requests per class. Default 4. */
  concurrency?: number;
  /** Per-attempt timeout. Default 15 s. */
  timeoutMs?: number;
  /** First backoff delay; then ×2 per retry. Default 1 s. */
  retryBaseMs?: number;
  /** Default 3 (delays 1, 2, 4 × base). */
  maxRetries?: number;
  /** The longest a call waits for a rate window before failing with RATE_LIMITED. Default 65 s. */
  maxWaitMs?: number;
  /** Reads rate-limit headers; default reads both of Apollo's families (documented and as live accounts send them). */
  readRateHeaders?: (headers: Record<string, string | string[] | undefined>) => RateHeaderInfo;
  /** Provider-specific wording for non-retryable error answers; fall back to the defaults when undefined. */
  describeError?: (answer: ErrorAnswer) => { code: ProviderErrorCode; message: string } | undefined;
  onRequest?: (event: RequestEvent) => void;
  /** Epoch ms used for rate windows; lets tests line windows up with a server's clock. Default Date.now. */
  clock?: () => number;
}

export interface RequestSpec<T> {
  method: 'GET' | 'POST';
  /** Path below baseUrl, e.g. "/people/match". Also the endpoint name unless `endpoint` is given. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  schema: z.ZodType<T>;
  signal?: AbortSignal;
  endpoint?: string;
}

type Fail = (
  code: ProviderErrorCode,
  message: string,
  status: number | null,
  extra?: object,
) => ProviderError;

interface CallScope {
  endpoint: string;
  cls: string;
  stats: EndpointStats;
  /** "Apollo POST /people/match", the start of every message. */
  where: string;
  fail: Fail;
}

type Tried = { kind: 'ok'; data: unknown } | { kind: 'retry'; held: boolean; failure: Failure };

const emptyStats = (): EndpointStats => ({
  requests: 0,
  retries: 0,
  rateLimited: 0,
  serverErrors: 0,
  timeouts: 0,
  networkErrors: 0,
  malformed: 0,
  failures: 0,
  waitedMs: 0,
});

export class HttpClient {
  private readonly agent = new Agent({ keepAliveTimeout: 10_000, keepAliveMaxTimeout: 60_000 });
  private readonly queues = new Map<string, PQueue>();
  private readonly buckets = new Map<string, WindowBucket>();
  private readonly perEndpoint = new Map<string, EndpointStats>();
  private readonly o: Required<Omit<HttpClientOptions, 'describeError' | 'onRequest' | 'headers'>> &
    Pick<HttpClientOptions, 'describeError' | 'onRequest' | 'headers'>;

  constructor(options: HttpClientOptions) {
    this.o = {
      secrets: [],
      limits: {},
      classify: () => 'default',
      windowScope: 'endpoint',
      concurrency: 4,
      timeoutMs: 15_000,
      retryBaseMs: 1_000,
      maxRetries: 3,
      maxWaitMs: 65_000,
      readRateHeaders: readApolloRateHeaders,
      clock: Date.now,
      ...options,
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
    };
  }

  async request<T>(spec: RequestSpec<T>): Promise<T> {
    const call = this.scopeOf(spec);
    let last: Failure | null = null;
    // After a 429 with Retry-After the bucket holds until then; the window wait replaces the backoff.
    let held = false;
    for (let attempt = 0; attempt <= this.o.maxRetries; attempt++) {
      if (attempt > 0) {
        call.stats.retries += 1;
        const backoff = retryDelayMs(attempt, held, this.o.retryBaseMs);
        if (backoff !== null) await this.sleep(backoff, spec.signal, call.endpoint, call.fail);
      }
      const tried = await this.tryOnce(spec, call, attempt);
      if (tried.kind === 'ok') return tried.data as T;
      held = tried.held;
      last = tried.failure;
    }
    throw call.fail(last!.code, last!.message, last!.status, last!.extra ?? {});
  }

  /** One call's endpoint, class, counters and the failure constructor that counts it. */
  private scopeOf(spec: RequestSpec<unknown>): CallScope {
    const endpoint = spec.endpoint ?? spec.path;
    const stats = this.statsFor(endpoint);
    const fail: Fail = (code, message, status, extra = {}) => {
      stats.failures += 1;
      return new ProviderError(code, redact(message, this.o.secrets), {
        provider: this.o.provider,
        endpoint,
        status,
        ...extra,
      });
    };
    const where = `${this.o.provider} ${spec.method} ${endpoint}`;
    return { endpoint, cls: this.o.classify(endpoint), stats, where, fail };
  }

  /** Sends once and says what came of it: the data, or the failure to report if no retry succeeds. */
  private async tryOnce(spec: RequestSpec<unknown>, call: CallScope, attempt: number): Promise<Tried> {
    const { result, durationMs } = await this.send(spec, call.endpoint, call.cls, call.stats, call.fail);
    const status = result.kind === 'answer' ? result.status : null;
    const outcome = classifyAttempt(result, spec.schema);
    this.emit({
      provider: this.o.provider,
      endpoint: call.endpoint,
      method: spec.method,
      attempt,
      status,
      outcome: outcome.kind,
      durationMs,
    });
    if (outcome.kind === 'ok') return { kind: 'ok', data: outcome.data };
    if (outcome.kind === 'client_error') {
      const answer = result as Answer;
      const described = this.describe(answer, call.endpoint, call.where);
      throw call.fail(described.code, described.message, answer.status, {
        body: redact(answer.text.slice(0, 300), this.o.secrets),
      });
    }
    call.stats[OUTCOME_COUNTER[outcome.kind]] += 1;
    if (outcome.kind !== 'rate_limited')
      return {
        kind: 'retry',
        held: false,
        failure: transientFailure(outcome, call.where, attempt + 1, status, this.o.timeoutMs),
      };
    const refusal = this.refusal(result as Answer, call.cls, call.endpoint);
    return {
      kind: 'retry',
      held: refusal.held,
      failure: rateLimitFailure(call.where, attempt + 1, status, refusal),
    };
  }

  /** Reads a 429 (refusalOf) and applies its Retry-After hold to the bucket. */
  private refusal(answer: Answer, cls: string, endpoint: string): Refusal {
    const now = this.o.clock();
    const info = this.o.readRateHeaders(answer.headers);
    const bucket = this.bucketFor(cls, endpoint);
    const refusal = refusalOf(answer, info, bucket.plan(now), now);
    if (refusal.hold) bucket.hold(refusal.hold.window, refusal.hold.until);
    return refusal;
  }

  stats(): HttpStats {
    const total = emptyStats();
    const byEndpoint: Record<string, EndpointStats> = {};
    for (const [endpoint, s] of this.perEndpoint) {
      byEndpoint[endpoint] = { ...s };
      for (const k of Object.keys(total) as (keyof EndpointStats)[]) total[k] += s[k];
    }
    return { total, byEndpoint };
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  private async send(
    spec: RequestSpec<unknown>,
    endpoint: string,
    cls: string,
    stats: EndpointStats,
    fail: Fail,
  ): Promise<{ result: Attempt; durationMs: number }> {
    const queue = this.queueFor(cls);
    const bucket = this.bucketFor(cls, endpoint);
    const run = async () => {
      await this.waitForWindow(bucket, endpoint, stats, spec.signal, fail);
      bucket.inflight += 1;
      stats.requests += 1;
      const started = Date.now();
      try {
        const result = await this.attempt(spec, endpoint, fail);
        bucket.inflight -= 1;
        if (result.kind === 'answer') bucket.observe(this.o.readRateHeaders(result.headers), this.o.clock());
        return { result, durationMs: Date.now() - started };
      } catch (err) {
        bucket.inflight -= 1;
        throw err;
      }
    };
    try {
      return await queue.add(run, { signal: spec.signal });
    } catch (err) {
      if (err instanceof ProviderError) throw err;
      if (spec.signal?.aborted) throw fail('ABORTED', `${this.o.provider} ${endpoint}: cancelled.`, null);
      throw err;
    }
  }

  private async waitForWindow(
    bucket: WindowBucket,
    endpoint: string,
    stats: EndpointStats,
    signal: AbortSignal | undefined,
    fail: Fail,
  ): Promise<void> {
    const now = this.o.clock();
    const plan = bucket.plan(now);
    const wait = plan.at - now;
    if (wait > this.o.maxWaitMs) {
      const limit = plan.window ? bucket.limit(plan.window) : undefined;
      const why =
        plan.source === 'server'
          ? `${this.o.provider} reports no requests left this ${plan.window}`
          : `the plan allows ${limit} requests per ${plan.window}`;
      throw fail(
        'RATE_LIMITED',
        `${this.o.provider} ${endpoint}: ${why}; it frees up at ${new Date(plan.at).toISOString()}. Resume then, or check the plan limits in Settings.`,
        null,
        plan.window ? { retryAt: plan.at, window: plan.window } : { retryAt: plan.at },
      );
    }
    bucket.commit(plan.at);
    if (wait > 0) {
      stats.waitedMs += wait;
      await this.sleep(wait, signal, endpoint, fail);
    }
  }

  private async attempt(spec: RequestSpec<unknown>, endpoint: string, fail: Fail): Promise<Attempt> {
    const url = new URL(this.o.baseUrl + spec.path);
    for (const [k, v] of Object.entries(spec.query ?? {}))
      if (v !== undefined) url.searchParams.set(k, String(v));
    const timer = new AbortController();
    const timeout = setTimeout(() => timer.abort(), this.o.timeoutMs);
    const signal = spec.signal ? AbortSignal.any([spec.signal, timer.signal]) : timer.signal;
    try {
      const res = await undiciRequest(url, {
        method: spec.method,
        dispatcher: this.agent,
        signal,
        headers: {
          accept: 'application/json',
          ...(spec.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...this.o.headers,
        },
        body: spec.body !== undefined ? JSON.stringify(spec.body) : undefined,
      });
      const text = await res.body.text();
      return { kind: 'answer', status: res.statusCode, headers: res.headers, text };
    } catch (err) {
      if (spec.signal?.aborted) throw fail('ABORTED', `${this.o.provider} ${endpoint}: cancelled.`, null);
      if (timer.signal.aborted) return { kind: 'timeout' };
      return { kind: 'network', message: errorText(err) };
    } finally {
      clearTimeout(timeout);
    }
  }

  private describe(
    answer: Answer,
    endpoint: string,
    where: string,
  ): { code: ProviderErrorCode; message: string } {
    const text = redact(answer.text, this.o.secrets);
    const custom = this.o.describeError?.({ status: answer.status, endpoint, text, json: tryJson(text) });
    if (custom) return custom;
    const excerpt = text.trim().slice(0, 200) || '(empty body)';
    if (answer.status === 401)
      return {
        code: 'AUTH',
        message: `${this.o.provider} rejected the API key (401) on ${endpoint}. Check the key in Settings → API keys.`,
      };
    if (answer.status === 403)
      return {
        code: 'AUTH',
        message: `${this.o.provider} refused ${endpoint} for this API key (403: ${excerpt}). Check the key's permissions in Settings → API keys.`,
      };
    return {
      code: 'BAD_REQUEST',
      message: `${where} rejected the request (HTTP ${answer.status}: ${excerpt}).`,
    };
  }

  private sleep(ms: number, signal: AbortSignal | undefined, endpoint: string, fail: Fail): Promise<void> {
    return new Promise((resolve, reject) => {
      const cancelled = () => fail('ABORTED', `${this.o.provider} ${endpoint}: cancelled.`, null);
      if (signal?.aborted) return reject(cancelled());
      const onAbort = () => {
        clearTimeout(t);
        reject(cancelled());
      };
      const t = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private emit(event: RequestEvent): void {
    try {
      this.o.onRequest?.(event);
    } catch {
      // A broken observer must not break the call it observes.
    }
  }

  private statsFor(endpoint: string): EndpointStats {
    let s = this.perEndpoint.get(endpoint);
    if (!s) this.perEndpoint.set(endpoint, (s = emptyStats()));
    return s;
  }

  private queueFor(cls: string): PQueue {
    let q = this.queues.get(cls);
    if (!q) this.queues.set(cls, (q = new PQueue({ concurrency: this.o.concurrency })));
    return q;
  }

  private bucketFor(cls: string, endpoint: string): WindowBucket {
    const key = this.o.windowScope === 'class' ? `class:${cls}` : `endpoint:${endpoint}`;
    let b = this.buckets.get(key);
    if (!b) this.buckets.set(key, (b = new WindowBucket(this.o.limits[cls])));
    return b;
  }
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorText(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: string }).code;
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    return [code ?? cause, err.message].filter(Boolean).join(': ');
  }
  return String(err);
}
