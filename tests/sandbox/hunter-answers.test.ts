import { describe, expect, it } from 'vitest';
import { getWorld } from '../../main/sandbox/world';
import {
  LATE_BOUNCE_SHARE,
  answerFinder,
  knowsPattern,
  verifierFacts,
} from '../../main/sandbox/hunter/answers';
import { HUNTER_DEFAULT_COSTS } from '../../main/sandbox/hunter/limits';
import {
  isCatchAllDomain,
  isSmtpSilentDomain,
  mailboxAlive,
  personAddress,
} from '../../main/sandbox/hunter/mail';
import { isSourced } from '../../main/sandbox/hunter/shapes';

const world = getWorld(42, { scale: 0.05 });
const domainOf = (companyIdx: number) => world.companies[companyIdx]!.primary_domain;

function find(domain: string, first: string, last: string) {
  const q = new URLSearchParams({ domain, first_name: first, last_name: last });
  return answerFinder(world, q, HUNTER_DEFAULT_COSTS) as {
    status: number;
    body: { data: { email: string | null; sources: unknown[] } };
    credits: number;
  };
}

describe('sandbox Hunter answers', () => {
  it('finds sourced people exactly, guesses from the pattern where Hunter knows it, and charges only what it finds', () => {
    let sourced = 0;
    let guessed = 0;
    let none = 0;
    for (const p of world.people.slice(0, 1500)) {
      const domain = domainOf(p.companyIdx);
      const a = find(domain, p.first_name, p.last_name);
      expect(a.status).toBe(200);
      if (isSourced(world, p)) {
        expect(a.body.data.email).toBe(personAddress(world, p));
        expect(a.body.data.sources.length).toBeGreaterThan(0);
        sourced++;
      } else if (knowsPattern(world, domain)) {
        expect(a.body.data.email).toMatch(new RegExp(`@${domain.replace(/\./g, '\\.')}$`));
        expect(a.body.data.sources).toEqual([]);
        guessed++;
      } else {
        expect(a.body.data.email).toBeNull();
        none++;
      }
      expect(a.credits).toBe(a.body.data.email ? HUNTER_DEFAULT_COSTS.finderEmail : 0);
    }
    expect(Math.min(sourced, guessed, none)).toBeGreaterThan(30);
  });

  it('refuses a finder call without a domain or a name, as Hunter does (400, nothing charged)', () => {
    const missing = answerFinder(world, new URLSearchParams({ first_name: 'Ada' }), HUNTER_DEFAULT_COSTS);
    expect(missing).toMatchObject({ status: 400, body: { errors: [{ id: 'wrong_params', code: 400 }] } });
    expect(missing.credits).toBeUndefined();
  });

  it('is not a perfect verifier: a few dead mailboxes still come back valid, the rest invalid', () => {
    const dead = world.people.filter((p) => {
      const d = domainOf(p.companyIdx);
      return !mailboxAlive(world, p) && !isCatchAllDomain(world, d) && !isSmtpSilentDomain(world, d);
    });
    expect(dead.length).toBeGreaterThan(300);
    const statuses = dead.map((p) => verifierFacts(world, personAddress(world, p)).status);
    expect(new Set(statuses)).toEqual(new Set(['valid', 'invalid']));
    const valid = statuses.filter((s) => s === 'valid').length / statuses.length;
    expect(Math.abs(valid - LATE_BOUNCE_SHARE)).toBeLessThan(0.05);
  });

  it('answers accept_all for any address on a catch-all domain and unknown where the server is silent', () => {
    const catchAll = world.companies.find((c) => isCatchAllDomain(world, c.primary_domain))!;
    expect(verifierFacts(world, `anyone.at.all@${catchAll.primary_domain}`)).toMatchObject({
      status: 'accept_all',
      acceptAll: true,
    });
    const silent = world.companies.find((c) => isSmtpSilentDomain(world, c.primary_domain))!;
    expect(verifierFacts(world, `someone@${silent.primary_domain}`).status).toBe('unknown');
    expect(verifierFacts(world, 'someone@no-such-company.example')).toMatchObject({
      status: 'invalid',
      mxRecords: false,
    });
  });
});
