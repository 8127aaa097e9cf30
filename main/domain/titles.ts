import type { Icp, Tier } from './icp';
import { TIERS } from './icp';
import type { TitleMatch } from './types';
import {
  ABBREVIATIONS,
  COMMON_WORDS,
  COMPANION_FUNCTIONS,
  FILLER,
  FUNCTIONS,
  RANK_GROUPS,
  SENIORITY,
  SYNONYMS,
  TRANSLATIONS,
  WORD_TRANSLATIONS,
} from './title-vocab';

/** A title read into what matters for targeting: business function, rank, seniority, other words. */
export interface TitleAnalysis {
  functions: Set<string>;
  ranks: Set<string>;
  seniority: Set<string>;
  others: Set<string>;
  /** How the text had to be bent to read it (lowers confidence). */
  repaired: boolean;
  translated: boolean;
  words: number;
  /** "EA to the COO", "Chief of Staff to the Plant Head": works for the role, is not it. */
  assistantTo: boolean;
}

const BLOCKING_RANKS = new Set(['intern', 'assistant', 'analyst', 'coord', 'associate', 'clerk', 'admin']);
/** Seniority words that mean "not the role itself" (an assistant plant manager is not the plant head). */
const BLOCKING_SENIORITY = new Set(['assistant', 'junior', 'deputy']);

const VOCABULARY = new Set<string>([
  ...Object.values(ABBREVIATIONS).flatMap((v) => v.split(' ')),
  ...Object.keys(SYNONYMS).flatMap((k) => k.split(' ')),
  ...Object.keys(RANK_GROUPS),
  ...[...FUNCTIONS].flatMap((f) => f.split(' ')),
  ...SENIORITY,
  ...COMMON_WORDS,
  'regional',
  'vice',
  'president',
  'officer',
  'operating',
  'resources',
  'human',
  'business',
  'partner',
  'acquisition',
]);

