/**
 * Intent against the signal sandbox's truth: companies truly in a buying window must rank above
 * the rest (issue 13 asks AUC ≥ 0.85), on the reference day and after the clock moves on.
 */
import { describe, expect, it } from 'vitest';
import { measureIntentAuc } from '../../main/sandbox/signals/measure';
import { getWorld } from '../../main/sandbox/world';

const world = getWorld(42, { scale: 0.05 });

describe('intent AUC on the sandbox world', () => {
  it.each([0, 90])('day %i: AUC ≥ 0.85 and in-window companies score far above the rest', (day) => {
    const m = measureIntentAuc(world, day);
    expect(m.inWindow).toBeGreaterThan(50);
    expect(m.companies - m.inWindow).toBeGreaterThan(500);
    expect(m.auc).toBeGreaterThanOrEqual(0.85);
    expect(m.meanIntent.inWindow).toBeGreaterThan(3 * m.meanIntent.outside);
    // Not all one colour: some companies read as strong intent, most as none.
    expect(m.intentBands['60-79'] + m.intentBands['80+']).toBeGreaterThan(0);
    expect(m.intentBands['<40']).toBeGreaterThan(m.companies / 2);
  });

  it('the why-now line names what the company did', () => {
    const lines: string[] = [];
    measureIntentAuc(world, 0, {}, world.companies.slice(0, 300), (_c, intent, inWindow) => {
      if (inWindow && intent.score >= 40) lines.push(intent.whyNow);
    });
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(/^[^·]+( · [^·]+){0,2}$/);
  });
});
