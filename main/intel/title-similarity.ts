/**
 * MiniLM similarity as one signal of the title classifier: only for the titles its rules cannot
 * place (no rank word, or no function word they know: "Superintendent", "Head, Works", a title in a
 * language the vocabulary does not cover). Everything the rules decide stays decided — a
 * "Plant Operator" is close to "Plant Head" in embedding space and must still stay out. The
 * threshold and the confidence of a similarity match are fitted on ESCO's development half
 * (scripts/fit-title-calibration.ts). The pipeline can use this classifier wherever it uses the
 * rules: `prime` the titles of a page once (one batched embedding), then `classify` as usual.
 */
import { TIERS, type Icp, type Tier } from '../domain/icp';
import { calibrated, matchConfidence } from '../domain/title-calibration';
import { createTitleClassifier, type TitleClassifier, type TitleReading } from '../domain/titles';
import type { TitleMatch } from '../domain/types';
import type { Embedder } from './embedder';
import { contactProfile, icpTitleProfiles } from './profiles';
import { cosine } from './vector';

/** Below this, a title the rules cannot place stays out (chosen on ESCO dev, see README). */
export const TITLE_SIMILARITY_THRESHOLD = 1;

/** The ICP title of one tier a title is most like, and how much. */
export interface TitleNeighbour {
  tier: Tier;
  title: string;
  similarity: number;
}

export interface ModelTitleClassifier extends TitleClassifier {
  /** Embeds, once, the titles among these that the rules match or cannot place. */
  prime(titles: string[]): Promise<void>;
  /** prime + classify. */
  classifyMany(titles: string[]): Promise<TitleMatch[]>;
  /** The nearest ICP title of a primed title, in one tier or in any (undefined: not primed). */
  neighbour(title: string, tier?: Tier): TitleNeighbour | undefined;
}

const CACHE_LIMIT = 50_000;

async function tierVectors(icp: Icp, embedder: Embedder) {
  const texts = TIERS.flatMap((tier) => icpTitleProfiles(icp, tier).map((t) => ({ tier, t })));
  const vecs = await embedder.embed(texts.map((x) => x.t));
  return texts.map((x, i) => ({ tier: x.tier, title: x.t, vec: vecs[i]! }));
}

type Refs = Awaited<ReturnType<typeof tierVectors>>;

function nearestPerTier(vec: Float32Array, refs: Refs): TitleNeighbour[] {
  const best = new Map<Tier, TitleNeighbour>();
  for (const r of refs) {
    const s = Math.round(cosine(vec, r.vec) * 1000) / 1000;
    if (s > (best.get(r.tier)?.similarity ?? -2))
      best.set(r.tier, { tier: r.tier, title: r.title, similarity: s });
  }
  return [...best.values()];
}

export function createModelTitleClassifier(
  icp: Icp,
  embedder: Embedder,
  threshold = TITLE_SIMILARITY_THRESHOLD,
): ModelTitleClassifier {
  const rules = createTitleClassifier(icp);
  const cache = new Map<string, TitleNeighbour[]>();
  let refs: Promise<Refs> | null = null;

  const prime = async (titles: string[]) => {
    const todo = [...new Set(titles)].filter((t) => {
      if (cache.has(t)) return false;
      const r = rules.explain(t);
      return r.undecided || r.match.tier !== null;
    });
    if (!todo.length) return;
    refs ??= tierVectors(icp, embedder);
    const [rv, vecs] = await Promise.all([
      refs,
      embedder.embed(todo.map((title) => contactProfile({ title }))),
    ]);
    if (cache.size + todo.length > CACHE_LIMIT) cache.clear();
    todo.forEach((t, i) => cache.set(t, nearestPerTier(vecs[i]!, rv)));
  };

  const neighbour = (title: string, tier?: Tier) => {
    const all = cache.get(title);
    if (!all) return undefined;
    if (tier) return all.find((n) => n.tier === tier);
    return all.reduce((a, b) => (b.similarity > a.similarity ? b : a));
  };

  const explain = (title: string): TitleReading => {
    const r = rules.explain(title);
    if (r.evidence) {
      const n = neighbour(title, r.evidence.tier);
      if (!n) return r;
      const confidence = matchConfidence(r.evidence, n.similarity);
      return { ...r, similarity: n.similarity, match: { ...r.match, confidence } };
    }
    const n = r.undecided ? neighbour(title) : undefined;
    if (!n) return r;
    if (n.similarity < threshold) {
      const reason = `${r.reason}; nearest ICP title "${n.title}" (similarity ${n.similarity.toFixed(2)}) is not near enough`;
      return { ...r, match: { ...r.match, reason }, reason };
    }
    return {
      match: { tier: n.tier, confidence: calibrated('similarity', n.similarity), matched: `~${n.title}` },
      score: n.similarity,
      undecided: true,
      reason: null,
      evidence: null,
      similarity: n.similarity,
    };
  };

  return {
    prime,
    explain,
    neighbour,
    classify: (title) => explain(title).match,
    async classifyMany(titles) {
      await prime(titles);
      return titles.map((t) => explain(t).match);
    },
  };
}
