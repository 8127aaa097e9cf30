/**
 * Crunchbase v4 client: an organization's funding rounds (entity + raised_funding_rounds card) and
 * the domain → permalink search. Over the shared HTTP layer; the key goes in `X-cb-user-key`
 * only. Crunchbase is licensed, not charged per call, so nothing here reaches the credit ledger;
 * its per-minute window is kept locally and a 429 fails with retryAt (see ../signal-retry.ts).
 */
import { HttpClient, type ErrorAnswer, type HttpStats } from '../http';
import { isProviderError } from '../errors';
import type { ProviderErrorCode } from '../types';
import { withSignalRetries } from '../signal-retry';
import { toOrganization, type CrunchbaseOrganization } from './map';
import { OrganizationEntitySchema, OrganizationSearchSchema } from './schemas';

export { crunchbaseFundingSignals, stageLabel, toOrganization } from './map';
export type { CrunchbaseOrganization, CrunchbaseRound } from './map';

export const CRUNCHBASE_BASE_URL = 'https://api.crunchbase.com/api/v4';

export interface CrunchbaseClientOptions {
  apiKey: string;
  baseUrl?: string;
  /** Calls per minute the licence allows (default 200, seed 001). */
  perMinute?: number;
  timeoutMs?: number;
  maxRetries?: number;
  retryBaseMs?: number;
  maxWaitMs?: number;
  clock?: () => number;
}

export interface CrunchbaseClient {
  readonly name: 'crunchbase';
  /** The organization and its rounds by permalink (or uuid); null when Crunchbase has no such entity. */
  organization(permalink: string, signal?: AbortSignal): Promise<CrunchbaseOrganization | null>;
  /** The permalink of the organization whose website is on `domain`, or null. */
  findPermalink(domain: string, signal?: AbortSignal): Promise<string | null>;
  stats(): HttpStats;
  close(): Promise<void>;
}

function crunchbaseSaid(a: ErrorAnswer): string {
  const list = Array.isArray(a.json) ? (a.json as { code?: unknown; message?: unknown }[]) : [];
  const first = list[0];
  const parts = [first?.code, first?.message].filter((p): p is string => typeof p === 'string' && p !== '');
  return parts.length ? parts.join(': ') : a.text.trim().slice(0, 200);
}

export function describeCrunchbaseError(
  a: ErrorAnswer,
): { code: ProviderErrorCode; message: string } | undefined {
  const said = crunchbaseSaid(a);
  if (a.status === 401 || a.status === 403)
    return {
      code: 'AUTH',
      message: `Crunchbase rejected the user key (${a.status}: ${said}). Check the Crunchbase key in Settings → API keys; the API needs a paid Crunchbase licence.`,
    };
  if (a.status === 404)
    return { code: 'BAD_REQUEST', message: `Crunchbase has no such entity (404: ${said}).` };
  return {
    code: 'BAD_REQUEST',
    message: `Crunchbase rejected the request to ${a.endpoint} (${a.status}: ${said}). This is a bug in Lead Studio's request; please report it.`,
  };
}

/** What the client's calls share: the HTTP client with its window, and the retry policy. */
interface CrunchbaseCtx {
  http: HttpClient;
  retry: <T>(send: () => Promise<T>, signal?: AbortSignal) => Promise<T>;
}

async function organization(
  { http, retry }: CrunchbaseCtx,
  permalink: string,
  signal?: AbortSignal,
): Promise<CrunchbaseOrganization | null> {
  const id = permalink.trim().toLowerCase();
  if (!id) throw new Error('Crunchbase organization lookup needs a permalink: got an empty value.');
  try {
    const e = await retry(
      () =>
        http.request({
          method: 'GET',
          path: `/entities/organizations/${encodeURIComponent(id)}`,
          endpoint: '/entities/organizations/{permalink}',
          query: {
            card_ids: 'raised_funding_rounds',
            field_ids: 'identifier,website_url,short_description,last_funding_type',
          },
          schema: OrganizationEntitySchema,
          signal,
        }),
      signal,
    );
    return toOrganization(e);
  } catch (err) {
    if (isProviderError(err) && err.status === 404) return null;
    throw err;
  }
}

async function findPermalink(
  { http, retry }: CrunchbaseCtx,
  domain: string,
  signal?: AbortSignal,
): Promise<string | null> {
  const d = domain
    .trim()
    .toLowerCase()
    .replace(/^www\./, '');
  if (!d) throw new Error('Crunchbase search needs a domain: got an empty value.');
  const res = await retry(
    () =>
      http.request({
        method: 'POST',
        path: '/searches/organizations',
        body: {
          field_ids: ['identifier', 'website_url'],
          query: [{ type: 'predicate', field_id: 'website_url', operator_id: 'domain_eq', values: [d] }],
          limit: 5,
        },
        schema: OrganizationSearchSchema,
        signal,
      }),
    signal,
  );
  return res.entities[0]?.properties.identifier.permalink ?? null;
}

export function createCrunchbaseClient(opts: CrunchbaseClientOptions): CrunchbaseClient {
  const apiKey = opts.apiKey.trim();
  if (!apiKey)
    throw new Error('Crunchbase user key is empty: paste your key in Settings → API keys → Crunchbase.');
  const clock = opts.clock ?? Date.now;
  const http = new HttpClient({
    provider: 'Crunchbase',
    baseUrl: opts.baseUrl ?? CRUNCHBASE_BASE_URL,
    headers: { 'x-cb-user-key': apiKey },
    secrets: [apiKey],
    limits: { default: { perMinute: opts.perMinute ?? 200 } },
    windowScope: 'class',
    maxRetries: 0,
    timeoutMs: opts.timeoutMs ?? 15_000,
    maxWaitMs: opts.maxWaitMs ?? 65_000,
    describeError: describeCrunchbaseError,
    clock,
  });
  const retry = <T>(send: () => Promise<T>, signal?: AbortSignal) =>
    withSignalRetries(send, {
      provider: 'Crunchbase',
      maxRetries: opts.maxRetries ?? 3,
      retryBaseMs: opts.retryBaseMs ?? 1000,
      windowMs: 60_000,
      clock,
      signal,
    });

  const c: CrunchbaseCtx = { http, retry };
  return {
    name: 'crunchbase',
    organization: (permalink, signal) => organization(c, permalink, signal),
    findPermalink: (domain, signal) => findPermalink(c, domain, signal),
    stats: () => http.stats(),
    close: () => http.close(),
  };
}
