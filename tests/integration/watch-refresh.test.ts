/**
 * Issue 13, Done-when: advancing the sandbox's clock (the contract's sandbox/advanceClock) and refreshing
 * the watchlist reports the watched leads whose companies gained or lost signals, and only those;
 * the sandbox, the signal providers and the engine talk over real HTTP, the store is a real SQLite file.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../main/shared/watch';
import { loadIcpFile } from '../../main/domain/icp-io';
import { createEngine, engineDatabase, engineSignalsOrigin } from '../../main/engine';
import { listSignals, scoreHistory, signalKey } from '../../main/store/signals';

const keysOf = (db: ReturnType<typeof engineDatabase>, companyId: number) =>
  listSignals(db, companyId).map(signalKey).sort().join('\n');

describe('watch refresh after the sandbox clock moves', () => {
  it('reports exactly the watched leads whose companies gained or lost signals, re-scores and alerts', async () => {
    const r = await loadIcpFile('tests/fixtures/small-manufacturing.yaml');
    if (!r.ok) throw new Error('fixture');
    const icp = {
      ...r.icp,
      tiers: {
        T1: { ...r.icp.tiers.T1, target: 12 },
        T2: { ...r.icp.tiers.T2, target: 8 },
        T3: { ...r.icp.tiers.T3, target: 4 },
      },
    };
    const engine = await createEngine({
      dataDir: mkdtempSync(join(tmpdir(), 'ls-watch-')),
      forceSandbox: true,
      sandboxSeed: 42,
      sandboxLimits: 'off',
      semanticFilter: false,
      watchIntervalMs: 0,
    });
    const pushed: Alert[] = [];
    engine.on('alerts/new', (a) => pushed.push(a));
    try {
      const { campaignId } = await engine.handlers['campaign/start']({ icp });
      expect(await engine.handlers['campaign/wait']({ campaignId })).toBe('completed');
      const db = engineDatabase(engine);
      const { rows: leads } = await engine.handlers['leads/list']({ campaignId, limit: 1000 });
      expect(leads.length).toBe(24);
      // Every lead starts its score history (a second row when a colleague was saved in a later
      // batch: "Multiple contacts found" then counts for it too); its latest row is its score.
      for (const l of leads) {
        const h = scoreHistory(db, l.id);
        expect(h.length).toBeGreaterThanOrEqual(1);
        expect(h[0]!.total).toBe(l.score.total);
      }
      const companyOf = new Map(
        leads.map((l) => [
          l.id,
          (db.prepare('SELECT company_id AS c FROM leads WHERE id = ?').get(l.id) as { c: number }).c,
        ]),
      );
      // Watch two thirds of the leads (one through its company), leave the rest unwatched.
      const watched = leads.filter((_, i) => i % 3 !== 2);
      const unwatched = leads.filter(
        (_, i) => i % 3 === 2 && !watched.some((w) => companyOf.get(w.id) === companyOf.get(leads[i]!.id)),
      );
      await engine.handlers['watch/add']({ companyId: companyOf.get(watched[0]!.id)! });
      for (const l of watched.slice(1)) await engine.handlers['watch/add']({ leadId: l.id });
      expect((await engine.handlers['watch/list']()).length).toBeGreaterThan(0);

      const companies = [...new Set([...companyOf.values()])];
      const before = new Map(companies.map((c) => [c, keysOf(db, c)]));
      // The contract moves the database's sandbox day; the sandbox follows before it is read.
      expect(await engine.handlers['sandbox/clock']()).toEqual({ day: 0, date: '2026-11-01' });
      expect(await engine.handlers['sandbox/advanceClock']({ days: 60 })).toEqual({
        day: 60,
        date: '2026-12-31',
      });
      const origin = engineSignalsOrigin(engine)!;
      expect(((await (await fetch(`${origin}/_sandbox/clock`)).json()) as { day: number }).day).toBe(60);

      const report = await engine.handlers['watch/refresh']();
      expect(report.readFor).toBe('2026-12-31');
      const moved = new Set(companies.filter((c) => keysOf(db, c) !== before.get(c)));
      const expected = watched
        .filter((l) => moved.has(companyOf.get(l.id)!))
        .map((l) => l.id)
        .sort();
      expect(expected.length).toBeGreaterThan(0);
      expect(report.changes.map((c) => c.leadId).sort()).toEqual(expected);
      for (const c of report.changes) expect(c.gained.length + c.lost.length).toBeGreaterThan(0);
      // Unwatched companies were not re-read.
      for (const l of unwatched) expect(moved.has(companyOf.get(l.id)!)).toBe(false);

      // Alerts: exactly the re-scored leads that changed band or moved ≥ 10 points, pushed as events.
      for (const a of report.alerts)
        expect(a.old.band !== a.new.band || Math.abs(a.new.total - a.old.total) >= 10).toBe(true);
      expect(pushed.map((a) => a.id).sort()).toEqual(report.alerts.map((a) => a.id).sort());
      expect((await engine.handlers['alerts/list']({})).length).toBe(report.alerts.length);
      for (const l of watched) {
        const h = scoreHistory(db, l.id);
        const now = (await engine.handlers['leads/list']({ campaignId, limit: 1000 })).rows.find(
          (x) => x.id === l.id,
        )!;
        expect(h[0]!.total).toBe(now.score.total);
      }

      // Nothing moves on a second refresh of the same day.
      const again = await engine.handlers['watch/refresh']();
      expect(again.changes).toEqual([]);
      expect(again.alerts).toEqual([]);
    } finally {
      await engine.close();
    }
  }, 300_000);
});
