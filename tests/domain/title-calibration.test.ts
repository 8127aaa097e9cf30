import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseIcpText } from '../../main/domain/icp-io';
import {
  CALIBRATION,
  calibrated,
  matchConfidence,
  type MatchEvidence,
} from '../../main/domain/title-calibration';
import { createTitleClassifier } from '../../main/domain/titles';
import { inHoldout } from '../../scripts/lib/esco';
import { fitLogistic, isotonicSteps } from '../../scripts/fit-title-calibration';

const template = parseIcpText(readFileSync('resources/icp/manufacturing-staffing.yaml', 'utf8'), 'yaml');
if (!template.ok) throw new Error('template invalid');

/**
 * The fixed sample: ESCO's labels as the sandbox ships them (resources/sandbox/titles.json.gz),
 * each label with its occupation's development tier, from one half of the occupations.
 */
function sample(half: 'dev' | 'holdout') {
  const { occupations } = JSON.parse(
    gunzipSync(readFileSync('resources/sandbox/titles.json.gz')).toString('utf8'),
  ) as { occupations: [string, string, string, string[]][] };
  return occupations
    .filter(([name, , tier]) => tier !== 'unclear' && inHoldout(name) === (half === 'holdout'))
    .flatMap(([name, , tier, labels]) =>
      [name, ...labels].map((title) => ({ title, want: tier === 'none' ? null : tier })),
    );
}

const plain: MatchEvidence = {
  tier: 'T1',
  exact: true,
  others: 0,
  weakPlace: false,
  repaired: false,
  translated: false,
  partial: false,
  broad: false,
};

describe('calibrated title confidence', () => {
  it('rejection steps: a higher score never means a lower confidence', () => {
    for (const steps of [CALIBRATION.reject, CALIBRATION.similarity])
      for (let i = 1; i < steps.length; i++) {
        expect(steps[i]![0]).toBeGreaterThan(steps[i - 1]![0]);
        expect(steps[i]![1]).toBeGreaterThanOrEqual(steps[i - 1]![1]);
      }
    for (let s = 0; s <= 1; s += 0.01)
      expect(calibrated('reject', s + 0.01)).toBeGreaterThanOrEqual(calibrated('reject', s));
  });

  it('a match is a probability, lowered by what had to be repaired, raised by similarity', () => {
    const base = matchConfidence(plain, null);
    expect(base).toBeGreaterThan(0);
    expect(base).toBeLessThan(1);
    expect(matchConfidence({ ...plain, repaired: true }, null)).toBeLessThan(base);
    expect(matchConfidence(plain, 0.95)).toBeGreaterThan(matchConfidence(plain, 0.4));
  });

  it('a function other employers name too is less sure than a plant, HR or recruiting named', () => {
    // fitted on ONS's and O*NET's coded dev titles, where a bare "talent", "operations" or
    // "production" (or a rank and a scope alone) is the ICP's role far less often
    const { classify, explain } = createTitleClassifier(template.icp);
    const c = (t: string) => classify(t).confidence;
    expect(c('Production Manager')).toBeLessThan(c('Plant Manager'));
    expect(c('Operations Manager')).toBeLessThan(c('Plant Operations Manager'));
    expect(c('Regional Manager')).toBeLessThan(c('Factory Manager'));
    expect(c('Talent Manager')).toBeLessThan(c('Talent Acquisition Manager'));
    expect(c('Head of People')).toBeLessThan(c('Head of HR'));
    for (const t of ['Recruiter', 'Staffing Manager', 'Workforce Planning Manager', 'Plant Manager'])
      expect(explain(t).evidence?.broad, t).toBe(false);
    for (const t of ['Production Manager', 'Regional Manager', 'Talent Partner'])
      expect(explain(t).evidence?.broad, t).toBe(true);
  });

  it('evidence the data never shows keeps its prior; evidence the data contradicts is dropped', () => {
    // every example is exact and none translated: translated keeps the prior in its direction,
    // and an unknown word that comes only with right answers cannot raise the confidence
    const examples = Array.from({ length: 60 }, (_, i) => ({
      f: { exact: 1, translated: 0, others: i % 2 },
      ok: i % 2 === 1 || i % 3 === 0,
    }));
    const fit = fitLogistic(examples);
    expect(fit.weights.translated).toBe(-0.5);
    expect(fit.weights.others).toBe(0);
  });

  it('the fit recovers a known logistic relation and pools violators (the script is what writes the JSON)', () => {
    // y = 1 with probability 1/(1+e^-(4x-2)) on a fixed grid: the fit finds the slope's sign and size
    const examples = Array.from({ length: 400 }, (_, i) => {
      const x = (i % 20) / 19;
      const p = 1 / (1 + Math.exp(-(4 * x - 2)));
      return { f: { x }, ok: (i * 0.618034) % 1 < p };
    });
    const fit = fitLogistic(examples, 0.01);
    expect(fit.weights.x).toBeGreaterThan(2.5);
    expect(fit.weights.x).toBeLessThan(5.5);
    const steps = isotonicSteps([
      { score: 0.1, ok: true },
      { score: 0.2, ok: false },
      { score: 0.3, ok: true },
      { score: 0.3, ok: true },
    ]);
    for (let i = 1; i < steps.length; i++) expect(steps[i]![1]).toBeGreaterThanOrEqual(steps[i - 1]![1]);
  });

  it.each(['dev', 'holdout'] as const)(
    'on the %s sample, the matches claim about the precision they deliver (re-fit after changing the rules)',
    (half) => {
      const { classify } = createTitleClassifier(template.icp);
      const matches = sample(half).flatMap(({ title, want }) => {
        const m = classify(title);
        return m.tier ? [{ c: m.confidence, ok: m.tier === want }] : [];
      });
      expect(matches.length).toBeGreaterThan(50);
      const predicted = matches.reduce((a, m) => a + m.c, 0) / matches.length;
      const observed = matches.filter((m) => m.ok).length / matches.length;
      expect(Math.abs(predicted - observed)).toBeLessThan(0.1);
    },
  );

  it('rejections are right about as often as they claim on the holdout sample', () => {
    const { classify } = createTitleClassifier(template.icp);
    const rejections = sample('holdout').flatMap(({ title, want }) => {
      const m = classify(title);
      return m.tier ? [] : [{ c: m.confidence, ok: want === null }];
    });
    const predicted = rejections.reduce((a, m) => a + m.c, 0) / rejections.length;
    const observed = rejections.filter((m) => m.ok).length / rejections.length;
    expect(Math.abs(predicted - observed)).toBeLessThan(0.05);
  });
});
