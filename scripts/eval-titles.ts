/**
 * Error analysis of the title classifier on ESCO (development data, not shipped):
 * `npx tsx scripts/eval-titles.ts [--esco <csv>] [--split dev|holdout|all] [--preferred] [--model]
 * [--errors N] [--threshold X] [--reliability] [--table]`.
 * Precision/recall per tier against ESCO's per-occupation development tiers ("unclear" left out);
 * `--model` adds MiniLM similarity for the titles the rules cannot place; `--reliability` prints
 * predicted vs observed precision per confidence bin of the matches; `--table` prints, per
 * confidence threshold, the precision/recall a campaign keeping only matches at or above it gets.
 */
import { parseArgs } from 'node:util';
import type { TitleMatch } from '../main/domain/types';
import { createTitleClassifier } from '../main/domain/titles';
import { engineEnv } from '../main/engine';
import { createEmbedder } from '../main/intel/embedder';
import { createModelTitleClassifier } from '../main/intel/title-similarity';
import { ESCO_CSV, loadEsco, templateIcp, type EscoRow } from './lib/esco';

const { values } = parseArgs({
  options: {
    esco: { type: 'string', default: ESCO_CSV },
    split: { type: 'string', default: 'all' },
    errors: { type: 'string', default: '0' },
    threshold: { type: 'string' },
    preferred: { type: 'boolean', default: false },
    model: { type: 'boolean', default: false },
    reliability: { type: 'boolean', default: false },
    table: { type: 'boolean', default: false },
  },
});

const tiers = ['T1', 'T2', 'T3'] as const;
type Counts = { tp: number; fp: number; fn: number };
const pr = (s: Counts) => ({
  precision: Math.round((s.tp / Math.max(1, s.tp + s.fp)) * 1000) / 1000,
  recall: Math.round((s.tp / Math.max(1, s.tp + s.fn)) * 1000) / 1000,
  ...s,
});

function score(rows: EscoRow[], matches: TitleMatch[], threshold: number) {
  const stats = Object.fromEntries(tiers.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  const any = { tp: 0, fp: 0, fn: 0 };
  const errs: string[] = [];
  rows.forEach((row, i) => {
    const m = matches[i]!;
    const got = m.tier && m.confidence >= threshold ? m.tier : null;
    for (const t of tiers) {
      if (got === t && row.want === t) stats[t]!.tp++;
      if (got === t && row.want !== t) stats[t]!.fp++;
      if (got !== t && row.want === t) stats[t]!.fn++;
    }
    if (got && row.want) any.tp++;
    if (got && !row.want) any.fp++;
    if (!got && row.want) any.fn++;
    if (got !== row.want)
      errs.push(`${row.want ?? '-'} → ${got ?? '-'} (${m.confidence})  ${row.title}  [${row.occupation}]`);
  });
  return { any: pr(any), ...Object.fromEntries(tiers.map((t) => [t, pr(stats[t]!)])), errs };
}

/** Matches binned by confidence: mean confidence vs the share whose tier is ESCO's. */
export function reliability(rows: EscoRow[], matches: TitleMatch[], edges = [0, 0.6, 0.7, 0.8, 0.9, 1.01]) {
  return edges.slice(0, -1).map((lo, b) => {
    const hi = edges[b + 1]!;
    const inBin = rows.flatMap((row, i) => {
      const m = matches[i]!;
      return m.tier && m.confidence >= lo && m.confidence < hi ? [{ m, ok: m.tier === row.want }] : [];
    });
    const n = inBin.length;
    const mean = n ? inBin.reduce((a, x) => a + x.m.confidence, 0) / n : null;
    const observed = n ? inBin.filter((x) => x.ok).length / n : null;
    const r3 = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
    return { bin: `${lo}–${Math.min(1, hi)}`, n, predicted: r3(mean), observed: r3(observed) };
  });
}

async function main() {
  const icp = templateIcp();
  const rows = loadEsco(values.split!, values.preferred, values.esco);
  const embedder = values.model ? await createEmbedder(engineEnv()) : null;
  try {
    const titles = rows.map((r) => r.title);
    const matches = embedder
      ? await createModelTitleClassifier(icp, embedder).classifyMany(titles)
      : titles.map(createTitleClassifier(icp).classify);
    const threshold = values.threshold ? Number(values.threshold) : 0;
    const { errs, ...figures } = score(rows, matches, threshold);
    console.log(
      JSON.stringify({ split: values.split, rows: rows.length, model: values.model, threshold, ...figures }),
    );
    if (values.reliability) for (const b of reliability(rows, matches)) console.log(JSON.stringify(b));
    if (values.table)
      for (const t of [0, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9]) {
        const { any, T1, T2, T3 } = score(rows, matches, t) as unknown as Record<
          string,
          ReturnType<typeof pr>
        >;
        const f = (c: ReturnType<typeof pr>) => `${c.precision.toFixed(2)} / ${c.recall.toFixed(2)}`;
        console.log(
          `| ${t.toFixed(2)} | ${any!.tp + any!.fp} | ${f(any!)} | ${f(T1!)} | ${f(T2!)} | ${f(T3!)} |`,
        );
      }
    const n = Number(values.errors);
    if (n) for (const e of errs.sort().slice(0, n)) console.log(e);
  } finally {
    await embedder?.close();
  }
}

if (process.argv[1]?.endsWith('eval-titles.ts')) void main();
