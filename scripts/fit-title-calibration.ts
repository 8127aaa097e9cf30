/**
 * Fits the title classifier's confidence on development halves only and writes
 * main/domain/title-calibration.json:
 * `npx tsx scripts/fit-title-calibration.ts [--set /tmp/ons --set /tmp/onet] [--dry-run] [--loo]`.
 * - rules / model: Platt scaling — a logistic regression of "the match's tier is the label's" on
 *   the match's rule evidence (exact parts or rank only, unknown words, loose place, repaired
 *   spelling, translation, read from part of the title, a function only broad words name) and, for
 *   `model`, its MiniLM similarity to the tier's nearest ICP title. Fitted on ESCO's dev half and on
 *   the dev half of each `--set` (a folder `scripts/real-titles.py` built from official occupation
 *   codes: ONS, O*NET; its postings set, coded by machine, is too noisy to fit on: it files "Talent
 *   Acquisition Manager" with artists' agents). No tier feature: tiers are the ICP's own, so a prior learnt on the
 *   template's tiers would not carry to another ICP. Each weight has a direction (SIGNS) and is
 *   pulled towards a small prior in it (PRIOR, L2), as dev has only ~80 matches on ESCO, 189 with ONS and O*NET. Dev's own
 *   leave-one-out log loss prefers the flattest model (the evidence barely predicts ESCO's label
 *   noise; README), so the prior, not dev, is what keeps rare evidence (repairs, translations,
 *   loose places) lowering the confidence.
 * - reject (ESCO dev only): rule score of a rejection → share ESCO calls no target (isotonic steps);
 * - similarity: similarity of a title only the model places → share right, above the threshold,
 *   the lowest similarity at which such matches on dev are at least MIN_PRECISION right.
 * The holdout half is only measured (scripts/eval-titles.ts --table).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { Tier } from '../main/domain/icp';
import { features, logistic, type LogisticFit } from '../main/domain/title-calibration';
import { createTitleClassifier } from '../main/domain/titles';
import { engineEnv } from '../main/engine';
import { createEmbedder } from '../main/intel/embedder';
import { createModelTitleClassifier } from '../main/intel/title-similarity';
import { loadEsco, templateIcp } from './lib/esco';

const { values } = parseArgs({
  options: {
    'dry-run': { type: 'boolean', default: false },
    loo: { type: 'boolean', default: false },
    set: { type: 'string', multiple: true, default: [] },
  },
});
const MIN_PRECISION = 0.9;
const TABLE_FILE = 'main/domain/title-calibration.json';
/** L2 penalty per weight (the intercept is free), in units of the log-likelihood's sum. */
const L2 = 1;
/**
 * Prior log-odds of one piece of evidence in its direction (SIGNS): e^0.5 ≈ 1.6× the odds. Where
 * dev has a handful of titles with a feature, they move its weight; where it has one, the prior
 * stands (a repaired spelling is less sure than a clean one even if dev's one repair was right).
 */
const PRIOR = 0.5;

type Point = { score: number; ok: boolean };
type Example = { f: Record<string, number>; ok: boolean };

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

/** Solves A x = b (A small, symmetric positive definite) by Gaussian elimination. */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const m = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    const p = m.reduce(
      (best, row, r) => (r >= c && Math.abs(row[c]!) > Math.abs(m[best]![c]!) ? r : best),
      c,
    );
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let v = m[r]![n]!;
    for (let k = r + 1; k < n; k++) v -= m[r]![k]! * x[k]!;
    x[r] = v / m[r]![r]!;
  }
  return x;
}

/**
 * The direction each feature may move the confidence: what the rules had to assume (a loose
 * place, a repaired or translated word, part of the title, unknown words) can only lower it; an
 * exact reading and similarity only raise it. Dev has one or two titles of some of these, too few
 * to overrule what they mean; a weight the data would push the wrong way stays at 0.
 */
export const SIGNS: Record<string, 1 | -1> = {
  exact: 1,
  similarity: 1,
  others: -1,
  weakPlace: -1,
  repaired: -1,
  translated: -1,
  partial: -1,
  broad: -1,
};

/**
 * L2-penalised logistic regression with sign constraints (SIGNS): Newton's method on the free
 * features, dropping (weight 0) any that end on the wrong side, until none does. Features not in
 * `signs` have no direction and a prior of 0.
 */
export function fitLogistic(
  examples: Example[],
  l2 = L2,
  signs: Record<string, number> = SIGNS,
): LogisticFit {
  const keys = [...new Set(examples.flatMap((e) => Object.keys(e.f)))].sort();
  // A feature no example varies on carries no information: its prior stands (the MAP estimate
  // without data), so a repair or a translation dev never saw still lowers the confidence.
  const varying = keys.filter((k) => new Set(examples.map((e) => e.f[k] ?? 0)).size > 1);
  // (one the data would push the wrong way is dropped to 0, below)
  const unseen = (k: string) => (varying.includes(k) ? 0 : (signs[k] ?? 0) * PRIOR);
  let live = varying;
  for (;;) {
    const fit = newtonFit(examples, live, l2, signs);
    const wrong = live.filter((k) => (signs[k] ?? 0) * fit.weights[k]! < 0);
    if (!wrong.length)
      return {
        intercept: fit.intercept,
        weights: Object.fromEntries(keys.map((k) => [k, fit.weights[k] ?? unseen(k)])),
      };
    live = live.filter((k) => !wrong.includes(k));
  }
}

