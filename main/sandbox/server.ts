/**
 * A loopback HTTP server that speaks Apollo's API (docs/providers.md) over the synthetic world,
 * with Apollo's auth errors, credit accounting, rate-limit headers/429s and injectable faults.
 * Control endpoints under /_sandbox (no key): truth, stats, faults.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { FaultInjector, type FaultConfig } from './faults';
import {
  bump,
  controlBody,
  NOT_JSON,
  readBody,
  reply,
  replyTruncated,
  serveLoopback,
  sleep,
  trimPath,
} from './http-scaffold';
import {
  RateLimiter,
  rateLimitMessage,
  resolveLimits,
  type EndpointClass,
  type HeaderFamily,
  type SandboxLimitsSpec,
  type WindowAlignment,
} from './limits';
import { jobPostingsOf } from './facts';
import {
  BadRequest,
  normalizeDomain,
  pageOf,
  parseCompanyFilters,
  parsePaging,
  parsePeopleFilters,
  peopleOfCompany,
  personByEmail,
  personByLinkedin,
  searchCompaniesAll,
  searchPeopleAll,
} from './search';
import { fullPerson, orgFull, orgSearch, searchPerson, type RoleSince, type ShapeOptions } from './shapes';
import { groundTruth, truthFacts } from './truth';
import { asciiFold, getWorld, type World, type WorldCompany, type WorldPerson } from './world';

export type { FaultConfig } from './faults';
export type {
  RateLimitConfig,
  RateLimitOverrides,
  SandboxLimitsSpec,
  WindowLimits,
  WindowAlignment,
  HeaderFamily,
} from './limits';
export { parseSandboxLimits, resolveLimits } from './limits';

export interface CreditCosts {
  /** people/match, bulk_match: per person record returned. */
  personRecord: number;
  /** Extra when the returned person has a verified email. */
  verifiedEmail: number;
  /** Extra when reveal_personal_emails found personal emails. */
  personalEmail: number;
  /** organizations/enrich, bulk_enrich: per organization returned. */
  organizationRecord: number;
  /** mixed_companies/search: per request that returns at least one record. */
  companySearchRequest: number;
  /** organizations/{id}/job_postings: per page that returns at least one posting. */
  jobPostingsPage: number;
}

/** As observed (providers.md): one credit per revealed person, nothing extra for a verified email. */
export const DEFAULT_CREDIT_COSTS: CreditCosts = {
  personRecord: 1,
  verifiedEmail: 0,
  personalEmail: 0,
  organizationRecord: 1,
  companySearchRequest: 1,
  jobPostingsPage: 1,
};

export interface SandboxOptions {
  seed?: number;
  /** A company's open jobs (default: facts.ts); the sandbox thread serves the signal timeline's, so hiring agrees with its truth. */
  jobPostings?: typeof jobPostingsOf;
  /**
   * When a person's current role started, if the world's signal timeline made them a new leader
   * (ISO day; null: a role held for years). The sandbox thread serves the timeline's, so the
   * employment history people/match returns agrees with the leadership truth.
   */
  roleSince?: RoleSince;
  /** A preset, a full config, or per-class overrides over the paid preset, e.g. {enrich: {day: 60}}. */
  limits?: SandboxLimitsSpec;
  /**
   * people search's q_organization_keyword_tags[]: the docs do not list it for that endpoint, so by
   * default it is 'ignored' (the real service may ignore it); 'applied' filters like company search.
   */
  keywordTagFilter?: 'ignored' | 'applied';
  /** Rate windows aligned to UTC boundaries (default) or starting at a window's first request. */
  windowAlignment?: WindowAlignment;
  /** Daily headers as live accounts send them (x-…-24-hour…, default) or as documented (x-…-daily…). */
  rateHeaders?: HeaderFamily;
  /**
   * Kinder than the real service: company search organizations with industry, size and place, and
   * the ORG with locations[] and job_postings_count. For comparisons only; no default run uses it.
   */
  legacyKindShapes?: boolean;
  port?: number;
  faults?: FaultConfig;
  costs?: Partial<CreditCosts>;
  host?: '127.0.0.1';
  /** Milliseconds since epoch; inject for tests that roll rate-limit windows. */
  clock?: () => number;
  /** World size multiplier (1 = full world). */
  scale?: number;
  /** Where the real-company extract lives (resources/sandbox/companies.json.gz by default). */
  extractPath?: string;
}

