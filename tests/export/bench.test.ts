import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { benchExport10k } from '../../bench/export/bench';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lead-studio-export-bench-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

// Correctness at benchmark scale; the timing is printed for the record, never asserted.
it('exports 10,000 leads and every one of them is in the file', async () => {
  const result = await benchExport10k(dir);
  console.log(`export 10k leads: ${JSON.stringify(result)}`);
  expect(result.rows).toBe(10_000);

  const counts: Record<string, number> = {};
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(join(dir, 'bench-10k.xlsx'), {});
  for await (const sheet of reader) {
    const name = (sheet as unknown as { name: string }).name;
    counts[name] = 0;
    for await (const _row of sheet) counts[name] += 1;
  }
  expect(Object.keys(counts)).toEqual(['Summary', 'T1', 'T2', 'T3']);
  expect(counts.T1! + counts.T2! + counts.T3! - 3).toBe(10_000);
  expect(counts.T1! - 1).toBe(4_000);
});