function newtonFit(
  examples: Example[],
  live: string[],
  l2: number,
  signs: Record<string, number>,
): LogisticFit {
  const X = examples.map((e) => [1, ...live.map((k) => e.f[k] ?? 0)]);
  const d = live.length + 1;
  // The penalty pulls each weight towards PRIOR in its direction, not towards 0 (MAP estimate).
  const prior = [0, ...live.map((k) => (signs[k] ?? 0) * PRIOR)];
  let w = [...prior];
  for (let it = 0; it < 50; it++) {
    const g = w.map((wi, j) => (j ? l2 * (wi - prior[j]!) : 0));
    const H = w.map((_, i) => w.map((__, j) => (i === j && i ? l2 : 0)));
    X.forEach((x, n) => {
      const p = 1 / (1 + Math.exp(-x.reduce((a, xi, j) => a + xi * w[j]!, 0)));
      const err = p - (examples[n]!.ok ? 1 : 0);
      for (let i = 0; i < d; i++) {
        g[i]! += err * x[i]!;
        for (let j = 0; j < d; j++) H[i]![j]! += p * (1 - p) * x[i]! * x[j]!;
      }
    });
    const step = solve(H, g);
    w = w.map((wi, j) => wi - step[j]!);
    if (Math.max(...step.map(Math.abs)) < 1e-9) break;
  }
  const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
  return { intercept: r4(w[0]!), weights: Object.fromEntries(live.map((k, j) => [k, r4(w[j + 1]!)])) };
}

/** Leave-one-out log loss of the fit at several penalties (`--loo`): how much the evidence predicts. */
function leaveOneOut(examples: Example[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l2 of [0.1, 1, 10, 100]) {
    let loss = 0;
    examples.forEach((e, i) => {
      const fit = fitLogistic(
        examples.filter((_, j) => j !== i),
        l2,
      );
      const p = logistic(fit, e.f);
      loss -= Math.log(e.ok ? p : 1 - p);
    });
    out[`L2=${l2}`] = Math.round((loss / examples.length) * 10_000) / 10_000;
  }
  return out;
}

/**
 * The dev half of a coded set built by scripts/real-titles.py (rows.json: title, label, split),
 * without the titles it leaves ambiguous or unclear.
 */
function loadCodedSet(dir: string): { title: string; want: Tier | null }[] {
  const rows = JSON.parse(readFileSync(`${dir}/rows.json`, 'utf8')) as {
    title: string;
    label: string;
    split: string;
  }[];
  return rows
    .filter((r) => r.split === 'dev' && !['ambiguous', 'unclear'].includes(r.label))
    .map((r) => ({ title: r.title, want: r.label === 'none' ? null : (r.label as Tier) }));
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
    const ruleMatches: Example[] = [];
    const modelMatches: Example[] = [];
    const reject: Point[] = [];
    const sims: Point[] = [];
    /** Adds a rule match to both fits' examples; false when the rules reject the title. */
    const addMatch = (title: string, want: Tier | null): boolean => {
      const rule = rules.explain(title);
      if (!rule.evidence) return false;
      const ok = rule.match.tier === want;
      const sim = model.neighbour(title, rule.evidence.tier)!.similarity;
      ruleMatches.push({ f: features(rule.evidence, null), ok });
      modelMatches.push({ f: features(rule.evidence, sim), ok });
      return true;
    };
    for (const row of rows) {
      if (addMatch(row.title, row.want)) continue;
      const rule = rules.explain(row.title);
      reject.push({ score: rule.score, ok: row.want === null });
      const n = rule.undecided ? model.neighbour(row.title) : undefined;
      if (n) sims.push({ score: n.similarity, ok: n.tier === row.want });
    }
    const escoMatches = ruleMatches.length;
    const sets = values.set.map((dir) => ({ dir, rows: loadCodedSet(dir) }));
    await model.prime(sets.flatMap((x) => x.rows.map((r) => r.title)));
    for (const { rows: coded } of sets) for (const row of coded) addMatch(row.title, row.want);
    const threshold = chooseThreshold(sims);
    const setNames = sets.map((x) => `${basename(x.dir)} (${x.rows.length} titles)`);
    const fitted = {
      fittedOn:
        `development halves: ESCO (${rows.length} labels, ${escoMatches} rule matches)` +
        (setNames.length ? `, ${setNames.join(', ')}: ${ruleMatches.length} rule matches in all` : '') +
        '; rejections and similarity on ESCO only',
      rules: fitLogistic(ruleMatches),
      model: fitLogistic(modelMatches),
      reject: isotonicSteps(reject),
      similarity: isotonicSteps(sims.filter((p) => p.score >= threshold)),
    };
    if (!fitted.similarity.length) fitted.similarity = [[0, 0.5]];
    console.log(JSON.stringify({ undecided: sims.length, threshold, ...fitted }));
    if (values.loo)
      console.log(
        JSON.stringify({ looRules: leaveOneOut(ruleMatches), looModel: leaveOneOut(modelMatches) }),
      );
    if (values['dry-run']) return;
    writeFileSync(TABLE_FILE, JSON.stringify(fitted, null, 2) + '\n');
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

if (process.argv[1]?.endsWith('fit-title-calibration.ts')) void main();
