/**
 * HubSpot CRM client (private-app token, Bearer): properties v3, object search and batch writes v3,
 * associations v4. Over the shared HTTP layer (transport, timeouts, zod, redaction); retries live
 * here because they depend on the call: a 429 is always safe to repeat (HubSpot did nothing), a
 * 5xx on an idempotent write (upsert by email, update by id) is repeated, but a 5xx on a batch
 * create is not — the write may have landed, and the sync searches again before creating anything.
 * Each endpoint is a function over a small HubSpotApi (api.ts: the call, windows and counters) in
 * properties.ts and records.ts; this module only binds them to the client interface.
 */
import { redact } from '../errors';
import type { HttpStats } from '../http';
import { createHubSpotApi, type HubSpotApi, type HubSpotClientOptions } from './api';
import { ensureProperties, listProperties } from './properties';
import { associateContactsToCompanies, create, searchBy, update, upsertContacts } from './records';
import type { HubSpotObjectType, HubSpotRecord, PropertyDefinition } from './types';

export { HUBSPOT_LIMITS, HUBSPOT_BATCH_MAX } from './limits';
export type { HubSpotLimits } from './limits';
export { HUBSPOT_BASE_URL, type HubSpotClientOptions } from './api';
export { nextStep, type RetrySettings } from './retry';
export type { HubSpotObjectType, HubSpotRecord, PropertyDefinition } from './types';

export interface HubSpotStats {
  http: HttpStats;
  rateLimitWaits: number;
  retries: number;
}

export interface HubSpotClient {
  readonly name: 'hubspot';
  listProperties(type: HubSpotObjectType, signal?: AbortSignal): Promise<string[]>;
  /** Creates the properties that do not exist yet; returns the names created. */
  ensureProperties(
    type: HubSpotObjectType,
    defs: PropertyDefinition[],
    signal?: AbortSignal,
  ): Promise<string[]>;
  /** Every record whose `property` equals one of `values` (any number: chunked and paged). */
  searchBy(
    type: HubSpotObjectType,
    property: string,
    values: string[],
    properties: string[],
    signal?: AbortSignal,
  ): Promise<HubSpotRecord[]>;
  /** Contacts by email, created or updated (≤ 100). Idempotent. */
  upsertContacts(
    inputs: { email: string; properties: Record<string, string> }[],
    signal?: AbortSignal,
  ): Promise<HubSpotRecord[]>;
  /** ≤ 100; NOT idempotent: never repeated after a 5xx. */
  create(
    type: HubSpotObjectType,
    inputs: Record<string, string>[],
    signal?: AbortSignal,
  ): Promise<HubSpotRecord[]>;
  /** ≤ 100, by HubSpot id. Idempotent. */
  update(
    type: HubSpotObjectType,
    inputs: { id: string; properties: Record<string, string> }[],
    signal?: AbortSignal,
  ): Promise<HubSpotRecord[]>;
  /** Default (unlabelled) contact→company associations, ≤ 100. Idempotent. */
  associateContactsToCompanies(
    pairs: { contactId: string; companyId: string }[],
    signal?: AbortSignal,
  ): Promise<number>;
  testConnection(signal?: AbortSignal): Promise<{ ok: boolean; message: string }>;
  stats(): HubSpotStats;
  close(): Promise<void>;
}

export function createHubSpotClient(opts: HubSpotClientOptions): HubSpotClient {
  const token = opts.token.trim();
  if (!token) throw new Error('HubSpot token is empty: paste your private-app token in Settings → CRM.');
  const api = createHubSpotApi(opts, token);
  return {
    name: 'hubspot',
    listProperties: (type, signal) => listProperties(api, type, signal),
    ensureProperties: (type, defs, signal) => ensureProperties(api, type, defs, signal),
    searchBy: (type, property, values, properties, signal) =>
      searchBy(api, type, property, values, properties, signal),
    upsertContacts: (inputs, signal) => upsertContacts(api, inputs, signal),
    create: (type, inputs, signal) => create(api, type, inputs, signal),
    update: (type, inputs, signal) => update(api, type, inputs, signal),
    associateContactsToCompanies: (pairs, signal) => associateContactsToCompanies(api, pairs, signal),
    testConnection: (signal) => testConnection(api, token, signal),
    stats: () => ({ http: api.http.stats(), ...api.counters }),
    close: async () => {
      api.windows.burst.clear();
      api.windows.search.clear();
      await api.http.close();
    },
  };
}

async function testConnection(api: HubSpotApi, token: string, signal?: AbortSignal) {
  try {
    const names = await listProperties(api, 'contacts', signal);
    return {
      ok: true,
      message: `Connected to HubSpot: the token can read contact properties (${names.length}).`,
    };
  } catch (err) {
    return { ok: false, message: redact(err instanceof Error ? err.message : String(err), [token]) };
  }
}
