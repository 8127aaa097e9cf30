/**
 * The Excel export: Summary + T1 + T2 + T3, streamed so 10,000+ leads never sit in memory as a workbook.
 *
 * Two passes: the leads are read once, counted for the Summary and spilled as ready-made rows to one
 * temp file per tier; then the sheets are streamed in tab order (Summary first) from those files. The
 * workbook is written under a temp name in the target folder and renamed at the end, so a crash or a
 * failing lead source never leaves a half workbook under the requested name.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, open, rename, rm, stat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { TIERS, type Tier } from '../domain/icp';
import type { Lead } from '../domain/types';
import { AppError } from '../shared/errors';
import { countLead, emptyStats, isTier, type ExportStats } from './export-stats';
import { leadRow, type CellOut } from './lead-columns';
import { cleanText } from './sanitize';
import { writeSummarySheet, type ExportCampaign } from './summary-sheet';
import { TIER_SHEET_VIEWS, tierSheetWriter } from './tier-sheet';

export type { ExportCampaign } from './summary-sheet';

export interface ExportInput {
  campaign: ExportCampaign;
  leads: Iterable<Lead> | AsyncIterable<Lead>;
}

export interface ExportResult {
  path: string;
  rows: number;
}

async function checkTarget(path: string): Promise<string> {
  const target = resolve(path);
  if (!/\.xlsx$/i.test(target)) {
    throw new AppError('EXPORT_PATH', `export path must end in .xlsx (got "${path}"), e.g. leads.xlsx`);
  }
  const dir = dirname(target);
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) {
    throw new AppError('EXPORT_PATH', `export folder "${dir}" does not exist; choose an existing folder`);
  }
  return target;
}

async function writeLine(stream: WriteStream, line: string): Promise<void> {
  if (!stream.write(line)) await once(stream, 'drain');
}

async function closeStream(stream: WriteStream): Promise<void> {
  if (stream.closed) return;
  await new Promise<void>((done, fail) => stream.end((err?: Error | null) => (err ? fail(err) : done())));
}

/** Pass 1: count every lead and spill its row to its tier's file. */
async function spillLeads(leads: ExportInput['leads'], spillDir: string): Promise<ExportStats> {
  const stats = emptyStats();
  const files = Object.fromEntries(
    TIERS.map((t) => [t, createWriteStream(join(spillDir, `${t}.jsonl`), { encoding: 'utf8' })]),
  ) as Record<Tier, WriteStream>;
  try {
    for await (const lead of leads) {
      if (!isTier(lead?.tier)) {
        throw new AppError(
          'EXPORT_BAD_LEAD',
          `lead ${lead?.id ?? '?'} has tier "${String(lead?.tier)}"; expected T1, T2 or T3`,
        );
      }
      countLead(stats, lead);
      await writeLine(files[lead.tier], JSON.stringify(leadRow(lead)) + '\n');
    }
  } finally {
    await Promise.all(TIERS.map((t) => closeStream(files[t])));
  }
  return stats;
}

async function* spilledRows(file: string): AsyncGenerator<CellOut[]> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield JSON.parse(line) as CellOut[];
}

/** Pass 2: stream the workbook from the spill files. */
async function streamWorkbook(
  file: string,
  campaign: ExportCampaign,
  stats: ExportStats,
  spillDir: string,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: false,
  });
  try {
    wb.creator = 'Lead Studio';
    wb.lastModifiedBy = 'Lead Studio';
    wb.title = cleanText(campaign.name);
    const exportedAt = new Date();
    wb.created = exportedAt;
    wb.modified = exportedAt;

    const summary = wb.addWorksheet('Summary');
    writeSummarySheet(summary, campaign, stats, exportedAt);
    summary.commit();

    for (const tier of TIERS) {
      const sheet = tierSheetWriter(wb.addWorksheet(tier, { views: TIER_SHEET_VIEWS }));
      for await (const cells of spilledRows(join(spillDir, `${tier}.jsonl`))) await sheet.add(cells);
      sheet.finish();
    }
    await wb.commit();
  } catch (err) {
    // Stop the zip and release the file handle so the temp file can be removed.
    const internals = wb as unknown as { zip?: { abort(): void }; stream?: WriteStream };
    internals.zip?.abort();
    internals.stream?.destroy();
    throw err;
  }
}

async function fsyncFile(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function writeWorkbook(path: string, input: ExportInput): Promise<ExportResult> {
  const target = await checkTarget(path);
  const temp = join(
    dirname(target),
    `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
  const spillDir = await mkdtemp(join(tmpdir(), 'lead-studio-export-'));
  try {
    const stats = await spillLeads(input.leads, spillDir);
    await streamWorkbook(temp, input.campaign, stats, spillDir);
    await fsyncFile(temp);
    try {
      await rename(temp, target);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') {
        throw new AppError(
          'EXPORT_LOCKED',
          `cannot replace "${target}" (${code}); close it in Excel or choose another file name`,
        );
      }
      throw err;
    }
    return { path: target, rows: stats.total };
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  } finally {
    await rm(spillDir, { recursive: true, force: true });
  }
}