export interface SandboxStats {
  requests: Record<string, number>;
  credits: Record<string, number>;
  creditsTotal: number;
  rateLimited: Record<string, number>;
  faults: Record<string, number>;
}

export interface SandboxServer {
  url: string;
  port: number;
  world: World;
  /** Live counters (same data as GET /_sandbox/stats). */
  stats(): SandboxStats;
  resetStats(): void;
  setFaults(config: FaultConfig): void;
  close(): Promise<void>;
}

/** Keys with special meaning, to exercise a client's auth error handling. */
export const SANDBOX_INVALID_KEY = 'sandbox-invalid';
export const SANDBOX_NONMASTER_KEY = 'sandbox-nonmaster';

const API = '/api/v1';

interface Route {
  method: 'GET' | 'POST';
  cls: EndpointClass;
  handle: (ctx: Ctx) => unknown;
}

interface Ctx {
  world: World;
  body: Record<string, unknown>;
  /** Path parameters, e.g. the organization id of /organizations/{id}/job_postings. */
  params: Record<string, string>;
  costs: CreditCosts;
  shapes: ShapeOptions;
  keywordTags: 'ignored' | 'applied';
  /** Credits this request consumed. */
  credits: number;
  jobPostings: typeof jobPostingsOf;
  roleSince: RoleSince;
}

const truthBody = z.object({
  icp: z.object({
    tiers: z.object({
      T1: z.object({ titles: z.array(z.string()) }),
      T2: z.object({ titles: z.array(z.string()) }),
      T3: z.object({ titles: z.array(z.string()) }),
    }),
    industries: z.array(z.string()),
    locations: z.array(z.string()),
    companySize: z.object({ min: z.number(), max: z.number() }),
  }),
  personIds: z.array(z.string()),
  /** Companies to report hiring and site facts for, besides the people's own companies. */
  companyIds: z.array(z.string()).optional(),
});

function personCredits(ctx: Ctx, p: WorldPerson, person: Record<string, unknown>): void {
  ctx.credits += ctx.costs.personRecord;
  if (p.email_status === 'verified' && p.email) ctx.credits += ctx.costs.verifiedEmail;
  const personal = person.personal_emails;
  if (Array.isArray(personal) && personal.length > 0) ctx.credits += ctx.costs.personalEmail;
}

function fold(text: unknown): string {
  return typeof text === 'string' ? asciiFold(text).trim().toLowerCase() : '';
}

/** people/match lookup: id, email, linkedin_url, or name + domain / organization_name. */
function findPerson(world: World, d: Record<string, unknown>): WorldPerson | null {
  if (typeof d.id === 'string' && d.id) return world.personById.get(d.id) ?? null;
  if (typeof d.email === 'string' && d.email) return personByEmail(world, d.email);
  if (typeof d.linkedin_url === 'string' && d.linkedin_url) return personByLinkedin(world, d.linkedin_url);
  let first = fold(d.first_name);
  let last = fold(d.last_name);
  if ((!first || !last) && typeof d.name === 'string') {
    const parts = fold(d.name).split(/\s+/);
    first = first || (parts[0] ?? '');
    last = last || parts.slice(1).join(' ');
  }
  if (!first || !last) return null;
  let company: WorldCompany | undefined;
  if (typeof d.domain === 'string' && d.domain)
    company = world.companyByDomain.get(normalizeDomain(d.domain));
  else if (typeof d.organization_name === 'string' && d.organization_name) {
    const name = fold(d.organization_name);
    company = world.companies.find((c) => fold(c.name) === name);
  }
  if (!company) return null;
  for (const idx of peopleOfCompany(world, company.idx)) {
    const p = world.people[idx] as WorldPerson;
    if (fold(p.first_name) === first && fold(p.last_name) === last) return p;
  }
  return null;
}

function matchOne(ctx: Ctx, d: Record<string, unknown>, reveal: boolean): Record<string, unknown> | null {
  const p = findPerson(ctx.world, d);
  if (!p) return null;
  const person = fullPerson(ctx.world, p, reveal, ctx.shapes, ctx.roleSince(ctx.world, p));
  personCredits(ctx, p, person);
  return person;
}

