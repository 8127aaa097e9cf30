/**
 * HubSpot CRM client (private-app token, Bearer): properties v3, object search and batch writes v3,
 * associations v4. Over the shared HTTP layer (transport, timeouts, zod, redaction); retries live
 * here because they depend on the call: a 429 is always safe to repeat (HubSpot did nothing), a
 * 5xx on an idempotent write (upsert by email, update by id) is repeated, but a 5xx on a batch
 * create is not — the write may have landed, and the sync searches again before creating anything.
 */
import { setTimeout as delay } from 'node:timers/promises';
import PQueue from 'p-queue';
import type { z } from 'zod';
import { ProviderError, isProviderError, redact } from '../errors';
import { HttpClient, type HttpClientOptions, type HttpStats, type RequestEvent } from '../http';
import { describeHubSpotError } from './describe-error';
import {
  HUBSPOT_BATCH_MAX,
  HUBSPOT_IN_VALUES_MAX,
  HUBSPOT_LIMITS,
  HUBSPOT_SEARCH_PAGE,
  hubspotEndpointClass,
  type HubSpotLimits,
} from './limits';
import {
  AssociationsResponseSchema,
  BatchResponseSchema,
  PropertiesResponseSchema,
  SearchResponseSchema,
  type HubSpotRecordWire,
} from './schemas';

export { HUBSPOT_LIMITS, HUBSPOT_BATCH_MAX } from './limits';
export type { HubSpotLimits } from './limits';

export const HUBSPOT_BASE_URL = 'https://api.hubapi.com';

export type HubSpotObjectType = 'contacts' | 'companies';

export interface HubSpotRecord {
  id: string;
  properties: Record<string, string | null>;
  /** Batch upsert only: whether HubSpot created the record. */
  isNew?: boolean;
}

export interface PropertyDefinition {
  name: string;
  label: string;
  type: 'string' | 'number' | 'enumeration';
  fieldType: 'text' | 'textarea' | 'number' | 'select';
  groupName: string;
  description: string;
  options?: { label: string; value: string; displayOrder: number }[];
}

export interface HubSpotClientOptions {
  token: string;
  baseUrl?: string;
  limits?: HubSpotLimits;
  timeoutMs?: number;
  /** Repeats of a 5xx / timeout / unreadable answer on idempotent calls (default 3, backoff from retryBaseMs). */
  maxRetries?: number;
  retryBaseMs?: number;
  /** 429s waited out (rateLimitWaitMs each, default HubSpot's 10 s interval) before RATE_LIMITED. Default 5. */
  maxRateLimitWaits?: number;
  rateLimitWaitMs?: number;
  concurrency?: number;
  onRequest?: (event: RequestEvent) => void;
}

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

interface RetryState {
  failures: number;
  rateWaits: number;
}

export interface RetrySettings {
  maxRetries: number;
  retryBaseMs: number;
  maxRateLimitWaits: number;
  rateLimitWaitMs: number;
}

type Step = { kind: 'wait'; ms: number; rate: boolean } | { kind: 'throw'; error: unknown };

