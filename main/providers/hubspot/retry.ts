/**
 * HubSpot's retry policy: a 429 is always safe to repeat (HubSpot did nothing), a 5xx, timeout or
 * unreadable answer only on an idempotent call (a batch create may have landed).
 */
import { ProviderError, isProviderError } from '../errors';

export interface RetryState {
  failures: number;
  rateWaits: number;
}

export interface RetrySettings {
  maxRetries: number;
  retryBaseMs: number;
  maxRateLimitWaits: number;
  rateLimitWaitMs: number;
}

export type Step = { kind: 'wait'; ms: number; rate: boolean } | { kind: 'throw'; error: unknown };

/** What to do after a failed attempt (pure, so the policy is tested on its own). */
export function nextStep(err: unknown, state: RetryState, s: RetrySettings, idempotent: boolean): Step {
  if (!isProviderError(err)) return { kind: 'throw', error: err };
  if (err.code === 'RATE_LIMITED') {
    if (state.rateWaits < s.maxRateLimitWaits) return { kind: 'wait', ms: s.rateLimitWaitMs, rate: true };
    return {
      kind: 'throw',
      error: new ProviderError(
        'RATE_LIMITED',
        `HubSpot kept answering 429 (RATE_LIMIT) on ${err.endpoint} after ${state.rateWaits + 1} tries. Another app may share this account's limit; push again in a minute.`,
        { provider: 'HubSpot', endpoint: err.endpoint, status: err.status },
      ),
    };
  }
  if (
    (err.code === 'UNAVAILABLE' || err.code === 'BAD_RESPONSE') &&
    idempotent &&
    state.failures < s.maxRetries
  )
    return { kind: 'wait', ms: s.retryBaseMs * 2 ** state.failures, rate: false };
  return { kind: 'throw', error: err };
}
