/**
 * Error analysis of the title classifier on ESCO (development data, not shipped):
 * `npx tsx scripts/eval-titles.ts [--esco <csv>] [--split dev|holdout|all] [--errors N] [--threshold X]`.
 * Precision/recall per tier against ESCO's per-occupation development tiers; occupations are split
 * by a hash of their name so half of them can be kept out of error analysis (holdout).
 * Rows labelled "unclear" are left out of the figures.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseIcpText } from '../main/domain/icp-io';
import { createTitleClassifier } from '../main/domain/titles';
import { parseCsv } from './lib/csv';

const { values } = parseArgs({
  options: {
    esco: { type: 'string', default: '../shared/data/titles/esco_titles.csv' },
    split: { type: 'string', default: 'all' },
    errors: { type: 'string', default: '0' },
    threshold: { type: 'string' },
    preferred: { type: 'boolean', default: false },
  },
});

/** FNV-1a of the occupation: a stable split that keeps every label of an occupation together. */
export function inHoldout(occupation: string): boolean {
  let h = 0x811c9dc5;
  for (let i = 0; i < occupation.length; i++) h = Math.imul(h ^ occupation.charCodeAt(i), 0x01000193);
  return (h >>> 0) % 2 === 1;
}

const r = parseIcpText(readFileSync('resources/icp/manufacturing-staffing.yaml', 'utf8'), 'yaml');
if (!r.ok) throw new Error('template');
const classifier = createTitleClassifier(r.icp);
const [header, ...body] = parseCsv(readFileSync(values.esco!, 'utf8'));
const rows = body
  .map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i] ?? ''])))
  .filter((row) => {
    if (row.dev_tier === 'unclear') return false;
    if (values.preferred && row.label !== 'preferred') return false;
    if (values.split === 'dev') return !inHoldout(row.occupation!);
    if (values.split === 'holdout') return inHoldout(row.occupation!);
    return true;
  });
const threshold = values.threshold ? Number(values.threshold) : 0;
const tiers = ['T1', 'T2', 'T3'] as const;
const stats = Object.fromEntries(tiers.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
const any = { tp: 0, fp: 0, fn: 0 };
const errs: string[] = [];
for (const row of rows) {
  const m = classifier.classify(row.title!);
  const got = m.tier && m.confidence >= threshold ? m.tier : null;
  const want = row.dev_tier === 'none' ? null : row.dev_tier;
  for (const t of tiers) {
    if (got === t && want === t) stats[t]!.tp++;
    if (got === t && want !== t) stats[t]!.fp++;
    if (got !== t && want === t) stats[t]!.fn++;
  }
  if (got && want) any.tp++;
  if (got && !want) any.fp++;
  if (!got && want) any.fn++;
  if (got !== want)
    errs.push(`${want ?? '-'} → ${got ?? '-'} (${m.confidence})  ${row.title}  [${row.occupation}]`);
}
const pr = (s: { tp: number; fp: number; fn: number }) => ({
  precision: Math.round((s.tp / Math.max(1, s.tp + s.fp)) * 1000) / 1000,
  recall: Math.round((s.tp / Math.max(1, s.tp + s.fn)) * 1000) / 1000,
  ...s,
});
console.log(
  JSON.stringify({
    split: values.split,
    rows: rows.length,
    threshold,
    any: pr(any),
    ...Object.fromEntries(tiers.map((t) => [t, pr(stats[t]!)])),
  }),
);
const n = Number(values.errors);
if (n) for (const e of errs.sort().slice(0, n)) console.log(e);
