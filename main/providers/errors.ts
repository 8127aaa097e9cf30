import { AppError } from '../shared/errors';
import type { WindowName } from './rate-window';
import type { ProviderErrorCode } from './types';

export interface ProviderErrorInfo {
  provider: string;
  endpoint: string;
  /** HTTP status of the last answer; null when none arrived (timeout, network, abort, local limit). */
  status: number | null;
  /** When a rate window will let the call through again (epoch ms), for RATE_LIMITED. */
  retryAt?: number;
  /** Which rate window refused (minute | hour | day), for RATE_LIMITED when it can be known. */
  window?: WindowName;
  /** A short, redacted excerpt of the provider's answer. */
  body?: string;
}

/** A provider call that failed for good: the message names the provider, the endpoint and the fix. */
export class ProviderError extends AppError {
  declare readonly code: ProviderErrorCode;
  readonly provider: string;
  readonly endpoint: string;
  readonly status: number | null;
  readonly retryAt: number | undefined;
  readonly window: WindowName | undefined;

  constructor(code: ProviderErrorCode, message: string, info: ProviderErrorInfo) {
    super(code, message, info);
    this.name = 'ProviderError';
    this.provider = info.provider;
    this.endpoint = info.endpoint;
    this.status = info.status;
    this.retryAt = info.retryAt;
    this.window = info.window;
  }
}

export function isProviderError(err: unknown, code?: ProviderErrorCode): err is ProviderError {
  return err instanceof ProviderError && (code === undefined || err.code === code);
}

/** Replaces every secret (API keys) in text; keys must never reach logs, errors or the UI. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('[redacted]');
  return out;
}
