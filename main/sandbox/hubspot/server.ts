/**
 * A loopback HTTP server that speaks the parts of HubSpot's CRM API that Lead Studio uses
 * (providers.md): properties v3, objects v3 (search, batch upsert/create/update), associations v4.
 * Bearer private-app tokens (401 otherwise), 100 or 190 requests per 10 s and 5 searches per second
 * with X-HubSpot-RateLimit-* headers and 429 {errorType:"RATE_LIMIT", policyName}, whole batches
 * refused on one invalid value (as HubSpot does), pre-existing records from the sandbox world, and
 * faults: a 429 storm, a 5xx burst (optionally after the write went through: a lost response).
 * Control endpoints under /_sandbox (no token): stats, faults, records.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, reply, serveLoopback, trimPath } from '../http-scaffold';
import { getWorld, type World } from '../world';
import { SandboxCrm, type CrmRecord, type ObjectType, type PropertyDef } from './crm';
import {
  HUBSPOT_RATE_PRESETS,
  HubSpotRateLimiter,
  type HubSpotRateLimits,
  type WindowDecision,
} from './limits';
import { seedPreexisting, type PreexistingOptions } from './seed';
import { hubspotError, invalidPropertiesBody, rateLimitBody } from './shapes';

export interface HubSpotFaults {
  /** The next N API requests get a 429 whatever the windows say. */
  storm429?: number;
  /** The next N API requests get a 5xx (cycling through 500, 502, 503, 504). */
  burst5xx?: number;
  /** Whether a burst's 5xx comes after the write was applied (the response is lost, not the write). */
  burstAfterWrite?: boolean;
  /** Only these paths get the burst (e.g. ["/crm/v3/objects/companies/batch/create"]); default all. */
  burstPaths?: string[];
}

export interface HubSpotSandboxOptions {
  seed?: number;
  scale?: number;
  extractPath?: string;
  port?: number;
  limits?: 'free' | 'professional' | 'off' | HubSpotRateLimits;
  preexisting?: PreexistingOptions | false;
  faults?: HubSpotFaults;
  clock?: () => number;
}

export interface HubSpotSandboxStats {
  requests: Record<string, number>;
  created: Record<ObjectType, number>;
  updated: Record<ObjectType, number>;
  associations: number;
  rateLimited: number;
  serverErrors: number;
  /** Authorization headers seen, by scheme (tokens themselves are never kept). */
  authSchemes: Record<string, number>;
}

export interface HubSpotSandboxServer {
  /** Base URL (no trailing slash), e.g. http://127.0.0.1:1234 — the client appends /crm/v3/… */
  url: string;
  port: number;
  world: World;
  crm: SandboxCrm;
  stats(): HubSpotSandboxStats;
  setFaults(f: HubSpotFaults): void;
  close(): Promise<void>;
}

export const HUBSPOT_SANDBOX_INVALID_TOKEN = 'pat-na1-sandbox-invalid';
/** HubSpot's batch endpoints take at most 100 inputs; search pages at most 200 results. */
export const HUBSPOT_BATCH_MAX = 100;
export const HUBSPOT_SEARCH_PAGE_MAX = 200;

interface Answer {
  status: number;
  body: unknown;
}

const emptyStats = (): HubSpotSandboxStats => ({
  requests: {},
  created: { contacts: 0, companies: 0 },
  updated: { contacts: 0, companies: 0 },
  associations: 0,
  rateLimited: 0,
  serverErrors: 0,
  authSchemes: {},
});

const TYPE_OF: Record<string, ObjectType> = {
  contacts: 'contacts',
  contact: 'contacts',
  '0-1': 'contacts',
  companies: 'companies',
  company: 'companies',
  '0-2': 'companies',
};
const TYPE_ID: Record<ObjectType, string> = { contacts: '0-1', companies: '0-2' };

const ok = (body: unknown, status = 200): Answer => ({ status, body });
const bad = (category: string, message: string, status = 400): Answer => ({
  status,
  body: hubspotError(category, message),
});

function send(res: ServerResponse, a: Answer, headers: Record<string, string> = {}): void {
  reply(res, a.status, a.body, {
    headers,
    type: typeof a.body === 'string' ? 'text/html' : 'application/json;charset=utf-8',
  });
}

