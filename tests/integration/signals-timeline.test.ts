/**
 * The signal sandbox's ground truth: deterministic per seed, consistent with the Apollo world it
 * extends, and well-formed (windows apart, events inside the timeline, news newest first).
 */
import { describe, expect, it } from 'vitest';
import { newsTopic } from '../../main/domain/signals';
import {
  TIMELINE_FIRST_DAY,
  TIMELINE_LAST_DAY,
  dayOf,
  getSignalWorld,
  jobPostingsAt,
  windowAt,
} from '../../main/sandbox/signals/timeline';
import { buildWorld, getWorld } from '../../main/sandbox/world';

const world = getWorld(42, { scale: 0.05 });
const sw = getSignalWorld(world);
const sample = world.companies.slice(0, 400);

describe('signal timelines', () => {
  it('the same seed gives the same timelines; another seed other ones', () => {
    const again = getSignalWorld(buildWorld(42, { scale: 0.05 }));
    const other = getSignalWorld(buildWorld(7, { scale: 0.05 }));
    const dump = (s: typeof sw, w: typeof world) =>
      JSON.stringify(w.companies.slice(0, 50).map((c) => s.of(c)));
    expect(dump(again, again.world)).toBe(dump(sw, world));
    expect(dump(other, other.world)).not.toBe(dump(sw, world));
  });

  it("each of Apollo's funding events inside the timeline is a round, and rounds open windows", () => {
    let opened = 0;
    for (const c of sample) {
      const s = sw.of(c);
      for (const f of c.funding_events) {
        const day = dayOf(Date.parse(f.date));
        expect(s.funding.some((r) => r.fromApollo && r.day === day && r.stage === f.type)).toBe(true);
        if (day >= TIMELINE_FIRST_DAY && windowAt(s, day)) opened += 1;
      }
    }
    expect(opened).toBeGreaterThan(0);
  });

  it('windows are apart, events stay inside the timeline, news is newest first', () => {
    for (const c of sample) {
      const s = sw.of(c);
      s.windows.forEach((w, i) => {
        expect(w.endDay).toBeGreaterThan(w.startDay);
        if (i > 0) expect(w.startDay).toBeGreaterThan(s.windows[i - 1]!.endDay);
      });
      for (const p of s.postings) {
        expect(p.postedDay).toBeGreaterThanOrEqual(TIMELINE_FIRST_DAY);
        expect(p.closedDay).toBeGreaterThan(p.postedDay);
      }
      for (let i = 1; i < s.news.length; i++)
        expect(s.news[i - 1]!.day).toBeGreaterThanOrEqual(s.news[i]!.day);
      expect(s.tech.every((t) => t.day >= TIMELINE_FIRST_DAY - 30 && t.day <= TIMELINE_LAST_DAY + 30)).toBe(
        true,
      );
      for (const j of jobPostingsAt(s, 0, c))
        expect(Date.parse(j.posted_at)).toBeLessThanOrEqual(Date.parse('2026-11-01T00:00:00Z'));
    }
  });

  it('windows are the exception: 5–35% of companies on day 0', () => {
    const inWindow = sample.filter((c) => windowAt(sw.of(c), 0)).length;
    expect(inWindow / sample.length).toBeGreaterThan(0.05);
    expect(inWindow / sample.length).toBeLessThan(0.35);
  });

  it("the sandbox's headlines read as their topic; its filler news reads as nothing", () => {
    // Agreement between the sandbox and the classifier (its generalisation to real headlines is
    // tested in tests/domain/signals.test.ts).
    let checked = 0;
    const leaders = { read: 0, all: 0 };
    for (const c of sample)
      for (const n of sw.of(c).news) {
        const topic = newsTopic(n.headline);
        checked += 1;
        if (n.topic === 'noise') expect(topic, n.headline).toBeNull();
        else if (n.topic !== 'leadership') expect(topic, n.headline).not.toBeNull();
        else {
          // Leaders keep their world titles, some in Spanish, Portuguese or German: most, not all, read.
          leaders.all += 1;
          if (topic === 'leadership') leaders.read += 1;
        }
      }
    expect(leaders.read / leaders.all).toBeGreaterThan(0.75);
    expect(checked).toBeGreaterThan(200);
  });
});