function objectList(body: Record<string, unknown>, field: string, max: number): Record<string, unknown>[] {
  const v = body[field];
  if (!Array.isArray(v)) throw new BadRequest(`${field} must be an array`);
  if (v.length > max) throw new BadRequest(`${field} takes at most ${max} entries, got ${v.length}`);
  return v.map((item) => {
    if (!item || typeof item !== 'object') throw new BadRequest(`${field} entries must be objects`);
    return item as Record<string, unknown>;
  });
}

const ROUTES: Record<string, Route> = {
  [`${API}/mixed_people/api_search`]: {
    method: 'POST',
    cls: 'other',
    handle: ({ world, body, keywordTags }) => {
      const parsed = parsePeopleFilters(body);
      const filters = keywordTags === 'applied' ? parsed : { ...parsed, keywordTags: [] };
      const { indexes, pagination } = pageOf(searchPeopleAll(world, filters), parsePaging(body));
      // The real answer has total_entries and people, no pagination object.
      return {
        total_entries: pagination.total_entries,
        people: indexes.map((i) => searchPerson(world, world.people[i] as WorldPerson)),
      };
    },
  },
  [`${API}/mixed_companies/search`]: {
    method: 'POST',
    cls: 'other',
    handle: (ctx) => {
      const all = searchCompaniesAll(ctx.world, parseCompanyFilters(ctx.body));
      const { indexes, pagination } = pageOf(all, parsePaging(ctx.body));
      const organizations = indexes.map((i) =>
        orgSearch(ctx.world, ctx.world.companies[i] as WorldCompany, ctx.shapes),
      );
      if (organizations.length > 0) ctx.credits += ctx.costs.companySearchRequest;
      return {
        breadcrumbs: breadcrumbs(ctx.body),
        pagination,
        accounts: [],
        organizations,
        model_ids: organizations.map((o) => o.id),
      };
    },
  },
  [`${API}/organizations/enrich`]: {
    method: 'GET',
    cls: 'enrich',
    handle: (ctx) => {
      const domain = ctx.body.domain;
      if (typeof domain !== 'string' || !domain.trim())
        throw new BadRequest('domain is required, e.g. ?domain=apollo.io');
      const c = ctx.world.companyByDomain.get(normalizeDomain(domain));
      if (!c) return { organization: null };
      ctx.credits += ctx.costs.organizationRecord;
      return { organization: orgFull(ctx.world, c, ctx.shapes) };
    },
  },
  [`${API}/organizations/bulk_enrich`]: {
    method: 'POST',
    cls: 'enrich',
    handle: (ctx) => {
      const v = ctx.body.domains ?? ctx.body['domains[]'];
      if (!Array.isArray(v) || v.some((d) => typeof d !== 'string'))
        throw new BadRequest('domains must be an array of strings');
      if (v.length > 10) throw new BadRequest(`domains takes at most 10 entries, got ${v.length}`);
      const unique = [...new Set((v as string[]).map(normalizeDomain))];
      const organizations = unique
        .map((d) => ctx.world.companyByDomain.get(d))
        .filter((c): c is WorldCompany => c !== undefined)
        .map((c) => orgFull(ctx.world, c, ctx.shapes));
      ctx.credits += organizations.length * ctx.costs.organizationRecord;
      return {
        status: 'success',
        error_code: null,
        error_message: null,
        total_requested_domains: v.length,
        unique_domains: unique.length,
        unique_enriched_records: organizations.length,
        missing_records: unique.length - organizations.length,
        organizations,
      };
    },
  },
  [`${API}/people/match`]: {
    method: 'POST',
    cls: 'enrich',
    handle: (ctx) => ({ person: matchOne(ctx, ctx.body, ctx.body.reveal_personal_emails === true) }),
  },
  [`${API}/people/bulk_match`]: {
    method: 'POST',
    cls: 'enrich',
    handle: (ctx) => {
      const details = objectList(ctx.body, 'details', 10);
      const reveal = ctx.body.reveal_personal_emails === true;
      const matches = details.map((d) => matchOne(ctx, d, reveal));
      const found = matches.filter((m) => m !== null).length;
      return {
        status: 'success',
        error_code: null,
        error_message: null,
        total_requested_enrichments: details.length,
        unique_enriched_records: found,
        missing_records: details.length - found,
        credits_consumed: ctx.credits,
        matches,
      };
    },
  },
};