function stripAccents(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Edit distance counting a swap of two neighbouring letters as one edit ("cheif" → "chief"). */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, before[j - 2]! + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    before = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

function repairSpelling(word: string, extra: Set<string>): string | null {
  if (word.length < 5 || VOCABULARY.has(word) || extra.has(word)) return null;
  const max = word.length >= 9 ? 2 : 1;
  let best: string | null = null;
  let bestD = max + 1;
  for (const v of [...VOCABULARY, ...extra]) {
    if (v.length < 4) continue;
    const d = editDistance(word, v, max);
    if (d < bestD) {
      bestD = d;
      best = v;
    }
  }
  return bestD <= max ? best : null;
}

function tokens(text: string): string[] {
  return text
    .replace(/[^a-z0-9&' ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

export function analyzeTitle(raw: string, extraVocabulary: Set<string> = new Set()): TitleAnalysis {
  let text = stripAccents(raw.toLowerCase())
    .replace(/\./g, '')
    .replace(/[()[\],/|\\:;_+-]+/g, ' ');
  let translated = false;
  for (const [re, english] of TRANSLATIONS) {
    if (re.test(text)) {
      text = text.replace(re, english);
      translated = true;
    }
  }
  let repaired = false;
  const expanded: string[] = [];
  for (const raw of tokens(text)) {
    const foreign = WORD_TRANSLATIONS[raw];
    if (foreign && foreign !== raw) translated = true;
    const t = foreign ?? raw;
    if (t.includes(' ')) {
      expanded.push(...t.split(' '));
      continue;
    }
    const abbr = ABBREVIATIONS[t];
    if (abbr) {
      expanded.push(...abbr.split(' '));
      continue;
    }
    const fixed = repairSpelling(t, extraVocabulary);
    if (fixed) repaired = true;
    expanded.push(fixed ?? t);
  }
  const joined = ` ${expanded.join(' ')} `
    .replace(/ human resource(s)? /g, ' human_resources ')
    .replace(/ vice president /g, ' vice_president ')
    .replace(/ general manager /g, ' general ')
    .replace(/ business partner /g, ' partner ')
    .replace(/ talent acquisition /g, ' talent ')
    .replace(/ chief executive officer /g, ' chief ceo ')
    .replace(/ chief operating officer /g, ' chief operations ')
    .replace(/ chief financial officer /g, ' chief finance ')
    .replace(/ chief (human_resources|people) officer /g, ' chief human_resources ')
    .replace(/ chief technology officer /g, ' chief technology ')
    .replace(/ chief (\w+) officer /g, ' chief $1 ');
  const a: TitleAnalysis = {
    functions: new Set(),
    ranks: new Set(),
    seniority: new Set(),
    others: new Set(),
    repaired,
    translated,
    words: 0,
    assistantTo: /\bto( the)? \w/.test(text) || /\bchief of staff\b/.test(text),
  };
  for (let w of joined.trim().split(/\s+/)) {
    if (!w || FILLER.has(w)) continue;
    a.words++;
    if (w === 'human_resources') w = 'human resources';
    if (w === 'vice_president') {
      a.ranks.add('vp');
      continue;
    }
    if (w === 'ceo') {
      a.functions.add('ceo');
      continue;
    }
    const syn = SYNONYMS[w] ?? w;
    if (syn === 'chief') {
      a.ranks.add('c');
      continue;
    }
    if (SENIORITY.has(syn) && !(syn === 'executive' && a.ranks.size === 0 && a.functions.size > 0)) {
      // "HR Executive" is a rank (an individual contributor), "Executive Director" a seniority.
      a.seniority.add(syn);
      continue;
    }
    const rank = RANK_GROUPS[syn];
    if (rank) a.ranks.add(rank);
    if (FUNCTIONS.has(syn)) a.functions.add(syn);
    if (!rank && !FUNCTIONS.has(syn)) a.others.add(syn);
  }
  // "Officer" is C-level only with "Chief"; an "HR Officer" is an individual contributor.
  if (a.ranks.has('officer')) {
    a.ranks.delete('officer');
    a.ranks.add(a.ranks.has('c') || a.others.has('chief') ? 'c' : 'officer');
  }
  // "Recruiter" is both the function and the rank.
  if (a.ranks.has('recruit')) a.functions.add('talent');
  // "Executive - HR": executive before the function but with no other rank is the rank.
  if (a.seniority.has('executive') && a.ranks.size === 0 && a.functions.size > 0) {
    a.seniority.delete('executive');
    a.ranks.add('executive');
  }
  return a;
}

function subset<T>(a: Set<T>, b: Set<T>): boolean {
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/** How well a person's title fits one ICP title: null when it does not, else a specificity score. */
export function matchTitle(
  person: TitleAnalysis,
  target: TitleAnalysis,
  tierFunctions: ReadonlySet<string> = new Set(),
): number | null {
  if (person.ranks.size === 0 && person.functions.size === 0) return null;
  if (person.assistantTo) return null;
  if (!subset(target.functions, person.functions)) return null;
  // A title without a function ("Regional Manager") takes the functions of its tier's other titles.
  const allowed = new Set(target.functions.size ? target.functions : tierFunctions);
  for (const f of [...allowed]) for (const c of COMPANION_FUNCTIONS[f] ?? []) allowed.add(c);
  // An "IT Recruiter" or "Recruiter - Manufacturing" is a recruiter: the rest is whom they hire.
  const isRecruiter = person.ranks.has('recruit') && target.ranks.has('recruit');
  if (!isRecruiter) for (const f of person.functions) if (!allowed.has(f)) return null;
  if (target.ranks.size > 0 && ![...target.ranks].some((r) => person.ranks.has(r))) return null;
  for (const r of person.ranks) if (BLOCKING_RANKS.has(r) && !target.ranks.has(r)) return null;
  if (!subset(target.seniority, person.seniority)) return null;
  for (const s of person.seniority) if (BLOCKING_SENIORITY.has(s) && !target.seniority.has(s)) return null;
  if (!subset(target.others, person.others)) return null;
  return target.functions.size + target.ranks.size + target.seniority.size + target.others.size;
}

export interface TitleClassifier {
  classify(title: string): TitleMatch;
}

/** Builds a classifier for one ICP: the person's title is compared with every tier's titles. */
export function createTitleClassifier(icp: Pick<Icp, 'tiers'>): TitleClassifier {
  const extra = new Set<string>();
  for (const tier of TIERS)
    for (const t of icp.tiers[tier].titles)
      for (const w of tokens(stripAccents(t.toLowerCase()))) if (w.length >= 4) extra.add(w);
  const targets = TIERS.flatMap((tier) =>
    icp.tiers[tier].titles.map((title) => ({ tier, title, a: analyzeTitle(title, extra) })),
  );
  const tierFunctions = Object.fromEntries(
    TIERS.map((tier) => [
      tier,
      new Set(targets.filter((t) => t.tier === tier).flatMap((t) => [...t.a.functions])),
    ]),
  ) as Record<Tier, Set<string>>;
  const bestMatch = (p: TitleAnalysis) => {
    let best: { tier: Tier; title: string; spec: number } | null = null;
    for (const t of targets) {
      const spec = matchTitle(p, t.a, tierFunctions[t.tier]);
      if (spec !== null && (!best || spec > best.spec)) best = { tier: t.tier, title: t.title, spec };
    }
    return best;
  };
  return {
    classify(title: string): TitleMatch {
      let p = analyzeTitle(title, extra);
      let best = bestMatch(p);
      // "HR Manager - Plant", "Director HR (Manufacturing)": the qualifier says where, not what.
      const core = title.split(/\s[-–|]\s|[(,]/)[0]!;
      if (!best && core.trim() && core !== title) {
        p = analyzeTitle(core, extra);
        best = bestMatch(p);
      }
      if (!best) return { tier: null, confidence: p.ranks.size > 0 ? 0.9 : 0.7, matched: null };
      const extraWords = Math.max(0, p.words - best.spec);
      let confidence = 0.97 - 0.04 * extraWords;
      if (p.repaired) confidence -= 0.1;
      if (p.translated) confidence -= 0.05;
      return {
        tier: best.tier,
        confidence: Math.max(0.5, Math.round(confidence * 100) / 100),
        matched: best.title,
      };
    },
  };
}
