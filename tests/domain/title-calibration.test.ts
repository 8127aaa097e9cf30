import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseIcpText } from '../../main/domain/icp-io';
import { CALIBRATION, calibrated, type ScoreKind } from '../../main/domain/title-calibration';
import { createTitleClassifier } from '../../main/domain/titles';
import { inHoldout } from '../../scripts/lib/esco';

const template = parseIcpText(readFileSync('resources/icp/manufacturing-staffing.yaml', 'utf8'), 'yaml');
if (!template.ok) throw new Error('template invalid');

/**
 * The fixed sample: ESCO's labels as the sandbox ships them (resources/sandbox/titles.json.gz),
 * occupations of the development half, each label with its occupation's development tier.
 */
function devSample() {
  const { occupations } = JSON.parse(
    gunzipSync(readFileSync('resources/sandbox/titles.json.gz')).toString('utf8'),
  ) as { occupations: [string, string, string, string[]][] };
  return occupations
    .filter(([name, , tier]) => tier !== 'unclear' && !inHoldout(name))
    .flatMap(([name, , tier, labels]) =>
      [name, ...labels].map((title) => ({ title, want: tier === 'none' ? null : tier })),
    );
}

describe('calibrated title confidence', () => {
  it.each(Object.keys(CALIBRATION) as ScoreKind[])(
    '%s: a higher score never means a lower confidence',
    (kind) => {
      const steps = CALIBRATION[kind];
      for (let i = 1; i < steps.length; i++) {
        expect(steps[i]![0]).toBeGreaterThan(steps[i - 1]![0]);
        expect(steps[i]![1]).toBeGreaterThanOrEqual(steps[i - 1]![1]);
      }
      for (let s = 0; s <= 1; s += 0.01)
        expect(calibrated(kind, s + 0.01)).toBeGreaterThanOrEqual(calibrated(kind, s));
    },
  );

  it('rises with the precision observed on the dev sample (re-fit after changing the rules)', () => {
    const { classify } = createTitleClassifier(template.icp);
    const byConfidence = new Map<number, { n: number; right: number }>();
    for (const { title, want } of devSample()) {
      const m = classify(title);
      if (!m.tier) continue;
      const b = byConfidence.get(m.confidence) ?? { n: 0, right: 0 };
      b.n++;
      if (m.tier === want) b.right++;
      byConfidence.set(m.confidence, b);
    }
    const bins = [...byConfidence]
      .filter(([, b]) => b.n >= 10)
      .sort((a, b) => a[0] - b[0])
      .map(([confidence, b]) => ({ confidence, observed: b.right / b.n }));
    expect(bins.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < bins.length; i++)
      expect(bins[i]!.observed).toBeGreaterThanOrEqual(bins[i - 1]!.observed);
    // and each step claims about what it delivers
    for (const b of bins) expect(Math.abs(b.observed - b.confidence)).toBeLessThan(0.1);
  });
});
