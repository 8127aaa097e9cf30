/**
 * A loopback HTTP server that speaks Hunter.io v2 (providers.md) over the same synthetic world as
 * the Apollo sandbox: email-finder, email-verifier (202 "still verifying", then 200), domain-search,
 * account. Hunter's error shape, its 401 / 403 (per-second and per-minute limit) / 429 (monthly
 * quota), its credit costs, an injectable clock and seeded faults. Control endpoints under
 * /_sandbox (no key): truth, stats, faults, usage.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { FaultInjector, type FaultConfig } from '../faults';
import {
  apiKeyOf,
  bump,
  controlBody,
  NOT_JSON,
  readBody,
  reply as send,
  replyTruncated,
  serveLoopback,
  sleep,
  trimPath,
} from '../http-scaffold';
import { getWorld, type World } from '../world';
import { answerDomainSearch, answerFinder, answerVerifier, isSlowToVerify, type Answer } from './answers';
import {
  HUNTER_DEFAULT_COSTS,
  HUNTER_PLANS,
  HUNTER_RATE_PRESETS,
  HunterQuota,
  HunterRateLimiter,
  resetDateOf,
  type HunterClass,
  type HunterCosts,
  type HunterPlan,
  type HunterRateLimits,
  type Usage,
} from './limits';
import { addressTruth, personAddress } from './mail';
import { accountBody, hunterError, verifierPendingBody } from './shapes';

export interface HunterFaultConfig extends FaultConfig {
  /** The next N rate-limited requests get a 403 whatever the windows say. */
  storm403?: number;
}

export interface HunterVerifierBehaviour {
  /** Share of domains whose servers are slow: the first ask gets a 202. Default 0.1. */
  pendingShare?: number;
  /** How long (sandbox clock) such a verification takes before a re-ask gets the 200. Default 2 s. */
  verifyDelayMs?: number;
}

export interface HunterSandboxOptions {
  seed?: number;
  scale?: number;
  extractPath?: string;
  port?: number;
  limits?: 'documented' | 'off' | HunterRateLimits;
  plan?: keyof typeof HUNTER_PLANS | HunterPlan;
  costs?: Partial<HunterCosts>;
  faults?: HunterFaultConfig;
  verifier?: HunterVerifierBehaviour;
  /** Milliseconds since epoch; inject to roll windows and months without waiting. */
  clock?: () => number;
}

export interface HunterSandboxStats {
  requests: Record<string, number>;
  credits: Record<string, number>;
  creditsTotal: number;
  /** 403 answers (rate windows or storm403). */
  rateLimited: Record<string, number>;
  /** 429 answers (quota used up or storm429). */
  quotaRefused: Record<string, number>;
  /** 202 answers of the verifier. */
  pending: number;
  faults: Record<string, number>;
}

export interface HunterSandboxServer {
  /** Base URL of the API, ".../v2". */
  url: string;
  port: number;
  world: World;
  stats(): HunterSandboxStats;
  usage(): Usage;
  resetStats(): void;
  setFaults(config: HunterFaultConfig): void;
  close(): Promise<void>;
}

export const HUNTER_SANDBOX_INVALID_KEY = 'sandbox-invalid';

const API = '/v2';

const ROUTES: Record<string, HunterClass | 'free'> = {
  [`${API}/email-finder`]: 'search',
  [`${API}/domain-search`]: 'search',
  [`${API}/email-verifier`]: 'verifier',
  [`${API}/account`]: 'free',
};

const truthBody = z.object({
  emails: z.array(z.string()).default([]),
  personIds: z.array(z.string()).default([]),
});

const emptyStats = (): HunterSandboxStats => ({
  requests: {},
  credits: {},
  creditsTotal: 0,
  rateLimited: {},
  quotaRefused: {},
  pending: 0,
  faults: {},
});

/** One server's state: its world, plan and windows, and what it counted. */
interface HunterState {
  world: World;
  clock: () => number;
  costs: HunterCosts;
  plan: HunterPlan;
  quota: HunterQuota;
  limiter: HunterRateLimiter;
  pendingShare: number;
  verifyDelayMs: number;
  /** Verifications under way: email → when (sandbox clock) the answer is ready. */
  verifying: Map<string, number>;
  faults: FaultInjector;
  storm403: number;
  stats: HunterSandboxStats;
}

