/**
 * Export throughput for the benchmark script: 10,000 sample leads streamed to one workbook.
 * baseRssMb is taken after the sample leads exist, so peakRssMb - baseRssMb is the export's own cost.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Lead } from '../../main/domain/types';
import { sampleLeads } from './sample';
import type { ExportCampaign } from '../../main/export/summary-sheet';
import { writeWorkbook } from '../../main/export/workbook';

export const BENCH_CAMPAIGN: ExportCampaign = {
  id: 1,
  name: 'Benchmark export',
  status: 'completed',
  createdAt: '2025-01-01T09:00:00.000Z',
  completedAt: '2025-01-01T11:30:00.000Z',
  targets: { T1: 4000, T2: 4000, T3: 2000 },
  creditsUsed: 45_000,
  sandbox: true,
  icpSummary: {
    industries: ['Automotive Manufacturing', 'Electronics Manufacturing'],
    locations: ['United States', 'India'],
    sizeMin: 200,
    sizeMax: 10_000,
    minValidationScore: 4,
  },
};

/** Yields leads one at a time, as a database cursor would, so the export's own memory use is what's measured. */
async function* asCursor(leads: Lead[]): AsyncGenerator<Lead> {
  for (const lead of leads) yield lead;
}

export async function benchExport10k(
  dir: string,
): Promise<{ ms: number; bytes: number; rows: number; baseRssMb: number; peakRssMb: number }> {
  const leads = sampleLeads(10_000, 42);
  const path = join(dir, 'bench-10k.xlsx');
  const baseRss = process.memoryUsage().rss;
  let peakRss = baseRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  const started = performance.now();
  try {
    const { rows } = await writeWorkbook(path, { campaign: BENCH_CAMPAIGN, leads: asCursor(leads) });
    const ms = Math.round(performance.now() - started);
    const { size } = await stat(path);
    const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
    return { ms, bytes: size, rows, baseRssMb: mb(baseRss), peakRssMb: mb(peakRss) };
  } finally {
    clearInterval(sampler);
  }
}
