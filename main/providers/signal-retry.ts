/**
 * The retry policy the signal providers share (Crunchbase, BuiltWith): 5xx, timeouts, network
 * errors and unreadable bodies are retried with backoff; a 429 is not waited out here but fails at
 * once with the time the provider's window frees up (`retryAt`), so a watch refresh can park the
 * company and come back instead of holding a campaign up. The HTTP layer runs with maxRetries 0.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { ProviderError, isProviderError } from './errors';

export interface SignalRetryOptions {
  provider: string;
  maxRetries: number;
  retryBaseMs: number;
  /** Length of the provider's rate window (ms): retryAt is the next window boundary. */
  windowMs: number;
  clock: () => number;
  signal?: AbortSignal | undefined;
}

export async function withSignalRetries<T>(send: () => Promise<T>, o: SignalRetryOptions): Promise<T> {
  for (let failures = 0; ; failures++) {
    try {
      return await send();
    } catch (err) {
      if (!isProviderError(err)) throw err;
      if (err.code === 'RATE_LIMITED' && err.retryAt === undefined) {
        const retryAt = Math.floor(o.clock() / o.windowMs) * o.windowMs + o.windowMs;
        throw new ProviderError(
          'RATE_LIMITED',
          `${o.provider} answered 429 (rate limit) on ${err.endpoint}; it lets calls through again at ${new Date(retryAt).toISOString()}. Signals for this company are read on the next refresh.`,
          { provider: o.provider, endpoint: err.endpoint, status: err.status, retryAt },
        );
      }
      const retryable = err.code === 'UNAVAILABLE' || err.code === 'BAD_RESPONSE';
      if (!retryable || failures >= o.maxRetries) {
        if (!retryable) throw err;
        throw new ProviderError(
          err.code,
          err.message.replace(/after \d+ tries/, `after ${failures + 1} tries`),
          {
            provider: o.provider,
            endpoint: err.endpoint,
            status: err.status,
          },
        );
      }
      try {
        await delay(o.retryBaseMs * 2 ** failures, undefined, { signal: o.signal });
      } catch {
        throw new ProviderError('ABORTED', `${o.provider} ${err.endpoint}: cancelled.`, {
          provider: o.provider,
          endpoint: err.endpoint,
          status: null,
        });
      }
    }
  }
}
