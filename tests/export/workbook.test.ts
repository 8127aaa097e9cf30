import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_IDS } from '../../main/domain/icp';
import type { Lead } from '../../main/domain/types';
import { AppError } from '../../main/shared/errors';
import { checkHeader, checkText, LEAD_COLUMNS } from '../../main/export/lead-columns';
import { sampleLeads } from '../../bench/export/sample';
import { writeWorkbook } from '../../main/export/workbook';
import { CAMPAIGN, HOSTILE_DOMAIN, HOSTILE_NOTES, tierCount, writeFixture, type Fixture } from './fixture';

const col = (header: string) => LEAD_COLUMNS.findIndex((c) => c.header === header) + 1;
const lastColLetter = 'AI';

let fx: Fixture;
let book: ExcelJS.Workbook;
let emptyTierBook: ExcelJS.Workbook;

function rowByDomain(ws: ExcelJS.Worksheet, domain: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (row.getCell(col('Domain')).value === domain) found = row;
  });
  if (!found) throw new Error(`no row for ${domain} in ${ws.name}`);
  return found;
}

function summaryValue(ws: ExcelJS.Worksheet, label: string): ExcelJS.CellValue {
  let value: ExcelJS.CellValue = undefined;
  ws.eachRow((row) => {
    if (value === undefined && row.getCell(1).value === label) value = row.getCell(2).value;
  });
  return value;
}

beforeAll(async () => {
  fx = await writeFixture();
  book = await new ExcelJS.Workbook().xlsx.readFile(fx.full.path);
  emptyTierBook = await new ExcelJS.Workbook().xlsx.readFile(fx.emptyTier.path);
});
afterAll(() => fx?.cleanup());

describe('writeWorkbook read back with exceljs', () => {
  it('has Summary, T1, T2, T3 in that order and reports the row count', async () => {
    expect(book.worksheets.map((w) => w.name)).toEqual(['Summary', 'T1', 'T2', 'T3']);
    expect(LEAD_COLUMNS).toHaveLength(35); // AI (email evidence, issue 12; Why now and Signals, issue 13)
    const again = await writeWorkbook(join(fx.dir, 'again.xlsx'), {
      campaign: CAMPAIGN,
      leads: fx.full.leads,
    });
    expect(again.rows).toBe(fx.full.leads.length);
  });

  it('puts every lead on its tier sheet under a styled, frozen, filtered header', () => {
    for (const tier of ['T1', 'T2', 'T3'] as const) {
      const ws = book.getWorksheet(tier)!;
      const n = tierCount(fx.full.leads, tier);
      expect(n).toBeGreaterThan(0);
      expect(ws.rowCount).toBe(n + 1);
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(LEAD_COLUMNS.map((c) => c.header));
      const header = ws.getCell('A1');
      expect(header.font?.bold).toBe(true);
      expect(header.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 2 });
      expect(ws.autoFilter).toBe(`A1:${lastColLetter}${n + 1}`);
      expect(ws.getColumn(col('Checklist details')).width).toBeGreaterThan(40);
    }
  });

  it('writes links as hyperlinks, numbers as numbers, checks as verdict + basis', () => {
    const lead = fx.full.leads.find((l) => l.tier === 'T2' && l.company.linkedinUrl && l.contact.email)!;
    const row = rowByDomain(book.getWorksheet('T2')!, lead.company.domain);

    expect(row.getCell(col('Company LinkedIn')).value).toEqual({
      text: lead.company.linkedinUrl!.replace(/^http:\/\/www\./, ''),
      hyperlink: lead.company.linkedinUrl,
    });
    expect(row.getCell(col('Email')).value).toEqual({
      text: lead.contact.email,
      hyperlink: `mailto:${lead.contact.email}`,
    });
    expect(row.getCell(col('Employees')).value).toBe(lead.company.employees);
    expect(row.getCell(col('Employees')).numFmt).toBe('#,##0');
    expect(row.getCell(col('Lead score')).value).toBe(lead.score.total);
    expect(row.getCell(col('Similarity')).value).toBe(lead.similarity);
    expect(row.getCell(col('Validation')).value).toBe(`${lead.validation.score}/6`);
    expect(row.getCell(col('Band')).value).toBe(lead.score.band);

    for (const id of CHECK_IDS) {
      const check = lead.validation.checks.find((c) => c.id === id)!;
      expect(row.getCell(col(checkHeader(id))).value).toBe(`${check.passed ? '✓' : '✗'} ${check.basis}`);
    }
    const details = String(row.getCell(col('Checklist details')).value);
    for (const check of lead.validation.checks) expect(details).toContain(check.evidence);
  });

  it('cleans hostile text and keeps unlinkable URLs as plain text', () => {
    const row = rowByDomain(book.getWorksheet('T1')!, HOSTILE_DOMAIN);
    expect(row.getCell(col('Company')).value).toBe('Smith & Sons <Tooling> "Quoted"');
    expect(row.getCell(col('Notes')).value).toBe(HOSTILE_NOTES);
    expect(row.getCell(col('Company LinkedIn')).value).toEqual({
      text: 'linkedin.com/company/smith-sons?ref=a&src=b',
      hyperlink: 'https://linkedin.com/company/smith-sons?ref=a&src=b',
    });
    expect(row.getCell(col('Website')).value).toBe('smith-sons-tooling.example.com/plants and more');
    expect(row.getCell(col('Contact LinkedIn')).value).toBe('javascript:alert(1)');
    expect(row.getCell(col('Employees')).value).toBeNull();
    expect(row.getCell(col('Similarity')).value).toBeNull();
    expect(row.getCell(col(checkHeader('staffingVendors'))).value).toBe(checkText(undefined));
    expect(row.getCell(col('Contact')).value).toBe("Siobhán O'Neil");
  });

  it('summarises targets, tiers, bands and the ICP', () => {
    const ws = book.getWorksheet('Summary')!;
    const leads = fx.full.leads;
    expect(summaryValue(ws, 'Name')).toBe(CAMPAIGN.name);
    expect(summaryValue(ws, 'Total leads')).toBe(leads.length);
    expect(summaryValue(ws, 'Credits used')).toBe(CAMPAIGN.creditsUsed);
    expect(summaryValue(ws, 'Created (UTC)')).toEqual(new Date(CAMPAIGN.createdAt));
    const avg = leads.reduce((s, l) => s + l.validation.score, 0) / leads.length;
    expect(summaryValue(ws, 'Avg validation score')).toBeCloseTo(avg, 10);
    expect(summaryValue(ws, 'Industries')).toBe('Automotive Manufacturing, Electronics Manufacturing');
    expect(summaryValue(ws, 'Company size')).toBe('200–10,000 employees');
    expect(String(summaryValue(ws, 'Data source'))).toMatch(/sandbox/i);
    expect(summaryValue(ws, '✓ inferred')).toMatch(/assumption/);

    const tierRow = (tier: string) => {
      let values: unknown[] = [];
      ws.eachRow((row) => {
        if (row.getCell(1).value === tier && typeof row.getCell(2).value === 'number') {
          values = (row.values as unknown[]).slice(1);
        }
      });
      return values;
    };
    expect(tierRow('T1').slice(0, 3)).toEqual(['T1', 120, tierCount(leads, 'T1')]);
    expect(tierRow('T3').slice(0, 3)).toEqual(['T3', 60, tierCount(leads, 'T3')]);
    for (const band of ['hot', 'warm', 'nurture', 'cold'] as const) {
      let count: unknown;
      ws.eachRow((row) => {
        if (row.getCell(1).value === band) count = row.getCell(3).value;
      });
      expect(count, band).toBe(leads.filter((l) => l.score.band === band).length);
    }
  });

  it('writes a tier with no leads as a header-only sheet with a header-only filter', () => {
    const ws = emptyTierBook.getWorksheet('T2')!;
    expect(ws.rowCount).toBe(1);
    expect(ws.autoFilter).toBe(`A1:${lastColLetter}1`);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    let generated: unknown;
    emptyTierBook.getWorksheet('Summary')!.eachRow((row) => {
      if (row.getCell(1).value === 'T2' && typeof row.getCell(2).value === 'number')
        generated = row.getCell(3).value;
    });
    expect(generated).toBe(0);
  });

  it('truncates text past Excel’s 32,767-character cell limit', async () => {
    const [lead] = sampleLeads(1, 3);
    const path = join(fx.dir, 'long.xlsx');
    await writeWorkbook(path, { campaign: CAMPAIGN, leads: [{ ...lead!, notes: 'x'.repeat(40_000) }] });
    const ws = (await new ExcelJS.Workbook().xlsx.readFile(path)).getWorksheet(lead!.tier)!;
    const notes = String(ws.getRow(2).getCell(col('Notes')).value);
    expect(notes.length).toBeLessThanOrEqual(32_767);
    expect(notes.endsWith('…')).toBe(true);
  });
});