const JOB_POSTINGS = /^\/api\/v1\/organizations\/([^/]+)\/job_postings$/;
/** The path every job-postings request is counted and limited under (one endpoint, as Apollo counts it). */
export const JOB_POSTINGS_PATH = `${API}/organizations/{id}/job_postings`;

class NotFound extends Error {}

ROUTES[JOB_POSTINGS_PATH] = {
  method: 'GET',
  cls: 'other',
  handle: (ctx) => {
    const c = ctx.world.companyById.get(ctx.params.id ?? '');
    if (!c) throw new NotFound(`No organization with id ${ctx.params.id}`);
    const { page, perPage } = parsePaging(ctx.body, 10);
    const all = ctx.jobPostings(ctx.world, c);
    const start = (page - 1) * perPage;
    const organization_job_postings = all.slice(start, start + perPage);
    if (organization_job_postings.length > 0) ctx.credits += ctx.costs.jobPostingsPage;
    return {
      organization_job_postings,
      pagination: {
        page,
        per_page: perPage,
        total_entries: all.length,
        total_pages: Math.ceil(all.length / perPage),
      },
    };
  },
};

const BREADCRUMB_LABELS: Record<string, string> = {
  organization_locations: 'Company Locations',
  organization_num_employees_ranges: '# Employees',
  q_organization_keyword_tags: 'Company Keywords',
  q_organization_name: 'Company Name',
  organization_ids: 'Companies',
  q_organization_domains_list: 'Company Domains',
};

/** Apollo echoes the filters it applied as breadcrumbs {label, signal_field_name, value, display_name}. */
function breadcrumbs(body: Record<string, unknown>) {
  const out: { label: string; signal_field_name: string; value: string; display_name: string }[] = [];
  for (const [field, label] of Object.entries(BREADCRUMB_LABELS)) {
    const v = body[field] ?? body[`${field}[]`];
    const values = Array.isArray(v) ? v : v === undefined || v === null || v === '' ? [] : [v];
    for (const value of values)
      out.push({ label, signal_field_name: field, value: String(value), display_name: String(value) });
  }
  return out;
}

/** The route for a path, and its parameters (job postings carry the organization id in the path). */
function routeFor(path: string): { key: string; route: Route | undefined; params: Record<string, string> } {
  const m = JOB_POSTINGS.exec(path);
  if (m)
    return {
      key: JOB_POSTINGS_PATH,
      route: ROUTES[JOB_POSTINGS_PATH],
      params: { id: decodeURIComponent(m[1]!) },
    };
  return { key: path, route: ROUTES[path], params: {} };
}

/** Apollo answers a string body (its 401) as plain text. */
const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  reply(res, status, body, { headers, textType: 'text/plain; charset=utf-8' });

/** One server's state: the world, its prices and shapes, the rate windows, faults and counts. */
interface ApolloState {
  world: World;
  costs: CreditCosts;
  shapes: ShapeOptions;
  keywordTags: 'ignored' | 'applied';
  jobPostings: typeof jobPostingsOf;
  roleSince: RoleSince;
  limiter: RateLimiter;
  faults: FaultInjector;
  stats: SandboxStats;
}

const emptyStats = (): SandboxStats => ({
  requests: {},
  credits: {},
  creditsTotal: 0,
  rateLimited: {},
  faults: {},
});

function apolloState(opts: SandboxOptions): ApolloState {
  const seed = opts.seed ?? 42;
  const faults = new FaultInjector(seed);
  if (opts.faults) faults.set(opts.faults);
  return {
    world: getWorld(seed, { scale: opts.scale, extractPath: opts.extractPath }),
    costs: { ...DEFAULT_CREDIT_COSTS, ...opts.costs },
    shapes: { legacyKindShapes: opts.legacyKindShapes === true },
    keywordTags: opts.keywordTagFilter ?? 'ignored',
    jobPostings: opts.jobPostings ?? jobPostingsOf,
    roleSince: opts.roleSince ?? (() => null),
    limiter: new RateLimiter(resolveLimits(opts.limits), opts.clock ?? (() => Date.now()), {
      alignment: opts.windowAlignment ?? 'utc',
      headerFamily: opts.rateHeaders ?? 'live',
    }),
    faults,
    stats: emptyStats(),
  };
}

