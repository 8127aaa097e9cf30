/** The one error shape that crosses IPC/WebSocket: {name, message, code}. */
export interface WireError {
  name: string;
  message: string;
  code: string;
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly detail?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function toWireError(err: unknown): WireError {
  if (err instanceof AppError) return { name: err.name, message: err.message, code: err.code };
  if (err instanceof Error) return { name: err.name, message: err.message, code: 'INTERNAL' };
  return { name: 'Error', message: String(err), code: 'INTERNAL' };
}
