/**
 * A loopback HTTP server that speaks Hunter.io v2 (providers.md) over the same synthetic world as
 * the Apollo sandbox: email-finder, email-verifier (202 "still verifying", then 200), domain-search,
 * account. Hunter's error shape, its 401 / 403 (per-second and per-minute limit) / 429 (monthly
 * quota), its credit costs, an injectable clock and seeded faults. Control endpoints under
 * /_sandbox (no key): truth, stats, faults, usage.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { FaultInjector, type FaultConfig } from '../faults';
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

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function apiKeyOf(req: IncomingMessage): string {
  const header = req.headers['x-api-key'];
  const key = Array.isArray(header) ? header[0] : header;
  if (key) return key.trim();
  const auth = req.headers.authorization ?? '';
  return auth.toLowerCase().startsWith('bearer ') ? auth.slice(7).trim() : '';
}

const emptyStats = (): HunterSandboxStats => ({
  requests: {},
  credits: {},
  creditsTotal: 0,
  rateLimited: {},
  quotaRefused: {},
  pending: 0,
  faults: {},
});

export async function startHunterSandbox(opts: HunterSandboxOptions = {}): Promise<HunterSandboxServer> {
  const seed = opts.seed ?? 42;
  const world = getWorld(seed, { scale: opts.scale, extractPath: opts.extractPath });
  const clock = opts.clock ?? (() => Date.now());
  const costs: HunterCosts = { ...HUNTER_DEFAULT_COSTS, ...opts.costs };
  const plan = typeof opts.plan === 'object' ? opts.plan : HUNTER_PLANS[opts.plan ?? 'starter'];
  const quota = new HunterQuota(plan, clock);
  const limiter = new HunterRateLimiter(
    typeof opts.limits === 'object' ? opts.limits : HUNTER_RATE_PRESETS[opts.limits ?? 'documented'],
    clock,
  );
  const pendingShare = opts.verifier?.pendingShare ?? 0.1;
  const verifyDelayMs = opts.verifier?.verifyDelayMs ?? 2000;
  /** Verifications under way: email → when (sandbox clock) the answer is ready. */
  const verifying = new Map<string, number>();
  const faults = new FaultInjector(seed);
  let storm403 = 0;
  const setFaults = (config: HunterFaultConfig) => {
    const { storm403: n, ...rest } = config;
    faults.set(rest);
    storm403 = Math.max(0, Math.floor(n ?? 0));
  };
  if (opts.faults) setFaults(opts.faults);

  let stats = emptyStats();
  const bump = (into: Record<string, number>, key: string, by = 1) => (into[key] = (into[key] ?? 0) + by);

  /** The verifier's answer, or a 202 while a slow server is still being asked. */
  function verify(email: string): Answer {
    const key = email.trim().toLowerCase();
    if (key.includes('@') && isSlowToVerify(world, key, pendingShare)) {
      const now = clock();
      const readyAt = verifying.get(key);
      if (readyAt === undefined || now < readyAt) {
        if (readyAt === undefined) verifying.set(key, now + verifyDelayMs);
        stats.pending += 1;
        return { status: 202, body: verifierPendingBody(key) };
      }
      verifying.delete(key);
    }
    return answerVerifier(world, email, costs);
  }

  function answer(path: string, q: URLSearchParams): Answer {
    if (path === `${API}/email-finder`) return answerFinder(world, q, costs);
    if (path === `${API}/domain-search`)
      return answerDomainSearch(world, q, costs, plan.domainSearchMaxLimit);
    if (path === `${API}/email-verifier`) return verify(q.get('email') ?? '');
    const usage = quota.current();
    return { status: 200, body: accountBody(plan, usage, resetDateOf(clock())) };
  }

  /** 403 when a rate window is full, 429 when the month's allowance is used up; null when the call may run. */
  function refusal(path: string, cls: HunterClass, stormQuota: boolean): Answer | null {
    const window = storm403 > 0 ? null : limiter.take(cls);
    if (storm403 > 0 || !window?.allowed) {
      if (storm403 > 0) {
        storm403 -= 1;
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
    if (stormQuota || !quota.hasRoom(cls)) {
      if (stormQuota) bump(stats.faults, 'storm429');
      bump(stats.quotaRefused, path);
      const what = cls === 'search' ? `${plan.searches} searches` : `${plan.verifications} verifications`;
      return {
        status: 429,
        body: hunterError(
          'too_many_requests',
          429,
          `You have reached your monthly usage limit of ${what} (plan ${plan.name}). It resets on ${resetDateOf(clock())}; upgrade your plan for more.`,
        ),
      };
    }
    return null;
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname.replace(/\/+$/, '');
    await readBody(req);
    if (url.searchParams.has('api_key')) {
      // Hunter takes ?api_key=, but a key in a URL ends up in logs: the sandbox refuses it.
      send(
        res,
        400,
        hunterError('wrong_params', 400, 'Send the API key in the X-API-KEY header, never in the URL.'),
      );
      return;
    }
    const apiKey = apiKeyOf(req);
    if (!apiKey || apiKey === HUNTER_SANDBOX_INVALID_KEY) {
      send(res, 401, hunterError('authentication_failed', 401, 'No user found for the API key supplied'));
      return;
    }
    const cls = ROUTES[path];
    if (!cls || req.method !== 'GET') {
      send(res, 404, hunterError('not_found', 404, `No such endpoint: ${req.method} ${path}`));
      return;
    }
    bump(stats.requests, path);
    const fault = faults.decide(path);
    if (fault.delayMs > 0) {
      bump(stats.faults, 'slow');
      await new Promise((r) => setTimeout(r, fault.delayMs));
    }
    const refused = cls === 'free' ? null : refusal(path, cls, fault.kind === 'storm429');
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
    const a = answer(path, url.searchParams);
    if (a.status === 200) charge(path, a);
    if (fault.kind === 'malformed' && a.status === 200) {
      bump(stats.faults, `malformed_${fault.mode}`);
      const text = JSON.stringify(a.body);
      if (fault.mode === 'truncated') {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end(text.slice(0, Math.max(1, Math.floor(text.length / 2))));
      } else send(res, 200, { data: [text.length] });
      return;
    }
    send(res, a.status, a.body);
  }

  function charge(path: string, a: Answer): void {
    quota.charge(a.searches ?? 0, a.verifications ?? 0, a.credits ?? 0);
    if (a.credits) {
      bump(stats.credits, path, a.credits);
      stats.creditsTotal += a.credits;
    }
  }

  async function handleControl(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const raw = req.method === 'POST' ? await readBody(req) : '';
    let body: unknown;
    try {
      body = raw.trim() ? JSON.parse(raw) : {};
    } catch {
      return send(res, 400, { error: 'the request body must be JSON' });
    }
    if (path === '/_sandbox/truth' && req.method === 'POST') {
      const parsed = truthBody.safeParse(body);
      if (!parsed.success)
        return send(res, 400, {
          error: `truth needs {emails?: string[], personIds?: string[]}: ${parsed.error.message}`,
        });
      return send(res, 200, truthOf(parsed.data.emails, parsed.data.personIds));
    }
    if (path === '/_sandbox/stats' && req.method === 'GET')
      return send(res, 200, { ...stats, faultConfig: { ...faults.current, storm403 } });
    if (path === '/_sandbox/stats/reset' && req.method === 'POST') {
      stats = emptyStats();
      return send(res, 200, { ok: true });
    }
    if (path === '/_sandbox/usage' && req.method === 'GET')
      return send(res, 200, { plan, usage: quota.current() });
    if (path === '/_sandbox/faults' && req.method === 'POST') {
      try {
        setFaults((body ?? {}) as HunterFaultConfig);
      } catch (err) {
        return send(res, 400, { error: (err as Error).message });
      }
      return send(res, 200, { faults: { ...faults.current, storm403 } });
    }
    send(res, 404, { error: `No such control endpoint: ${req.method} ${path}` });
  }

  /** Ground truth per address and per person: catch-all, pattern, whether mail reaches someone. */
  function truthOf(emails: string[], personIds: string[]): Record<string, unknown> {
    const people: Record<string, unknown> = {};
    for (const id of personIds) {
      const p = world.personById.get(id);
      people[id] = p ? addressTruth(world, personAddress(world, p)) : null;
    }
    return { emails: Object.fromEntries(emails.map((e) => [e, addressTruth(world, e)])), people };
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const work = url.pathname.startsWith('/_sandbox/')
      ? handleControl(req, res, url.pathname.replace(/\/+$/, ''))
      : handleApi(req, res, url);
    work.catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, { error: `sandbox bug: ${(err as Error).message}` });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}${API}`,
    port,
    world,
    stats: () => structuredClone(stats),
    usage: () => ({ ...quota.current() }),
    resetStats: () => void (stats = emptyStats()),
    setFaults,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
