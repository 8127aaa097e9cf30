/**
 * Apollo's open jobs follow the database's sandbox day (issue 13): a campaign started after the
 * clock moved buys that day's postings, and a watch refresh after it moves again re-reads each
 * watched company's postings of the new day (one paid page per company and day, in the ledger; a
 * second refresh that day buys nothing). The hiring signals stored are those the sandbox's timeline
 * gives for the day. Engine, sandbox thread and SQLite file are real; everything over real HTTP.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIcpFile } from '../../main/domain/icp-io';
import { jobPostingSignal } from '../../main/domain/signals';
import { createEngine, engineDatabase } from '../../main/engine';
import { relevantRoles } from '../../main/pipeline/signal-reader';
import { dayToIso, getSignalWorld, jobPostingsAt } from '../../main/sandbox/signals/timeline';
import { getWorld } from '../../main/sandbox/world';
import type { Db } from '../../main/store';
import { listSignals } from '../../main/store/signals';

const world = getWorld(42);

/** The hiring signal from open jobs the timeline gives a company on `day` ("" when none). */
function truthHiring(providerId: string, day: number, industries: string[]): string {
  const c = world.companyById.get(providerId)!;
  const roles = relevantRoles({ industries });
  const s = jobPostingSignal(
    jobPostingsAt(getSignalWorld(world).of(c), day, c).map((p) => ({ ...p })),
    {
      now: new Date(`${dayToIso(day)}T12:00:00Z`),
      subject: { companyDomain: null, companyId: null, personId: null },
      isRelevant: roles.test,
      relevantLabel: roles.label,
    },
  );
  return s ? `${s.date}|${s.label}` : '';
}

/** The stored hiring signal from open jobs (not headcount growth) of a company ("" when none). */
function storedHiring(db: Db, companyId: number): string {
  const e = listSignals(db, companyId).find(
    (x) => x.kind === 'hiring' && x.source === 'apollo' && !x.label.startsWith('headcount'),
  );
  return e ? `${e.date}|${e.label}` : '';
}

describe('Apollo job postings on the sandbox day', () => {
  it('a campaign buys the saved day’s postings; a refresh after the clock moves reads the new day’s', async () => {
    const r = await loadIcpFile('tests/fixtures/small-manufacturing.yaml');
    if (!r.ok) throw new Error('fixture');
    const icp = {
      ...r.icp,
      tiers: {
        T1: { ...r.icp.tiers.T1, target: 8 },
        T2: { ...r.icp.tiers.T2, target: 4 },
        T3: { ...r.icp.tiers.T3, target: 2 },
      },
    };
    const options = {
      dataDir: mkdtempSync(join(tmpdir(), 'ls-postings-')),
      forceSandbox: true,
      sandboxSeed: 42,
      sandboxLimits: 'off' as const,
      semanticFilter: false,
      watchIntervalMs: 0,
    };
    // Another engine (as another process would) moves the database's day; its sandbox goes with it.
    const mover = await createEngine(options);
    try {
      expect((await mover.handlers['sandbox/advanceClock']({ days: 30 })).day).toBe(30);
    } finally {
      await mover.close();
    }
    const engine = await createEngine(options);
    try {
      const { campaignId } = await engine.handlers['campaign/start']({ icp });
      expect(await engine.handlers['campaign/wait']({ campaignId })).toBe('completed');
      const db = engineDatabase(engine);
      const companies = db
        .prepare(
          'SELECT DISTINCT c.id, c.provider_id AS pid FROM leads l JOIN companies c ON c.id = l.company_id',
        )
        .all() as { id: number; pid: string }[];
      expect(companies.length).toBeGreaterThan(3);
      const hiring = (day: number) => companies.map((c) => truthHiring(c.pid, day, icp.industries));
      // Day 30's jobs, not day 0's: the campaign read them after the sandbox moved to the saved day.
      expect(companies.map((c) => storedHiring(db, c.id))).toEqual(hiring(30));
      expect(hiring(30)).not.toEqual(hiring(0));

      for (const c of companies) await engine.handlers['watch/add']({ companyId: c.id });
      await engine.handlers['sandbox/advanceClock']({ days: 60 });
      const ledger = () =>
        db
          .prepare(
            "SELECT COUNT(*) AS n, SUM(credits) AS credits FROM credit_ledger WHERE entity_key LIKE '%watch:o:%'",
          )
          .get() as { n: number; credits: number };
      const report = await engine.handlers['watch/refresh']();
      expect(report.readFor).toBe(dayToIso(90));
      expect(report.failed).toEqual([]);
      expect(companies.map((c) => storedHiring(db, c.id))).toEqual(hiring(90));
      expect(hiring(90)).not.toEqual(hiring(30));
      // One page per watched company, charged when it has open jobs that day (Apollo's rule).
      const withJobs = companies.filter((c) => {
        const w = world.companyById.get(c.pid)!;
        return jobPostingsAt(getSignalWorld(world).of(w), 90, w).length > 0;
      }).length;
      expect(ledger()).toEqual({ n: companies.length, credits: withJobs });
      // The same day again: the page comes from the cache, nothing moves.
      const again = await engine.handlers['watch/refresh']();
      expect(again.changes).toEqual([]);
      expect(ledger()).toEqual({ n: companies.length, credits: withJobs });
    } finally {
      await engine.close();
    }
  }, 300_000);
});
