/**
 * A loopback HTTP server that speaks the three signal providers over the Apollo sandbox's world:
 * Crunchbase v4 (`/crunchbase/api/v4`), BuiltWith v22 (`/builtwith/v22/api.json`) and Google News
 * RSS (`/news/rss/search`), with their keys, limits, quotas and errors, a sandbox day that only
 * moves when told (`POST /_sandbox/clock {advanceDays}`), faults (including malformed RSS) and the
 * buying-window truth (`GET /_sandbox/truth/buying-window`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { FaultInjector, type FaultConfig } from '../faults';
import {
  bump,
  controlBody,
  headerOf as header,
  NOT_JSON,
  readBody,
  reply,
  serveLoopback,
  sleep,
  trimPath,
} from '../http-scaffold';
import { asciiFold, getWorld, type World, type WorldCompany } from '../world';
import {
  NEWS_RATE_LIMIT_PAGE,
  builtwithDomainBody,
  builtwithError,
  crunchbaseError,
  crunchbaseOrganization,
  crunchbaseSearchHit,
  newsRss,
  visibleStories,
} from './shapes';
import { dayToIso, getSignalWorld, windowAt, type SignalWorld } from './timeline';

export const SIGNALS_SANDBOX_INVALID_KEY = 'sandbox-invalid';

export interface SignalsLimits {
  /** Crunchbase: calls per minute per key (200 in seed 001's table). */
  crunchbasePerMinute: number;
  /** BuiltWith: requests per second, and lookups (credits) on the plan. */
  builtwithPerSecond: number;
  builtwithCredits: number;
  /** Google News: the same query at most once per this many ms, else 429 + HTML. */
  newsMinIntervalMs: number;
}

export const SIGNALS_DEFAULT_LIMITS: SignalsLimits = {
  crunchbasePerMinute: 200,
  builtwithPerSecond: 8,
  builtwithCredits: 2000,
  newsMinIntervalMs: 60_000,
};

export interface SignalsFaultConfig extends FaultConfig {
  /** The next N news answers are malformed RSS (truncated XML, or an HTML page with 200). */
  malformedRss?: number;
}

export interface SignalsSandboxOptions {
  seed?: number;
  scale?: number;
  extractPath?: string;
  port?: number;
  /** Use this world instead of building one (the Apollo sandbox's, when they share a thread). */
  world?: World;
  limits?: Partial<SignalsLimits> | 'off';
  faults?: SignalsFaultConfig;
  /** The sandbox day the server starts on (0 = the world's reference date). Default 0. */
  startDay?: number;
  /** Epoch ms for rate windows (not for the world's date: that is the sandbox day). */
  clock?: () => number;
}

export interface SignalsSandboxStats {
  requests: Record<string, number>;
  rateLimited: Record<string, number>;
  builtwithCreditsUsed: number;
  faults: Record<string, number>;
}

export interface SignalsSandboxServer {
  /** Origin, e.g. http://127.0.0.1:1234 ; the providers live below it (see the base URLs). */
  url: string;
  crunchbaseUrl: string;
  builtwithUrl: string;
  newsUrl: string;
  port: number;
  world: World;
  signals: SignalWorld;
  day(): number;
  advanceDays(n: number): number;
  stats(): SignalsSandboxStats;
  setFaults(config: SignalsFaultConfig): void;
  close(): Promise<void>;
}

const clockBody = z.object({ advanceDays: z.number().int().min(-3650).max(3650) }).strict();

/** Fixed windows keyed by name: at most `limit` per `ms`-long window. */
class Windows {
  private readonly counts = new Map<string, { start: number; n: number }>();
  constructor(private readonly clock: () => number) {}
  take(key: string, limit: number, ms: number): boolean {
    const now = this.clock();
    const start = Math.floor(now / ms) * ms;
    const w = this.counts.get(key);
    if (!w || w.start !== start) {
      this.counts.set(key, { start, n: 1 });
      return true;
    }
    if (w.n >= limit) return false;
    w.n += 1;
    return true;
  }
}

const XML_TYPE = 'application/xml; charset=utf-8';
const send = (res: ServerResponse, status: number, body: unknown, type?: string) =>
  reply(res, status, body, { type });

