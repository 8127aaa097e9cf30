/**
 * Calibration of the title classifier's confidence. A match's confidence is a logistic model
 * (Platt scaling) of its rule evidence — and, when the model is loaded, of its MiniLM similarity
 * to the tier's nearest ICP title — fitted on the development halves of ESCO, ONS and O*NET; a rejection's is the
 * share of rejections at that rule score that ESCO calls no target (isotonic steps). The fitted
 * numbers live in title-calibration.json, written by `npx tsx scripts/fit-title-calibration.ts`;
 * the holdout's threshold table (threshold → precision / recall) is in the README.
 */
import fitted from './title-calibration.json';
import type { Tier } from './icp';

/** [lowest score of the step, calibrated confidence], scores ascending. */
export type CalibrationSteps = readonly (readonly [number, number])[];

/** What a rule match had to assume: the features its confidence is read from. */
export interface MatchEvidence {
  tier: Tier;
  /** An ICP title with the same parts (not only a rank within the tier's range). */
  exact: boolean;
  /** Words the rules know nothing of (products, materials, places), at most 3. */
  others: number;
  /** The only place word is a loose one (site, unit). */
  weakPlace: boolean;
  repaired: boolean;
  translated: boolean;
  /** Read from part of the title: the text before a qualifier, or one of two roles. */
  partial: boolean;
  /**
   * The function rests only on words other employers use too (operations, production, talent,
   * people, workforce), or on none ("Regional Manager"): BROAD_FUNCTION_WORDS in title-vocab.ts.
   */
  broad: boolean;
}

/** Logistic model: confidence = 1 / (1 + e^-(intercept + Σ weight·feature)). */
export interface LogisticFit {
  intercept: number;
  weights: Record<string, number>;
}

export interface TitleCalibration {
  /** Matches read by the rules alone. */
  rules: LogisticFit;
  /** Matches seen by the model too (adds `similarity`). */
  model: LogisticFit;
  /** Rule score of a rejection → share of rejections that are no target. */
  reject: CalibrationSteps;
  /** Similarity of a title only the model places → share right. */
  similarity: CalibrationSteps;
}

export const CALIBRATION = fitted as unknown as TitleCalibration;

/** The features of a match as the logistic model reads them (similarity: null without the model). */
export function features(e: MatchEvidence, similarity: number | null): Record<string, number> {
  const f: Record<string, number> = {
    exact: e.exact ? 1 : 0,
    others: e.others,
    weakPlace: e.weakPlace ? 1 : 0,
    repaired: e.repaired ? 1 : 0,
    translated: e.translated ? 1 : 0,
    partial: e.partial ? 1 : 0,
    broad: e.broad ? 1 : 0,
  };
  if (similarity !== null) f.similarity = similarity;
  return f;
}

export function logistic(fit: LogisticFit, f: Record<string, number>): number {
  let z = fit.intercept;
  for (const [k, v] of Object.entries(f)) z += (fit.weights[k] ?? 0) * v;
  return 1 / (1 + Math.exp(-z));
}

/** The calibrated confidence of a match (three decimals). */
export function matchConfidence(e: MatchEvidence, similarity: number | null): number {
  const fit = similarity === null ? CALIBRATION.rules : CALIBRATION.model;
  return Math.round(logistic(fit, features(e, similarity)) * 1000) / 1000;
}

/** The step a score falls on (the lowest step below the table). */
export function stepValue(steps: CalibrationSteps, score: number): number {
  let value = steps[0]![1];
  for (const [from, v] of steps) if (score >= from) value = v;
  return value;
}

/** The calibrated confidence of a rejection, or of a match by similarity alone. */
export function calibrated(kind: 'reject' | 'similarity', score: number): number {
  return stepValue(CALIBRATION[kind], score);
}
