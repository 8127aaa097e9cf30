import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leadKeys, runCli } from './cli-helpers';

/**
 * A 24-hour window used up mid-campaign pauses it (never fails) with the time it can go on; resumed
 * after the window — the clock shifted past it, engine and sandbox alike — it ends with exactly the
 * leads of an unconstrained run.
 */
const ICP = 'tests/fixtures/small-manufacturing.yaml';
const dir = mkdtempSync(join(tmpdir(), 'ls-rate-pause-'));
const ns = (name: string) => ({ LEAD_STUDIO_CHROMA_NAMESPACE: `rate-${name}-${process.pid}-${Date.now()}` });
const DAY60 = '{"enrich":{"day":60}}';
const common = ['--sandbox', '--sandbox-seed', '7'];

describe('a used-up 24-hour window', () => {
  let baseline: string[];

  it('runs unconstrained as the reference', async () => {
    const db = join(dir, 'free.db');
    const r = await runCli(['run', '--icp', ICP, ...common, '--sandbox-limits', 'off', '--db', db], {
      env: ns('free'),
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toMatchObject({ status: 'completed', leads: { T1: 30, T2: 30, T3: 15 } });
    baseline = leadKeys(db, 1);
  }, 600_000);

  it('pauses with resumeAt, then resumes after the window to the same leads', async () => {
    const db = join(dir, 'day60.db');
    const env = ns('day60');
    const first = await runCli(['run', '--icp', ICP, ...common, '--sandbox-limits', DAY60, '--db', db], {
      env,
    });
    expect(first.code, first.stderr).toBe(0);
    expect(first.json).toMatchObject({ status: 'paused', pauseReason: 'rate-limit' });
    const resumeAt = Date.parse(first.json!.resumeAt as string);
    expect(first.json!.resumeAt).toBe(new Date(resumeAt).toISOString());
    expect(resumeAt).toBeGreaterThan(Date.now());
    expect(first.stderr).toMatch(/goes on by itself/);

    // Each resume starts after the last pause's window; a day of 60 enrichments takes a few days.
    let last = first.json!;
    for (let day = 0; day < 6 && last.status === 'paused'; day++) {
      const offset = Date.parse(last.resumeAt as string) - Date.now() + 1000;
      const r = await runCli(['resume', '1', '--db', db, '--sandbox-limits', DAY60], {
        env: { ...env, LEAD_STUDIO_CLOCK_OFFSET_MS: String(offset) },
      });
      expect(r.code, r.stderr).toBe(0);
      expect(['paused', 'completed']).toContain(r.json!.status);
      last = r.json!;
    }
    expect(last).toMatchObject({ status: 'completed', leads: { T1: 30, T2: 30, T3: 15 } });
    expect(last.resumeAt).toBeUndefined();
    expect(leadKeys(db, 1)).toEqual(baseline);
  }, 900_000);

  it('refuses limits it cannot read, naming the field', async () => {
    const r = await runCli(['run', '--icp', ICP, ...common, '--sandbox-limits', '{"enrich":{"daily":60}}']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--sandbox-limits .*daily/);
  });
});
