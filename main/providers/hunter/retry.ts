/**
 * Hunter's retry policy, which differs from Apollo's: 403 is the rate limit (wait and ask again),
 * 429 the month's quota used up (final: QUOTA_EXHAUSTED), 5xx / timeouts / unreadable bodies are
 * retried with backoff.
 */
import { ProviderError, isProviderError } from '../errors';

export interface RetrySettings {
  maxRetries: number;
  retryBaseMs: number;
  maxRateLimitWaits: number;
  rateLimitWaitMs: number;
  clock: () => number;
}

export interface RetryState {
  failures: number;
  rateWaits: number;
}

export type Step = { kind: 'wait'; ms: number; rate: boolean } | { kind: 'throw'; error: unknown };

/** What to do after a failed attempt: Hunter's statuses mean other things than Apollo's. */
export function nextStep(err: unknown, state: RetryState, s: RetrySettings): Step {
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
