import type { ErrorAnswer } from '../http';
import type { ProviderErrorCode } from '../types';

/** Apollo's error answers, in words a user can act on. */
export function describeApolloError(
  a: ErrorAnswer,
): { code: ProviderErrorCode; message: string } | undefined {
  const body = (a.json ?? {}) as { error?: unknown; error_code?: unknown; message?: unknown };
  const said =
    typeof body.error === 'string'
      ? body.error
      : typeof body.message === 'string'
        ? body.message
        : a.text.trim().slice(0, 200);
  if (a.status === 401)
    return {
      code: 'AUTH',
      message: `Apollo rejected the API key (401${said ? `: ${said}` : ''}). Check the key in Settings → API keys.`,
    };
  if (a.status === 403 && body.error_code === 'API_INACCESSIBLE')
    return {
      code: 'AUTH',
      message: `Apollo refused ${a.endpoint} for this key (403 API_INACCESSIBLE): it needs a master API key. Create one in Apollo under Settings → Integrations → API and paste it in Settings → API keys.`,
    };
  if (a.status === 403)
    return {
      code: 'AUTH',
      message: `Apollo refused ${a.endpoint} for this key (403${said ? `: ${said}` : ''}). Check the key's permissions and your plan, then the key in Settings → API keys.`,
    };
  if (a.status === 422)
    return {
      code: 'BAD_REQUEST',
      message: `Apollo rejected the parameters sent to ${a.endpoint} (422${said ? `: ${said}` : ''}). This is a bug in Lead Studio's request; please report it.`,
    };
  return undefined;
}
