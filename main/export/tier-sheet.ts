/** One tier sheet (T1/T2/T3), written row by row from spilled rows so memory stays flat. */
import type ExcelJS from 'exceljs';
import { LEAD_COLUMNS, NOT_EVALUATED, type CellOut } from './lead-columns';
import { FAIL_FONT, LINK_FONT, NUM_FMT, PASS_FONT, styleHeaderCell } from './sheet-style';

/** Excel's limit is 65,530 hyperlinks per sheet; past it, link cells become plain text. */
export const MAX_LINKS_PER_SHEET = 65_000;

/** Tier and Company stay visible while scrolling right; the header while scrolling down. */
export const TIER_SHEET_VIEWS: Partial<ExcelJS.WorksheetView>[] = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];

/** Rows between checks of the zip backlog. */
const YIELD_EVERY = 250;
/** Uncompressed sheet XML allowed to wait for the deflater before rows pause. */
const MAX_BACKLOG_BYTES = 4 * 2 ** 20;

interface StreamState {
  length?: number;
}
interface SheetStreamInternals {
  stream?: { buffers?: unknown[]; bufSize?: number; pipes?: { _writableState?: StreamState }[] };
}

/**
 * exceljs's sheet stream ignores backpressure: rows are handed to the zip entry as fast as they are
 * added, and queue in memory while deflate catches up (about 100 MB at 50,000 leads). Pausing while
 * the queue is long keeps memory flat. Reads library internals; when they are missing it just yields.
 */
function zipBacklog(ws: ExcelJS.Worksheet): number {
  const stream = (ws as unknown as SheetStreamInternals).stream;
  if (!stream) return 0;
  const ownBuffers = (stream.buffers?.length ?? 0) * (stream.bufSize ?? 0);
  const piped = (stream.pipes ?? []).reduce((n, p) => n + (p._writableState?.length ?? 0), 0);
  return ownBuffers + piped;
}

async function letZipCatchUp(ws: ExcelJS.Worksheet): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  while (zipBacklog(ws) > MAX_BACKLOG_BYTES) await new Promise((resolve) => setTimeout(resolve, 2));
}

export interface TierSheetWriter {
  add(cells: CellOut[]): Promise<void>;
  /** Adds the autofilter over the header (and any rows) and commits the sheet. */
  finish(): number;
}

export function tierSheetWriter(ws: ExcelJS.Worksheet, maxLinks = MAX_LINKS_PER_SHEET): TierSheetWriter {
  ws.columns = LEAD_COLUMNS.map((c) => ({ width: c.width }));
  const header = ws.addRow(LEAD_COLUMNS.map((c) => c.header));
  header.height = 20;
  header.eachCell((cell) => styleHeaderCell(cell));
  header.commit();

  let rows = 0;
  let links = 0;
  return {
    async add(cells) {
      const values = cells.map((v) => {
        if (v !== null && typeof v === 'object') {
          if (links >= maxLinks) return v.text;
          links += 1;
        }
        return v;
      });
      const row = ws.addRow(values);
      values.forEach((v, i) => {
        const column = LEAD_COLUMNS[i];
        if (v === null || !column) return;
        const cell = row.getCell(i + 1);
        if (typeof v === 'object') cell.font = LINK_FONT;
        else if (typeof v === 'number' && NUM_FMT[column.kind]) cell.numFmt = NUM_FMT[column.kind]!;
        else if (column.kind === 'check' && typeof v === 'string' && v !== NOT_EVALUATED)
          cell.font = v.startsWith('✓') ? PASS_FONT : FAIL_FONT;
      });
      row.commit();
      rows += 1;
      if (rows % YIELD_EVERY === 0) await letZipCatchUp(ws);
    },
    finish() {
      // Header-only range on an empty tier: still valid, and keeps the filter buttons visible.
      ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows + 1, column: LEAD_COLUMNS.length } };
      ws.commit();
      return rows;
    },
  };
}
