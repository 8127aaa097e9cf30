/**
 * The IPC request path without Electron in it: sender check, argument validation, the engine call, and
 * the envelope that carries results and errors back. Electron turns a thrown error into a string
 * ("Error invoking remote method …") and loses its code, so nothing is thrown across IPC: every reply
 * is {ok:true, result} or {ok:false, error: WireError}.
 */
import { METHODS, type Handlers, type Method } from '../main/contract';
import { AppError, toWireError } from '../main/shared/errors';
import type { IpcEnvelope } from './envelope';
import { isTrustedSender } from './sender';
import { validateArg } from '../main/contract-args';

export type { IpcEnvelope } from './envelope';

export interface DispatchOptions {
  /** The renderer's file:// URL; only frames showing this document may call. */
  appUrl: string;
  /** Applied to error messages before they leave the main process (keeps keys off the screen). */
  redact?: (text: string) => string;
  /** A last say on a validated call (throw an AppError to refuse it). */
  authorize?: (method: Method, arg: unknown) => void;
  /** Told about failures that are bugs rather than user errors (non-AppError). */
  onInternalError?: (method: string, err: unknown) => void;
}

const methodSet: ReadonlySet<string> = new Set(METHODS);

export function isMethod(m: unknown): m is Method {
  return typeof m === 'string' && methodSet.has(m);
}

export function untrustedSenderError(frameUrl: string | null | undefined): AppError {
  return new AppError(
    'FORBIDDEN_SENDER',
    `Refused a call from a page that is not Lead Studio (${frameUrl ?? 'no frame'}).`,
  );
}

/** Runs `fn` for a trusted sender and packs its outcome (value or error) into an envelope. */
export async function guarded<T>(
  frameUrl: string | null | undefined,
  opts: DispatchOptions,
  label: string,
  fn: () => Promise<T>,
): Promise<IpcEnvelope<T>> {
  try {
    if (!isTrustedSender(frameUrl, opts.appUrl)) throw untrustedSenderError(frameUrl);
    return { ok: true, result: await fn() };
  } catch (err) {
    if (!(err instanceof AppError)) opts.onInternalError?.(label, err);
    const wire = toWireError(err);
    return { ok: false, error: opts.redact ? { ...wire, message: opts.redact(wire.message) } : wire };
  }
}

export function createDispatcher(handlers: Handlers, opts: DispatchOptions) {
  return function dispatch(
    method: unknown,
    frameUrl: string | null | undefined,
    arg: unknown,
  ): Promise<IpcEnvelope> {
    return guarded(frameUrl, opts, String(method), async () => {
      if (!isMethod(method)) throw new AppError('UNKNOWN_METHOD', `Unknown method "${String(method)}".`);
      const valid = validateArg(method, arg);
      opts.authorize?.(method, valid);
      const handler = handlers[method] as (a: unknown) => Promise<unknown>;
      return handler(valid);
    });
  };
}
