/** The "Summary" sheet: what the campaign asked for, what it produced, and how to read the tier sheets. */
import type ExcelJS from 'exceljs';
import { TIERS, type Tier } from '../domain/icp';
import { average, BANDS, EMAIL_STATUSES, type ExportStats } from './export-stats';
import { cleanText, finiteOrNull } from './sanitize';
import { LABEL_FONT, NOTE_FONT, SECTION_FONT, styleHeaderCell, TITLE_FONT, WARN_FONT } from './sheet-style';

export interface ExportCampaign {
  id: number;
  name: string;
  status: string;
  createdAt: string;
  completedAt: string | null;
  targets: Record<Tier, number>;
  creditsUsed: number;
  sandbox: boolean;
  icpSummary: {
    industries: string[];
    locations: string[];
    sizeMin: number;
    sizeMax: number;
    minValidationScore: number;
  };
}

type Value = string | number | Date | null;
interface Cell {
  value: Value;
  numFmt?: string;
  font?: Partial<ExcelJS.Font>;
}
type Row = (Value | Cell)[];

const DATE_FMT = 'yyyy-mm-dd hh:mm';
const PCT_FMT = '0%';
const OF_SIX_FMT = '0.00" / 6"';

export const SUMMARY_COLUMN_WIDTHS = [26, 18, 14, 14, 16, 16];

export const LEGEND: readonly [string, string][] = [
  ['✓ verified', 'Check passed, read directly from provider data (industry, employee count, head counts…).'],
  ['✓ inferred', 'Check passed on a stated assumption (e.g. 500+ employees implies staffing vendors).'],
  ['✗ verified', 'Check failed on provider data.'],
  ['✗ inferred', 'Check failed on a stated assumption.'],
  ['—', 'Check not evaluated for this lead.'],
  ['Checklist details', 'The evidence behind every check, right of the six check columns.'],
  ['Validation', 'Checks passed out of 6, e.g. 5/6.'],
  ['Lead score', '0–100 = intent 40% + fit 35% + accessibility 25%.'],
  ['Band', 'hot 80–100, warm 60–79, nurture 40–59, cold 0–39.'],
  [
    'Email status',
    'verified = confirmed by the provider; guessed = pattern-based; unavailable = none found.',
  ],
];

function date(iso: string | null): Cell {
  if (!iso) return { value: '—' };
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? { value: cleanText(iso) } : { value: d, numFmt: DATE_FMT };
}

function num(value: number | null, numFmt?: string): Cell {
  const n = finiteOrNull(value);
  return n === null ? { value: '—' } : { value: n, numFmt };
}

function list(items: string[]): string {
  return (
    items
      .map((i) => cleanText(i).trim())
      .filter(Boolean)
      .join(', ') || '—'
  );
}

function label(text: string): Cell {
  return { value: text, font: LABEL_FONT };
}

