/**
 * Every error code that may cross the contract, as one union: AppError and ProviderError take only
 * these, and the renderer keeps one human sentence per code (renderer/error-sentences.ts).
 */
export const ERROR_CODES = [
  // input and contract
  'INVALID_INPUT',
  'INVALID_ICP',
  'INVALID_ARGUMENT',
  'UNKNOWN_METHOD',
  'BAD_REQUEST',
  'FORBIDDEN_SENDER',
  'EXPORT_PATH',
  'EXPORT_PATH_NOT_CHOSEN',
  'EXPORT_BAD_LEAD',
  'EXPORT_LOCKED',
  'NOT_FOUND',
  'NOT_SANDBOX',
  // campaign state
  'CAMPAIGN_FINISHED',
  'INVALID_TRANSITION',
  'NOT_RUNNING',
  'CANCELLED',
  'BUDGET_REACHED',
  // keys and keychain
  'NO_KEY',
  'INVALID_KEY',
  'INVALID_PROVIDER',
  'KEYCHAIN_UNAVAILABLE',
  'DATA_KEY_UNAVAILABLE',
  // provider calls (ProviderErrorCode)
  'AUTH',
  'RATE_LIMITED',
  'QUOTA_EXHAUSTED',
  'UNAVAILABLE',
  'BAD_RESPONSE',
  'ABORTED',
  // CRM sync (HubSpot)
  'CRM_AUTH',
  'CRM_SYNC_FAILED',
  // local matching model and vector store
  'MODEL_MISSING',
  'MODEL_DOWNLOAD_FAILED',
  'MODEL_LOAD_FAILED',
  'MODEL_CHECKSUM',
  'EMBEDDER_CLOSED',
  'EMBEDDER_FAILED',
  'EMBED_FAILED',
  'CHROMA_UNAVAILABLE',
  'CHROMA_STOPPED',
  // the database file
  'DB_MIGRATION',
  'DB_TOO_NEW',
  // transport and bugs
  'IPC_FAILED',
  'DISCONNECTED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The one error shape that crosses IPC/WebSocket: {name, message, code}. */
export interface WireError {
  name: string;
  message: string;
  code: ErrorCode;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

const codeSet: ReadonlySet<string> = new Set(ERROR_CODES);

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && codeSet.has(code);
}

export function toWireError(err: unknown): WireError {
  if (err instanceof AppError) return { name: err.name, message: err.message, code: err.code };
  if (err instanceof Error) return { name: err.name, message: err.message, code: 'INTERNAL' };
  return { name: 'Error', message: String(err), code: 'INTERNAL' };
}
