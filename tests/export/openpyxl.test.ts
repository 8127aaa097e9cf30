import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TIERS } from '../../main/domain/icp';
import { checkHeader, LEAD_COLUMNS } from '../../main/export/lead-columns';
import { HOSTILE_DOMAIN, HOSTILE_NOTES, tierCount, writeFixture, type Fixture } from './fixture';
import { openpyxlPython, PY_INSTALL, run } from './tools';

interface SheetReport {
  maxRow: number;
  maxColumn: number;
  freezePanes: string | null;
  autoFilter: string | null;
  headerBold: boolean;
  headerFill: string | null;
  rows: (string | number | boolean | null)[][];
  links: Record<string, string>;
  numberFormats: Record<string, string>;
}
interface FileReport {
  sheetNames: string[];
  sheets: Record<string, SheetReport>;
  warnings: string[];
  problems: string[];
}

const col = (header: string) => LEAD_COLUMNS.findIndex((c) => c.header === header);
const letter = (header: string) => String.fromCharCode(65 + col(header)); // columns used here are A..Z

let fx: Fixture;
let reports: Record<string, FileReport>;

beforeAll(async () => {
  const python = openpyxlPython();
  fx = await writeFixture();
  const script = join(import.meta.dirname, 'inspect_xlsx.py');
  const out = await run(python, [script, fx.full.path, fx.emptyTier.path], 120_000);
  if (/No module named 'openpyxl'/.test(out.stderr)) {
    throw new Error(`${python} has no openpyxl. Install it with: ${PY_INSTALL}`);
  }
  if (out.code !== 0) throw new Error(`openpyxl could not open the export:\n${out.stderr}`);
  reports = JSON.parse(out.stdout) as Record<string, FileReport>;
});
afterAll(() => fx?.cleanup());

describe('export opened by openpyxl', () => {
  it('loads both workbooks without warnings or structural problems', () => {
    for (const path of [fx.full.path, fx.emptyTier.path]) {
      const report = reports[path]!;
      expect(report.warnings, path).toEqual([]);
      expect(report.problems, path).toEqual([]);
      expect(report.sheetNames).toEqual(['Summary', 'T1', 'T2', 'T3']);
    }
  });

  it('sees every lead row, the header, frozen panes and the filter range', () => {
    const report = reports[fx.full.path]!;
    for (const tier of TIERS) {
      const sheet = report.sheets[tier]!;
      const n = tierCount(fx.full.leads, tier);
      expect(sheet.maxRow).toBe(n + 1);
      expect(sheet.maxColumn).toBe(LEAD_COLUMNS.length);
      expect(sheet.rows[0]).toEqual(LEAD_COLUMNS.map((c) => c.header));
      expect(sheet.freezePanes).toBe('C2');
      expect(sheet.autoFilter).toBe(`A1:AI${n + 1}`);
      expect(sheet.headerBold).toBe(true);
      expect(sheet.headerFill).toBe('FF1F4E78');
      expect(sheet.rows.slice(1).every((r) => r[0] === tier)).toBe(true);
    }
  });

  it('reads values, number formats and hyperlinks as written', () => {
    const sheet = reports[fx.full.path]!.sheets.T1!;
    const lead = fx.full.leads.find((l) => l.tier === 'T1' && l.contact.email && l.company.linkedinUrl)!;
    const index = sheet.rows.findIndex((r) => r[col('Domain')] === lead.company.domain);
    expect(index).toBeGreaterThan(0);
    const row = sheet.rows[index]!;
    const excelRow = index + 1;
    expect(row[col('Company')]).toBe(lead.company.name);
    expect(row[col('Employees')]).toBe(lead.company.employees);
    expect(row[col('Lead score')]).toBe(lead.score.total);
    expect(row[col('Validation')]).toBe(`${lead.validation.score}/6`);
    const industry = lead.validation.checks.find((c) => c.id === 'industry')!;
    expect(row[col(checkHeader('industry'))]).toBe(`${industry.passed ? '✓' : '✗'} ${industry.basis}`);
    expect(sheet.links[`${letter('Email')}${excelRow}`]).toBe(`mailto:${lead.contact.email}`);
    expect(sheet.links[`${letter('Company LinkedIn')}${excelRow}`]).toBe(lead.company.linkedinUrl);
    expect(sheet.numberFormats[`${letter('Employees')}2`]).toBe('#,##0');
    expect(sheet.numberFormats[`${letter('Revenue')}2`]).toBe('"$"#,##0');
  });

  it('reads the hostile lead with its text cleaned', () => {
    const sheet = reports[fx.full.path]!.sheets.T1!;
    const row = sheet.rows.find((r) => r[col('Domain')] === HOSTILE_DOMAIN)!;
    expect(row[col('Company')]).toBe('Smith & Sons <Tooling> "Quoted"');
    expect(row[col('Notes')]).toBe(HOSTILE_NOTES);
    expect(row[col('Employees')]).toBeNull();
  });

  it('reads the Summary totals and an empty tier as a header-only sheet', () => {
    const summary = reports[fx.full.path]!.sheets.Summary!.rows;
    expect(summary.find((r) => r[0] === 'Total leads')?.[1]).toBe(fx.full.leads.length);
    const empty = reports[fx.emptyTier.path]!.sheets.T2!;
    expect(empty.maxRow).toBe(1);
    expect(empty.autoFilter).toBe('A1:AI1');
    expect(empty.rows[0]).toEqual(LEAD_COLUMNS.map((c) => c.header));
  });
});