/** One server's state: the world and its signal timeline, the sandbox day, windows, faults, counts. */
interface SignalsState {
  world: World;
  sw: SignalWorld;
  clock: () => number;
  limits: SignalsLimits;
  day: number;
  windows: Windows;
  lastNewsQuery: Map<string, number>;
  faults: FaultInjector;
  malformedRss: number;
  stats: SignalsSandboxStats;
}

const NO_LIMITS: SignalsLimits = {
  crunchbasePerMinute: Infinity,
  builtwithPerSecond: Infinity,
  builtwithCredits: Infinity,
  newsMinIntervalMs: 0,
};

function signalsState(opts: SignalsSandboxOptions): SignalsState {
  const seed = opts.seed ?? 42;
  const world = opts.world ?? getWorld(seed, { scale: opts.scale, extractPath: opts.extractPath });
  const clock = opts.clock ?? (() => Date.now());
  const s: SignalsState = {
    world,
    sw: getSignalWorld(world),
    clock,
    limits: opts.limits === 'off' ? NO_LIMITS : { ...SIGNALS_DEFAULT_LIMITS, ...opts.limits },
    day: opts.startDay ?? 0,
    windows: new Windows(clock),
    lastNewsQuery: new Map(),
    faults: new FaultInjector(seed),
    malformedRss: 0,
    stats: { requests: {}, rateLimited: {}, builtwithCreditsUsed: 0, faults: {} },
  };
  if (opts.faults) setFaults(s, opts.faults);
  return s;
}

function setFaults(s: SignalsState, config: SignalsFaultConfig): void {
  const { malformedRss: n, ...rest } = config;
  s.faults.set(rest);
  s.malformedRss = Math.max(0, Math.floor(n ?? 0));
}

function crunchbase(
  s: SignalsState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: string,
): void {
  const { sw, world, windows, limits, stats } = s;
  const path = url.pathname.slice('/crunchbase/api/v4'.length);
  if (url.searchParams.has('user_key'))
    return send(
      res,
      400,
      crunchbaseError('MD100', 'Send the key in the X-cb-user-key header, never in the URL.'),
    );
  const key = header(req, 'x-cb-user-key');
  if (!key || key === SIGNALS_SANDBOX_INVALID_KEY)
    return send(res, 401, crunchbaseError('LA001', 'Invalid or missing user key (X-cb-user-key).'));
  if (!windows.take(`cb:${key}`, limits.crunchbasePerMinute, 60_000)) {
    bump(stats.rateLimited, 'crunchbase');
    return send(
      res,
      429,
      crunchbaseError('LA002', `Rate limit of ${limits.crunchbasePerMinute} calls per minute exceeded.`),
    );
  }
  const org = /^\/entities\/organizations\/([^/]+)$/.exec(path);
  if (org && req.method === 'GET') {
    const c =
      sw.byPermalink.get(decodeURIComponent(org[1] as string).toLowerCase()) ??
      world.companyById.get(org[1] as string);
    if (!c) return send(res, 404, crunchbaseError('MD101', `Entity not found: ${org[1]}`));
    const cards = (url.searchParams.get('card_ids') ?? '').split(',').filter(Boolean);
    return send(res, 200, crunchbaseOrganization(sw.of(c), c, s.day, cards));
  }
  if (path === '/searches/organizations' && req.method === 'POST') return crunchbaseSearch(s, res, body);
  send(res, 404, crunchbaseError('MD100', `No such endpoint: ${req.method} ${path}`));
}

const searchBody = z.looseObject({
  query: z
    .array(
      z.looseObject({
        type: z.literal('predicate'),
        field_id: z.literal('website_url'),
        operator_id: z.literal('domain_eq'),
        values: z.array(z.string()).min(1),
      }),
    )
    .min(1),
  limit: z.number().int().min(1).max(1000).optional(),
});

function crunchbaseSearch({ world, sw }: SignalsState, res: ServerResponse, body: string): void {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return send(res, 400, crunchbaseError('MD100', 'The request body must be JSON.'));
  }
  const parsed = searchBody.safeParse(json);
  if (!parsed.success)
    return send(
      res,
      400,
      crunchbaseError(
        'MD100',
        'The sandbox supports query [{type:"predicate", field_id:"website_url", operator_id:"domain_eq", values:[domain]}].',
      ),
    );
  const hits: WorldCompany[] = [];
  for (const v of parsed.data.query[0]?.values ?? []) {
    const c = world.companyByDomain.get(
      v
        .trim()
        .toLowerCase()
        .replace(/^www\./, ''),
    );
    if (c) hits.push(c);
  }
  send(res, 200, {
    count: hits.length,
    entities: hits.slice(0, parsed.data.limit ?? 50).map((c) => crunchbaseSearchHit(sw.of(c), c)),
  });
}

