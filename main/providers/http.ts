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
  WINDOWS,
  WindowBucket,
  exhaustedWindow,
  windowOfDelay,
  type RateHeaderInfo,
  type RateLimits,
  type WindowHeader,
  type WindowName,
} from './rate-window';
import type { ProviderErrorCode } from './types';

export type { RateLimits, WindowLimits, RateHeaderInfo, WindowName } from './rate-window';

export type AttemptOutcome =
  'ok' | 'rate_limited' | 'server_error' | 'client_error' | 'timeout' | 'network' | 'malformed';

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

type Attempt =
  | { kind: 'answer'; status: number; headers: Record<string, string | string[] | undefined>; text: string }
  | { kind: 'timeout' }
  | { kind: 'network'; message: string };

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
    const endpoint = spec.endpoint ?? spec.path;
    const cls = this.o.classify(endpoint);
    const stats = this.statsFor(endpoint);
    const fail = (code: ProviderErrorCode, message: string, status: number | null, extra = {}) => {
      stats.failures += 1;
      return new ProviderError(code, redact(message, this.o.secrets), {
        provider: this.o.provider,
        endpoint,
        status,
        ...extra,
      });
    };
    const where = `${this.o.provider} ${spec.method} ${endpoint}`;

    let last: {
      code: ProviderErrorCode;
      message: string;
      status: number | null;
      extra?: { retryAt?: number; window?: WindowName };
    } | null = null;
    // After a 429 with Retry-After the bucket holds until then; the window wait replaces the backoff.
    let heldByServer = false;
    for (let attempt = 0; attempt <= this.o.maxRetries; attempt++) {
      if (attempt > 0) {
        stats.retries += 1;
        if (!heldByServer)
          await this.sleep(this.o.retryBaseMs * 2 ** (attempt - 1), spec.signal, endpoint, fail);
      }
      heldByServer = false;
      const { result, durationMs } = await this.send(spec, endpoint, cls, stats, fail);
      const status = result.kind === 'answer' ? result.status : null;
      const outcome = classifyAttempt(result, spec.schema);
      this.emit({
        provider: this.o.provider,
        endpoint,
        method: spec.method,
        attempt,
        status,
        outcome: outcome.kind,
        durationMs,
      });
      switch (outcome.kind) {
        case 'ok':
          return outcome.data as T;
        case 'rate_limited': {
          stats.rateLimited += 1;
          const refusal = this.refusal(result as Extract<Attempt, { kind: 'answer' }>, cls, endpoint);
          heldByServer = refusal.held;
          const when = refusal.retryAt
            ? `it frees up at ${new Date(refusal.retryAt).toISOString()}; resume then`
            : 'wait a minute and resume';
          last = {
            code: 'RATE_LIMITED',
            message: `${where} kept answering 429 (rate limit${refusal.window ? `, ${refusal.window} window` : ''}) after ${attempt + 1} tries: ${when}, or lower the plan limits in Settings.`,
            status,
            extra: {
              ...(refusal.retryAt ? { retryAt: refusal.retryAt } : {}),
              ...(refusal.window ? { window: refusal.window } : {}),
            },
          };
          break;
        }
        case 'server_error':
          stats.serverErrors += 1;
          last = {
            code: 'UNAVAILABLE',
            message: `${where} failed with HTTP ${status} after ${attempt + 1} tries; the service is having trouble. Resume later.`,
            status,
          };
          break;
        case 'timeout':
          stats.timeouts += 1;
          last = {
            code: 'UNAVAILABLE',
            message: `${where} did not answer within ${this.o.timeoutMs} ms after ${attempt + 1} tries. Check your connection and resume.`,
            status: null,
          };
          break;
        case 'network':
          stats.networkErrors += 1;
          last = {
            code: 'UNAVAILABLE',
            message: `${where} could not be reached (${outcome.message}) after ${attempt + 1} tries. Check your connection or the base URL and resume.`,
            status: null,
          };
          break;
        case 'malformed':
          stats.malformed += 1;
          last = {
            code: 'BAD_RESPONSE',
            message: `${where} answered with a body we could not read (${outcome.message}) after ${attempt + 1} tries. Resume later; if it persists the API may have changed.`,
            status,
          };
          break;
        case 'client_error': {
          const answer = result as Extract<Attempt, { kind: 'answer' }>;
          const described = this.describe(answer, endpoint, where);
          throw fail(described.code, described.message, answer.status, {
            body: redact(answer.text.slice(0, 300), this.o.secrets),
          });
        }
      }
    }
    throw fail(last!.code, last!.message, last!.status, last!.extra ?? {});
  }

  /**
   * What a 429 says about when to try again: Retry-After (seconds or a date) holds the bucket until
   * then; the window is the one the headers report as used up, else the one the body names, else
   * the one the delay's length suggests. Without Retry-After the headers' "0 left" (already
   * observed) may still say when.
   */
  private refusal(
    answer: Extract<Attempt, { kind: 'answer' }>,
    cls: string,
    endpoint: string,
  ): { retryAt?: number; window?: WindowName; held: boolean } {
    const now = this.o.clock();
    const info = this.o.readRateHeaders(answer.headers);
    const delay = retryAfterMs(answer.headers['retry-after'], now);
    const named = /\bper (minute|hour|day)\b/i.exec(answer.text)?.[1]?.toLowerCase() as
      WindowName | undefined;
    const bucket = this.bucketFor(cls, endpoint);
    // Retry-After: 0 says nothing about a window: back off as for any 429.
    if (delay !== undefined && delay > 0) {
      const window = exhaustedWindow(info) ?? named ?? windowOfDelay(delay);
      const retryAt = now + delay;
      bucket.hold(window, retryAt);
      return { retryAt, window, held: true };
    }
    const plan = bucket.plan(now);
    if (plan.at > now)
      return { retryAt: plan.at, window: plan.window ?? exhaustedWindow(info) ?? named, held: true };
    const window = exhaustedWindow(info) ?? named;
    return window ? { window, held: false } : { held: false };
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
    fail: (code: ProviderErrorCode, message: string, status: number | null, extra?: object) => ProviderError,
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
    fail: (code: ProviderErrorCode, message: string, status: number | null, extra?: object) => ProviderError,
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

  private async attempt(
    spec: RequestSpec<unknown>,
    endpoint: string,
    fail: (code: ProviderErrorCode, message: string, status: number | null) => ProviderError,
  ): Promise<Attempt> {
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
    answer: Extract<Attempt, { kind: 'answer' }>,
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

  private sleep(
    ms: number,
    signal: AbortSignal | undefined,
    endpoint: string,
    fail: (code: ProviderErrorCode, message: string, status: number | null) => ProviderError,
  ): Promise<void> {
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

type Classified =
  | { kind: 'ok'; data: unknown }
  | { kind: 'malformed'; message: string }
  | { kind: 'network'; message: string }
  | { kind: Exclude<AttemptOutcome, 'ok' | 'malformed' | 'network'> };

function classifyAttempt(result: Attempt, schema: z.ZodType<unknown>): Classified {
  if (result.kind === 'timeout') return { kind: 'timeout' };
  if (result.kind === 'network') return { kind: 'network', message: result.message };
  const { status, text } = result;
  if (status === 429) return { kind: 'rate_limited' };
  if (status >= 500) return { kind: 'server_error' };
  if (status < 200 || status >= 300) return { kind: 'client_error' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'malformed', message: 'not JSON' };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.length ? issue.path.join('.') : '(root)';
    return { kind: 'malformed', message: `${path}: ${issue?.message ?? 'unexpected shape'}` };
  }
  return { kind: 'ok', data: parsed.data };
}

/** Header names per window: Apollo's documented family first, then the names live accounts send. */
const headerFamilies: Record<WindowName, { limit: string[]; left: string[]; usage: string[] }> = {
  minute: {
    limit: ['x-rate-limit-minute'],
    left: ['x-minute-requests-left'],
    usage: ['x-minute-usage'],
  },
  hour: {
    limit: ['x-rate-limit-hourly', 'x-rate-limit-hour'],
    left: ['x-hourly-requests-left', 'x-hour-requests-left'],
    usage: ['x-hourly-usage', 'x-hour-usage'],
  },
  day: {
    limit: ['x-rate-limit-daily', 'x-rate-limit-24-hour'],
    left: ['x-daily-requests-left', 'x-24-hour-requests-left'],
    usage: ['x-daily-usage', 'x-24-hour-usage'],
  },
};

/**
 * Apollo's rate headers in both families: the documented x-rate-limit-minute|hourly|daily and
 * x-minute|hourly|daily-requests-left, and the daily window as live accounts send it
 * (x-rate-limit-24-hour, x-24-hour-usage, x-24-hour-requests-left). "Left" comes from limit − usage
 * when only those two arrive.
 */
export function readApolloRateHeaders(
  headers: Record<string, string | string[] | undefined>,
): RateHeaderInfo {
  const first = (names: string[]) => names.map((n) => num(headers[n])).find((v) => v !== undefined);
  const info: RateHeaderInfo = {};
  for (const w of WINDOWS) {
    const h: WindowHeader = {};
    const limit = first(headerFamilies[w].limit);
    const usage = first(headerFamilies[w].usage);
    const left =
      first(headerFamilies[w].left) ??
      (limit !== undefined && usage !== undefined ? Math.max(0, limit - usage) : undefined);
    if (limit !== undefined) h.limit = limit;
    if (left !== undefined) h.left = left;
    if (limit !== undefined || left !== undefined) info[w] = h;
  }
  return info;
}

/** Retry-After as delay-seconds or an HTTP date → ms from now; undefined when absent or unreadable. */
export function retryAfterMs(v: string | string[] | undefined, now: number): number | undefined {
  const s = (Array.isArray(v) ? v[0] : v)?.trim();
  if (!s) return undefined;
  if (/^\d+(\.\d+)?$/.test(s)) return Math.ceil(Number(s) * 1000);
  const at = Date.parse(s);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function num(v: string | string[] | undefined): number | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  if (s === undefined || s.trim() === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
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