/** What to do after a failed attempt (pure, so the policy is tested on its own). */
export function nextStep(err: unknown, state: RetryState, s: RetrySettings, idempotent: boolean): Step {
  if (!isProviderError(err)) return { kind: 'throw', error: err };
  if (err.code === 'RATE_LIMITED') {
    if (state.rateWaits < s.maxRateLimitWaits) return { kind: 'wait', ms: s.rateLimitWaitMs, rate: true };
    return {
      kind: 'throw',
      error: new ProviderError(
        'RATE_LIMITED',
        `HubSpot kept answering 429 (RATE_LIMIT) on ${err.endpoint} after ${state.rateWaits + 1} tries. Another app may share this account's limit; push again in a minute.`,
        { provider: 'HubSpot', endpoint: err.endpoint, status: err.status },
      ),
    };
  }
  if (
    (err.code === 'UNAVAILABLE' || err.code === 'BAD_RESPONSE') &&
    idempotent &&
    state.failures < s.maxRetries
  )
    return { kind: 'wait', ms: s.retryBaseMs * 2 ** state.failures, rate: false };
  return { kind: 'throw', error: err };
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const toRecord = (r: HubSpotRecordWire): HubSpotRecord => ({
  id: r.id,
  properties: r.properties,
  ...(r.new !== undefined ? { isNew: r.new } : {}),
});

export function createHubSpotClient(opts: HubSpotClientOptions): HubSpotClient {
  const token = opts.token.trim();
  if (!token) throw new Error('HubSpot token is empty: paste your private-app token in Settings → CRM.');
  const limits = opts.limits ?? HUBSPOT_LIMITS.free;
  const settings: RetrySettings = {
    maxRetries: opts.maxRetries ?? 3,
    retryBaseMs: opts.retryBaseMs ?? 1000,
    maxRateLimitWaits: opts.maxRateLimitWaits ?? 5,
    rateLimitWaitMs: opts.rateLimitWaitMs ?? limits.intervalMs,
  };
  const httpOptions: HttpClientOptions = {
    provider: 'HubSpot',
    baseUrl: opts.baseUrl ?? HUBSPOT_BASE_URL,
    headers: { authorization: `Bearer ${token}` },
    secrets: [token],
    classify: hubspotEndpointClass,
    maxRetries: 0,
    timeoutMs: opts.timeoutMs ?? 30_000,
    describeError: describeHubSpotError,
    // HubSpot's windows are 10 s and 1 s, finer than the shared layer's: the queues below keep them.
    readRateHeaders: () => ({}),
  };
  if (opts.concurrency !== undefined) httpOptions.concurrency = opts.concurrency;
  if (opts.onRequest) httpOptions.onRequest = opts.onRequest;
  const http = new HttpClient(httpOptions);
  const windows = {
    burst: new PQueue({ interval: limits.intervalMs, intervalCap: limits.burst, strict: true }),
    search: new PQueue({ interval: 1000, intervalCap: limits.searchPerSecond, strict: true }),
  };
  const counters = { rateLimitWaits: 0, retries: 0 };

  async function call<T>(
    spec: { method: 'GET' | 'POST'; path: string; endpoint: string; body?: unknown; schema: z.ZodType<T> },
    idempotent: boolean,
    signal?: AbortSignal,
  ): Promise<T> {
    const state: RetryState = { failures: 0, rateWaits: 0 };
    const queue = windows[hubspotEndpointClass(spec.endpoint)];
    for (;;) {
      try {
        return await queue.add(() => http.request({ ...spec, signal }), { signal });
      } catch (err) {
        if (signal?.aborted && !isProviderError(err))
          throw new ProviderError('ABORTED', `HubSpot ${spec.endpoint}: cancelled.`, {
            provider: 'HubSpot',
            endpoint: spec.endpoint,
            status: null,
          });
        const step = nextStep(err, state, settings, idempotent);
        if (step.kind === 'throw') throw step.error;
        if (step.rate) {
          state.rateWaits += 1;
          counters.rateLimitWaits += 1;
        } else {
          state.failures += 1;
          counters.retries += 1;
        }
        try {
          await delay(step.ms, undefined, { signal });
        } catch {
          throw new ProviderError('ABORTED', `HubSpot ${spec.endpoint}: cancelled.`, {
            provider: 'HubSpot',
            endpoint: spec.endpoint,
            status: null,
          });
        }
      }
    }
  }

  const batchCheck = (n: number, what: string) => {
    if (n > HUBSPOT_BATCH_MAX)
      throw new Error(`HubSpot ${what} takes at most ${HUBSPOT_BATCH_MAX} inputs (got ${n}).`);
  };

  async function listProperties(type: HubSpotObjectType, signal?: AbortSignal): Promise<string[]> {
    const path = `/crm/v3/properties/${type}`;
    const res = await call(
      { method: 'GET', path, endpoint: path, schema: PropertiesResponseSchema },
      true,
      signal,
    );
    return res.results.map((p) => p.name);
  }

  async function ensureProperties(type: HubSpotObjectType, defs: PropertyDefinition[], signal?: AbortSignal) {
    const have = new Set(await listProperties(type, signal));
    const created: string[] = [];
    for (const def of defs.filter((d) => !have.has(d.name))) {
      const path = `/crm/v3/properties/${type}`;
      try {
        await call(
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

  async function searchBy(
    type: HubSpotObjectType,
    property: string,
    values: string[],
    properties: string[],
    signal?: AbortSignal,
  ): Promise<HubSpotRecord[]> {
    const path = `/crm/v3/objects/${type}/search`;
    const unique = [...new Set(values.map((v) => v.trim().toLowerCase()).filter(Boolean))];
    const out: HubSpotRecord[] = [];
    for (const group of chunks(unique, HUBSPOT_IN_VALUES_MAX)) {
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
          { method: 'POST', path, endpoint: path, body, schema: SearchResponseSchema },
          true,
          signal,
        );
        out.push(...res.results.map(toRecord));
        after = res.paging?.next?.after;
      } while (after);
    }
    return out;
  }

  async function upsertContacts(
    inputs: { email: string; properties: Record<string, string> }[],
    signal?: AbortSignal,
  ) {
    batchCheck(inputs.length, 'contacts upsert');
    const path = '/crm/v3/objects/contacts/batch/upsert';
    const body = {
      inputs: inputs.map((i) => ({ idProperty: 'email', id: i.email, properties: i.properties })),
    };
    const res = await call(
      { method: 'POST', path, endpoint: path, body, schema: BatchResponseSchema },
      true,
      signal,
    );
    return res.results.map(toRecord);
  }

  async function create(type: HubSpotObjectType, inputs: Record<string, string>[], signal?: AbortSignal) {
    batchCheck(inputs.length, `${type} create`);
    const path = `/crm/v3/objects/${type}/batch/create`;
    const body = { inputs: inputs.map((properties) => ({ properties })) };
    const res = await call(
      { method: 'POST', path, endpoint: path, body, schema: BatchResponseSchema },
      false,
      signal,
    );
    return res.results.map(toRecord);
  }

  async function update(
    type: HubSpotObjectType,
    inputs: { id: string; properties: Record<string, string> }[],
    signal?: AbortSignal,
  ) {
    batchCheck(inputs.length, `${type} update`);
    const path = `/crm/v3/objects/${type}/batch/update`;
    const res = await call(
      { method: 'POST', path, endpoint: path, body: { inputs }, schema: BatchResponseSchema },
      true,
      signal,
    );
    return res.results.map(toRecord);
  }

  async function associateContactsToCompanies(
    pairs: { contactId: string; companyId: string }[],
    signal?: AbortSignal,
  ) {
    batchCheck(pairs.length, 'association');
    const path = '/crm/v4/associations/contacts/companies/batch/associate/default';
    const body = { inputs: pairs.map((p) => ({ from: { id: p.contactId }, to: { id: p.companyId } })) };
    const res = await call(
      { method: 'POST', path, endpoint: path, body, schema: AssociationsResponseSchema },
      true,
      signal,
    );
    return res.results.length;
  }

  async function testConnection(signal?: AbortSignal) {
    try {
      const names = await listProperties('contacts', signal);
      return {
        ok: true,
        message: `Connected to HubSpot: the token can read contact properties (${names.length}).`,
      };
    } catch (err) {
      return { ok: false, message: redact(err instanceof Error ? err.message : String(err), [token]) };
    }
  }

  return {
    name: 'hubspot',
    listProperties,
    ensureProperties,
    searchBy,
    upsertContacts,
    create,
    update,
    associateContactsToCompanies,
    testConnection,
    stats: () => ({ http: http.stats(), ...counters }),
    close: async () => {
      windows.burst.clear();
      windows.search.clear();
      await http.close();
    },
  };
}
