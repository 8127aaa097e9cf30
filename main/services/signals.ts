/**
 * Which buying-signal providers a campaign (or a watch refresh) reads (issue 13). A sandbox campaign
 * reads the signal sandbox that runs in the sandbox's thread on the same world (Crunchbase, BuiltWith,
 * Google News, and its clock: the day signals are read for). A live campaign reads Google News (free,
 * keyless), and Crunchbase and BuiltWith with the keys stored in the OS keychain (each its own
 * provider, like Hunter's); without a key that provider is off, and `via` says so for the log. The
 * sandbox's answers know only the synthetic world, so a live campaign never falls back to them.
 * A watch refresh also re-reads Apollo's open jobs of the day (paid per page: `postings`).
 */
import { createBuiltWithClient } from '../providers/builtwith';
import { createCrunchbaseClient } from '../providers/crunchbase';
import { createNewsClient, type NewsClient } from '../providers/news';
import type { PostingsSource, SignalSources } from '../pipeline/signal-reader';
import { sandboxDate, type SandboxClock } from '../shared/sandbox-clock';
import type { SecretStore } from '../secrets/keychain';
import type { Db } from '../store';
import { storedSandboxDay, storeSandboxDay } from '../store/sandbox-clock';
import type { Providers } from './providers';

export interface SignalService {
  /** The sources for a campaign; starts the sandbox when the campaign is sandboxed. */
  forCampaign(c: { sandbox: boolean; sandboxSeed: number | null }): Promise<SignalSources>;
  /** The sandbox's day (the database's). */
  sandboxClock(): Promise<SandboxClock>;
  /** Moves the database's sandbox day by `days` and the running sandbox with it. */
  advanceSandboxClock(days: number): Promise<SandboxClock>;
  close(): Promise<void>;
}

async function clockCall(origin: string, advanceDays?: number): Promise<SandboxClock> {
  const res = await fetch(
    `${origin}/_sandbox/clock`,
    advanceDays === undefined
      ? {}
      : {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ advanceDays }),
        },
  );
  if (!res.ok) throw new Error(`The signal sandbox's clock did not answer (${res.status}).`);
  const { day, date } = (await res.json()) as SandboxClock;
  return { day, date: date.slice(0, 10) };
}

/**
 * The database keeps the sandbox's day; the sandbox (one per process) is moved to it before each
 * read, so a day set by another process on the same database (the CLI, the app) holds here too.
 */
async function syncedSandboxDay(db: Db, origin: string): Promise<SandboxClock> {
  const wanted = storedSandboxDay(db);
  const now = await clockCall(origin);
  return now.day === wanted ? now : clockCall(origin, wanted - now.day);
}

/** A sandbox day as a Date at noon UTC (events of that day count as today). */
const noonOf = (c: SandboxClock) => new Date(`${c.date}T12:00:00Z`);

export interface SignalServiceOptions {
  providers: Providers;
  clock: () => number;
  db: Db;
  /** Where the Crunchbase and BuiltWith keys live (absent: no keychain, both off on live campaigns). */
  secrets?: SecretStore;
  /** Other API bases for the keyed providers (tests point them at the signal sandbox). */
  urls?: { crunchbase?: string; builtwith?: string; news?: string };
}

const SANDBOX_VIA = 'the built-in sandbox Crunchbase, BuiltWith and Google News (synthetic data)';

/** What the activity log says a live campaign's signals come from. */
export function liveVia(keys: { crunchbase: boolean; builtwith: boolean }): string {
  const one = (name: string, on: boolean) =>
    on ? `${name} (your key)` : `no ${name} (no key stored: Settings → API keys → ${name})`;
  return `Google News, ${one('Crunchbase', keys.crunchbase)}, ${one('BuiltWith', keys.builtwith)}`;
}

