/**
 * Fits the title classifier's confidence on ESCO's development half and writes the tables into
 * main/domain/title-calibration.ts: `npx tsx scripts/fit-title-calibration.ts [--dry-run]`.
 * - match: rule score of a match → share of matches whose tier is ESCO's;
 * - matchWithModel: the same with the model's similarity to the tier's nearest title averaged in;
 * - reject: rule score of a rejection → share of rejections ESCO calls no target;
 * - model: similarity of a title the rules cannot place → share right, above the threshold, which
 *   is the lowest similarity at which the model's matches on dev are at least MIN_PRECISION right.
 * Isotonic regression (pool adjacent violators) keeps each table monotone; each step's value is
 * smoothed towards 1/2 by one success and one failure, so a step of three titles claims no 1.0.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createTitleClassifier } from '../main/domain/titles';
import { engineEnv } from '../main/engine';
import { createEmbedder } from '../main/intel/embedder';
import { createModelTitleClassifier } from '../main/intel/title-similarity';
import { loadEsco, templateIcp } from './lib/esco';

const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false } } });
const MIN_PRECISION = 0.9;
const TABLE_FILE = 'main/domain/title-calibration.ts';

type Point = { score: number; ok: boolean };

/** Pool adjacent violators over points sorted by score → steps [lowest score, smoothed share]. */
export function isotonicSteps(points: Point[]): [number, number][] {
  const groups = new Map<number, { pos: number; n: number }>();
  for (const p of points) {
    const g = groups.get(p.score) ?? { pos: 0, n: 0 };
    g.pos += p.ok ? 1 : 0;
    g.n++;
    groups.set(p.score, g);
  }
  const blocks: { from: number; pos: number; n: number }[] = [];
  for (const [from, g] of [...groups].sort((a, b) => a[0] - b[0])) {
    blocks.push({ from, ...g });
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1]!;
      const a = blocks[blocks.length - 2]!;
      if (a.pos / a.n < b.pos / b.n) break;
      blocks.splice(-2, 2, { from: a.from, pos: a.pos + b.pos, n: a.n + b.n });
    }
  }
  return blocks.map((b) => [b.from, Math.round(((b.pos + 1) / (b.n + 2)) * 1000) / 1000]);
}

function chooseThreshold(points: Point[]): number {
  for (let t = 0.5; t <= 0.99; t = Math.round((t + 0.01) * 100) / 100) {
    const above = points.filter((p) => p.score >= t);
    const ok = above.filter((p) => p.ok).length;
    if (above.length && ok / above.length >= MIN_PRECISION) return t;
  }
  return 1;
}

async function main() {
  const icp = templateIcp();
  const rows = loadEsco('dev');
  const embedder = await createEmbedder(engineEnv());
  try {
    const model = createModelTitleClassifier(icp, embedder, 2);
    const rules = createTitleClassifier(icp);
    await model.prime(rows.map((r) => r.title));
    const match: Point[] = [];
    const matchWithModel: Point[] = [];
    const reject: Point[] = [];
    const sims: Point[] = [];
    for (const row of rows) {
      const r = model.explain(row.title);
      const rule = rules.explain(row.title);
      if (rule.match.tier) match.push({ score: rule.score, ok: rule.match.tier === row.want });
      if (r.match.tier) matchWithModel.push({ score: r.score, ok: r.match.tier === row.want });
      else reject.push({ score: r.score, ok: row.want === null });
      const n = r.undecided ? model.neighbour(row.title) : undefined;
      if (n) sims.push({ score: n.similarity, ok: n.tier === row.want });
    }
    const threshold = chooseThreshold(sims);
    const curve = [0.6, 0.7, 0.75, 0.8, 0.85, 0.9].map((t) => {
      const above = sims.filter((p) => p.score >= t);
      return { t, n: above.length, right: above.filter((p) => p.ok).length };
    });
    const tables = {
      match: isotonicSteps(match),
      matchWithModel: isotonicSteps(matchWithModel),
      reject: isotonicSteps(reject),
      model: isotonicSteps(sims.filter((p) => p.score >= threshold)),
    };
    console.log(JSON.stringify({ undecided: sims.length, threshold, curve, tables }));
    if (values['dry-run']) return;
    const src = readFileSync(TABLE_FILE, 'utf8');
    const body = Object.entries(tables)
      .map(([k, steps]) => `  ${k}: ${JSON.stringify(steps.length ? steps : [[0, 0.5]])},`)
      .join('\n');
    writeFileSync(
      TABLE_FILE,
      src.replace(/(export const CALIBRATION[^=]*= \{\n)[\s\S]*?(\n\};)/, `$1${body}$2`),
    );
    const simFile = 'main/intel/title-similarity.ts';
    writeFileSync(
      simFile,
      readFileSync(simFile, 'utf8').replace(
        /TITLE_SIMILARITY_THRESHOLD = [0-9.]+;/,
        `TITLE_SIMILARITY_THRESHOLD = ${threshold};`,
      ),
    );
  } finally {
    await embedder.close();
  }
}

void main();
