import type { ErrorAnswer } from '../http';
import type { ProviderErrorCode } from '../types';

/** `id: details` of Hunter's `{"errors":[{id, code, details}]}`, else the body's start. */
export function hunterSaid(a: ErrorAnswer): string {
  const first = (a.json as { errors?: { id?: unknown; details?: unknown }[] } | undefined)?.errors?.[0];
  const parts = [first?.id, first?.details].filter((p): p is string => typeof p === 'string' && p !== '');
  return parts.length ? parts.join(': ') : a.text.trim().slice(0, 200);
}

/**
 * Hunter's error answers, in words a user can act on. 403 is Hunter's rate limit, not a refused
 * key: it comes back as RATE_LIMITED with its status, and the client waits and asks again.
 */
export function describeHunterError(
  a: ErrorAnswer,
): { code: ProviderErrorCode; message: string } | undefined {
  const said = hunterSaid(a);
  const quoted = said ? `: ${said}` : '';
  if (a.status === 401)
    return {
      code: 'AUTH',
      message: `Hunter rejected the API key (401${quoted}). Check the Hunter key in Settings → API keys.`,
    };
  if (a.status === 403)
    return {
      code: 'RATE_LIMITED',
      message: `Hunter answered 403 on ${a.endpoint} (its per-second or per-minute rate limit${quoted}).`,
    };
  if (a.status === 451)
    return {
      code: 'BAD_REQUEST',
      message: `Hunter will not process this person's data on ${a.endpoint} (451${quoted}): they asked to be left out.`,
    };
  if (a.status === 400 || a.status === 422)
    return {
      code: 'BAD_REQUEST',
      message: `Hunter rejected the parameters sent to ${a.endpoint} (${a.status}${quoted}). This is a bug in Lead Studio's request; please report it.`,
    };
  return undefined;
}
