import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-helpers';

/**
 * The local pre-filter against the pass-through, on the real model, a real Chroma server (started
 * by the test setup, CHROMA_URL) and the sandbox over HTTP, through the real CLI.
 */
const ICP = 'tests/fixtures/small-manufacturing.yaml';
const common = ['--icp', ICP, '--sandbox', '--sandbox-seed', '11', '--sandbox-limits', 'off'];
const dir = mkdtempSync(join(tmpdir(), 'ls-semantic-'));
const ns = (name: string) => ({
  LEAD_STUDIO_CHROMA_NAMESPACE: `semantic-${name}-${process.pid}-${Date.now()}`,
});
const perLead = (j: Record<string, unknown>) => {
  const l = j.leads as Record<string, number>;
  return (j.creditsUsed as number) / (l.T1! + l.T2! + l.T3!);
};

/** The forecast made before the run is within a quarter of what the run spent. */
const nearlyEstimated = (j: Record<string, unknown>) =>
  Math.abs((j.creditsEstimated as number) - (j.creditsUsed as number)) <= 0.25 * (j.creditsUsed as number);

describe('semantic pre-filter', () => {
  let pass: Record<string, unknown>;
  let semantic: Record<string, unknown>;

  it('runs the pass-through baseline', async () => {
    const r = await runCli(['run', ...common, '--db', join(dir, 'pass.db'), '--no-semantic-filter'], {
      env: ns('pass'),
    });
    expect(r.code, r.stderr).toBe(0);
    pass = r.json!;
    expect(pass).toMatchObject({ status: 'completed', filtered: 0, leads: { T1: 30, T2: 30, T3: 15 } });
    // The forecast knows the pass-through buys more companies per lead. Since issue 9's search order
    // (candidates at companies bought already first) the baseline buys less than its priors say
    // (seed 11: 251 used, 316 forecast): the forecast may over-state it, never under-state it much.
    expect(pass.creditsEstimated as number).toBeGreaterThanOrEqual(0.9 * (pass.creditsUsed as number));
    expect(pass.creditsEstimated as number).toBeLessThanOrEqual(1.35 * (pass.creditsUsed as number));
  });

  it('buys far less per saved lead, with precision not lower', async () => {
    const env = ns('semantic');
    const db = join(dir, 'semantic.db');
    const r = await runCli(['run', ...common, '--db', db], { env });
    expect(r.code, r.stderr).toBe(0);
    semantic = r.json!;
    expect(semantic).toMatchObject({ status: 'completed', leads: { T1: 30, T2: 30, T3: 15 } });
    expect(semantic.precision as number).toBeGreaterThanOrEqual(pass.precision as number);
    expect(nearlyEstimated(semantic)).toBe(true);
    expect(semantic.creditsEstimated as number).toBeLessThan(pass.creditsEstimated as number);
    expect(semantic.precision as number).toBeGreaterThanOrEqual(0.95);
    // Measured 0.71 on this seed (issue 9's search order makes the baseline thriftier too; it was
    // ~0.6 before): the floor is the email reveals both modes pay (see README).
    expect(perLead(semantic)).toBeLessThan(perLead(pass) * 0.8);
    // The free search filters (directory scope, seniority) now remove most non-fits before the
    // local filter sees them (README, "Search"); it still drops titles they let through.
    expect(semantic.filtered as number).toBeGreaterThan(10);
    // The estimate of what the filter saved never claims more than it really saved: one purchase
    // (a first reveal, reveal-first) at each company whose candidates were all screened out before
    // paying — filtered, or skipped with their tier full.
    const saved = (pass.creditsUsed as number) - (semantic.creditsUsed as number);
    expect(semantic.creditsSavedEstimate as number).toBeGreaterThan(0);
    expect(semantic.creditsSavedEstimate as number).toBeLessThanOrEqual(saved);

    // Every screened candidate carries its similarity and the reason for the decision.
    const sql = new Database(db, { readonly: true });
    const rows = sql
      .prepare(
        "SELECT state, similarity, reason FROM campaign_candidates WHERE state IN ('filtered_out', 'saved')",
      )
      .all() as { state: string; similarity: number | null; reason: string | null }[];
    sql.close();
    expect(rows.filter((r) => r.state === 'filtered_out').every((r) => r.reason && r.reason.length > 5)).toBe(
      true,
    );
    expect(
      rows.filter((r) => r.state === 'saved').every((r) => r.similarity !== null && r.similarity >= 0.5),
    ).toBe(true);

    // A repeat campaign with the same ICP spends at most a tenth of the first one's credits.
    const again = await runCli(['run', ...common, '--db', db], { env });
    expect(again.code, again.stderr).toBe(0);
    expect(again.json).toMatchObject({ status: 'completed', leads: { T1: 30, T2: 30, T3: 15 } });
    expect(again.json!.creditsUsed as number).toBeLessThanOrEqual((semantic.creditsUsed as number) * 0.1);

    // Chroma can be dropped and rebuilt from SQLite.
    const re = await runCli(['reindex', '--db', db], { env });
    expect(re.code, re.stderr).toBe(0);
    expect((re.json!.reindexed as { companies: number }).companies).toBeGreaterThan(30);
  });

  it('reuses company profiles from the vector store in a new database', async () => {
    const env = ns('shared');
    // Enrich-first buys every company's enrichment, so the vector store has something paid to reuse
    // (reveal-first with size bands needs no enrichment at all on this fixture).
    const args = ['run', ...common, '--facts-order', 'enrich-first'];
    const first = await runCli([...args, '--db', join(dir, 'shared-a.db')], { env });
    const second = await runCli([...args, '--db', join(dir, 'shared-b.db')], { env });
    expect(first.code, first.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);
    // Same leads; the company enrichments come from Chroma instead of being bought again.
    expect(second.json!.precision).toBe(first.json!.precision);
    expect(second.json!.leads).toEqual(first.json!.leads);
    const enrichCredits = (file: string) => {
      const sql = new Database(file, { readonly: true });
      const row = sql
        .prepare(
          "SELECT COALESCE(SUM(credits), 0) AS n FROM credit_ledger WHERE endpoint = '/organizations/enrich'",
        )
        .get() as { n: number };
      sql.close();
      return row.n;
    };
    const boughtFirst = enrichCredits(join(dir, 'shared-a.db'));
    expect(boughtFirst).toBeGreaterThan(0);
    expect(enrichCredits(join(dir, 'shared-b.db'))).toBeLessThan(boughtFirst);
    expect(second.json!.creditsUsed as number).toBeLessThan(first.json!.creditsUsed as number);
  });

  it('falls back to rules when the model is missing, and says so', async () => {
    const empty = join(dir, 'no-model');
    mkdirSync(empty);
    const db = join(dir, 'no-model.db');
    const r = await runCli(['run', ...common, '--db', db], {
      env: { ...ns('nomodel'), LEAD_STUDIO_MODEL_DIR: empty },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/model is missing/i);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.json).toMatchObject({ status: 'completed', leads: { T1: 30, T2: 30, T3: 15 } });
    expect(r.json!.precision as number).toBeGreaterThanOrEqual(0.95);
  });
});