/** Rows as plain data first, so the layout reads top to bottom like the sheet. */
function summaryRows(campaign: ExportCampaign, stats: ExportStats, exportedAt: Date): (Row | 'header')[] {
  const rows: (Row | 'header')[] = [];
  const section = (title: string) => rows.push([], [{ value: title, font: SECTION_FONT }]);
  const header = (...cells: string[]) => rows.push('header', cells);

  rows.push([{ value: `Lead Studio export — ${cleanText(campaign.name)}`, font: TITLE_FONT }]);
  rows.push([
    campaign.sandbox
      ? {
          value:
            'SANDBOX DATA — synthetic companies and people from the built-in sandbox, not real prospects.',
          font: WARN_FONT,
        }
      : { value: 'Data source: Apollo.io', font: NOTE_FONT },
  ]);

  section('Campaign');
  rows.push([label('Name'), cleanText(campaign.name)]);
  rows.push([label('Campaign ID'), num(campaign.id)]);
  rows.push([label('Status'), cleanText(campaign.status)]);
  rows.push([label('Created (UTC)'), date(campaign.createdAt)]);
  rows.push([label('Completed (UTC)'), date(campaign.completedAt)]);
  rows.push([label('Exported (UTC)'), { value: exportedAt, numFmt: DATE_FMT }]);
  rows.push([label('Data source'), campaign.sandbox ? 'Sandbox (synthetic)' : 'Apollo.io']);
  rows.push([label('Credits used'), num(campaign.creditsUsed, '#,##0')]);
  rows.push([label('Total leads'), num(stats.total, '#,##0')]);
  rows.push([label('Avg validation score'), num(average(stats.validationSum, stats.total), OF_SIX_FMT)]);

  section('Leads per tier');
  header('Tier', 'Target', 'Generated', '% of target', 'Avg validation', 'Avg lead score');
  let targetSum = 0;
  for (const tier of TIERS) {
    const t = stats.tiers[tier];
    const target = finiteOrNull(campaign.targets[tier]) ?? 0;
    targetSum += target;
    rows.push([
      label(tier),
      num(target, '#,##0'),
      num(t.leads, '#,##0'),
      num(target > 0 ? t.leads / target : null, PCT_FMT),
      num(average(t.validationSum, t.leads), OF_SIX_FMT),
      num(average(t.scoreSum, t.leads), '0.0'),
    ]);
  }
  const scoreSum = TIERS.reduce((s, tier) => s + stats.tiers[tier].scoreSum, 0);
  rows.push([
    label('Total'),
    num(targetSum, '#,##0'),
    num(stats.total, '#,##0'),
    num(targetSum > 0 ? stats.total / targetSum : null, PCT_FMT),
    num(average(stats.validationSum, stats.total), OF_SIX_FMT),
    num(average(scoreSum, stats.total), '0.0'),
  ]);

  section('Score bands');
  header('Band', 'Lead score', 'Leads', 'Share');
  for (const { band, range } of BANDS) {
    const n = stats.bands[band];
    rows.push([label(band), range, num(n, '#,##0'), num(average(n, stats.total), PCT_FMT)]);
  }

  section('Email status');
  header('Status', 'Leads', 'Share');
  for (const status of EMAIL_STATUSES) {
    const n = stats.emailStatus[status];
    rows.push([label(status), num(n, '#,##0'), num(average(n, stats.total), PCT_FMT)]);
  }

  const icp = campaign.icpSummary;
  section('ICP');
  rows.push([label('Industries'), list(icp.industries)]);
  rows.push([label('Locations'), list(icp.locations)]);
  rows.push([
    label('Company size'),
    `${icp.sizeMin.toLocaleString('en-US')}–${icp.sizeMax.toLocaleString('en-US')} employees`,
  ]);
  rows.push([label('Min validation score'), num(icp.minValidationScore, '0" / 6"')]);

  section('Legend');
  for (const [term, meaning] of LEGEND) rows.push([label(term), { value: meaning, font: NOTE_FONT }]);
  return rows;
}

export function writeSummarySheet(
  ws: ExcelJS.Worksheet,
  campaign: ExportCampaign,
  stats: ExportStats,
  exportedAt: Date,
): void {
  ws.columns = SUMMARY_COLUMN_WIDTHS.map((width) => ({ width }));
  let headerNext = false;
  for (const row of summaryRows(campaign, stats, exportedAt)) {
    if (row === 'header') {
      headerNext = true;
      continue;
    }
    const cells = row.map((c) =>
      c !== null && typeof c === 'object' && !(c instanceof Date) ? c : { value: c },
    );
    const added = ws.addRow(cells.map((c) => c.value));
    cells.forEach((c, i) => {
      const cell = added.getCell(i + 1);
      if (headerNext) styleHeaderCell(cell);
      if (c.font) cell.font = c.font;
      if (c.numFmt) cell.numFmt = c.numFmt;
    });
    headerNext = false;
    added.commit();
  }
}