interface Refusal {
  status: number;
  body: unknown;
}

/** The JSON body with the query string's parameters merged in (Apollo reads both); null when not an object. */
function apiParams(raw: string, url: URL): Record<string, unknown> | null {
  let body: Record<string, unknown> = {};
  if (raw.trim()) {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      body = parsed as Record<string, unknown>;
    } catch {
      return null;
    }
  }
  // Apollo also reads parameters from the query string.
  for (const [k, v] of url.searchParams) {
    if (k.endsWith('[]')) {
      const key = k.slice(0, -2);
      const list = Array.isArray(body[key]) ? (body[key] as unknown[]) : [];
      body[key] = [...list, v];
    } else if (!(k in body)) body[k] = v;
  }
  return body;
}

/** Apollo's checks before a call counts: a key in the body, no or a bad key, no route, a non-master key. */
function refuseRequest(
  req: IncomingMessage,
  path: string,
  route: Route | undefined,
  body: Record<string, unknown>,
): Refusal | null {
  if ('api_key' in body)
    return {
      status: 422,
      body: {
        error: 'Invalid parameters',
        details: 'send the API key in the x-api-key header; api_key in the body or query string is refused',
      },
    };
  const key = req.headers['x-api-key'];
  const apiKey = Array.isArray(key) ? key[0] : key;
  if (!apiKey || !apiKey.trim() || apiKey === SANDBOX_INVALID_KEY)
    return { status: 401, body: 'Invalid access credentials.' };
  if (!route || route.method !== req.method)
    return { status: 404, body: { error: `No such endpoint: ${req.method} ${path}` } };
  if (apiKey === SANDBOX_NONMASTER_KEY && path === `${API}/mixed_people/api_search`)
    return {
      status: 403,
      body: {
        error:
          'api/v1/mixed_people/api_search is not accessible with this api_key. Please use a master API key.',
        error_code: 'API_INACCESSIBLE',
      },
    };
  return null;
}

async function handleApi(s: ApolloState, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const { limiter, faults } = s;
  const { key: path, route, params } = routeFor(trimPath(url.pathname));
  const cls: EndpointClass = route?.cls ?? 'other';
  const body = apiParams(await readBody(req), url);
  if (!body)
    return send(
      res,
      422,
      { error: 'Invalid parameters', details: 'the request body must be a JSON object' },
      limiter.peek(path, cls),
    );
  const refused = refuseRequest(req, path, route, body);
  if (refused) return send(res, refused.status, refused.body, limiter.peek(path, cls));
  if (!route) return; // refuseRequest answered it

  bump(s.stats.requests, path);
  const fault = faults.decide(path);
  if (fault.delayMs > 0) {
    bump(s.stats.faults, 'slow');
    await sleep(fault.delayMs);
  }
  const limit = limiter.take(path, cls);
  if (fault.kind === 'storm429' || !limit.allowed)
    return sendRateLimited(s, res, path, cls, limit, fault.kind);
  if (fault.kind === 'error') {
    bump(s.stats.faults, `http${fault.status}`);
    send(
      res,
      fault.status,
      fault.status === 502 ? '<html><body>502 Bad Gateway</body></html>' : { error: 'Internal Server Error' },
      limit.headers,
    );
    return;
  }
  const answered = answerRoute(s, route, { path, body, params }, res, limit.headers);
  if (answered === NO_ANSWER) return;
  if (fault.kind === 'malformed') {
    bump(s.stats.faults, `malformed_${fault.mode}`);
    if (fault.mode === 'truncated') replyTruncated(res, answered, limit.headers);
    else send(res, 200, { data: [JSON.stringify(answered).length], status: 'ok' }, limit.headers);
    return;
  }
  send(res, 200, answered, limit.headers);
}

