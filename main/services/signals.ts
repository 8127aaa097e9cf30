/**
 * Which buying-signal providers a campaign (or a watch refresh) reads (issue 13). A sandbox campaign
 * reads the signal sandbox that runs in the sandbox's thread on the same world (Crunchbase, BuiltWith,
 * Google News, and its clock: the day signals are read for). A live campaign reads Google News (free,
 * keyless); Crunchbase and BuiltWith need keys the keychain does not offer yet, so they are off there.
 */
import { createBuiltWithClient } from '../providers/builtwith';
import { createCrunchbaseClient } from '../providers/crunchbase';
import { createNewsClient, type NewsClient } from '../providers/news';
import type { SignalSources } from '../pipeline/signal-reader';
import type { Providers } from './providers';

export interface SignalService {
  /** The sources for a campaign; starts the sandbox when the campaign is sandboxed. */
  forCampaign(c: { sandbox: boolean; sandboxSeed: number | null }): Promise<SignalSources>;
  close(): Promise<void>;
}

/** The sandbox's day as a Date at noon UTC (events of that day count as today). */
async function sandboxDay(origin: string): Promise<Date> {
  const res = await fetch(`${origin}/_sandbox/clock`);
  if (!res.ok) throw new Error(`The signal sandbox's clock did not answer (${res.status}).`);
  const { date } = (await res.json()) as { date: string };
  return new Date(`${date.slice(0, 10)}T12:00:00Z`);
}

export function createSignalService(o: { providers: Providers; clock: () => number }): SignalService {
  const bySandbox = new Map<string, SignalSources>();
  const closers: (() => Promise<void>)[] = [];
  let live: { sources: SignalSources; news: NewsClient } | null = null;

  function sandboxSources(origin: string): SignalSources {
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
    const sources: SignalSources = { crunchbase, builtwith, news, now: () => sandboxDay(origin) };
    closers.push(
      () => crunchbase.close(),
      () => builtwith.close(),
      () => news.close(),
    );
    bySandbox.set(origin, sources);
    return sources;
  }

  return {
    async forCampaign(c) {
      if (c.sandbox) {
        await o.providers.forCampaign(c);
        const origin = o.providers.signalsOrigin();
        if (!origin) throw new Error('The sandbox runs without its signal providers.');
        return sandboxSources(origin);
      }
      if (!live) {
        const news = createNewsClient({ clock: o.clock });
        live = {
          news,
          sources: { crunchbase: null, builtwith: null, news, now: async () => new Date(o.clock()) },
        };
        closers.push(() => news.close());
      }
      return live.sources;
    },
    async close() {
      await Promise.allSettled(closers.map((c) => c()));
    },
  };
}
