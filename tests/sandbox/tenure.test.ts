/**
 * Ordinary turnover in the Apollo sandbox's employment histories (issue 13): a realistic share of
 * people started their current role within the last 12 months (BLS tenure figures, shapes.ts), the
 * start is an absolute date per person, the previous role ends when the current one starts, and
 * the timeline's new leaders keep the timeline's date.
 */
import { describe, expect, it } from 'vitest';
import { fullPerson, ordinaryRoleStart } from '../../main/sandbox/shapes';
import { getSignalWorld, roleSinceAt } from '../../main/sandbox/signals/timeline';
import { WORLD_REFERENCE_DATE, getWorld, type WorldCompany } from '../../main/sandbox/world';

const world = getWorld(42, { scale: 0.05 });
const REF = Date.parse(`${WORLD_REFERENCE_DATE}T00:00:00Z`);
const ageDays = (iso: string) => (REF - Date.parse(`${iso}T00:00:00Z`)) / 86_400_000;
const MANAGERS_UP = new Set(['manager', 'director', 'head', 'vp', 'c_suite', 'owner', 'founder', 'partner']);

describe('ordinary role starts', () => {
  const starts = world.people.map((p) => ({ p, age: ageDays(ordinaryRoleStart(world, p)) }));

  it('about 15% of managers and up, ~22% of the rest, started in the last 12 months; the median is years', () => {
    const share = (xs: typeof starts) => xs.filter((s) => s.age < 365).length / xs.length;
    const senior = starts.filter((s) => MANAGERS_UP.has(s.p.seniority));
    const rest = starts.filter((s) => !MANAGERS_UP.has(s.p.seniority));
    expect(senior.length).toBeGreaterThan(1000);
    expect(rest.length).toBeGreaterThan(1000);
    expect(share(senior)).toBeGreaterThan(0.12);
    expect(share(senior)).toBeLessThan(0.18);
    expect(share(rest)).toBeGreaterThan(0.19);
    expect(share(rest)).toBeLessThan(0.25);
    const ages = starts.map((s) => s.age).sort((a, b) => a - b);
    const median = ages[Math.floor(ages.length / 2)]! / 365;
    expect(median).toBeGreaterThan(3);
    expect(median).toBeLessThan(6);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(0);
  });

  it('is the same date on every call (no clock in it)', () => {
    for (const { p } of starts.slice(0, 50))
      expect(ordinaryRoleStart(world, p)).toBe(ordinaryRoleStart(world, p));
  });

  it('the reveal shows it, the previous role ends on it, and a timeline leader keeps the timeline date', () => {
    const sw = getSignalWorld(world);
    let leaders = 0;
    for (const p of world.people.slice(0, 3000)) {
      const c = world.companies[p.companyIdx] as WorldCompany;
      const since = roleSinceAt(sw.of(c), p.id, 0);
      const h = fullPerson(world, p, false, undefined, since).employment_history as {
        start_date: string;
        end_date: string | null;
      }[];
      expect(h[0]!.start_date).toBe(since ?? ordinaryRoleStart(world, p));
      expect(h[1]!.end_date).toBe(h[0]!.start_date);
      expect(h[1]!.start_date < h[0]!.start_date).toBe(true);
      if (since) leaders++;
    }
    expect(leaders).toBeGreaterThan(0);
  });
});
