/** `export <campaignId> --out <xlsx>`: the campaign's leads as a workbook. */
import { resolve } from 'node:path';
import type { CliArgs } from './options';
import { fail, intOption, out } from './io';
import { withEngine } from './open-engine';

export async function exportCommand({ values, positionals, dbPath }: CliArgs) {
  const id = intOption(positionals[0], 'campaignId');
  if (id === undefined || !values.out) fail('usage: export <campaignId> --db <path> --out <xlsx>', 2);
  const path = resolve(values.out);
  return withEngine(dbPath, {}, async (engine) => {
    const r = await engine.handlers['export/workbook']({ campaignId: id, path });
    out({ campaignId: id, export: r.path, rows: r.rows });
    return 0;
  });
}