function view(r: CrmRecord, asked: string[] | undefined, extra: Record<string, unknown> = {}) {
  const names = asked?.length ? asked : Object.keys(r.properties);
  const properties: Record<string, string | null> = {};
  for (const n of new Set([...names, 'hs_object_id', 'createdate'])) properties[n] = r.properties[n] ?? null;
  return { id: r.id, properties, createdAt: r.createdAt, updatedAt: r.updatedAt, archived: false, ...extra };
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function batchInputs(body: unknown): Json[] | Answer {
  const inputs = isObj(body) ? body.inputs : undefined;
  if (!Array.isArray(inputs) || !inputs.every(isObj))
    return bad('VALIDATION_ERROR', 'Invalid input JSON on line 1: "inputs" must be an array of objects');
  if (inputs.length > HUBSPOT_BATCH_MAX)
    return bad(
      'VALIDATION_ERROR',
      `Batch input limit exceeded: ${inputs.length} inputs, the limit is ${HUBSPOT_BATCH_MAX}.`,
    );
  return inputs;
}

/**
 * The sandbox's API logic, free of HTTP: each handler takes the CRM it writes to and the parsed
 * body, and returns an answer.
 */
interface CrmCtx {
  crm: SandboxCrm;
  stats: HubSpotSandboxStats;
  now: () => number;
}

const propsOf = (input: Json): Json => (isObj(input.properties) ? input.properties : {});

function complete({ now }: CrmCtx, results: unknown[]) {
  const stamp = () => new Date(now()).toISOString();
  return { status: 'COMPLETE', results, startedAt: stamp(), completedAt: stamp() };
}

/** HubSpot refuses a whole batch when any input has an invalid value. */
function validate({ crm }: CrmCtx, type: ObjectType, inputs: Json[]): Answer | null {
  const problems = inputs.flatMap((i) => crm.check(type, propsOf(i)));
  return problems.length ? { status: 400, body: invalidPropertiesBody(problems) } : null;
}

function upsert(c: CrmCtx, type: ObjectType, inputs: Json[]): Answer {
  const { crm, stats } = c;
  for (const i of inputs) {
    const idProperty = String(i.idProperty ?? '');
    const def = crm.properties[type].get(idProperty);
    if (!def?.hasUniqueValue || idProperty === 'hs_object_id')
      return bad(
        'VALIDATION_ERROR',
        `idProperty "${idProperty}" is not a unique-value property of ${type}; upsert needs one (contacts: email).`,
      );
    if (typeof i.id !== 'string' || !i.id.trim())
      return bad('VALIDATION_ERROR', 'Each upsert input needs an "id".');
  }
  const invalid = validate(
    c,
    type,
    inputs.map((i) => ({ properties: { ...propsOf(i), email: i.id } })),
  );
  if (invalid) return invalid;
  const results = inputs.map((i) => {
    const key = String(i.id);
    const found = crm.contactIdByEmail(key);
    const props = { ...propsOf(i) };
    delete props.email; // the id is the email
    if (found) {
      stats.updated[type] += 1;
      return view(crm.update(type, found, props)!, undefined, { new: false });
    }
    stats.created[type] += 1;
    return view(crm.create(type, { ...props, email: key }), undefined, { new: true });
  });
  return ok(complete(c, results));
}

function create(c: CrmCtx, type: ObjectType, inputs: Json[]): Answer {
  const { crm, stats } = c;
  const invalid = validate(c, type, inputs);
  if (invalid) return invalid;
  if (type === 'contacts')
    for (const i of inputs) {
      const existing = crm.contactIdByEmail(String(propsOf(i).email ?? ''));
      if (existing) return bad('CONFLICT', `Contact already exists. Existing ID: ${existing}`, 409);
    }
  const results = inputs.map((i) => {
    stats.created[type] += 1;
    return view(crm.create(type, propsOf(i)), undefined);
  });
  return ok(complete(c, results), 201);
}

function update(c: CrmCtx, type: ObjectType, inputs: Json[]): Answer {
  const { crm, stats } = c;
  const missing = inputs.find((i) => typeof i.id !== 'string' || !crm.records[type].has(i.id));
  if (missing) return bad('OBJECT_NOT_FOUND', `Could not find ${type} with id ${String(missing.id)}.`, 404);
  const invalid = validate(c, type, inputs);
  if (invalid) return invalid;
  return ok(
    complete(
      c,
      inputs.map((i) => {
        stats.updated[type] += 1;
        return view(crm.update(type, String(i.id), propsOf(i))!, undefined);
      }),
    ),
  );
}

function search({ crm }: CrmCtx, type: ObjectType, body: unknown): Answer {
  if (!isObj(body) || !Array.isArray(body.filterGroups))
    return bad('VALIDATION_ERROR', 'Search needs "filterGroups": [{filters: [...]}].');
  const limit = Number(body.limit ?? 10);
  if (!Number.isInteger(limit) || limit < 1 || limit > HUBSPOT_SEARCH_PAGE_MAX)
    return bad('VALIDATION_ERROR', `"limit" must be from 1 to ${HUBSPOT_SEARCH_PAGE_MAX}.`);
  const after = Number(body.after ?? 0);
  const matched = new Map<string, CrmRecord>();
  for (const g of body.filterGroups as Json[]) {
    const filters = Array.isArray(g.filters) ? (g.filters as Json[]) : [];
    if (filters.length !== 1)
      return bad('VALIDATION_ERROR', 'The sandbox answers one filter per group (EQ or IN on a property).');
    const f = filters[0]!;
    const values = f.operator === 'IN' ? f.values : f.operator === 'EQ' ? [f.value] : null;
    if (!Array.isArray(values) || values.some((v) => typeof v !== 'string'))
      return bad(
        'VALIDATION_ERROR',
        `Operator ${String(f.operator)} is not supported by the sandbox (EQ, IN).`,
      );
    if (values.length > 100) return bad('VALIDATION_ERROR', 'An IN filter takes at most 100 values.');
    for (const r of crm.find(type, String(f.propertyName), values as string[])) matched.set(r.id, r);
  }
  const all = [...matched.values()].sort((a, b) => Number(a.id) - Number(b.id));
  const page = all.slice(after, after + limit);
  const asked = Array.isArray(body.properties) ? (body.properties as string[]) : undefined;
  const next = after + limit < all.length ? { paging: { next: { after: String(after + limit) } } } : {};
  return ok({
    total: all.length,
    results: page.map((r) => view(r, asked ?? ['email', 'domain', 'name'])),
    ...next,
  });
}

function associate(c: CrmCtx, fromType: ObjectType, toType: ObjectType, inputs: Json[]): Answer {
  const { crm, stats } = c;
  if (fromType !== 'contacts' || toType !== 'companies')
    return bad('VALIDATION_ERROR', 'The sandbox associates contacts to companies only.');
  const results: unknown[] = [];
  for (const i of inputs) {
    const from = isObj(i.from) ? String(i.from.id) : '';
    const to = isObj(i.to) ? String(i.to.id) : '';
    if (!crm.associate(from, to)) return bad('VALIDATION_ERROR', `No contact ${from} or company ${to}.`);
    stats.associations += 1;
    results.push({
      fromObjectTypeId: TYPE_ID[fromType],
      fromObjectId: Number(from),
      toObjectTypeId: TYPE_ID[toType],
      toObjectId: Number(to),
      labels: [],
    });
  }
  return ok(complete(c, results));
}

function createProperty({ crm }: CrmCtx, type: ObjectType, body: unknown): Answer {
  if (!isObj(body) || typeof body.name !== 'string' || !/^[a-z][a-z0-9_]*$/.test(body.name))
    return bad('VALIDATION_ERROR', 'A property needs a "name" of lowercase letters, digits and underscores.');
  if (crm.properties[type].has(body.name))
    return bad('OBJECT_ALREADY_EXISTS', `A property named '${body.name}' already exists.`, 409);
  for (const k of ['label', 'type', 'fieldType', 'groupName'])
    if (typeof body[k] !== 'string') return bad('VALIDATION_ERROR', `A property needs "${k}".`);
  const def = { ...(body as unknown as PropertyDef), hubspotDefined: false, hasUniqueValue: false };
  crm.properties[type].set(def.name, def);
  return ok(def, 201);
}

type Route = { kind: 'search' | 'burst'; run: (body: unknown) => Answer | Promise<Answer> };

function route(c: CrmCtx, method: string, path: string): Route | null {
  const { crm } = c;
  let m = /^\/crm\/v3\/properties\/([\w-]+)$/.exec(path);
  if (m && TYPE_OF[m[1]!]) {
    const type = TYPE_OF[m[1]!]!;
    if (method === 'GET')
      return { kind: 'burst', run: () => ok({ results: [...crm.properties[type].values()] }) };
    if (method === 'POST') return { kind: 'burst', run: (b) => createProperty(c, type, b) };
  }
  m = /^\/crm\/v3\/objects\/([\w-]+)\/(search|batch\/upsert|batch\/create|batch\/update)$/.exec(path);
  if (m && TYPE_OF[m[1]!] && method === 'POST') {
    const type = TYPE_OF[m[1]!]!;
    if (m[2] === 'search') return { kind: 'search', run: (b) => search(c, type, b) };
    const op = m[2] === 'batch/upsert' ? upsert : m[2] === 'batch/create' ? create : update;
    return { kind: 'burst', run: (b) => withInputs(b, (inputs) => op(c, type, inputs)) };
  }
  m = /^\/crm\/v4\/associations\/([\w-]+)\/([\w-]+)\/batch\/associate\/default$/.exec(path);
  if (m && TYPE_OF[m[1]!] && TYPE_OF[m[2]!] && method === 'POST') {
    const [from, to] = [TYPE_OF[m[1]!]!, TYPE_OF[m[2]!]!];
    return { kind: 'burst', run: (b) => withInputs(b, (inputs) => associate(c, from, to, inputs)) };
  }
  m = /^\/crm\/v4\/objects\/([\w-]+)\/(\d+)\/associations\/default\/([\w-]+)\/(\d+)$/.exec(path);
  if (m && TYPE_OF[m[1]!] && TYPE_OF[m[3]!] && method === 'PUT') {
    const [from, to] = [TYPE_OF[m[1]!]!, TYPE_OF[m[3]!]!];
    return { kind: 'burst', run: () => associate(c, from, to, [{ from: { id: m![2] }, to: { id: m![4] } }]) };
  }
  return null;
}

function withInputs(body: unknown, fn: (inputs: Json[]) => Answer): Answer {
  const inputs = batchInputs(body);
  return Array.isArray(inputs) ? fn(inputs) : inputs;
}

function rateHeaders(d: WindowDecision): Record<string, string> {
  // HubSpot's search endpoints send no rate-limit headers.
  if (d.policy === 'SECONDLY') return {};
  return {
    'x-hubspot-ratelimit-max': String(d.max),
    'x-hubspot-ratelimit-remaining': String(d.remaining),
    'x-hubspot-ratelimit-interval-milliseconds': String(d.intervalMs),
  };
}

function tokenOf(req: IncomingMessage, stats: HubSpotSandboxStats): string | null {
  const auth = req.headers.authorization ?? '';
  const scheme = auth.split(' ')[0]?.toLowerCase() || '(none)';
  stats.authSchemes[scheme] = (stats.authSchemes[scheme] ?? 0) + 1;
  const token = scheme === 'bearer' ? auth.slice(7).trim() : '';
  // Private-app tokens look like pat-<region>-<uuid>; anything else HubSpot does not know.
  return /^pat-[a-z0-9]+-[\w-]+$/.test(token) && token !== HUBSPOT_SANDBOX_INVALID_TOKEN ? token : null;
}

const UNAUTHORIZED = hubspotError(
  'INVALID_AUTHENTICATION',
  'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
);

/** One server's state: the CRM and its counters, the rate windows, and the faults still to come. */
interface HubSpotState extends CrmCtx {
  world: World;
  limiter: HubSpotRateLimiter;
  faults: Required<HubSpotFaults>;
  burstCount: number;
}

function hubspotState(opts: HubSpotSandboxOptions): HubSpotState {
  const world = getWorld(opts.seed ?? 42, { scale: opts.scale, extractPath: opts.extractPath });
  const clock = opts.clock ?? (() => Date.now());
  const crm = new SandboxCrm(clock);
  if (opts.preexisting !== false) seedPreexisting(crm, world, opts.preexisting ?? {});
  const limiter = new HubSpotRateLimiter(
    typeof opts.limits === 'object' ? opts.limits : HUBSPOT_RATE_PRESETS[opts.limits ?? 'free'],
    clock,
  );
  const s: HubSpotState = {
    world,
    crm,
    stats: emptyStats(),
    now: clock,
    limiter,
    faults: faultsOf({}),
    burstCount: 0,
  };
  if (opts.faults) s.faults = faultsOf(opts.faults);
  return s;
}

const faultsOf = (f: HubSpotFaults): Required<HubSpotFaults> => ({
  storm429: Math.max(0, Math.floor(f.storm429 ?? 0)),
  burst5xx: Math.max(0, Math.floor(f.burst5xx ?? 0)),
  burstAfterWrite: f.burstAfterWrite ?? false,
  burstPaths: f.burstPaths ?? [],
});

async function handleApi(
  s: HubSpotState,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const { stats, limiter, faults } = s;
  const raw = await readBody(req);
  if (!tokenOf(req, stats)) return send(res, { status: 401, body: UNAUTHORIZED });
  const r = route(s, req.method ?? 'GET', path);
  if (!r) return send(res, bad('OBJECT_NOT_FOUND', `No route for ${req.method} ${path}`, 404));
  stats.requests[path.replace(/\/\d+/g, '/{id}')] =
    (stats.requests[path.replace(/\/\d+/g, '/{id}')] ?? 0) + 1;
  const window = limiter.take(r.kind);
  if (faults.storm429 > 0 || !window.allowed) {
    if (faults.storm429 > 0) faults.storm429 -= 1;
    stats.rateLimited += 1;
    return send(
      res,
      { status: 429, body: rateLimitBody(window.policy) },
      rateHeaders({ ...window, remaining: 0 }),
    );
  }
  let body: unknown;
  try {
    body = raw.trim() ? JSON.parse(raw) : {};
  } catch {
    return send(res, bad('VALIDATION_ERROR', 'Invalid input JSON: the body is not JSON.'));
  }
  const burst = faults.burst5xx > 0 && (!faults.burstPaths.length || faults.burstPaths.includes(path));
  if (burst) faults.burst5xx -= 1;
  if (burst && !faults.burstAfterWrite) return sendBurst(s, res);
  const a = await r.run(body);
  if (burst) return sendBurst(s, res);
  send(res, a, rateHeaders(window));
}

function sendBurst(s: HubSpotState, res: ServerResponse): void {
  const status = [500, 502, 503, 504][s.burstCount++ % 4]!;
  s.stats.serverErrors += 1;
  if (status === 502 || status === 504)
    return send(res, { status, body: `<html><body>${status} Gateway error</body></html>` });
  send(res, { status, body: hubspotError('INTERNAL_ERROR', 'internal error') });
}

async function handleControl(
  s: HubSpotState,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const { crm } = s;
  const raw = await readBody(req);
  if (path === '/_sandbox/stats') return send(res, ok(s.stats));
  if (path === '/_sandbox/faults' && req.method === 'POST') {
    s.faults = faultsOf(JSON.parse(raw || '{}') as HubSpotFaults);
    return send(res, ok(s.faults));
  }
  if (path === '/_sandbox/records')
    return send(
      res,
      ok({ contacts: [...crm.records.contacts.values()], companies: [...crm.records.companies.values()] }),
    );
  send(res, { status: 404, body: { error: `No such control endpoint: ${req.method} ${path}` } });
}

export async function startHubSpotSandbox(opts: HubSpotSandboxOptions = {}): Promise<HubSpotSandboxServer> {
  const s = hubspotState(opts);
  const server = await serveLoopback(
    (req, res) => {
      const path = trimPath(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
      return path.startsWith('/_sandbox/') ? handleControl(s, req, res, path) : handleApi(s, req, res, path);
    },
    { port: opts.port },
  );
  return {
    url: `http://127.0.0.1:${server.port}`,
    port: server.port,
    world: s.world,
    crm: s.crm,
    stats: () => structuredClone(s.stats),
    setFaults: (f) => void (s.faults = faultsOf(f)),
    close: server.close,
  };
}
