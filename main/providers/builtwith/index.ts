/**
 * BuiltWith v22 Domain API client: the technologies seen on a company's site with when each was
 * first and last detected, for tech-change signals. One lookup costs one API credit, so it returns
 * `Paid` for the paid-call gate. BuiltWith takes its key only as the `KEY` query parameter; the
 * HTTP layer redacts it from every message.
 */
import PQueue from 'p-queue';
import type { DetectedTechnology } from '../../domain/signals';
import { ProviderError } from '../errors';
import { HttpClient, type HttpStats } from '../http';
import { withSignalRetries } from '../signal-retry';
import type { Paid } from '../types';
import { DomainResponseSchema, type DomainResponse } from './schemas';

export const BUILTWITH_BASE_URL = 'https://api.builtwith.com/v22';

export interface BuiltWithClientOptions {
  apiKey: string;
  baseUrl?: string;
  /** Requests per second (default 8; BuiltWith's documented limits vary by plan, so configurable). */
  perSecond?: number;
  /** Credits per lookup (default 1). */
  creditsPerLookup?: number;
  timeoutMs?: number;
  maxRetries?: number;
  retryBaseMs?: number;
  clock?: () => number;
}

export interface DomainTechnologies {
  domain: string;
  /** Whether BuiltWith had the domain indexed (an unknown domain still costs the lookup). */
  indexed: boolean;
  technologies: DetectedTechnology[];
}

export interface BuiltWithClient {
  readonly name: 'builtwith';
  domain(domain: string, signal?: AbortSignal): Promise<Paid<DomainTechnologies>>;
  stats(): HttpStats;
  close(): Promise<void>;
}

/** BuiltWith's Errors[] in words a user can act on; null when there are none. */
export function builtwithBodyError(body: DomainResponse, endpoint: string): ProviderError | null {
  const first = body.Errors?.[0];
  if (!first) return null;
  const said = first.Message?.trim() || 'an unnamed error';
  const info = { provider: 'BuiltWith', endpoint, status: 200, body: said.slice(0, 300) };
  if (/key/i.test(said))
    return new ProviderError(
      'AUTH',
      `BuiltWith rejected the API key ("${said}"). Check the BuiltWith key in Settings → API keys.`,
      info,
    );
  if (/credit|quota|limit reached|purchase/i.test(said))
    return new ProviderError(
      'QUOTA_EXHAUSTED',
      `BuiltWith has no API credits left on this plan ("${said}"). Tech-change signals pause until you add credits at builtwith.com.`,
      info,
    );
  return new ProviderError('BAD_REQUEST', `BuiltWith refused the lookup ("${said}").`, info);
}

export function toDomainTechnologies(body: DomainResponse, domain: string): DomainTechnologies {
  const result = body.Results?.[0]?.Result;
  const byName = new Map<string, DetectedTechnology>();
  for (const path of result?.Paths ?? [])
    for (const t of path.Technologies ?? []) {
      const prev = byName.get(t.Name);
      const first = t.FirstDetected ?? null;
      const last = t.LastDetected ?? null;
      // The same technology on several paths: the earliest first sighting, the latest last one.
      byName.set(t.Name, {
        name: t.Name,
        tag: t.Tag ?? null,
        firstDetected:
          prev?.firstDetected != null && first != null
            ? Math.min(prev.firstDetected, first)
            : (first ?? prev?.firstDetected ?? null),
        lastDetected:
          prev?.lastDetected != null && last != null
            ? Math.max(prev.lastDetected, last)
            : (last ?? prev?.lastDetected ?? null),
        link: t.Link ?? null,
      });
    }
  return { domain, indexed: (result?.Paths?.length ?? 0) > 0, technologies: [...byName.values()] };
}

export function createBuiltWithClient(opts: BuiltWithClientOptions): BuiltWithClient {
  const apiKey = opts.apiKey.trim();
  if (!apiKey)
    throw new Error('BuiltWith API key is empty: paste your key in Settings → API keys → BuiltWith.');
  const clock = opts.clock ?? Date.now;
  const perSecond = opts.perSecond ?? 8;
  const http = new HttpClient({
    provider: 'BuiltWith',
    baseUrl: opts.baseUrl ?? BUILTWITH_BASE_URL,
    secrets: [apiKey],
    // The shared layer counts minutes and longer; a minute's worth keeps bursts under the per-second cap.
    limits: { default: { perMinute: perSecond * 60 } },
    concurrency: Math.max(1, Math.min(4, perSecond)),
    windowScope: 'class',
    maxRetries: 0,
    timeoutMs: opts.timeoutMs ?? 30_000,
    clock,
  });
  // A sliding window: BuiltWith answers 429 past its per-second cap. The queue counts when a call
  // leaves, the server when it arrives, so a call delayed on the way can land in the same second as
  // the next window's first: a 200 ms margin keeps them apart (CI saw such a 429 under load). Hunter
  // and HubSpot pace the same way but wait their limit out; here a 429 parks the company until the
  // next refresh, so the margin is worth its 20%.
  const perSecondQueue = new PQueue({ interval: 1200, intervalCap: perSecond, strict: true });
  const endpoint = '/api.json';
  const credits = opts.creditsPerLookup ?? 1;

  async function domain(raw: string, signal?: AbortSignal): Promise<Paid<DomainTechnologies>> {
    const d = raw
      .trim()
      .toLowerCase()
      .replace(/^www\./, '');
    if (!d) throw new Error('BuiltWith lookup needs a domain: got an empty value.');
    const body = await withSignalRetries(
      () =>
        perSecondQueue.add(
          () =>
            http.request({
              method: 'GET',
              path: endpoint,
              query: { KEY: apiKey, LOOKUP: d },
              schema: DomainResponseSchema,
              signal,
            }),
          { signal },
        ),
      {
        provider: 'BuiltWith',
        maxRetries: opts.maxRetries ?? 3,
        retryBaseMs: opts.retryBaseMs ?? 1000,
        windowMs: 1000,
        clock,
        signal,
      },
    );
    const refused = builtwithBodyError(body, endpoint);
    if (refused) throw refused;
    return {
      data: toDomainTechnologies(body, d),
      credits,
      calls: [{ endpoint, credits, expectedCredits: credits, reportedCredits: null }],
    };
  }

  return {
    name: 'builtwith',
    domain,
    stats: () => http.stats(),
    close: async () => {
      perSecondQueue.clear();
      await http.close();
    },
  };
}