describe('writeWorkbook failure handling', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lead-studio-export-fail-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function* failingAfter(n: number): AsyncGenerator<Lead> {
    for (const lead of sampleLeads(n, 5)) yield lead;
    throw new Error('database went away');
  }

  it('leaves neither a workbook nor a temp file when the lead source fails', async () => {
    const path = join(dir, 'broken.xlsx');
    await expect(writeWorkbook(path, { campaign: CAMPAIGN, leads: failingAfter(50) })).rejects.toThrow(
      'database went away',
    );
    expect(existsSync(path)).toBe(false);
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps an existing file untouched when a re-export fails', async () => {
    const path = join(dir, 'existing.xlsx');
    await writeFile(path, 'previous export');
    await expect(writeWorkbook(path, { campaign: CAMPAIGN, leads: failingAfter(10) })).rejects.toThrow();
    expect(await readFile(path, 'utf8')).toBe('previous export');
    expect(await readdir(dir)).toEqual(['existing.xlsx']);
    await rm(path);
  });

  it('names the path problem: wrong extension, missing folder', async () => {
    const wrongExt = writeWorkbook(join(dir, 'leads.csv'), { campaign: CAMPAIGN, leads: [] });
    await expect(wrongExt).rejects.toBeInstanceOf(AppError);
    await expect(wrongExt).rejects.toMatchObject({
      code: 'EXPORT_PATH',
      message: expect.stringMatching(/\.xlsx/),
    });
    const noDir = writeWorkbook(join(dir, 'nope', 'leads.xlsx'), { campaign: CAMPAIGN, leads: [] });
    await expect(noDir).rejects.toMatchObject({
      code: 'EXPORT_PATH',
      message: expect.stringMatching(/does not exist/),
    });
  });

  it('rejects a lead whose tier is not T1/T2/T3, naming the lead', async () => {
    const [lead] = sampleLeads(1, 9);
    const bad = { ...lead!, id: 77, tier: 'T4' } as unknown as Lead;
    await expect(
      writeWorkbook(join(dir, 'bad.xlsx'), { campaign: CAMPAIGN, leads: [bad] }),
    ).rejects.toMatchObject({
      code: 'EXPORT_BAD_LEAD',
      message: expect.stringContaining('lead 77'),
    });
    expect(await readdir(dir)).toEqual([]);
  });
});
