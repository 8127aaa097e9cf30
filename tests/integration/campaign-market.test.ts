import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIcpFile } from '../../main/domain/icp-io';
import type { Icp } from '../../main/domain/icp';
import { createEngine, type Engine } from '../../main/engine';
import { AppError } from '../../main/shared/errors';

/**
 * The market forecast over real HTTP against the sandbox: the free people search's total_entries
 * per tier, read before any credit is spent.
 */
let engine: Engine;
let icp: Icp;
beforeAll(async () => {
  const r = await loadIcpFile('tests/fixtures/small-manufacturing.yaml');
  if (!r.ok) throw new Error('fixture');
  icp = r.icp;
  engine = await createEngine({
    dataDir: mkdtempSync(join(tmpdir(), 'ls-market-')),
    forceSandbox: true,
    sandboxSeed: 42,
    sandboxLimits: 'off',
    semanticFilter: false,
  });
});
afterAll(async () => {
  await engine.close();
});

describe('market forecast', () => {
  it('reads each tier’s market before spending and says a tier smaller than its target can expect fewer', async () => {
    const rare = { ...icp, tiers: { ...icp.tiers, T3: { target: 5000, titles: ['Staffing Coordinator'] } } };
    const est = await engine.handlers['campaign/estimate'](rare);
    const m = est.market!;
    expect(m.blocking).toBe(false);
    expect(m.perTier.T1.people).toBeGreaterThan(icp.tiers.T1.target);
    expect(m.perTier.T1.expected).toBe(icp.tiers.T1.target);
    const t3 = m.perTier.T3;
    expect(t3.people).toBeGreaterThan(0);
    expect(t3.people).toBeLessThan(5000);
    expect(t3.expected).toBe(t3.people);
    const problem = m.problems.find((p) => p.path === 'tiers.T3.target');
    expect(problem?.message).toMatch(
      new RegExp(`expect at most ${t3.people.toLocaleString('en-US')} T3 leads`),
    );
    expect(est.note).toMatch(/T3: [\d,]+ people in the market; expect at most [\d,]+ of 5,000 leads/);
  });

  it('refuses an ICP with a misspelt country before anything is spent, naming the field', async () => {
    const before = (await engine.handlers['campaign/list']()).length;
    const misspelt = { ...icp, locations: ['Indai'] };
    const est = await engine.handlers['campaign/estimate'](misspelt);
    expect(est.market).toMatchObject({ blocking: true, problems: [{ path: 'locations' }] });
    expect(est.market!.perTier.T1.people).toBe(0);
    const err = await engine.handlers['campaign/start']({ icp: misspelt }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('INVALID_ICP');
    expect((err as AppError).message).toMatch(/locations: no company in "Indai"/);
    expect((await engine.handlers['campaign/list']()).length).toBe(before); // nothing created, nothing spent
  });

  it('names the titles when no one holds them anywhere', async () => {
    const nobody = {
      ...icp,
      tiers: {
        T1: { target: 5, titles: ['Chief Unicorn Wrangler'] },
        T2: { target: 5, titles: ['Vice Dragon Tamer'] },
        T3: { target: 0, titles: ['Recruiter'] },
      },
    };
    const est = await engine.handlers['campaign/estimate'](nobody);
    expect(est.market!.blocking).toBe(true);
    expect(est.market!.problems.map((p) => p.path)).toEqual(['tiers.T1.titles', 'tiers.T2.titles']);
  });
});
