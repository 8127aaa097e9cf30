/**
 * What one HTTP attempt's answer means, as pure decisions the HTTP layer's request loop applies:
 * its outcome (ok, retryable, final), the failure it records should no retry succeed, when a 429
 * lets the next try through, and how long to back off before it.
 */
import type { z } from 'zod';
import { retryAfterMs, type Headers } from './rate-headers';
import {
  exhaustedWindow,
  windowOfDelay,
  type RateHeaderInfo,
  type Reservation,
  type WindowName,
} from './rate-window';
import type { ProviderErrorCode } from './types';

export type AttemptOutcome =
  'ok' | 'rate_limited' | 'server_error' | 'client_error' | 'timeout' | 'network' | 'malformed';

export type Answer = { kind: 'answer'; status: number; headers: Headers; text: string };
export type Attempt = Answer | { kind: 'timeout' } | { kind: 'network'; message: string };

export type Classified =
  | { kind: 'ok'; data: unknown }
  | { kind: 'malformed'; message: string }
  | { kind: 'network'; message: string }
  | { kind: 'rate_limited' }
  | { kind: 'server_error' }
  | { kind: 'client_error' }
  | { kind: 'timeout' };

/** An outcome worth another try (everything but success and a 4xx other than 429). */
export type Retryable = Exclude<Classified, { kind: 'ok' } | { kind: 'client_error' }>;

export function classifyAttempt(result: Attempt, schema: z.ZodType<unknown>): Classified {
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

/** The counter each retryable outcome adds to (EndpointStats). */
export const OUTCOME_COUNTER = {
  rate_limited: 'rateLimited',
  server_error: 'serverErrors',
  timeout: 'timeouts',
  network: 'networkErrors',
  malformed: 'malformed',
} as const satisfies Record<Retryable['kind'], string>;

/** What a 429 says about the next try. */
export interface Refusal {
  /** When the server lets requests through again, when that can be known (epoch ms). */
  retryAt?: number;
  window?: WindowName;
  /** The rate window holds the next try (so it waits for the window instead of backing off). */
  held: boolean;
  /** Retry-After named the time: the bucket must hold this window until then. */
  hold?: { window: WindowName; until: number };
}

/**
 * When to try again after a 429: Retry-After (seconds or a date) holds the bucket until then; the
 * window is the one the headers report as used up, else the one the body names, else the one the
 * delay's length suggests. Without Retry-After the bucket's own plan (which has already observed
 * the headers' "0 left") may still say when.
 */
export function refusalOf(answer: Answer, info: RateHeaderInfo, plan: Reservation, now: number): Refusal {
  const delay = retryAfterMs(answer.headers['retry-after'], now);
  const named = /\bper (minute|hour|day)\b/i.exec(answer.text)?.[1]?.toLowerCase() as WindowName | undefined;
  // Retry-After: 0 says nothing about a window: back off as for any 429.
  if (delay !== undefined && delay > 0) {
    const window = exhaustedWindow(info) ?? named ?? windowOfDelay(delay);
    const retryAt = now + delay;
    return { retryAt, window, held: true, hold: { window, until: retryAt } };
  }
  if (plan.at > now)
    return { retryAt: plan.at, window: plan.window ?? exhaustedWindow(info) ?? named, held: true };
  const window = exhaustedWindow(info) ?? named;
  return window ? { window, held: false } : { held: false };
}

/** Backoff before try `attempt` (1..): base × 2^(attempt−1); null when a rate window holds it instead. */
export function retryDelayMs(attempt: number, held: boolean, retryBaseMs: number): number | null {
  return held ? null : retryBaseMs * 2 ** (attempt - 1);
}

/** The error a call ends with when its last try failed this way. */
export interface Failure {
  code: ProviderErrorCode;
  message: string;
  status: number | null;
  extra?: { retryAt?: number; window?: WindowName };
}

export function rateLimitFailure(where: string, tries: number, status: number | null, r: Refusal): Failure {
  const when = r.retryAt
    ? `it frees up at ${new Date(r.retryAt).toISOString()}; resume then`
    : 'wait a minute and resume';
  return {
    code: 'RATE_LIMITED',
    message: `${where} kept answering 429 (rate limit${r.window ? `, ${r.window} window` : ''}) after ${tries} tries: ${when}, or lower the plan limits in Settings.`,
    status,
    extra: {
      ...(r.retryAt ? { retryAt: r.retryAt } : {}),
      ...(r.window ? { window: r.window } : {}),
    },
  };
}

export function transientFailure(
  outcome: Exclude<Retryable, { kind: 'rate_limited' }>,
  where: string,
  tries: number,
  status: number | null,
  timeoutMs: number,
): Failure {
  switch (outcome.kind) {
    case 'server_error':
      return {
        code: 'UNAVAILABLE',
        message: `${where} failed with HTTP ${status} after ${tries} tries; the service is having trouble. Resume later.`,
        status,
      };
    case 'timeout':
      return {
        code: 'UNAVAILABLE',
        message: `${where} did not answer within ${timeoutMs} ms after ${tries} tries. Check your connection and resume.`,
        status: null,
      };
    case 'network':
      return {
        code: 'UNAVAILABLE',
        message: `${where} could not be reached (${outcome.message}) after ${tries} tries. Check your connection or the base URL and resume.`,
        status: null,
      };
    case 'malformed':
      return {
        code: 'BAD_RESPONSE',
        message: `${where} answered with a body we could not read (${outcome.message}) after ${tries} tries. Resume later; if it persists the API may have changed.`,
        status,
      };
  }
}