function sendRateLimited(
  s: ApolloState,
  res: ServerResponse,
  path: string,
  cls: EndpointClass,
  limit: ReturnType<RateLimiter['take']>,
  faultKind: string,
): void {
  const { stats, limiter, faults } = s;
  bump(stats.rateLimited, path);
  if (faultKind === 'storm429') bump(stats.faults, 'storm429');
  const window = limit.exceeded?.window ?? 'minute';
  const n = limit.exceeded?.limit ?? limiter.limitsFor(path, cls).minute;
  // A storm is momentary overload: it still says when to come back, as every real 429 does.
  const headers = limit.exceeded
    ? limit.headers
    : { ...limit.headers, 'retry-after': String(faults.current.stormRetryAfterS ?? 1) };
  send(
    res,
    429,
    {
      message: rateLimitMessage(path, window, n),
      error_details: { code: 'USAGE.RATE_LIMIT.API_RATE_LIMIT_EXCEEDED' },
    },
    headers,
  );
}

const NO_ANSWER = Symbol('answered with an error');

/** Runs the route and counts its credits; a bad request or a miss is answered here (NO_ANSWER). */
function answerRoute(
  s: ApolloState,
  route: Route,
  req: { path: string; body: Record<string, unknown>; params: Record<string, string> },
  res: ServerResponse,
  headers: Record<string, string>,
): unknown {
  const { world, costs, shapes, keywordTags, jobPostings, roleSince, stats } = s;
  const ctx: Ctx = {
    world,
    body: req.body,
    params: req.params,
    costs,
    shapes,
    keywordTags,
    credits: 0,
    jobPostings,
    roleSince,
  };
  let payload: unknown;
  try {
    payload = route.handle(ctx);
  } catch (err) {
    if (err instanceof BadRequest) {
      send(res, 422, { error: 'Invalid parameters', details: err.message }, headers);
      return NO_ANSWER;
    }
    if (err instanceof NotFound) {
      send(res, 404, { error: err.message }, headers);
      return NO_ANSWER;
    }
    throw err;
  }
  if (ctx.credits > 0) {
    bump(stats.credits, req.path, ctx.credits);
    stats.creditsTotal += ctx.credits;
  }
  return payload;
}

async function handleControl(
  s: ApolloState,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const parsedBody = controlBody(req.method === 'POST' ? await readBody(req) : '');
  if (!parsedBody) return send(res, 400, NOT_JSON);
  const { body } = parsedBody;
  if (path === '/_sandbox/truth' && req.method === 'POST') {
    const parsed = truthBody.safeParse(body);
    if (!parsed.success) {
      send(res, 400, {
        error: `truth needs {icp:{tiers,industries,locations,companySize}, personIds}: ${parsed.error.message}`,
      });
      return;
    }
    const truth = groundTruth(s.world, parsed.data.icp, parsed.data.personIds);
    send(res, 200, {
      truth: Object.fromEntries(truth),
      ...truthFacts(s.world, parsed.data.personIds, parsed.data.companyIds ?? []),
    });
    return;
  }
  if (path === '/_sandbox/stats' && req.method === 'GET') {
    send(res, 200, { ...s.stats, faultConfig: s.faults.current });
    return;
  }
  if (path === '/_sandbox/stats/reset' && req.method === 'POST') {
    s.stats = emptyStats();
    send(res, 200, { ok: true });
    return;
  }
  if (path === '/_sandbox/faults' && req.method === 'POST') {
    try {
      s.faults.set((body ?? {}) as FaultConfig);
    } catch (err) {
      send(res, 400, { error: (err as Error).message });
      return;
    }
    send(res, 200, { faults: s.faults.current });
    return;
  }
  send(res, 404, { error: `No such control endpoint: ${req.method} ${path}` });
}

export async function startSandboxServer(opts: SandboxOptions = {}): Promise<SandboxServer> {
  const s = apolloState(opts);
  const server = await serveLoopback(
    (req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      return url.pathname.startsWith('/_sandbox/')
        ? handleControl(s, req, res, trimPath(url.pathname))
        : handleApi(s, req, res, url);
    },
    { port: opts.port, host: opts.host },
  );
  return {
    url: `http://127.0.0.1:${server.port}${API}`,
    port: server.port,
    world: s.world,
    stats: () => structuredClone(s.stats),
    resetStats: () => void (s.stats = emptyStats()),
    setFaults: (config) => s.faults.set(config),
    close: server.close,
  };
}
