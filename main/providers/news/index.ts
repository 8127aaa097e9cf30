/**
 * Google News RSS client: recent headlines about a company, for expansion / new-site /
 * acquisition / layoffs signals. Free and keyless, so it is polite instead: the same query is sent
 * at most once a minute (a second ask within the minute gets the last answer, or RATE_LIMITED with
 * retryAt when there is none), a 429 ("unusual traffic" page) fails at once with retryAt, and an
 * answer that is not RSS 2.0 fails as BAD_RESPONSE without a retry (a retry would poll too fast).
 * Not on the JSON HTTP layer (it parses JSON only); undici directly, with a timeout.
 */
import { Agent, request } from 'undici';
import { ProviderError } from '../errors';
import { parseRss, RssError, type RssFeed } from './rss';

export { parseRss, RssError } from './rss';
export type { RssFeed } from './rss';

export const GOOGLE_NEWS_BASE_URL = 'https://news.google.com/rss';

export interface NewsClientOptions {
  baseUrl?: string;
  /** Minimum time between two fetches of the same query (default 60 s). */
  minIntervalMs?: number;
  timeoutMs?: number;
  clock?: () => number;
  /** hl / gl / ceid (default US English). */
  locale?: { hl: string; gl: string; ceid: string };
}

export interface NewsAnswer extends RssFeed {
  query: string;
  fetchedAt: number;
  /** True when this is the last answer, given again because the minute has not passed. */
  reused: boolean;
}

export interface NewsClientStats {
  requests: number;
  reused: number;
  rateLimited: number;
  malformed: number;
}

export interface NewsClient {
  readonly name: 'news';
  /** Headlines for a company name (sent quoted, as an exact phrase). */
  company(name: string, signal?: AbortSignal): Promise<NewsAnswer>;
  search(query: string, signal?: AbortSignal): Promise<NewsAnswer>;
  stats(): NewsClientStats;
  close(): Promise<void>;
}

/** What a client's searches share: its transport, counters, clock and error maker. */
interface NewsCtx {
  agent: Agent;
  counters: NewsClientStats;
  clock: () => number;
  minInterval: number;
  timeoutMs: number;
  fail: (
    code: ProviderError['code'],
    message: string,
    status: number | null,
    retryAt?: number,
  ) => ProviderError;
}

/** One GET of the feed; a network failure or a cancel is a ProviderError. */
async function fetchRss(
  c: NewsCtx,
  url: URL,
  signal?: AbortSignal,
): Promise<{ status: number; text: string }> {
  const { agent, fail } = c;
  const timer = AbortSignal.timeout(c.timeoutMs);
  let status: number;
  let text: string;
  try {
    const res = await request(url, {
      dispatcher: agent,
      signal: signal ? AbortSignal.any([signal, timer]) : timer,
      headers: { accept: 'application/rss+xml, application/xml;q=0.9' },
    });
    status = res.statusCode;
    text = await res.body.text();
  } catch (err) {
    if (signal?.aborted) throw fail('ABORTED', 'Google News search: cancelled.', null);
    throw fail(
      'UNAVAILABLE',
      `Google News could not be reached (${(err as Error).message}). Check your connection; news signals are read on the next refresh.`,
      null,
    );
  }
  return { status, text };
}

/** Google News's refusals: 429/503 (too many automated queries), 5xx, any other non-2xx. */
function refuseStatus(c: NewsCtx, status: number): void {
  const { counters, clock, minInterval, fail } = c;
  if (status === 429 || status === 503) {
    counters.rateLimited += 1;
    const retryAt = clock() + minInterval;
    throw fail(
      'RATE_LIMITED',
      `Google News refused the search (HTTP ${status}: too many automated queries). News signals resume after ${new Date(retryAt).toISOString()}.`,
      status,
      retryAt,
    );
  }
  if (status >= 500)
    throw fail(
      'UNAVAILABLE',
      `Google News failed with HTTP ${status}; news signals are read on the next refresh.`,
      status,
    );
  if (status < 200 || status >= 300)
    throw fail('BAD_REQUEST', `Google News rejected the search (HTTP ${status}).`, status);
}

export function createNewsClient(opts: NewsClientOptions = {}): NewsClient {
  const base = (opts.baseUrl ?? GOOGLE_NEWS_BASE_URL).replace(/\/+$/, '');
  const minInterval = opts.minIntervalMs ?? 60_000;
  const clock = opts.clock ?? Date.now;
  const locale = opts.locale ?? { hl: 'en-US', gl: 'US', ceid: 'US:en' };
  const agent = new Agent({ keepAliveTimeout: 10_000 });
  const last = new Map<string, { at: number; answer: NewsAnswer | null }>();
  const counters: NewsClientStats = { requests: 0, reused: 0, rateLimited: 0, malformed: 0 };
  const endpoint = '/search';
  const fail = (code: ProviderError['code'], message: string, status: number | null, retryAt?: number) =>
    new ProviderError(code, message, {
      provider: 'Google News',
      endpoint,
      status,
      ...(retryAt !== undefined ? { retryAt } : {}),
    });

  const c: NewsCtx = { agent, counters, clock, minInterval, timeoutMs: opts.timeoutMs ?? 15_000, fail };

  async function search(raw: string, signal?: AbortSignal): Promise<NewsAnswer> {
    const query = raw.trim();
    if (!query) throw new Error('A news search needs a query: got an empty value.');
    const now = clock();
    const prev = last.get(query);
    if (prev && now - prev.at < minInterval) {
      if (prev.answer) {
        counters.reused += 1;
        return { ...prev.answer, reused: true };
      }
      const retryAt = prev.at + minInterval;
      throw fail(
        'RATE_LIMITED',
        `Google News was asked about "${query}" less than a minute ago; ask again at ${new Date(retryAt).toISOString()}.`,
        null,
        retryAt,
      );
    }
    last.set(query, { at: now, answer: null });
    const url = new URL(`${base}${endpoint}`);
    url.searchParams.set('q', query);
    for (const [k, v] of Object.entries(locale)) url.searchParams.set(k, v);
    counters.requests += 1;
    const { status, text } = await fetchRss(c, url, signal);
    refuseStatus(c, status);
    let feed: RssFeed;
    try {
      feed = parseRss(text);
    } catch (err) {
      if (!(err instanceof RssError)) throw err;
      counters.malformed += 1;
      throw fail(
        'BAD_RESPONSE',
        `Google News answered with something that is not an RSS 2.0 feed: ${err.message}. News signals are read on the next refresh.`,
        status,
      );
    }
    const answer: NewsAnswer = { ...feed, query, fetchedAt: now, reused: false };
    last.set(query, { at: now, answer });
    return answer;
  }

  return {
    name: 'news',
    search,
    company: (name, signal) => search(`"${name.trim().replace(/"/g, '')}"`, signal),
    stats: () => ({ ...counters }),
    close: () => agent.close(),
  };
}
