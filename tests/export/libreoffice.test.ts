import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TIERS } from '../../main/domain/icp';
import { checkHeader, LEAD_COLUMNS } from '../../main/export/lead-columns';
import { CAMPAIGN, HOSTILE_DOMAIN, HOSTILE_NOTES, tierCount, writeFixture, type Fixture } from './fixture';
import { parseCsv, run, soffice, type RunResult } from './tools';

// UTF-8, comma, double quote, raw values (not "as shown"), every sheet to its own file (-1).
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

const col = (header: string) => LEAD_COLUMNS.findIndex((c) => c.header === header);

let fx: Fixture;
let work: string;
let conversion: RunResult;

async function csv(book: 'full' | 'empty-tier', sheet: string): Promise<string[][]> {
  return parseCsv(await readFile(join(work, 'csv', `${book}-${sheet}.csv`), 'utf8'));
}

beforeAll(async () => {
  const bin = soffice();
  fx = await writeFixture();
  work = await mkdtemp(join(tmpdir(), 'lo-'));
  // A private profile: parallel soffice runs sharing one profile block or crash each other.
  conversion = await run(
    bin,
    [
      `-env:UserInstallation=file://${join(work, 'profile')}`,
      '--headless',
      '--norestore',
      '--convert-to',
      CSV_FILTER,
      '--outdir',
      join(work, 'csv'),
      fx.full.path,
      fx.emptyTier.path,
    ],
    180_000,
  );
});
afterAll(async () => {
  await fx?.cleanup();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('export opened by LibreOffice', () => {
  it('converts both workbooks, every sheet, without errors', () => {
    // soffice exits 0 even when a file cannot be loaded; the error only shows on stderr.
    expect(conversion.code).toBe(0);
    expect(conversion.stderr).not.toMatch(/error/i);
    for (const book of ['full', 'empty-tier']) {
      for (const sheet of ['Summary', ...TIERS]) {
        expect(existsSync(join(work, 'csv', `${book}-${sheet}.csv`)), `${book}-${sheet}.csv`).toBe(true);
      }
    }
  });

  it('shows every lead on its tier sheet with raw numbers and check verdicts', async () => {
    for (const tier of TIERS) {
      const rows = await csv('full', tier);
      expect(rows[0]).toEqual(LEAD_COLUMNS.map((c) => c.header));
      expect(rows).toHaveLength(tierCount(fx.full.leads, tier) + 1);
    }
    const lead = fx.full.leads.find((l) => l.tier === 'T3' && l.company.annualRevenue !== null)!;
    const row = (await csv('full', 'T3')).find((r) => r[col('Domain')] === lead.company.domain)!;
    expect(row[col('Company')]).toBe(lead.company.name);
    expect(row[col('Employees')]).toBe(String(lead.company.employees));
    expect(row[col('Revenue')]).toBe(String(lead.company.annualRevenue));
    expect(row[col('Similarity')]).toBe(String(lead.similarity));
    const size = lead.validation.checks.find((c) => c.id === 'size')!;
    expect(row[col(checkHeader('size'))]).toBe(`${size.passed ? '✓' : '✗'} ${size.basis}`);
    expect(row[col('Checklist details')]).toContain(size.evidence);
  });

  it('shows the hostile lead cleaned and the Summary totals', async () => {
    const row = (await csv('full', 'T1')).find((r) => r[col('Domain')] === HOSTILE_DOMAIN)!;
    expect(row[col('Company')]).toBe('Smith & Sons <Tooling> "Quoted"');
    expect(row[col('Notes')]).toBe(HOSTILE_NOTES);

    const summary = await csv('full', 'Summary');
    expect(summary[0]![0]).toContain(CAMPAIGN.name);
    expect(summary.find((r) => r[0] === 'Total leads')?.[1]).toBe(String(fx.full.leads.length));
    expect(summary.find((r) => r[0] === 'Created (UTC)')?.[1]).toBe('2025-03-01 09:15:00');
  });

  it('shows an empty tier as its header row alone', async () => {
    const rows = await csv('empty-tier', 'T2');
    expect(rows).toEqual([LEAD_COLUMNS.map((c) => c.header)]);
    expect(await csv('empty-tier', 'T1')).toHaveLength(tierCount(fx.emptyTier.leads, 'T1') + 1);
  });
});
