/**
 * Intent from buying signals (seed 001's "Intent Score (0-100)"), with recency decay and the ICP's
 * wants. Each point keeps its evidence; `whyNow` is the one line a lead shows
 * ("Series B 3 weeks ago · 14 production openings · new VP Ops").
 *
 * Wiring (later, by the integrator): `scoreLead` in score.ts keeps its signature; when the pipeline
 * has signals for the lead's company/person it passes `intentFromSignals(...).items` in place of
 * the intent block it computes today (funding date / openJobs), and stores `whyNow` with the lead.
 */
import type { Icp } from './icp';
import { ageInDays, type SignalEvent, type SignalKind } from './signals';
import type { ScoreItem } from './types';

/** Seed 001's points per kind; "industry growth trend" is what news of expansion says. */
export const BASE_POINTS: Record<SignalKind, number> = {
  funding: 30,
  hiring: 25,
  tech: 20,
  leadership: 15,
  news: 10,
};

/** Half-life of a signal's worth, in days: openings go stale fast, a new executive's first year counts. */
export const HALF_LIFE_DAYS: Record<SignalKind, number> = {
  funding: 120,
  hiring: 30,
  tech: 45,
  leadership: 150,
  news: 45,
};

/** Beyond this age a signal is worth nothing (and is not shown). */
export const MAX_AGE_DAYS: Record<SignalKind, number> = {
  funding: 540,
  hiring: 120,
  tech: 180,
  leadership: 365,
  news: 180,
};

/** What the ICP's `signals` switches mean, kind by kind. */
const SWITCH_OF: Record<SignalKind, keyof NonNullable<Icp['signals']> | null> = {
  funding: 'recentFunding',
  hiring: 'activelyHiring',
  tech: 'techStackChange',
  leadership: 'leadershipChange',
  news: null,
};

export interface IntentOptions {
  now: Date;
  /** `fundingStages` either filters (other stages score nothing) or boosts matching stages. Default boost. */
  fundingStageMode?: 'filter' | 'boost';
  /** Weight of a kind the user switched on, against 1 for the rest. Default 1.6. */
  wantedWeight?: number;
}

export interface IntentItem extends ScoreItem {
  component: 'intent';
  kind: SignalKind;
  date: string;
  ageDays: number;
  source: string;
  link: string | null;
  /** The why-now phrase with its age: "Series B 3 weeks ago". */
  phrase: string;
}

export interface Intent {
  /** 0..100. */
  score: number;
  items: IntentItem[];
  whyNow: string;
  /** Signals that were read but earned nothing (too old, a stage the ICP filters out), for the UI. */
  ignored: { event: SignalEvent; reason: string }[];
}

/** Exponential decay: 1 today, ½ after one half-life, 0 past the kind's maximum age. */
export function recencyFactor(kind: SignalKind, ageDays: number): number {
  if (!(ageDays >= 0) || ageDays > MAX_AGE_DAYS[kind]) return 0;
  return 0.5 ** (ageDays / HALF_LIFE_DAYS[kind]);
}

