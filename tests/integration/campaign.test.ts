import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-helpers';

const dir = mkdtempSync(join(tmpdir(), 'ls-campaign-'));
const ns = (name: string) => ({
  LEAD_STUDIO_CHROMA_NAMESPACE: `campaign-${name}-${process.pid}-${Date.now()}`,
});

describe('a full sandbox campaign through the CLI', () => {
  it('meets every target of the manufacturing template with precision ≥ 0.95 and writes the workbook', async () => {
    const db = join(dir, 'full.db');
    const xlsx = join(dir, 'full.xlsx');
    const r = await runCli(
      [
        'run',
        '--icp',
        'resources/icp/manufacturing-staffing.yaml',
        '--sandbox',
        '--sandbox-limits',
        'off',
        '--db',
        db,
        '--export',
        xlsx,
      ],
      { env: ns('full') },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toMatchObject({ status: 'completed', leads: { T1: 200, T2: 200, T3: 100 }, export: xlsx });
    expect(r.json!.precision as number).toBeGreaterThanOrEqual(0.95);
    expect(existsSync(xlsx)).toBe(true);
    const sql = new Database(db, { readonly: true });
    const low = sql.prepare('SELECT COUNT(*) AS n FROM leads WHERE validation_score < 4').get() as {
      n: number;
    };
    const dupes = sql
      .prepare(
        'SELECT COUNT(*) AS n FROM (SELECT contact_id FROM leads GROUP BY contact_id HAVING COUNT(*) > 1)',
      )
      .get() as { n: number };
    // Apollo's credits are what creditsUsed reports; Hunter's and BuiltWith's (other currencies) apart.
    const ledger = sql
      .prepare("SELECT COALESCE(SUM(credits), 0) AS c FROM credit_ledger WHERE provider = 'apollo'")
      .get() as { c: number };
    const hunter = sql
      .prepare("SELECT COALESCE(SUM(credits), 0) AS c FROM credit_ledger WHERE provider = 'hunter'")
      .get() as { c: number };
    sql.close();
    expect(low.n).toBe(0);
    expect(dupes.n).toBe(0);
    expect(ledger.c).toBe(r.json!.creditsUsed); // every credit reported is a ledger entry
    expect(r.json!.creditsByProvider).toEqual({ apollo: ledger.c, hunter: hunter.c });
    // The email waterfall: no lead saved with an invalid address as its only channel.
    const emails = r.json!.emails as Record<string, number>;
    expect(emails.invalid).toBe(0);
    expect(Object.values(emails).reduce((a, b) => a + b, 0)).toBe(500);
    expect(r.json!.emailPrecision as number).toBeGreaterThanOrEqual(0.98);
    expect(r.stderr).toMatch(/Credit estimate: ~\d+ credits/);
    // Where the credits went is reported: nothing of it is lost to rounding.
    const wasted = r.json!.wasted as { people: number; companies: number };
    expect(r.json!.wasteRatio as number).toBeGreaterThanOrEqual(1);
    expect(wasted.people + wasted.companies).toBeLessThan(ledger.c + hunter.c);
  }, 900_000);

  it('stops at the credit budget, then resumes with a larger one', async () => {
    const db = join(dir, 'budget.db');
    const env = ns('budget');
    const common = ['--sandbox', '--sandbox-seed', '5', '--sandbox-limits', 'off', '--db', db];
    const r = await runCli(
      ['run', '--icp', 'tests/fixtures/small-manufacturing.yaml', ...common, '--budget', '60'],
      { env },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.json!.status).toBe('paused');
    expect(r.json!.creditsUsed as number).toBeLessThanOrEqual(60);
    expect(r.stderr).toMatch(/budget of 60 is used up/);
    const more = await runCli(['resume', '1', ...common, '--budget', '2000'], { env });
    expect(more.code, more.stderr).toBe(0);
    expect(more.json).toMatchObject({ status: 'completed', leads: { T1: 30, T2: 30, T3: 15 } });
  });
});

describe('CLI input handling', () => {
  it('names every bad field of a broken ICP and writes nothing', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      'name: ""\ntiers:\n  T1: { target: -3, titles: [] }\n  T2: { titles: [CHRO] }\nindustries: []\nlocations: [USA]\ncompanySize: { min: 900, max: 100 }\nminValidationScore: 7\n',
    );
    const db = join(dir, 'never.db');
    const r = await runCli(['run', '--icp', bad, '--sandbox', '--db', db]);
    expect(r.code).toBe(2);
    for (const field of [
      'name',
      'tiers.T1.target',
      'tiers.T1.titles',
      'tiers.T3',
      'industries',
      'companySize.max',
      'minValidationScore',
    ])
      expect(r.stderr).toContain(field);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(db)).toBe(false);
    const missing = await runCli(['run', '--icp', join(dir, 'nope.yaml'), '--db', db]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.yaml/);
  });

  it('classifies messy titles from stdin, one JSON line each', async () => {
    const titles = [
      'VP, Ops',
      'Plant Mgr',
      'Jefe de Planta',
      'HRBP',
      'Sr. Talent Acquisition Partner',
      'Chief Financial Officer',
    ];
    const r = await runCli(['classify-titles'], { input: titles.join('\n') + '\n\n' });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { title: string; tier: string | null; confidence: number });
    expect(lines.map((l) => [l.title, l.tier])).toEqual([
      ['VP, Ops', 'T1'],
      ['Plant Mgr', 'T1'],
      ['Jefe de Planta', 'T1'],
      ['HRBP', 'T3'],
      ['Sr. Talent Acquisition Partner', 'T3'],
      ['Chief Financial Officer', null],
    ]);
    for (const l of lines) expect(l.confidence).toBeGreaterThan(0);
  });

  it('stops quietly when its reader closes the pipe early (| head)', async () => {
    const many = Array.from({ length: 20000 }, (_, i) => `Plant Manager ${i}`).join('\n');
    const companies = Array.from({ length: 5000 }, (_, i) =>
      JSON.stringify({ name: `Co ${i}`, industry: 'machinery' }),
    );
    for (const [command, input] of [
      ['classify-titles', many],
      ['classify-companies', companies.join('\n')],
    ] as const) {
      const r = await runCli([command], {
        input,
        onSpawn: (p) => p.stdout!.once('data', () => p.stdout!.destroy()),
      });
      expect(r.stderr, command).not.toMatch(/EPIPE|Unhandled/);
      expect(r.code, command).toBe(0);
    }
  });
});
