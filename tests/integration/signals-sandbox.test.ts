/**
 * The signal providers' clients against the signal sandbox over real HTTP on loopback: Crunchbase
 * v4 (search → entity with raised_funding_rounds), BuiltWith v22 (technologies with first/last
 * detected), Google News RSS (parsed with saxes); bad keys, 429s with retryAt, no credits,
 * malformed bodies and feeds, the once-a-minute poll rule, the sandbox clock and its truth.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { intentFromSignals } from '../../main/domain/intent';
import { mergeSignals, newsSignals, techChangeSignals, type SignalEvent } from '../../main/domain/signals';
import { ProviderError } from '../../main/providers/errors';
import { createBuiltWithClient, type BuiltWithClient } from '../../main/providers/builtwith';
import {
  createCrunchbaseClient,
  crunchbaseFundingSignals,
  type CrunchbaseClient,
} from '../../main/providers/crunchbase';
import { createNewsClient, type NewsClient } from '../../main/providers/news';
import { readCompanySignals } from '../../main/sandbox/signals/measure';
import {
  SIGNALS_SANDBOX_INVALID_KEY,
  startSignalsSandbox,
  type SignalsSandboxOptions,
  type SignalsSandboxServer,
} from '../../main/sandbox/signals/server';
import { dayStartMs, getSignalWorld, windowAt } from '../../main/sandbox/signals/timeline';
import { getWorld, type WorldCompany } from '../../main/sandbox/world';

const SCALE = 0.05;
const KEY = 'signals-test-key-5b2e81';
const world = getWorld(42, { scale: SCALE });
const sw = getSignalWorld(world);

/** One clock for the clients and the sandbox's rate windows, moved by hand. */
let nowMs = Date.parse('2026-11-01T10:00:30Z');
const clock = () => nowMs;

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});
afterAll(async () => {
  while (open.length) await open.pop()!.close();
});

async function sandbox(opts: SignalsSandboxOptions = {}): Promise<SignalsSandboxServer> {
  const sb = await startSignalsSandbox({ world, clock, ...opts });
  open.push(sb);
  return sb;
}
const crunchbase = (sb: SignalsSandboxServer, key = KEY, perMinute = 200): CrunchbaseClient => {
  const c = createCrunchbaseClient({
    apiKey: key,
    baseUrl: sb.crunchbaseUrl,
    retryBaseMs: 5,
    clock,
    perMinute,
  });
  open.push(c);
  return c;
};
const builtwith = (sb: SignalsSandboxServer, key = KEY): BuiltWithClient => {
  const c = createBuiltWithClient({
    apiKey: key,
    baseUrl: sb.builtwithUrl,
    retryBaseMs: 5,
    clock,
    perSecond: 50,
  });
  open.push(c);
  return c;
};
const news = (sb: SignalsSandboxServer): NewsClient => {
  const c = createNewsClient({ baseUrl: sb.newsUrl, clock });
  open.push(c);
  return c;
};

async function rejection(p: Promise<unknown>): Promise<ProviderError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProviderError);
  return err as ProviderError;
}

const companyWith = (pred: (c: WorldCompany) => boolean): WorldCompany => {
  const c = world.companies.find(pred);
  if (!c) throw new Error('the test world has no such company');
  return c;
};

