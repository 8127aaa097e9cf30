import type { ErrorAnswer } from '../http';
import type { ProviderErrorCode } from '../types';
import { ErrorBodySchema } from './schemas';

/** HubSpot's own words from {status:"error", message, category}, else the body's start. */
export function hubspotSaid(a: ErrorAnswer): { category: string | null; message: string } {
  const body = ErrorBodySchema.safeParse(a.json);
  if (body.success && body.data.message)
    return { category: body.data.category ?? null, message: body.data.message.slice(0, 300) };
  return { category: null, message: a.text.trim().slice(0, 200) };
}

/** HubSpot's error answers, in words a user can act on. */
export function describeHubSpotError(
  a: ErrorAnswer,
): { code: ProviderErrorCode; message: string } | undefined {
  const said = hubspotSaid(a);
  if (a.status === 401)
    return {
      code: 'AUTH',
      message: `HubSpot rejected the private-app token (401). Create a private app in HubSpot (Settings → Integrations → Private apps) and paste its token in Settings → CRM.`,
    };
  if (a.status === 403)
    return {
      code: 'AUTH',
      message: `HubSpot refused ${a.endpoint} for this token (403: ${said.message}). Give the private app the scopes crm.objects.contacts.read/write, crm.objects.companies.read/write and crm.schemas.contacts.write.`,
    };
  if (a.status === 400 || a.status === 404 || a.status === 409)
    return {
      code: 'BAD_REQUEST',
      message: `HubSpot refused the records sent to ${a.endpoint} (${a.status}${said.category ? ` ${said.category}` : ''}: ${said.message}).`,
    };
  return undefined;
}