function hunterState(opts: HunterSandboxOptions): HunterState {
  const seed = opts.seed ?? 42;
  const clock = opts.clock ?? (() => Date.now());
  const plan = typeof opts.plan === 'object' ? opts.plan : HUNTER_PLANS[opts.plan ?? 'starter'];
  const s: HunterState = {
    world: getWorld(seed, { scale: opts.scale, extractPath: opts.extractPath }),
    clock,
    costs: { ...HUNTER_DEFAULT_COSTS, ...opts.costs },
    plan,
    quota: new HunterQuota(plan, clock),
    limiter: new HunterRateLimiter(
      typeof opts.limits === 'object' ? opts.limits : HUNTER_RATE_PRESETS[opts.limits ?? 'documented'],
      clock,
    ),
    pendingShare: opts.verifier?.pendingShare ?? 0.1,
    verifyDelayMs: opts.verifier?.verifyDelayMs ?? 2000,
    verifying: new Map(),
    faults: new FaultInjector(seed),
    storm403: 0,
    stats: emptyStats(),
  };
  if (opts.faults) setFaults(s, opts.faults);
  return s;
}

function setFaults(s: HunterState, config: HunterFaultConfig): void {
  const { storm403: n, ...rest } = config;
  s.faults.set(rest);
  s.storm403 = Math.max(0, Math.floor(n ?? 0));
}

/** The verifier's answer, or a 202 while a slow server is still being asked. */
function verify(s: HunterState, email: string): Answer {
  const { world, clock, verifying } = s;
  const key = email.trim().toLowerCase();
  if (key.includes('@') && isSlowToVerify(world, key, s.pendingShare)) {
    const now = clock();
    const readyAt = verifying.get(key);
    if (readyAt === undefined || now < readyAt) {
      if (readyAt === undefined) verifying.set(key, now + s.verifyDelayMs);
      s.stats.pending += 1;
      return { status: 202, body: verifierPendingBody(key) };
    }
    verifying.delete(key);
  }
  return answerVerifier(world, email, s.costs);
}

function answer(s: HunterState, path: string, q: URLSearchParams): Answer {
  const { world, costs, plan } = s;
  if (path === `${API}/email-finder`) return answerFinder(world, q, costs);
  if (path === `${API}/domain-search`) return answerDomainSearch(world, q, costs, plan.domainSearchMaxLimit);
  if (path === `${API}/email-verifier`) return verify(s, q.get('email') ?? '');
  const usage = s.quota.current();
  return { status: 200, body: accountBody(plan, usage, resetDateOf(s.clock())) };
}

/** 403 when a rate window is full, 429 when the month's allowance is used up; null when the call may run. */
function refusal(s: HunterState, path: string, cls: HunterClass, stormQuota: boolean): Answer | null {
  const { stats, plan } = s;
  const window = s.storm403 > 0 ? null : s.limiter.take(cls);
  if (s.storm403 > 0 || !window?.allowed) {
    if (s.storm403 > 0) {
      s.storm403 -= 1;
      bump(stats.faults, 'storm403');
    }
    bump(stats.rateLimited, path);
    const what = window?.exceeded
      ? `${window.exceeded.limit} requests per ${window.exceeded.window}`
      : 'its rate limit';
    return {
      status: 403,
      body: hunterError(
        'too_many_requests',
        403,
        `You have reached the rate limit of ${what}. Slow down and try again.`,
      ),
    };
  }
  if (stormQuota || !s.quota.hasRoom(cls)) {
    if (stormQuota) bump(stats.faults, 'storm429');
    bump(stats.quotaRefused, path);
    const what = cls === 'search' ? `${plan.searches} searches` : `${plan.verifications} verifications`;
    return {
      status: 429,
      body: hunterError(
        'too_many_requests',
        429,
        `You have reached your monthly usage limit of ${what} (plan ${plan.name}). It resets on ${resetDateOf(s.clock())}; upgrade your plan for more.`,
      ),
    };
  }
  return null;
}

/** Hunter's key checks, in its order: a key in the URL, no or a bad key, an unknown endpoint. */
function refuseRequest(req: IncomingMessage, url: URL, path: string): Answer | null {
  if (url.searchParams.has('api_key'))
    // Hunter takes ?api_key=, but a key in a URL ends up in logs: the sandbox refuses it.
    return {
      status: 400,
      body: hunterError('wrong_params', 400, 'Send the API key in the X-API-KEY header, never in the URL.'),
    };
  const apiKey = apiKeyOf(req);
  if (!apiKey || apiKey === HUNTER_SANDBOX_INVALID_KEY)
    return {
      status: 401,
      body: hunterError('authentication_failed', 401, 'No user found for the API key supplied'),
    };
  if (!ROUTES[path] || req.method !== 'GET')
    return { status: 404, body: hunterError('not_found', 404, `No such endpoint: ${req.method} ${path}`) };
  return null;
}