describe('Crunchbase v4', () => {
  it('finds the permalink by domain and reads the rounds Crunchbase knows, newest first', async () => {
    const sb = await sandbox();
    const c = companyWith((x) => sw.of(x).funding.filter((f) => f.inCrunchbase && f.day <= 0).length >= 2);
    const cb = crunchbase(sb);
    const permalink = await cb.findPermalink(`www.${c.primary_domain}`);
    expect(permalink).toBe(sw.permalinkOf.get(c.id));
    const org = await cb.organization(permalink!);
    const truth = sw
      .of(c)
      .funding.filter((f) => f.inCrunchbase && f.day <= 0)
      .sort((a, b) => b.day - a.day);
    expect(org?.rounds.map((r) => r.uuid)).toEqual(truth.map((f) => f.uuid));
    expect(org?.name).toBe(c.name);
    const signals = crunchbaseFundingSignals(org!, c.primary_domain);
    expect(signals[0]).toMatchObject({ kind: 'funding', source: 'crunchbase', label: org!.rounds[0]!.stage });
    expect(signals[0]?.link).toMatch(/^https:\/\/www\.crunchbase\.com\/funding_round\//);
  });

  it('no such entity is null, a domain nobody has is null', async () => {
    const sb = await sandbox();
    const cb = crunchbase(sb);
    expect(await cb.organization('no-such-company-xyz')).toBeNull();
    expect(await cb.findPermalink('nobody-here.example')).toBeNull();
  });

  it('a bad key is AUTH with the fix, and the key never appears in the message', async () => {
    const sb = await sandbox();
    const err = await rejection(crunchbase(sb, SIGNALS_SANDBOX_INVALID_KEY).organization('anything'));
    expect(err.code).toBe('AUTH');
    expect(err.status).toBe(401);
    expect(err.message).toContain('Settings → API keys');
  });

  it('429 fails at once with retryAt at the next minute boundary', async () => {
    const sb = await sandbox({ limits: { crunchbasePerMinute: 2 } });
    const cb = crunchbase(sb, KEY, 100);
    const c = world.companies[0]!;
    const permalink = sw.permalinkOf.get(c.id)!;
    await cb.organization(permalink);
    await cb.organization(permalink);
    const err = await rejection(cb.organization(permalink));
    expect(err.code).toBe('RATE_LIMITED');
    expect(err.status).toBe(429);
    expect(err.retryAt).toBe(Math.floor(nowMs / 60_000) * 60_000 + 60_000);
    expect(sb.stats().rateLimited.crunchbase).toBe(1);
  });
});

describe('BuiltWith v22', () => {
  it('returns the stack with detection dates and charges one credit per lookup', async () => {
    const sb = await sandbox();
    const c = companyWith((x) =>
      sw.of(x).tech.some((t) => t.change === 'adopted' && t.day <= -20 && t.day >= -60),
    );
    const res = await builtwith(sb).domain(c.primary_domain);
    expect(res.credits).toBe(1);
    expect(res.calls).toEqual([
      { endpoint: '/api.json', credits: 1, expectedCredits: 1, reportedCredits: null },
    ]);
    expect(res.data.indexed).toBe(true);
    const names = res.data.technologies.map((t) => t.name);
    for (const t of c.current_technologies) expect(names).toContain(t.name);
    const now = new Date(dayStartMs(0) + 12 * 3_600_000);
    const adopted = sw.of(c).tech.find((t) => t.change === 'adopted' && t.day <= -20 && t.day >= -60)!;
    const signals = techChangeSignals(res.data.technologies, {
      now,
      subject: { companyDomain: c.primary_domain, companyId: c.id, personId: null },
    });
    if (!['ssl', 'javascript', 'cdn', 'docinfo', 'framework'].includes(adopted.tag))
      expect(signals.map((s) => s.label)).toContain(`adopted ${adopted.name}`);
    expect(sb.stats().builtwithCreditsUsed).toBe(1);
  });

  it('errors in a 200 body: a bad key is AUTH, no credits left is QUOTA_EXHAUSTED', async () => {
    const sb = await sandbox({ limits: { builtwithCredits: 1 } });
    const err = await rejection(builtwith(sb, SIGNALS_SANDBOX_INVALID_KEY).domain('acme.com'));
    expect(err.code).toBe('AUTH');
    const bw = builtwith(sb);
    await bw.domain(world.companies[0]!.primary_domain);
    const out = await rejection(bw.domain(world.companies[1]!.primary_domain));
    expect(out.code).toBe('QUOTA_EXHAUSTED');
    expect(out.message).toContain('no API credits left');
  });

  it('429 fails at once with retryAt at the next second', async () => {
    const sb = await sandbox({ limits: { builtwithPerSecond: 1 } });
    const bw = builtwith(sb);
    await bw.domain(world.companies[0]!.primary_domain);
    const err = await rejection(bw.domain(world.companies[1]!.primary_domain));
    expect(err.code).toBe('RATE_LIMITED');
    expect(err.retryAt).toBe(Math.floor(nowMs / 1000) * 1000 + 1000);
  });

  it('an unreadable body is retried, then BAD_RESPONSE', async () => {
    const sb = await sandbox({ faults: { malformedRate: 1, paths: ['/builtwith'] } });
    const err = await rejection(builtwith(sb).domain(world.companies[0]!.primary_domain));
    expect(err.code).toBe('BAD_RESPONSE');
    expect(err.message).toContain('after 4 tries');
    expect(sb.stats().requests.builtwith).toBe(4);
  });
});

describe('Google News RSS', () => {
  const withNews = () =>
    companyWith(
      (x) => sw.of(x).news.filter((n) => n.day <= 0 && n.day >= -150 && n.topic !== 'noise').length >= 2,
    );

  it('parses the feed: headline, publisher, link, date; newest first', async () => {
    const sb = await sandbox();
    const c = withNews();
    const answer = await news(sb).company(c.name);
    const truth = sw.of(c).news.filter((n) => n.day <= 0);
    expect(answer.items).toHaveLength(truth.length);
    expect(answer.items[0]?.title).toBe(`${truth[0]!.headline} - ${truth[0]!.publisher}`);
    expect(answer.items[0]?.publisher).toBe(truth[0]!.publisher);
    expect(answer.items[0]?.link).toMatch(/^https:\/\/news\.google\.com\/rss\/articles\//);
    expect(answer.title).toBe(`"${c.name}" - Google News`);
    const now = new Date(dayStartMs(0) + 12 * 3_600_000);
    const signals = newsSignals(answer.items, {
      now,
      subject: { companyDomain: c.primary_domain, companyId: c.id, personId: null },
    });
    expect(signals.length).toBeGreaterThan(0);
  });

  it('asks the same query at most once a minute: the second ask reuses the answer without a request', async () => {
    const sb = await sandbox();
    const c = withNews();
    const client = news(sb);
    await client.company(c.name);
    nowMs += 30_000;
    const again = await client.company(c.name);
    expect(again.reused).toBe(true);
    expect(sb.stats().requests.news).toBe(1);
    nowMs += 31_000;
    expect((await client.company(c.name)).reused).toBe(false);
    expect(sb.stats().requests.news).toBe(2);
  });

  it('a 429 ("unusual traffic" page) is RATE_LIMITED with retryAt a minute on', async () => {
    const sb = await sandbox();
    const c = withNews();
    await news(sb).company(c.name);
    const err = await rejection(news(sb).company(c.name)); // a second client, same query, same minute
    expect(err.code).toBe('RATE_LIMITED');
    expect(err.status).toBe(429);
    expect(err.retryAt).toBe(nowMs + 60_000);
  });

  it('a malformed feed (cut short, or an HTML page) is BAD_RESPONSE, not half a list', async () => {
    const sb = await sandbox({ faults: { malformedRss: 2 } });
    const client = news(sb);
    const a = await rejection(client.company(world.companies[0]!.name));
    expect(a.code).toBe('BAD_RESPONSE');
    expect(a.message).toContain('not well-formed XML');
    const b = await rejection(client.company(world.companies[1]!.name));
    expect(b.code).toBe('BAD_RESPONSE');
    // Nothing was retried (a retry would poll too fast), and a failed query still waits its minute.
    expect(sb.stats().requests.news).toBe(2);
    const again = await rejection(client.company(world.companies[0]!.name));
    expect(again.code).toBe('RATE_LIMITED');
    expect(client.stats()).toMatchObject({ requests: 2, malformed: 2 });
  });
});

describe('sandbox clock and truth', () => {
  /** Signals read over HTTP from the three providers, plus Apollo's part from the world. */
  async function httpSignals(
    sb: SignalsSandboxServer,
    c: WorldCompany,
    cb: CrunchbaseClient,
    bw: BuiltWithClient,
    nc: NewsClient,
  ) {
    const day = sb.day();
    const now = new Date(dayStartMs(day) + 12 * 3_600_000);
    const subject = { companyDomain: c.primary_domain, companyId: c.id, personId: null };
    const fromApollo = readCompanySignals(world, c, day).filter((s) => s.source === 'apollo');
    const org = await cb.organization(sw.permalinkOf.get(c.id)!);
    const tech = await bw.domain(c.primary_domain);
    const feed = await nc.company(c.name);
    const all: SignalEvent[] = [
      ...fromApollo.filter((s) => s.kind === 'funding'),
      ...crunchbaseFundingSignals(org!, c.primary_domain),
      ...fromApollo.filter((s) => s.kind !== 'funding'),
      ...techChangeSignals(tech.data.technologies, { now, subject }),
      ...newsSignals(feed.items, { now, subject }),
    ];
    return { now, signals: mergeSignals(all) };
  }

  it('reads over HTTP exactly what the AUC measure reads in process', async () => {
    const sb = await sandbox({ limits: 'off' });
    const [cb, bw, nc] = [crunchbase(sb), builtwith(sb), news(sb)];
    for (const c of world.companies.slice(0, 40)) {
      const { now, signals } = await httpSignals(sb, c, cb, bw, nc);
      const local = readCompanySignals(world, c, 0);
      expect(intentFromSignals(signals, {}, { now }).score).toBe(intentFromSignals(local, {}, { now }).score);
    }
  });

  it('advancing the clock opens windows the truth reports, and the providers show the new events', async () => {
    const sb = await sandbox({ limits: 'off' });
    // A company whose window opens with a round Crunchbase knows, 10–80 days from now.
    const c = companyWith((x) => {
      const s = sw.of(x);
      const w = s.windows.find((w) => w.trigger === 'funding' && w.startDay >= 10 && w.startDay <= 80);
      return !!w && !windowAt(s, 0) && s.funding.some((f) => f.day === w.startDay && f.inCrunchbase);
    });
    const w = sw.of(c).windows.find((x) => x.trigger === 'funding' && x.startDay >= 10)!;
    const truth = async () => {
      const res = await fetch(`${sb.url}/_sandbox/truth/buying-window?domains=${c.primary_domain}`);
      return ((await res.json()) as { day: number; companies: { inWindow: boolean }[] }).companies[0]!
        .inWindow;
    };
    const [cb, bw, nc] = [crunchbase(sb), builtwith(sb), news(sb)];
    expect(await truth()).toBe(false);
    const before = await httpSignals(sb, c, cb, bw, nc);
    const res = await fetch(`${sb.url}/_sandbox/clock`, {
      method: 'POST',
      body: JSON.stringify({ advanceDays: w.startDay + 5 }),
    });
    expect(await res.json()).toMatchObject({ day: w.startDay + 5 });
    nowMs += 61_000; // the news client's minute
    expect(await truth()).toBe(true);
    const after = await httpSignals(sb, c, cb, bw, nc);
    expect(after.signals.filter((s) => s.kind === 'funding').length).toBeGreaterThan(
      before.signals.filter((s) => s.kind === 'funding').length,
    );
    expect(intentFromSignals(after.signals, {}, { now: after.now }).score).toBeGreaterThan(
      intentFromSignals(before.signals, {}, { now: before.now }).score,
    );
  });

  it('the clock control refuses what it cannot read', async () => {
    const sb = await sandbox();
    const res = await fetch(`${sb.url}/_sandbox/clock`, {
      method: 'POST',
      body: JSON.stringify({ days: 3 }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain('advanceDays');
    expect(sb.day()).toBe(0);
  });
});
