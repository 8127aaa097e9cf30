import { describe, expect, it } from 'vitest';
import { CATCHALL_SHARE, companyFacts, emailFacts, jobPostingsOf } from '../../main/sandbox/facts';
import { addressTruth, isCatchAllDomain } from '../../main/sandbox/hunter/mail';
import { buildWorld, worldDigest } from '../../main/sandbox/world';

describe('derived facts', () => {
  const world = buildWorld(5, { scale: 0.05 });
  const digest = worldDigest(world);
  const again = buildWorld(5, { scale: 0.05 });

  it('are the same for the same seed and leave the world untouched', () => {
    for (const c of world.companies.slice(0, 200)) {
      const other = again.companyById.get(c.id)!;
      expect(companyFacts(world, c)).toEqual(companyFacts(again, other));
      expect(jobPostingsOf(world, c)).toEqual(jobPostingsOf(again, other));
    }
    for (const p of world.people.slice(0, 500))
      expect(emailFacts(world, p)).toEqual(emailFacts(again, again.personById.get(p.id)!));
    expect(worldDigest(world)).toBe(digest);
  });

  it('keep hiring truth: exactly job_postings_count postings, at the company’s sites, and growth follows hiring', () => {
    const growth = { hiring: [] as number[], idle: [] as number[] };
    for (const c of world.companies) {
      const postings = jobPostingsOf(world, c);
      expect(postings).toHaveLength(c.job_postings_count);
      expect(new Set(postings.map((p) => p.id)).size).toBe(postings.length);
      const cities = new Set(c.locations.map((l) => l.city));
      for (const p of postings) expect(cities.has(p.city)).toBe(true);
      const g = companyFacts(world, c).growth.twelve;
      if (g !== null) (c.job_postings_count > 0 ? growth.hiring : growth.idle).push(g);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(growth.hiring)).toBeGreaterThan(0.05);
    expect(mean(growth.idle)).toBeLessThan(0);
  });

  it('list suborganizations and retail locations only for companies with more than one site', () => {
    let listed = 0;
    for (const c of world.companies) {
      const f = companyFacts(world, c);
      if (c.locations.length === 1) {
        expect(f.suborganizations).toEqual([]);
        expect(f.retailLocationCount).toBe(0);
      } else if (f.suborganizations.length > 0) listed++;
      expect(f.suborganizations.length).toBeLessThan(c.locations.length);
    }
    expect(listed).toBeGreaterThan(0);
  });

  it('make a realistic share of domains catch-all, the same ones the Hunter sandbox knows, and bounce from one truth', () => {
    const share =
      world.companies.filter((c) => companyFacts(world, c).catchall).length / world.companies.length;
    expect(Math.abs(share - CATCHALL_SHARE)).toBeLessThan(0.06);
    for (const c of world.companies.slice(0, 2000))
      expect(companyFacts(world, c).catchall).toBe(isCatchAllDomain(world, c.primary_domain));
    const withEmail = world.people.filter((p) => p.email !== null);
    for (const p of withEmail.slice(0, 2000))
      expect(emailFacts(world, p).bounces).toBe(!addressTruth(world, p.email!).delivers);
    const verified = withEmail.filter((p) => p.email_status === 'verified').map((p) => emailFacts(world, p));
    const bounceShare = (list: typeof verified) => list.filter((e) => e.bounces).length / list.length;
    // Apollo's "verified" holds best where a check can be made; at a catch-all domain it cannot.
    expect(bounceShare(verified.filter((e) => !e.catchall))).toBeLessThan(0.05);
    expect(bounceShare(verified.filter((e) => e.catchall))).toBeGreaterThan(0.08);
    expect(verified.every((e) => e.extrapolatedConfidence === null)).toBe(true);
  });
});
