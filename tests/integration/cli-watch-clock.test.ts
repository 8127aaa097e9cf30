/**
 * Issue 13 from the command line: the sandbox's day is kept per database, so a CLI `watch refresh`
 * after `sandbox-clock advance 60` (another process) reads day 60 and reports exactly the watched
 * leads whose companies gained or lost signals. Real CLI processes, the sandbox over real HTTP in
 * each, one real SQLite file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-helpers';

const dir = mkdtempSync(join(tmpdir(), 'ls-cli-clock-'));
const db = join(dir, 'lead-studio.db');
const env = { LEAD_STUDIO_DATA: dir };
const cli = (...args: string[]) => runCli([...args, '--db', db], { env });
const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** Each company's signal events as one comparable text, read from the file (not through the engine). */
function signalKeys(): Map<number, string> {
  const d = new Database(db, { readonly: true });
  try {
    const rows = d
      .prepare(
        'SELECT company_id AS c, kind, source, event_date AS date, label FROM signal_events ORDER BY 1, 2, 3, 4, 5',
      )
      .all() as { c: number; kind: string; source: string; date: string; label: string }[];
    const keys = new Map<number, string>();
    for (const r of rows) keys.set(r.c, `${keys.get(r.c) ?? ''}${r.kind}|${r.source}|${r.date}|${r.label}\n`);
    return keys;
  } finally {
    d.close();
  }
}

function leadsByCompany(): Map<number, number[]> {
  const d = new Database(db, { readonly: true });
  try {
    const rows = d.prepare('SELECT id, company_id AS c FROM leads ORDER BY id').all() as {
      id: number;
      c: number;
    }[];
    const by = new Map<number, number[]>();
    for (const r of rows) by.set(r.c, [...(by.get(r.c) ?? []), r.id]);
    return by;
  } finally {
    d.close();
  }
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('CLI: sandbox-clock and watch refresh share the database’s sandbox day', () => {
  it('refreshes for the day another process set, and reports only the companies that moved', async () => {
    const run = await runCli(
      [
        'run',
        '--icp',
        'tests/fixtures/small-manufacturing.yaml',
        '--sandbox',
        '--sandbox-limits',
        'off',
        '--no-semantic-filter',
        '--db',
        db,
      ],
      { env },
    );
    expect(run.json, run.stderr).toMatchObject({ campaignId: 1, status: 'completed' });

    const byCompany = leadsByCompany();
    const watched = [...byCompany.keys()].slice(0, 12);
    for (const c of watched) {
      const r = await cli('watch', 'add', 'company', String(c));
      expect(r.code, r.stderr).toBe(0);
    }
    const before = signalKeys();

    expect((await cli('sandbox-clock')).json).toEqual({ day: 0, date: '2026-11-01' });
    expect((await cli('sandbox-clock', 'advance', '60')).json).toEqual({ day: 60, date: '2026-12-31' });
    const bad = await cli('sandbox-clock', 'advance', 'soon');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/days is a whole number/);

    const refresh = await cli('watch', 'refresh');
    expect(refresh.code, refresh.stderr).toBe(0);
    const out = lines(refresh.stdout);
    const summary = out.pop()!;
    expect(summary).toMatchObject({ refreshed: { readFor: '2026-12-31', companies: watched.length } });
    const after = signalKeys();
    const moved = watched.filter((c) => (after.get(c) ?? '') !== (before.get(c) ?? ''));
    expect(moved.length).toBeGreaterThan(0);
    const expected = moved.flatMap((c) => byCompany.get(c)!).sort((a, b) => a - b);
    expect(out.map((c) => c.leadId as number).sort((a, b) => a - b)).toEqual(expected);
    for (const c of out)
      expect((c.gained as unknown[]).length + (c.lost as unknown[]).length).toBeGreaterThan(0);
    expect(summary.changed).toBe(expected.length);
    // Companies nobody watches were not re-read.
    for (const c of byCompany.keys())
      if (!watched.includes(c)) expect(after.get(c) ?? '').toBe(before.get(c) ?? '');

    // The same day again: nothing moves. Back to day 0: the signals of day 0 come back.
    const again = lines((await cli('watch', 'refresh')).stdout);
    expect(again).toEqual([expect.objectContaining({ changed: 0, alerts: 0 })]);
    expect((await cli('sandbox-clock', 'advance', '--', '-60')).json).toEqual({ day: 0, date: '2026-11-01' });
    const back = lines((await cli('watch', 'refresh')).stdout);
    expect(back.pop()).toMatchObject({ refreshed: { readFor: '2026-11-01' }, changed: expected.length });
    expect(signalKeys()).toEqual(before);
  }, 600_000);
});
