import type { WireError } from '../main/shared/errors';

/** What every IPC reply carries, so an error keeps its code across the process boundary. */
export type IpcEnvelope<T = unknown> = { ok: true; result: T } | { ok: false; error: WireError };

function isWireError(e: unknown): e is WireError {
  return (
    !!e &&
    typeof e === 'object' &&
    typeof (e as WireError).message === 'string' &&
    typeof (e as WireError).code === 'string'
  );
}

/**
 * Resolves to the result or rejects with a plain WireError object. Not an Error instance on purpose:
 * contextBridge copies only an Error's message, while a plain object arrives in the page whole.
 */
export function unwrapEnvelope<T>(reply: unknown): Promise<T> {
  if (reply && typeof reply === 'object' && 'ok' in reply) {
    const env = reply as IpcEnvelope<T>;
    if (env.ok) return Promise.resolve(env.result);
    if (isWireError(env.error))
      return Promise.reject({ name: env.error.name, message: env.error.message, code: env.error.code });
  }
  return Promise.reject({
    name: 'Error',
    message: 'The main process sent a malformed reply.',
    code: 'IPC_MALFORMED',
  });
}

export function ipcFailure(err: unknown): WireError {
  const message = err instanceof Error ? err.message : String(err);
  return {
    name: 'Error',
    message: `The call did not reach the main process: ${message}`,
    code: 'IPC_FAILED',
  };
}