function builtwith(s: SignalsState, res: ServerResponse, url: URL): void {
  const { windows, limits, stats, world, sw } = s;
  const key = url.searchParams.get('KEY')?.trim() ?? '';
  const lookup = (url.searchParams.get('LOOKUP') ?? '')
    .trim()
    .toLowerCase()
    .replace(/^www\./, '');
  // BuiltWith reports errors in a 200 body's Errors[] (its documented answer shape).
  if (!key || key === SIGNALS_SANDBOX_INVALID_KEY)
    return send(res, 200, builtwithError(lookup || null, 'API Key is invalid.'));
  if (!lookup)
    return send(res, 200, builtwithError(null, 'LOOKUP is required: a root domain such as example.com.'));
  if (!windows.take(`bw:${key}`, limits.builtwithPerSecond, 1000)) {
    bump(stats.rateLimited, 'builtwith');
    return send(
      res,
      429,
      builtwithError(lookup, `Too many requests: at most ${limits.builtwithPerSecond} per second.`),
    );
  }
  if (stats.builtwithCreditsUsed >= limits.builtwithCredits)
    return send(
      res,
      200,
      builtwithError(lookup, 'You have no API credits remaining. Purchase more at builtwith.com/plans.'),
    );
  stats.builtwithCreditsUsed += 1;
  const c = world.companyByDomain.get(lookup) ?? null;
  send(res, 200, builtwithDomainBody(c ? sw.of(c) : null, c, lookup, s.day));
}

