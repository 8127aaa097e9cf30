/**
 * The signal reader the pipeline's signals stage uses, against the signal sandbox over real HTTP:
 * Crunchbase, BuiltWith (paid: a ledger row with its answer) and Google News, stored in a real
 * SQLite file; a second read the same day is free; a malformed feed and a 429 fail only News, whose
 * stored signals stay, and the other providers still answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Company } from '../../main/domain/types';
import { updateCompanySignals, type SignalReadContext } from '../../main/pipeline/signal-reader';
import { createBuiltWithClient } from '../../main/providers/builtwith';
import { createCrunchbaseClient } from '../../main/providers/crunchbase';
import { createNewsClient } from '../../main/providers/news';
import { startSignalsSandbox, type SignalsSandboxServer } from '../../main/sandbox/signals/server';
import { getSignalWorld, windowAt } from '../../main/sandbox/signals/timeline';
import { getWorld, type WorldCompany } from '../../main/sandbox/world';
import { upsertCompany, type Db } from '../../main/store';
import { listSignals } from '../../main/store/signals';
import { company, tempDb } from '../store/fixtures';

const world = getWorld(42, { scale: 0.05 });
let server: SignalsSandboxServer;
/** One clock for the sandbox's rate windows and the clients, moved by hand past News's minute. */
let offsetMs = 0;
const clock = () => Date.now() + offsetMs;
let db: Db;

beforeAll(async () => {
  server = await startSignalsSandbox({ world, clock });
  db = tempDb().db;
});
afterAll(async () => {
  await server.close();
  db.close();
});

function contextFor(newsMinIntervalMs = 60_000): SignalReadContext & { close(): Promise<void> } {
  const crunchbase = createCrunchbaseClient({ apiKey: 'stage-test', baseUrl: server.crunchbaseUrl, clock });
  const builtwith = createBuiltWithClient({ apiKey: 'stage-test', baseUrl: server.builtwithUrl, clock });
  const news = createNewsClient({ baseUrl: server.newsUrl, minIntervalMs: newsMinIntervalMs, clock });
  const day = async () =>
    new Date(
      `${new Date(Date.UTC(2026, 10, 1) + server.day() * 86_400_000).toISOString().slice(0, 10)}T12:00:00Z`,
    );
  return {
    db,
    sources: { crunchbase, builtwith, news, now: day },
    icp: { industries: ['Industrial Machinery'] },
    leadProvider: 'apollo',
    campaignId: 1,
    log: () => undefined,
    close: async () => {
      await Promise.all([crunchbase.close(), builtwith.close(), news.close()]);
    },
  };
}

const asCompany = (c: WorldCompany): Company =>
  company({
    providerId: c.id,
    name: c.name,
    domain: c.primary_domain,
    fundingEvents: [],
    fundingStage: null,
  });

/** In-window companies (the sandbox's truth) that have news and tech changes to read. */
const inWindow = world.companies
  .filter((c) => windowAt(getSignalWorld(world).of(c), 0) !== null)
  .slice(0, 12);

describe('signals stage reader over real HTTP', () => {
  it('reads Crunchbase, BuiltWith and News, stores them, records BuiltWith in the ledger, and caches the day', async () => {
    const rc = contextFor();
    try {
      const now = await rc.sources.now();
      const sources = new Set<string>();
      for (const c of inWindow) {
        const id = upsertCompany(db, asCompany(c), 'test');
        const u = await updateCompanySignals(rc, { id, company: asCompany(c) }, { now, withApollo: true });
        expect(u.failed).toEqual([]);
        expect(u.answered).toEqual(['apollo', 'crunchbase', 'builtwith', 'news']);
        expect(listSignals(db, id)).toEqual(u.stored);
        for (const e of u.stored) sources.add(e.source);
      }
      expect(sources.size).toBeGreaterThanOrEqual(2); // the world's windows show through more than one provider
      const ledger = db
        .prepare(
          "SELECT COUNT(*) AS n, SUM(credits) AS credits FROM credit_ledger WHERE provider = 'builtwith'",
        )
        .get() as { n: number; credits: number };
      expect(ledger).toEqual({ n: inWindow.length, credits: inWindow.length });

      const requests = { ...server.stats().requests };
      const c = inWindow[0]!;
      const id = upsertCompany(db, asCompany(c), 'test');
      const again = await updateCompanySignals(rc, { id, company: asCompany(c) }, { now, withApollo: true });
      expect(again.change).toEqual({ gained: [], lost: [] });
      expect(server.stats().requests).toEqual(requests); // all from the cache
    } finally {
      await rc.close();
    }
  });

  it('a malformed feed fails News alone; its stored signals stay and the others still answer', async () => {
    offsetMs += 120_000;
    server.advanceDays(1); // a new day: the cache misses, every provider is asked again
    const rc = contextFor(0);
    try {
      const c = inWindow.find((x) => server.signals.of(x).news.length > 0) ?? inWindow[0]!;
      const id = upsertCompany(db, asCompany(c), 'test');
      const storedNews = listSignals(db, id).filter((e) => e.source === 'news');
      server.setFaults({ malformedRss: 1 });
      const u = await updateCompanySignals(
        rc,
        { id, company: asCompany(c) },
        { now: await rc.sources.now(), withApollo: false },
      );
      expect(u.failed.map((f) => f.source)).toEqual(['news']);
      expect(u.failed[0]!.reason).toMatch(/^BAD_RESPONSE/);
      expect(u.answered).toEqual(['crunchbase', 'builtwith']);
      expect(listSignals(db, id).filter((e) => e.source === 'news')).toEqual(storedNews);
    } finally {
      server.setFaults({});
      await rc.close();
    }
  });

  it('a 429 from News (the same query within a minute) fails News alone and names when to retry', async () => {
    offsetMs += 120_000;
    server.advanceDays(1);
    const c = inWindow[1]!;
    const id = upsertCompany(db, asCompany(c), 'test');
    const first = contextFor();
    const second = contextFor(); // another client: it does not know the first one asked
    try {
      const now = await first.sources.now();
      expect(
        (await updateCompanySignals(first, { id, company: asCompany(c) }, { now, withApollo: false })).failed,
      ).toEqual([]);
      db.prepare("DELETE FROM enrichment_cache WHERE entity_type = 'news'").run();
      const u = await updateCompanySignals(second, { id, company: asCompany(c) }, { now, withApollo: false });
      expect(u.failed.map((f) => f.source)).toEqual(['news']);
      expect(u.failed[0]!.reason).toMatch(/^RATE_LIMITED/);
      expect(u.answered).toEqual(['crunchbase', 'builtwith']);
      expect(server.stats().rateLimited.news).toBeGreaterThan(0);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
