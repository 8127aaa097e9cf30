/** HubSpot's records: search (paged, chunked IN filters), batch writes v3 and default associations v4. */
import { call, type HubSpotApi } from './api';
import { HUBSPOT_BATCH_MAX, HUBSPOT_IN_VALUES_MAX, HUBSPOT_SEARCH_PAGE } from './limits';
import { toRecord } from './map';
import { AssociationsResponseSchema, BatchResponseSchema, SearchResponseSchema } from './schemas';
import type { HubSpotObjectType, HubSpotRecord } from './types';

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const batchCheck = (n: number, what: string) => {
  if (n > HUBSPOT_BATCH_MAX)
    throw new Error(`HubSpot ${what} takes at most ${HUBSPOT_BATCH_MAX} inputs (got ${n}).`);
};

export async function searchBy(
  api: HubSpotApi,
  type: HubSpotObjectType,
  property: string,
  values: string[],
  properties: string[],
  signal?: AbortSignal,
): Promise<HubSpotRecord[]> {
  const unique = [...new Set(values.map((v) => v.trim().toLowerCase()).filter(Boolean))];
  const out: HubSpotRecord[] = [];
  for (const group of chunks(unique, HUBSPOT_IN_VALUES_MAX))
    out.push(...(await searchGroup(api, type, property, group, properties, signal)));
  return out;
}

/** Every page of one IN filter (≤ 100 values). */
async function searchGroup(
  api: HubSpotApi,
  type: HubSpotObjectType,
  property: string,
  group: string[],
  properties: string[],
  signal?: AbortSignal,
): Promise<HubSpotRecord[]> {
  const path = `/crm/v3/objects/${type}/search`;
  const out: HubSpotRecord[] = [];
  let after: string | undefined;
  do {
    const body = {
      filterGroups: [{ filters: [{ propertyName: property, operator: 'IN', values: group }] }],
      properties: [...new Set([property, ...properties])],
      sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
      limit: HUBSPOT_SEARCH_PAGE,
      ...(after ? { after } : {}),
    };
    const res = await call(
      api,
      { method: 'POST', path, endpoint: path, body, schema: SearchResponseSchema },
      true,
      signal,
    );
    out.push(...res.results.map(toRecord));
    after = res.paging?.next?.after;
  } while (after);
  return out;
}

export async function upsertContacts(
  api: HubSpotApi,
  inputs: { email: string; properties: Record<string, string> }[],
  signal?: AbortSignal,
): Promise<HubSpotRecord[]> {
  batchCheck(inputs.length, 'contacts upsert');
  const path = '/crm/v3/objects/contacts/batch/upsert';
  const body = {
    inputs: inputs.map((i) => ({ idProperty: 'email', id: i.email, properties: i.properties })),
  };
  const res = await call(
    api,
    { method: 'POST', path, endpoint: path, body, schema: BatchResponseSchema },
    true,
    signal,
  );
  return res.results.map(toRecord);
}

export async function create(
  api: HubSpotApi,
  type: HubSpotObjectType,
  inputs: Record<string, string>[],
  signal?: AbortSignal,
): Promise<HubSpotRecord[]> {
  batchCheck(inputs.length, `${type} create`);
  const path = `/crm/v3/objects/${type}/batch/create`;
  const body = { inputs: inputs.map((properties) => ({ properties })) };
  const res = await call(
    api,
    { method: 'POST', path, endpoint: path, body, schema: BatchResponseSchema },
    false,
    signal,
  );
  return res.results.map(toRecord);
}

export async function update(
  api: HubSpotApi,
  type: HubSpotObjectType,
  inputs: { id: string; properties: Record<string, string> }[],
  signal?: AbortSignal,
): Promise<HubSpotRecord[]> {
  batchCheck(inputs.length, `${type} update`);
  const path = `/crm/v3/objects/${type}/batch/update`;
  const res = await call(
    api,
    { method: 'POST', path, endpoint: path, body: { inputs }, schema: BatchResponseSchema },
    true,
    signal,
  );
  return res.results.map(toRecord);
}

export async function associateContactsToCompanies(
  api: HubSpotApi,
  pairs: { contactId: string; companyId: string }[],
  signal?: AbortSignal,
): Promise<number> {
  batchCheck(pairs.length, 'association');
  const path = '/crm/v4/associations/contacts/companies/batch/associate/default';
  const body = { inputs: pairs.map((p) => ({ from: { id: p.contactId }, to: { id: p.companyId } })) };
  const res = await call(
    api,
    { method: 'POST', path, endpoint: path, body, schema: AssociationsResponseSchema },
    true,
    signal,
  );
  return res.results.length;
}