function news(s: SignalsState, res: ServerResponse, url: URL): void {
  const { clock, lastNewsQuery, limits, stats, sw, day } = s;
  const q = (url.searchParams.get('q') ?? '').trim();
  if (!q) return send(res, 400, '<html><body>400. That’s an error. Missing q.</body></html>');
  const now = clock();
  const last = lastNewsQuery.get(q);
  if (last !== undefined && now - last < limits.newsMinIntervalMs) {
    bump(stats.rateLimited, 'news');
    return send(res, 429, NEWS_RATE_LIMIT_PAGE);
  }
  lastNewsQuery.set(q, now);
  const name = asciiFold(q.replace(/"/g, '').replace(/\s+when:\d+[dhmy]$/i, ''))
    .trim()
    .toLowerCase();
  const c = sw.byName.get(name) ?? null;
  const xml = newsRss(q, visibleStories(c ? sw.of(c) : null, day), day);
  if (s.malformedRss > 0) return malformedNews(s, res, xml);
  send(res, 200, xml, XML_TYPE);
}

/** A malformed-RSS fault: truncated XML and a consent page (200, HTML) in turn. */
function malformedNews(s: SignalsState, res: ServerResponse, xml: string): void {
  const { stats } = s;
  s.malformedRss -= 1;
  const truncated = (stats.faults.malformedRss ?? 0) % 2 === 0;
  bump(stats.faults, 'malformedRss');
  return truncated
    ? send(res, 200, xml.slice(0, Math.max(40, Math.floor(xml.length / 2))), XML_TYPE)
    : send(
        res,
        200,
        '<!doctype html><html><body><p>Before you continue to Google News</p><form><button>Accept all</body></html>',
      );
}

function truth({ world, sw, day }: SignalsState, res: ServerResponse, url: URL): void {
  const wanted = url.searchParams.get('domains');
  const companies = wanted
    ? wanted
        .split(',')
        .map((d) => world.companyByDomain.get(d.trim().toLowerCase()))
        .filter((c): c is WorldCompany => !!c)
    : world.companies;
  send(res, 200, {
    day,
    date: dayToIso(day),
    companies: companies.map((c) => {
      const w = windowAt(sw.of(c), day);
      return {
        companyId: c.id,
        domain: c.primary_domain,
        inWindow: w !== null,
        window: w ? { start: dayToIso(w.startDay), end: dayToIso(w.endDay), trigger: w.trigger } : null,
      };
    }),
  });
}

async function control(
  s: SignalsState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  raw: string,
): Promise<void> {
  const path = trimPath(url.pathname);
  const parsedBody = controlBody(raw);
  if (!parsedBody) return send(res, 400, NOT_JSON);
  const { body } = parsedBody;
  if (path === '/_sandbox/clock' && req.method === 'GET')
    return send(res, 200, { day: s.day, date: dayToIso(s.day) });
  if (path === '/_sandbox/clock' && req.method === 'POST') {
    const parsed = clockBody.safeParse(body);
    if (!parsed.success)
      return send(res, 400, {
        error: 'clock needs {"advanceDays": n}, a whole number of days (negative goes back)',
      });
    s.day += parsed.data.advanceDays;
    return send(res, 200, { day: s.day, date: dayToIso(s.day) });
  }
  if (path === '/_sandbox/truth/buying-window' && req.method === 'GET') return truth(s, res, url);
  if (path === '/_sandbox/stats' && req.method === 'GET') return send(res, 200, s.stats);
  if (path === '/_sandbox/faults' && req.method === 'POST') {
    try {
      setFaults(s, (body ?? {}) as SignalsFaultConfig);
    } catch (err) {
      return send(res, 400, { error: (err as Error).message });
    }
    return send(res, 200, { faults: { ...s.faults.current, malformedRss: s.malformedRss } });
  }
  send(res, 404, { error: `No such control endpoint: ${req.method} ${path}` });
}

type SignalProvider = 'crunchbase' | 'builtwith' | 'news';

const providerOf = (pathname: string): SignalProvider | null =>
  pathname.startsWith('/crunchbase/api/v4/')
    ? 'crunchbase'
    : pathname === '/builtwith/v22/api.json'
      ? 'builtwith'
      : pathname === '/news/rss/search'
        ? 'news'
        : null;

async function handle(s: SignalsState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { stats, faults } = s;
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const raw = await readBody(req);
  if (url.pathname.startsWith('/_sandbox/')) return control(s, req, res, url, raw);
  const provider = providerOf(url.pathname);
  if (!provider) return send(res, 404, { error: `No such endpoint: ${req.method} ${url.pathname}` });
  bump(stats.requests, provider);
  const fault = faults.decide(`/${provider}`);
  if (fault.delayMs > 0) await sleep(fault.delayMs);
  if (fault.kind === 'storm429') {
    bump(stats.faults, `storm429_${provider}`);
    return provider === 'news'
      ? send(res, 429, NEWS_RATE_LIMIT_PAGE)
      : send(
          res,
          429,
          provider === 'crunchbase'
            ? crunchbaseError('LA002', 'Rate limit exceeded.')
            : builtwithError(null, 'Too many requests.'),
        );
  }
  if (fault.kind === 'error') {
    bump(stats.faults, `http${fault.status}`);
    return send(res, fault.status, '<html><body>Server Error</body></html>');
  }
  if (fault.kind === 'malformed' && provider === 'news') s.malformedRss = Math.max(s.malformedRss, 1);
  else if (fault.kind === 'malformed') {
    bump(stats.faults, `malformed_${provider}`);
    return send(res, 200, '{"Results":[{"Result":{"Paths":[', 'application/json; charset=utf-8');
  }
  if (provider === 'crunchbase') return crunchbase(s, req, res, url, raw);
  if (provider === 'builtwith') return builtwith(s, res, url);
  return news(s, res, url);
}

export async function startSignalsSandbox(opts: SignalsSandboxOptions = {}): Promise<SignalsSandboxServer> {
  const s = signalsState(opts);
  const server = await serveLoopback((req, res) => handle(s, req, res), { port: opts.port });
  const origin = `http://127.0.0.1:${server.port}`;
  return {
    url: origin,
    crunchbaseUrl: `${origin}/crunchbase/api/v4`,
    builtwithUrl: `${origin}/builtwith/v22`,
    newsUrl: `${origin}/news/rss`,
    port: server.port,
    world: s.world,
    signals: s.sw,
    day: () => s.day,
    advanceDays: (n) => (s.day += n),
    stats: () => structuredClone(s.stats),
    setFaults: (config) => setFaults(s, config),
    close: server.close,
  };
}
