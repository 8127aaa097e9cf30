import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadRow, LEAD_COLUMNS } from '../../main/export/lead-columns';
import { cleanText, mailtoUrl, MAX_CELL_CHARS, webUrl } from '../../main/export/sanitize';
import { sampleLeads } from '../../bench/export/sample';
import { TIER_SHEET_VIEWS, tierSheetWriter } from '../../main/export/tier-sheet';

describe('cell sanitising', () => {
  it('drops characters XML 1.0 cannot carry and keeps everything else', () => {
    expect(cleanText('a\u0000b\u0008c\u000Bd\u001Fe\u007Ff\u0085g')).toBe('abcdefg');
    expect(cleanText('tab\tnew\nline\r')).toBe('tab\tnew\nline\r');
    expect(cleanText('lone \uD83D and \uDE00 but 😀 pair')).toBe('lone  and  but 😀 pair');
    expect(cleanText('\uFFFE\uFFFF')).toBe('');
    expect(cleanText(null)).toBe('');
  });

  it('truncates at the cell limit without splitting an emoji', () => {
    const text = 'a'.repeat(MAX_CELL_CHARS - 2) + '😀'.repeat(10);
    const out = cleanText(text);
    expect(out.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(out.endsWith('…')).toBe(true);
    expect(cleanText(out)).toBe(out); // no lone surrogate left behind
  });

  it('makes web links only from http(s) URLs, adding the scheme providers omit', () => {
    expect(webUrl('linkedin.com/in/jane-doe')).toBe('https://linkedin.com/in/jane-doe');
    expect(webUrl('http://www.acme.com')).toBe('http://www.acme.com/');
    expect(webUrl('https://acme.com/a?b=1&c=<2>')).toBe('https://acme.com/a?b=1&c=%3C2%3E');
    expect(webUrl('https://müller-tools.de/')).toMatch(/^https:\/\/xn--mller-tools-[a-z0-9]+\.de\/$/);
    expect(webUrl('javascript:alert(1)')).toBeNull();
    expect(webUrl('file:///etc/passwd')).toBeNull();
    expect(webUrl('acme dot com')).toBeNull();
    expect(webUrl('localhost')).toBeNull();
    expect(webUrl('')).toBeNull();
    expect(webUrl(`https://acme.com/${'x'.repeat(3000)}`)).toBeNull();
  });

  it('shows a link as the provider wrote it while the target is canonical', () => {
    const [lead] = sampleLeads(1, 2);
    const row = leadRow({ ...lead!, company: { ...lead!.company, website: 'https://www.müller-tools.de/' } });
    const website = row[LEAD_COLUMNS.findIndex((c) => c.header === 'Website')];
    expect(website).toMatchObject({
      text: 'müller-tools.de',
      hyperlink: expect.stringMatching(/^https:\/\/www\.xn--/),
    });
  });

  it('makes mailto links only from plausible addresses', () => {
    expect(mailtoUrl("o'neil+ops@acme.com")).toBe("mailto:o'neil+ops@acme.com");
    expect(mailtoUrl('not an email')).toBeNull();
    expect(mailtoUrl('a@b')).toBeNull();
    expect(mailtoUrl(null)).toBeNull();
  });
});

describe('tier sheet hyperlink limit', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lead-studio-export-cells-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes links up to the per-sheet cap and plain text after it', async () => {
    const path = join(dir, 'cap.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: path,
      useStyles: true,
      useSharedStrings: false,
    });
    const sheet = tierSheetWriter(wb.addWorksheet('T1', { views: TIER_SHEET_VIEWS }), 5);
    const leads = sampleLeads(20, 11).filter(
      (l) => l.contact.email && l.company.linkedinUrl && l.company.website,
    );
    for (const lead of leads) await sheet.add(leadRow(lead));
    expect(sheet.finish()).toBe(leads.length);
    await wb.commit();

    const ws = (await new ExcelJS.Workbook().xlsx.readFile(path)).getWorksheet('T1')!;
    const linkColumns = LEAD_COLUMNS.flatMap((c, i) => (c.kind === 'link' ? [i + 1] : []));
    let links = 0;
    let plain = 0;
    for (let r = 2; r <= leads.length + 1; r++) {
      for (const c of linkColumns) {
        const value = ws.getRow(r).getCell(c).value;
        if (value && typeof value === 'object' && 'hyperlink' in value) links += 1;
        else if (typeof value === 'string' && value) plain += 1;
      }
    }
    expect(links).toBe(5);
    expect(plain).toBeGreaterThan(0);
  });
});

describe('signal cells (issue 13)', () => {
  it('shows the why-now line and each intent point with its evidence, strongest first', async () => {
    const { signalsCell, whyNowCell } = await import('../../main/export/signal-cells');
    const base = sampleLeads(1)[0]!;
    const lead = {
      ...base,
      score: {
        ...base.score,
        whyNow: 'Series B 3 weeks ago · 14 production and HR openings',
        breakdown: [
          {
            component: 'intent' as const,
            signal: 'Actively hiring',
            points: 20.4,
            evidence: '14 openings (apollo, 2026-10-30)',
          },
          {
            component: 'intent' as const,
            signal: 'Recent funding',
            points: 60,
            evidence: 'Series B of $20M (crunchbase, 2026-10-10)',
          },
          { component: 'fit' as const, signal: 'ICP industry match', points: 25, evidence: 'Machinery' },
        ],
      },
    };
    expect(whyNowCell(lead)).toBe('Series B 3 weeks ago · 14 production and HR openings');
    expect(signalsCell(lead)).toBe(
      'Recent funding +60: Series B of $20M (crunchbase, 2026-10-10); Actively hiring +20: 14 openings (apollo, 2026-10-30)',
    );
    expect(whyNowCell({ ...lead, score: { ...lead.score, whyNow: undefined } })).toBeNull();
    expect(signalsCell({ ...lead, score: { ...lead.score, breakdown: [] } })).toBeNull();
  });
});
