/**
 * Calibration of the title classifier's confidence: rule scores (and model similarities) → the
 * precision observed at that score on ESCO's development half (`npx tsx
 * scripts/fit-title-calibration.ts`, isotonic regression, so a higher score never means a lower
 * confidence). A threshold on the calibrated confidence therefore trades precision for recall as
 * the table says; the holdout's reliability table is in the README.
 */

/** [lowest score of the step, calibrated confidence], scores ascending. */
export type CalibrationSteps = readonly (readonly [number, number])[];

/**
 * Which decision a score belongs to: a rule match (its rule score), a rule match seen by the model
 * (mean of rule score and similarity to the tier's nearest title), a rule rejection, a match by
 * similarity alone (a title the rules cannot place).
 */
export type ScoreKind = 'match' | 'matchWithModel' | 'reject' | 'model';

// The tables below are written by scripts/fit-title-calibration.ts; do not edit by hand.
export const CALIBRATION: Record<ScoreKind, CalibrationSteps> = {
  match: [
    [0.81, 0.333],
    [0.85, 0.673],
    [0.97, 0.714],
  ],
  matchWithModel: [
    [0.624, 0.5],
    [0.644, 0.605],
    [0.785, 0.636],
    [0.79, 0.692],
    [0.841, 0.8],
    [0.895, 0.857],
  ],
  reject: [
    [0.8, 0.985],
    [0.85, 0.999],
  ],
  model: [[0, 0.5]],
};

/** The calibrated confidence of a score: the step it falls on (the lowest step below the table). */
export function calibrated(kind: ScoreKind, score: number): number {
  const steps = CALIBRATION[kind];
  let value = steps[0]![1];
  for (const [from, v] of steps) if (score >= from) value = v;
  return value;
}