/** "today", "yesterday", "5 days ago", "3 weeks ago", "4 months ago", "over a year ago". */
export function relativeAge(ageDays: number): string {
  const d = Math.floor(ageDays);
  if (d <= 0) return 'today';
  if (d === 1) return 'yesterday';
  if (d < 14) return `${d} days ago`;
  if (d < 60) return `${Math.round(d / 7)} weeks ago`;
  if (d < 365) return `${Math.round(d / 30)} months ago`;
  return 'over a year ago';
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Whether a funding event's stage is one the ICP lists ("Series B" matches "series_b", "Series B extension"). */
export function stageMatches(stage: string, wanted: readonly string[]): boolean {
  const s = norm(stage);
  return wanted.some((w) => {
    const n = norm(w);
    return n !== '' && (s === n || s.startsWith(`${n} `));
  });
}

function kindWeight(kind: SignalKind, icp: Pick<Icp, 'signals'>, wantedWeight: number): number {
  const sw = SWITCH_OF[kind];
  const anyOn = icp.signals && Object.values(icp.signals).some(Boolean);
  if (!anyOn) return 1;
  return sw && icp.signals?.[sw] ? wantedWeight : 1;
}

/**
 * A contact new in their role, with nothing else going on at the company, weighs this much of its
 * points. Employment histories show all turnover: ~15% of managers and ~20% of all workers are in
 * their first year in a role in any year (US BLS employee tenure), so a lone new start is mostly
 * routine; a new leader while the company also raises, hires, expands or re-tools is the classic
 * window. A new executive the press announces is a deliberate change and keeps its full weight.
 */
export const LONE_NEW_CONTACT_FACTOR = 0.5;

/** Whether the event is a new-in-role contact (employment history) with no other positive signal. */
function isLoneNewContact(e: SignalEvent, others: ReadonlySet<SignalKind>): boolean {
  return e.kind === 'leadership' && e.source !== 'news' && ![...others].some((k) => k !== 'leadership');
}

/** Points an event earns, or why it earns none. */
function pointsFor(
  e: SignalEvent,
  age: number,
  icp: Pick<Icp, 'signals' | 'fundingStages'>,
  o: Required<Omit<IntentOptions, 'now'>> & { liveKinds: ReadonlySet<SignalKind> },
): { points: number } | { reason: string } {
  const decay = recencyFactor(e.kind, age);
  if (decay === 0)
    return { reason: age < 0 ? 'dated in the future' : `older than ${MAX_AGE_DAYS[e.kind]} days` };
  let factor = isLoneNewContact(e, o.liveKinds) ? LONE_NEW_CONTACT_FACTOR : 1;
  if (e.kind === 'funding' && icp.fundingStages?.length) {
    const match = stageMatches(e.label, icp.fundingStages);
    if (!match && o.fundingStageMode === 'filter')
      return { reason: `${e.label} is not among the ICP's funding stages` };
    factor *= match ? 1.3 : 0.7;
  }
  const points = BASE_POINTS[e.kind] * kindWeight(e.kind, icp, o.wantedWeight) * e.strength * decay * factor;
  return { points: e.polarity * points };
}

/** Raw points at which one signal alone would make intent certain; seed 001's 30 for funding → 60. */
export const SATURATION_POINTS = 50;

/**
 * The intent score of a company (and its person) from its signals. Seed 001's points per kind
 * (funding 30, hiring 25, …) are each signal's weight; they combine like independent pieces of
 * evidence (1 − Π(1 − pᵢ), pᵢ = points / 50), so one fresh Series B reads 60, a round plus a hiring
 * surge about 80, and the tenth signal adds little. A second event of the same kind counts a
 * quarter; closing signals (layoffs) subtract their points. Each item's points are what it added,
 * so the items sum to the score. Clamped to 0..100.
 */
export function intentFromSignals(
  events: readonly SignalEvent[],
  icp: Pick<Icp, 'signals' | 'fundingStages'>,
  options: IntentOptions,
): Intent {
  // The kinds with a live positive signal (fresh enough to count), for the lone-new-contact rule.
  const liveKinds = new Set(
    events
      .filter((e) => e.polarity > 0 && recencyFactor(e.kind, ageInDays(e.date, options.now)) > 0)
      .map((e) => e.kind),
  );
  const o = {
    fundingStageMode: options.fundingStageMode ?? 'boost',
    wantedWeight: options.wantedWeight ?? 1.6,
    liveKinds,
  } as const;
  const ignored: Intent['ignored'] = [];
  const scored: { e: SignalEvent; age: number; points: number }[] = [];
  for (const e of events) {
    const age = ageInDays(e.date, options.now);
    const p = pointsFor(e, age, icp, o);
    if ('reason' in p) ignored.push({ event: e, reason: p.reason });
    else scored.push({ e, age, points: p.points });
  }
  // Positives strongest first, then the closing signals.
  scored.sort(
    (a, b) => (b.points > 0 ? 1 : 0) - (a.points > 0 ? 1 : 0) || Math.abs(b.points) - Math.abs(a.points),
  );
  const seen = new Set<string>();
  let certainty = 0;
  let penalty = 0;
  const items: IntentItem[] = scored.map(({ e, age, points }) => {
    const key = `${e.kind}|${e.polarity}`;
    const raw = seen.has(key) ? points * 0.25 : points;
    seen.add(key);
    let added: number;
    if (raw > 0) {
      const p = Math.min(0.95, raw / SATURATION_POINTS);
      added = (1 - certainty) * p * 100;
      certainty += (1 - certainty) * p;
    } else {
      added = raw;
      penalty += -raw;
    }
    return {
      component: 'intent',
      signal: signalName(e),
      points: Math.round(added * 10) / 10,
      evidence: `${e.evidence} (${e.source}, ${e.date})${isLoneNewContact(e, liveKinds) ? '; the only signal here, weighed half' : ''}`,
      kind: e.kind,
      date: e.date,
      ageDays: Math.floor(age),
      source: e.source,
      link: e.link,
      phrase: `${e.label} ${relativeAge(age)}`,
    };
  });
  const score = Math.round(Math.max(0, Math.min(100, certainty * 100 - penalty)));
  return { score, items, whyNow: whyNow(items), ignored };
}

function signalName(e: SignalEvent): string {
  if (e.polarity < 0) return e.kind === 'news' ? 'Closing news' : 'Shrinking';
  return {
    funding: 'Recent funding',
    hiring: 'Actively hiring',
    tech: 'Tech stack change',
    leadership: 'Leadership change',
    news: 'Growth news',
  }[e.kind];
}

/** The three strongest positive reasons, strongest first, one per kind: "Series B 3 weeks ago · …". */
export function whyNow(items: readonly IntentItem[], max = 3): string {
  const kinds = new Set<SignalKind>();
  const phrases: string[] = [];
  for (const i of [...items].sort((a, b) => b.points - a.points)) {
    if (i.points <= 0 || kinds.has(i.kind)) continue;
    kinds.add(i.kind);
    phrases.push(
      i.kind === 'funding' || i.kind === 'news'
        ? i.phrase
        : i.phrase.replace(/ (today|yesterday|\d+ \w+ ago|over a year ago)$/, ''),
    );
    if (phrases.length >= max) break;
  }
  return phrases.join(' · ');
}
