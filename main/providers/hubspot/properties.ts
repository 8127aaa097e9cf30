/** HubSpot's property definitions (properties v3): what exists, and creating what is missing. */
import { isProviderError } from '../errors';
import { call, type HubSpotApi } from './api';
import { PropertiesResponseSchema } from './schemas';
import type { HubSpotObjectType, PropertyDefinition } from './types';

export async function listProperties(
  api: HubSpotApi,
  type: HubSpotObjectType,
  signal?: AbortSignal,
): Promise<string[]> {
  const path = `/crm/v3/properties/${type}`;
  const res = await call(
    api,
    { method: 'GET', path, endpoint: path, schema: PropertiesResponseSchema },
    true,
    signal,
  );
  return res.results.map((p) => p.name);
}

export async function ensureProperties(
  api: HubSpotApi,
  type: HubSpotObjectType,
  defs: PropertyDefinition[],
  signal?: AbortSignal,
): Promise<string[]> {
  const have = new Set(await listProperties(api, type, signal));
  const created: string[] = [];
  for (const def of defs.filter((d) => !have.has(d.name))) {
    const path = `/crm/v3/properties/${type}`;
    try {
      await call(
        api,
        {
          method: 'POST',
          path,
          endpoint: path,
          body: def,
          schema: PropertiesResponseSchema.shape.results.element,
        },
        false,
        signal,
      );
      created.push(def.name);
    } catch (err) {
      // 409: created meanwhile (another device, or a lost answer): what we wanted exists.
      if (!(isProviderError(err, 'BAD_REQUEST') && err.status === 409)) throw err;
    }
  }
  return created;
}
