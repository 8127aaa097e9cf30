/**
 * The email waterfall's settings through the real CLI on a real SQLite file: read, changed (and a bad
 * value refused naming the field), kept for the next run, and obeyed by it — a sandbox campaign
 * with no Hunter steps buys nothing from Hunter and says so in its log.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_WATERFALL } from '../../main/domain/email';
import { runCli } from './cli-helpers';

const dir = mkdtempSync(join(tmpdir(), 'ls-waterfall-'));
const db = join(dir, 'lead-studio.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('waterfall settings (CLI → contract → SQLite → next run)', () => {
  it('shows the defaults on a new database', async () => {
    const r = await runCli(['waterfall', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toEqual(DEFAULT_WATERFALL);
  }, 240_000);

  it('refuses a share outside 0–1 and an unknown field, naming them, and changes nothing', async () => {
    const bad = await runCli(['waterfall', '--db', db, '--set', '{"minVerifiedShare":80}']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/minVerifiedShare: minVerifiedShare must be between 0 and 1/);
    const unknown = await runCli(['waterfall', '--db', db, '--set', '{"minVerifiedShar":0.8}']);
    expect(unknown.stderr).toMatch(/minVerifiedShar: unknown field/);
    const notJson = await runCli(['waterfall', '--db', db, '--set', '{minVerifiedShare:0.8}']);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/--set must be JSON/);
    expect((await runCli(['waterfall', '--db', db])).json).toEqual(DEFAULT_WATERFALL);
  }, 240_000);

  it('keeps a change for later commands and the next campaign obeys it', async () => {
    const set = await runCli(['waterfall', '--db', db, '--set', '{"steps":[],"minVerifiedShare":0.8}']);
    expect(set.code, set.stderr).toBe(0);
    expect(set.json).toMatchObject({ steps: [], minVerifiedShare: 0.8, reachableFirst: true });
    expect((await runCli(['waterfall', '--db', db])).json).toEqual(set.json);

    const run = await runCli([
      'run',
      '--icp',
      'tests/fixtures/small-manufacturing.yaml',
      '--sandbox',
      '--sandbox-seed',
      '5',
      '--sandbox-limits',
      'off',
      '--db',
      db,
    ]);
    expect(run.json, run.stderr).toMatchObject({ status: 'completed' });
    expect((run.json!.creditsByProvider as Record<string, number>).hunter ?? 0).toBe(0);
    const sqlite = new Database(db, { readonly: true });
    try {
      const hunterRows = sqlite
        .prepare("SELECT COUNT(*) AS n FROM credit_ledger WHERE provider = 'hunter'")
        .get() as { n: number };
      expect(hunterRows.n).toBe(0);
      const said = sqlite
        .prepare(
          "SELECT COUNT(*) AS n FROM campaign_events WHERE message LIKE 'Email waterfall: Apollo alone%'",
        )
        .get() as { n: number };
      expect(said.n).toBe(1);
    } finally {
      sqlite.close();
    }
  }, 300_000);
});