/** The live clients of the keyed signal providers, rebuilt when their key changes. */
function keyedClients(o: SignalServiceOptions) {
  const made = new Map<string, { key: string; client: { close(): Promise<void> } }>();
  async function keyOf(provider: 'crunchbase' | 'builtwith'): Promise<string | null> {
    const k = o.secrets ? await o.secrets.get(provider) : null;
    if (k) o.providers.knownKeys.add(k);
    return k;
  }
  function client<T extends { close(): Promise<void> }>(name: string, key: string, make: () => T): T {
    const had = made.get(name);
    if (had?.key === key) return had.client as T;
    void had?.client.close();
    const c = make();
    made.set(name, { key, client: c });
    return c;
  }
  return {
    async current() {
      // One keychain read at a time (concurrent reads fail under some keyrings, stop 18).
      const cb = await keyOf('crunchbase');
      const bw = await keyOf('builtwith');
      const crunchbase = cb
        ? client('crunchbase', cb, () =>
            createCrunchbaseClient({ apiKey: cb, baseUrl: o.urls?.crunchbase, clock: o.clock }),
          )
        : null;
      const builtwith = bw
        ? client('builtwith', bw, () =>
            createBuiltWithClient({ apiKey: bw, baseUrl: o.urls?.builtwith, clock: o.clock }),
          )
        : null;
      return { crunchbase, builtwith };
    },
    async close() {
      await Promise.allSettled([...made.values()].map((m) => m.client.close()));
    },
  };
}

export function createSignalService(o: SignalServiceOptions): SignalService {
  const bySandbox = new Map<string, SignalSources>();
  const closers: (() => Promise<void>)[] = [];
  let news: NewsClient | null = null;
  const keyed = keyedClients(o);
  closers.push(() => keyed.close());

  function sandboxSources(origin: string, postings: PostingsSource): SignalSources {
    const cached = bySandbox.get(origin);
    if (cached) return cached;
    const crunchbase = createCrunchbaseClient({
      apiKey: 'sandbox-key',
      baseUrl: `${origin}/crunchbase/api/v4`,
      clock: o.clock,
    });
    const builtwith = createBuiltWithClient({
      apiKey: 'sandbox-key',
      baseUrl: `${origin}/builtwith/v22`,
      clock: o.clock,
    });
    const news = createNewsClient({ baseUrl: `${origin}/news/rss`, clock: o.clock });
    const now = async () => noonOf(await syncedSandboxDay(o.db, origin));
    const sources: SignalSources = { crunchbase, builtwith, news, postings, now, via: SANDBOX_VIA };
    closers.push(
      () => crunchbase.close(),
      () => builtwith.close(),
      () => news.close(),
    );
    bySandbox.set(origin, sources);
    return sources;
  }

  async function sandboxOrigin(c: { sandboxSeed: number | null }) {
    const apollo = await o.providers.forCampaign({ sandbox: true, sandboxSeed: c.sandboxSeed });
    const origin = o.providers.signalsOrigin();
    if (!origin) throw new Error('The sandbox runs without its signal providers.');
    return { origin, apollo };
  }

  // The live Apollo client is asked for when a refresh reads postings (the key may come later).
  const livePostings: PostingsSource = {
    name: 'apollo',
    jobPostings: async (q, ctx) =>
      (await o.providers.forCampaign({ sandbox: false, sandboxSeed: null })).jobPostings(q, ctx),
  };

  return {
    async forCampaign(c) {
      if (c.sandbox) {
        const { origin, apollo } = await sandboxOrigin(c);
        const sources = sandboxSources(origin, apollo);
        // The sandbox moves to the database's day now, so the open jobs a campaign buys before its
        // first signal read (Apollo's sandbox serves them on that day) are that day's too.
        await sources.now();
        return sources;
      }
      if (!news) {
        const client = createNewsClient({ baseUrl: o.urls?.news, clock: o.clock });
        closers.push(() => client.close());
        news = client;
      }
      const { crunchbase, builtwith } = await keyed.current();
      return {
        crunchbase,
        builtwith,
        news,
        postings: livePostings,
        now: async () => new Date(o.clock()),
        via: liveVia({ crunchbase: !!crunchbase, builtwith: !!builtwith }),
      };
    },
    // Reading the day does not start the sandbox: the database holds it.
    async sandboxClock() {
      const day = storedSandboxDay(o.db);
      return { day, date: sandboxDate(day) };
    },
    async advanceSandboxClock(days) {
      const { origin } = await sandboxOrigin({ sandboxSeed: null });
      const day = storedSandboxDay(o.db) + days;
      storeSandboxDay(o.db, day);
      return syncedSandboxDay(o.db, origin);
    },
    async close() {
      await Promise.allSettled(closers.map((c) => c()));
    },
  };
}
