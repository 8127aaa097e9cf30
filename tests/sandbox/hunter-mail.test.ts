import { describe, expect, it } from 'vitest';
import { getWorld } from '../../main/sandbox/world';
import {
  CATCH_ALL_SHARE,
  MAIL_PATTERNS,
  addressTruth,
  isCatchAllDomain,
  mailPattern,
  mailboxAlive,
  ownerOfAddress,
  personAddress,
  renderLocal,
} from '../../main/sandbox/hunter/mail';

const world = getWorld(42, { scale: 0.05 });

describe('sandbox mail facts', () => {
  it("renders every address the world gave a person from its company's pattern", () => {
    let checked = 0;
    for (const p of world.people) {
      if (!p.email) continue;
      const company = world.companies[p.companyIdx]!;
      const pattern = mailPattern(world, company.primary_domain)!;
      // world.ts numbers namesakes (john.smith2); the pattern renders the rest exactly.
      expect(p.email.split('@')[0]!.replace(/\d+$/, '')).toBe(
        renderLocal(pattern, p.first_name, p.last_name),
      );
      checked++;
    }
    expect(checked).toBeGreaterThan(5000);
  });

  it('uses every pattern, and names them in Hunter notation', () => {
    const seen = new Set(world.companies.map((c) => mailPattern(world, c.primary_domain)));
    expect([...seen].sort()).toEqual([...MAIL_PATTERNS].sort());
    expect(renderLocal('{f}{last}', 'José', 'García')).toBe('jgarcia');
    expect(renderLocal('{first}_{last}', 'Anne-Marie', "O'Neil")).toBe('annemarie_oneil');
  });

  it('marks about CATCH_ALL_SHARE of company domains catch-all, the same way every time, and no unknown domain', () => {
    const flags = world.companies.map((c) => isCatchAllDomain(world, c.primary_domain));
    const share = flags.filter(Boolean).length / flags.length;
    expect(Math.abs(share - CATCH_ALL_SHARE)).toBeLessThan(0.05);
    expect(
      world.companies.map((c) => isCatchAllDomain(world, `WWW.${c.primary_domain.toUpperCase()}`)),
    ).toEqual(flags);
    expect(isCatchAllDomain(world, 'no-such-company.example')).toBe(false);
    expect(mailPattern(world, 'no-such-company.example')).toBeNull();
  });

  it('gives each person one owner-resolvable address, and truth says whether mail reaches them', () => {
    const sample = world.people.slice(0, 400);
    for (const p of sample) {
      const address = personAddress(world, p);
      const owner = ownerOfAddress(world, address);
      expect(owner).not.toBeNull();
      const truth = addressTruth(world, address);
      expect(truth.knownDomain).toBe(true);
      expect(truth.delivers).toBe(mailboxAlive(world, owner!));
      expect(truth.accepted).toBe(truth.catchAll || truth.delivers);
    }
    const alive = sample.filter((p) => mailboxAlive(world, p)).length / sample.length;
    expect(alive).toBeGreaterThan(0.8);
    expect(alive).toBeLessThan(0.98);
  });

  it('knows nobody behind an invented address: it never delivers, and only a catch-all server accepts it', () => {
    for (const c of world.companies.slice(0, 200)) {
      const t = addressTruth(world, `zz.nobody.here@${c.primary_domain}`);
      expect(t.personId).toBeNull();
      expect(t.delivers).toBe(false);
      expect(t.accepted).toBe(isCatchAllDomain(world, c.primary_domain));
    }
  });
});