async function handleApi(s: HunterState, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const { stats, faults } = s;
  const path = trimPath(url.pathname);
  await readBody(req);
  const refusedRequest = refuseRequest(req, url, path);
  if (refusedRequest) return send(res, refusedRequest.status, refusedRequest.body);
  const cls = ROUTES[path]!;
  bump(stats.requests, path);
  const fault = faults.decide(path);
  if (fault.delayMs > 0) {
    bump(stats.faults, 'slow');
    await sleep(fault.delayMs);
  }
  const refused = cls === 'free' ? null : refusal(s, path, cls, fault.kind === 'storm429');
  if (refused) return send(res, refused.status, refused.body);
  if (fault.kind === 'error') {
    bump(stats.faults, `http${fault.status}`);
    send(
      res,
      fault.status,
      fault.status === 502
        ? '<html><body>502 Bad Gateway</body></html>'
        : hunterError('server_error', fault.status, 'Something went wrong on our side.'),
    );
    return;
  }
  const a = answer(s, path, url.searchParams);
  if (a.status === 200) charge(s, path, a);
  if (fault.kind === 'malformed' && a.status === 200) {
    bump(stats.faults, `malformed_${fault.mode}`);
    if (fault.mode === 'truncated') replyTruncated(res, a.body);
    else send(res, 200, { data: [JSON.stringify(a.body).length] });
    return;
  }
  send(res, a.status, a.body);
}

function charge(s: HunterState, path: string, a: Answer): void {
  s.quota.charge(a.searches ?? 0, a.verifications ?? 0, a.credits ?? 0);
  if (a.credits) {
    bump(s.stats.credits, path, a.credits);
    s.stats.creditsTotal += a.credits;
  }
}

async function handleControl(
  s: HunterState,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const parsedBody = controlBody(req.method === 'POST' ? await readBody(req) : '');
  if (!parsedBody) return send(res, 400, NOT_JSON);
  const { body } = parsedBody;
  if (path === '/_sandbox/truth' && req.method === 'POST') {
    const parsed = truthBody.safeParse(body);
    if (!parsed.success)
      return send(res, 400, {
        error: `truth needs {emails?: string[], personIds?: string[]}: ${parsed.error.message}`,
      });
    return send(res, 200, truthOf(s.world, parsed.data.emails, parsed.data.personIds));
  }
  if (path === '/_sandbox/stats' && req.method === 'GET')
    return send(res, 200, { ...s.stats, faultConfig: { ...s.faults.current, storm403: s.storm403 } });
  if (path === '/_sandbox/stats/reset' && req.method === 'POST') {
    s.stats = emptyStats();
    return send(res, 200, { ok: true });
  }
  if (path === '/_sandbox/usage' && req.method === 'GET')
    return send(res, 200, { plan: s.plan, usage: s.quota.current() });
  if (path === '/_sandbox/faults' && req.method === 'POST') {
    try {
      setFaults(s, (body ?? {}) as HunterFaultConfig);
    } catch (err) {
      return send(res, 400, { error: (err as Error).message });
    }
    return send(res, 200, { faults: { ...s.faults.current, storm403: s.storm403 } });
  }
  send(res, 404, { error: `No such control endpoint: ${req.method} ${path}` });
}

/** Ground truth per address and per person: catch-all, pattern, whether mail reaches someone. */
function truthOf(world: World, emails: string[], personIds: string[]): Record<string, unknown> {
  const people: Record<string, unknown> = {};
  for (const id of personIds) {
    const p = world.personById.get(id);
    people[id] = p ? addressTruth(world, personAddress(world, p)) : null;
  }
  return { emails: Object.fromEntries(emails.map((e) => [e, addressTruth(world, e)])), people };
}

export async function startHunterSandbox(opts: HunterSandboxOptions = {}): Promise<HunterSandboxServer> {
  const s = hunterState(opts);
  const server = await serveLoopback(
    (req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      return url.pathname.startsWith('/_sandbox/')
        ? handleControl(s, req, res, trimPath(url.pathname))
        : handleApi(s, req, res, url);
    },
    { port: opts.port },
  );
  return {
    url: `http://127.0.0.1:${server.port}${API}`,
    port: server.port,
    world: s.world,
    stats: () => structuredClone(s.stats),
    usage: () => ({ ...s.quota.current() }),
    resetStats: () => void (s.stats = emptyStats()),
    setFaults: (config) => setFaults(s, config),
    close: server.close,
  };
}
