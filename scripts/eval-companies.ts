/**
 * Error analysis of the industry check on real company records with official codes (development
 * data, not shipped): `npx tsx scripts/eval-companies.ts [--csv <companies.normalized.csv>] [--errors N]`.
 * Truth: SIC 2000-3999 / NAICS 31-33 (a manufacturer). Input: the record's first industry label
 * (the code itself is never shown to the classifier) and its description, against the
 * manufacturing template's industries.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { decideIndustry } from '../main/domain/company-industry';
import { parseIcpText } from '../main/domain/icp-io';
import { parseCsv } from './lib/csv';

const { values } = parseArgs({
  options: {
    csv: { type: 'string', default: '../shared/data/companies/companies.normalized.csv' },
    errors: { type: 'string', default: '0' },
  },
});
const icp = parseIcpText(readFileSync('resources/icp/manufacturing-staffing.yaml', 'utf8'), 'yaml');
if (!icp.ok) throw new Error('template');
const [header, ...body] = parseCsv(readFileSync(values.csv!, 'utf8'));
const rows = body.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i] ?? ''])));

function truth(r: Record<string, string>): boolean | null {
  const code = r.industry_code ?? '';
  if (r.industry_code_system === 'SIC' && /^\d+$/.test(code)) return +code >= 2000 && +code <= 3999;
  if (r.industry_code_system === 'NAICS' && /^\d\d/.test(code))
    return ['31', '32', '33'].includes(code.slice(0, 2));
  return null;
}

const stats = { tp: 0, fp: 0, fn: 0, tn: 0 };
const errs: string[] = [];
for (const r of rows) {
  const want = truth(r);
  if (want === null) continue;
  const label = (r.industry ?? '').split('; ')[0]!.replace(/\s*NAICS \d+/, '');
  const d = decideIndustry({ name: r.name, industry: label, description: r.description }, icp.icp.industries);
  if (d.industryMatch && want) stats.tp++;
  else if (d.industryMatch) stats.fp++;
  else if (want) stats.fn++;
  else stats.tn++;
  if (d.industryMatch !== want)
    errs.push(`${want ? 'FN' : 'FP'}  ${label}  [${r.industry_code_system} ${r.industry_code}]`);
}
const precision = stats.tp / (stats.tp + stats.fp);
const recall = stats.tp / (stats.tp + stats.fn);
const f1 = (2 * precision * recall) / (precision + recall);
console.log(
  JSON.stringify({
    ...stats,
    precision: +precision.toFixed(3),
    recall: +recall.toFixed(3),
    f1: +f1.toFixed(3),
  }),
);
const counts = new Map<string, number>();
for (const e of errs) counts.set(e, (counts.get(e) ?? 0) + 1);
const n = Number(values.errors);
if (n) for (const [e, c] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(c, e);
