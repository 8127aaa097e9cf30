/**
 * The email waterfall stage on its own: a real SQLite file and the sandbox Hunter over real HTTP,
 * fed with people of the sandbox world as Apollo's reveal would hand them over.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_WATERFALL, unverifiedAllowance, type WaterfallSettings } from '../../main/domain/email';
import { IcpSchema } from '../../main/domain/icp';
import type { Company, RevealedPerson } from '../../main/domain/types';
import { blankCompany } from '../../main/domain/blank';
import { contactStage, createWaterfall, type ContactContext } from '../../main/pipeline/stages/contact';
import { deferStage } from '../../main/pipeline/stages/defer';
import type { BatchContext, Pending } from '../../main/pipeline/stages';
import { createHunterClient, type HunterClient } from '../../main/providers/hunter';
import {
  addressTruth,
  isCatchAllDomain,
  isSmtpSilentDomain,
  mailboxAlive,
} from '../../main/sandbox/hunter/mail';
import {
  HUNTER_SANDBOX_INVALID_KEY,
  startHunterSandbox,
  type HunterSandboxOptions,
} from '../../main/sandbox/hunter/server';
import { getWorld, type WorldPerson } from '../../main/sandbox/world';
import {
  addCandidates,
  createCampaign,
  getCandidate,
  ledgerEntries,
  listEvents,
  nextCandidates,
  setCandidateState,
  upsertCompany,
  type Db,
} from '../../main/store';
import { hunterState, releaseHeld } from '../../main/store/email-evidence';
import { tempDb } from '../store/fixtures';

const SCALE = 0.05;
const world = getWorld(42, { scale: SCALE });
const open: { close(): Promise<void> }[] = [];
afterAll(async () => {
  while (open.length) await open.pop()!.close();
});

async function hunter(opts: HunterSandboxOptions = {}, key = 'hunter-test-key-1') {
  const sb = await startHunterSandbox({ scale: SCALE, plan: 'off', verifier: { pendingShare: 0 }, ...opts });
  const client = createHunterClient({ apiKey: key, baseUrl: sb.url, retryBaseMs: 5, pollDelayMs: 50 });
  open.push(client, sb);
  return { sb, client };
}

const icp = IcpSchema.parse({
  name: 'Waterfall test',
  tiers: {
    T1: { target: 50, titles: ['COO'] },
    T2: { target: 5, titles: ['CHRO'] },
    T3: { target: 5, titles: ['Recruiter'] },
  },
  industries: ['Automotive'],
  locations: ['USA'],
  companySize: { min: 1, max: 100000 },
});

const domainOf = (p: WorldPerson) => world.companies[p.companyIdx]!.primary_domain;
const plain = (p: WorldPerson) =>
  !isCatchAllDomain(world, domainOf(p)) && !isSmtpSilentDomain(world, domainOf(p));

/** People of the world that fit a case. */
function people(filter: (p: WorldPerson) => boolean, n: number): WorldPerson[] {
  const out = world.people.filter(filter).slice(0, n);
  expect(out.length).toBe(n);
  return out;
}

/** What Apollo's reveal says of a world person (the Apollo sandbox's shape, mapped). */
function revealed(p: WorldPerson): RevealedPerson {
  return {
    providerId: p.id,
    firstName: p.first_name,
    lastName: p.last_name,
    title: p.title,
    email: p.email,
    emailStatus: !p.email
      ? 'unavailable'
      : p.email_status === 'verified'
        ? 'verified'
        : p.email_status === 'unavailable'
          ? 'unavailable'
          : 'guessed',
    linkedinUrl: null,
    phone: null,
    city: null,
    country: null,
    seniority: null,
    departments: [],
    emailDomainCatchall: isCatchAllDomain(world, domainOf(p)),
  };
}

function company(p: WorldPerson): Company {
  const c = world.companies[p.companyIdx]!;
  return { name: c.name, domain: c.primary_domain } as Company;
}

interface Case {
  db: Db;
  campaignId: number;
  ctx: ContactContext;
  lines: string[];
  pending: Pending[];
}

/** Every lead comes out of the stage (reachable-first holding has its own test). */
const KEEP_ALL: WaterfallSettings = { ...DEFAULT_WATERFALL, reachableFirst: false };

function setUp(
  client: HunterClient | null,
  persons: WorldPerson[],
  settings: WaterfallSettings = KEEP_ALL,
  db: Db = tempDb().db,
): Case {
  const campaignId = createCampaign(db, {
    icp,
    budget: null,
    sandbox: true,
    sandboxSeed: 42,
    estimate: null,
  });
  addCandidates(
    db,
    campaignId,
    'T1',
    persons.map((p) => ({
      providerId: p.id,
      firstName: p.first_name,
      lastName: p.last_name,
      title: p.title,
      organizationId: null,
      organizationName: world.companies[p.companyIdx]!.name,
      organizationDomain: null,
      hasEmail: true,
    })),
  );
  const rows = nextCandidates(db, campaignId, 'T1', ['new'], 100);
  const pending = persons.map((p) => ({
    cand: rows.find((r) => r.providerPersonId === p.id)!,
    tier: 'T1' as const,
    company: company(p),
    companyId: 1,
    validation: { score: 6, max: 6, checks: [], failedRequired: [], accepted: true },
  }));
  const lines: string[] = [];
  const ctx: ContactContext = {
    db,
    campaignId,
    concurrency: 4,
    providerName: 'apollo',
    icp,
    log: (_level, message) => lines.push(message),
    email: createWaterfall(
      { client, via: 'the sandbox Hunter', source: 'hunter-sandbox', settings },
      { db, campaignId },
    ),
  };
  return { db, campaignId, ctx, lines, pending };
}

const run = (c: Case, persons: WorldPerson[]) => contactStage(c.ctx, 'T1', c.pending, persons.map(revealed));

const hunterLedger = (c: Case) =>
  ledgerEntries(c.db, c.campaignId).filter((e) => e.endpoint.startsWith('/email-'));

describe('the email waterfall stage', () => {
  it('verifies Apollo’s "verified" address again, finds one where Apollo had none, and keeps each step as evidence', async () => {
    const { client } = await hunter();
    const verified = people((p) => p.email_status === 'verified' && plain(p) && mailboxAlive(world, p), 3);
    const missing = people((p) => p.email === null && plain(p) && mailboxAlive(world, p), 6);
    const c = setUp(client, [...verified, ...missing]);
    const out = await run(c, [...verified, ...missing]);

    for (const person of out.people.slice(0, 3)) {
      expect(person.emailEvidence).toMatchObject({
        status: 'verified',
        bounceRisk: 'low',
        addressFrom: 'apollo',
      });
      expect(person.emailEvidence!.steps.map((s) => s.step)).toEqual(['apollo', 'hunter-verifier']);
      expect(person.emailEvidence!.steps[1]).toMatchObject({
        source: 'Hunter email-verifier (sandbox)',
        credits: 0.5,
      });
      expect(Date.parse(person.emailEvidence!.steps[1]!.at)).not.toBeNaN();
    }
    // Where Apollo had nothing, the finder gives an address (from a page or the domain's pattern).
    const found = out.people.slice(3).filter((p) => p.email);
    expect(found.length).toBeGreaterThan(0);
    for (const person of found) {
      expect(person.emailEvidence!.addressFrom).toBe('hunter');
      expect(person.emailEvidence!.steps[1]!.step).toBe('hunter-finder');
      // The finder's address is the person's own; verified only when a check proved it.
      expect(addressTruth(world, person.email!).personId).toBe(person.providerId);
      if (person.emailEvidence!.status === 'verified')
        expect(person.emailEvidence!.steps.at(-1)!.step).toBe('hunter-verifier');
    }
    for (const person of out.people.slice(3).filter((p) => !p.email))
      expect(person.emailEvidence).toMatchObject({ status: 'unavailable', bounceRisk: 'high' });
    // Every Hunter call is a ledger line for the person it was bought for.
    for (const e of hunterLedger(c)) expect(e.entityKey).toMatch(/^p:/);
    expect(hunterState(c.db, c.campaignId)?.state).toBe('on');
    expect(c.lines[0]).toMatch(
      /^Email waterfall: Apollo → Hunter finder → Hunter verifier, via the sandbox Hunter/,
    );
  });

  it('does not save a lead whose only address is proved invalid, and says why', async () => {
    const { client } = await hunter();
    const dead = people((p) => p.email !== null && plain(p) && !mailboxAlive(world, p), 4);
    const c = setUp(client, dead);
    const out = await run(c, dead);
    // Hunter says "valid" for a few dead mailboxes (they bounce later): those are kept as verified.
    const dropped = dead.filter((p) => !out.pending.some((x) => x.cand.providerPersonId === p.id));
    expect(dropped.length).toBeGreaterThan(0);
    for (const p of dropped) {
      expect(getCandidate(c.db, c.campaignId, p.id)).toMatchObject({
        state: 'skipped',
        reason: 'no deliverable email: the only address was proved invalid',
      });
      expect(
        c.lines.some((l) => l.includes(`${p.first_name} ${p.last_name}`) && /only address bounces/.test(l)),
      ).toBe(true);
    }
    expect(out.people.every((p) => p.emailEvidence!.status !== 'invalid')).toBe(true);
  });

  it('asks nothing about a catch-all address and calls it accept_all, whatever Apollo said', async () => {
    const { client } = await hunter();
    const atCatchAll = people(
      (p) => p.email_status === 'verified' && isCatchAllDomain(world, domainOf(p)),
      3,
    );
    const c = setUp(client, atCatchAll);
    const out = await run(c, atCatchAll);
    expect(out.people).toHaveLength(3);
    for (const person of out.people)
      expect(person.emailEvidence).toMatchObject({
        status: 'accept_all',
        bounceRisk: 'medium',
        catchAll: true,
      });
    expect(hunterLedger(c)).toEqual([]);
  });

  it('reachable first: holds a lead without a verified address until its queue lets it back in', async () => {
    const { client } = await hunter();
    const live = people((p) => p.email_status === 'verified' && plain(p) && mailboxAlive(world, p), 2);
    const catchAll = people((p) => p.email_status === 'verified' && isCatchAllDomain(world, domainOf(p)), 1);
    const all = [...live, ...catchAll];
    const c = setUp(client, all, { ...DEFAULT_WATERFALL, minVerifiedShare: 1 }); // hold every one
    const out = await run(c, all);
    expect(out.pending.map((p) => p.cand.providerPersonId)).toEqual(live.map((p) => p.id));
    const held = getCandidate(c.db, c.campaignId, catchAll[0]!.id)!;
    expect(held.state).toBe('skipped');
    expect(held.reason).toMatch(/^held: accept_all email; saved only if T1 cannot be filled/);
    // The search is exhausted: the held lead comes back, and this time it is kept (from the cache).
    expect(releaseHeld(c.db, c.campaignId, 'T1')).toBe(1);
    const back = getCandidate(c.db, c.campaignId, catchAll[0]!.id)!;
    expect(back.state).toBe('revealed');
    expect(back.reason).toMatch(/^released: accept_all email/);
    const again = await contactStage(
      c.ctx,
      'T1',
      [{ ...c.pending[2]!, cand: back }],
      [revealed(catchAll[0]!)],
    );
    expect(again.people.map((p) => p.emailEvidence!.status)).toEqual(['accept_all']);
    expect(releaseHeld(c.db, c.campaignId, 'T1')).toBe(0);
  });

  it('reachable first holds only as far as the verified share needs: the tier keeps (1 − share) × target leads without a proved address', async () => {
    const { client } = await hunter();
    const live = people((p) => p.email_status === 'verified' && plain(p) && mailboxAlive(world, p), 4);
    const catchAll = people((p) => p.email_status === 'verified' && isCatchAllDomain(world, domainOf(p)), 2);
    // T1's target is 50: a share of 0.96 leaves room for 2 catch-all leads (48 of 50 verified at the
    // end), 0.98 for 1 (the second is held), 1 for none. Counted against the target, not the leads so
    // far: the first catch-all comes when 4 are saved (4/5 = 0.8) and is still kept at 0.98.
    const all = [...catchAll.slice(0, 1), ...live, ...catchAll.slice(1)];
    const taken = async (minVerifiedShare: number) => {
      const c = setUp(client, all, { ...DEFAULT_WATERFALL, minVerifiedShare });
      const out = await run(c, all);
      return out.pending.map((p) => p.cand.providerPersonId);
    };
    expect(await taken(0.96)).toEqual(all.map((p) => p.id));
    expect(await taken(0.98)).toEqual([catchAll[0]!, ...live].map((p) => p.id));
    expect(await taken(1)).toEqual(live.map((p) => p.id));
  });

  it('the allowance of leads without a proved address is the target less the verified share', () => {
    expect(unverifiedAllowance(200, 0.8)).toBe(40);
    expect(unverifiedAllowance(100, 0.85)).toBe(15);
    expect(unverifiedAllowance(50, 0.98)).toBe(1);
    expect(unverifiedAllowance(7, 0.8)).toBe(1); // 5.6 verified asked: 6, so 1 may be unverified
    expect(unverifiedAllowance(200, 1)).toBe(0);
    expect(unverifiedAllowance(200, 0)).toBe(200);
  });

  it('a colleague at a domain known to be catch-all waits unrevealed once the tier has its share of unverified leads', async () => {
    const { client } = await hunter();
    const first = people((p) => p.email_status === 'verified' && isCatchAllDomain(world, domainOf(p)), 1)[0]!;
    const colleagues = people((p) => domainOf(p) === domainOf(first), 2);
    const defer = (minVerifiedShare: number, released = false) => {
      const c = setUp(client, colleagues, { ...DEFAULT_WATERFALL, minVerifiedShare });
      // The first colleague was revealed and held for its accept-all address: the domain is known.
      const c0 = world.companies[first.companyIdx]!;
      const companyId = upsertCompany(
        c.db,
        blankCompany({ name: c0.name, domain: c0.primary_domain }),
        'apollo',
      );
      setCandidateState(c.db, c.campaignId, colleagues[0]!.id, {
        state: 'skipped',
        reason: 'held: accept_all email; saved only if T1 cannot be filled with verified ones',
        companyId,
      });
      if (released) releaseHeld(c.db, c.campaignId, 'T1');
      const next = released ? c.pending[0]! : c.pending[1]!;
      const cand = getCandidate(c.db, c.campaignId, next.cand.providerPersonId)!;
      const ctx = { ...c.ctx, reserved: { T1: 1, T2: 0, T3: 0 } } as unknown as BatchContext;
      const out = deferStage(ctx, [{ ...next, cand }]);
      return { out, ctx, c, cand: getCandidate(c.db, c.campaignId, next.cand.providerPersonId)! };
    };
    // Hold every unverified lead (allowance 0): not revealed, held, its room in the tier given back.
    const held = defer(1);
    expect(held.out).toEqual([]);
    expect(held.cand.state).toBe('skipped');
    expect(held.cand.reason).toMatch(/^held: accept_all email \(catch-all domain, known before the reveal/);
    expect(held.ctx.reserved.T1).toBe(0);
    expect(held.c.lines.join('\n')).toMatch(/1 candidate\(s\) at catch-all domains wait unrevealed/);
    // Released when the tier cannot be filled otherwise: it goes on to its reveal.
    expect(releaseHeld(held.c.db, held.c.campaignId, 'T1')).toBe(2);
    expect(defer(1, true).out).toHaveLength(1);
    // The tier may still keep unverified leads (0.9 of 50 → 5): revealed as usual.
    expect(defer(0.9).out).toHaveLength(1);
  });

  it('never asks twice: a second campaign on the same database gets the same answers from the cache', async () => {
    const { sb, client } = await hunter();
    const mix = people((p) => plain(p) && (p.email === null || p.email_status !== 'verified'), 8);
    const first = setUp(client, mix);
    const a = await run(first, mix);
    const asked = sb.stats().requests;
    expect(hunterLedger(first).length).toBeGreaterThan(0);
    const second = setUp(client, mix, KEEP_ALL, first.db);
    const b = await run(second, mix);
    expect(sb.stats().requests).toEqual(asked);
    expect(hunterLedger(second)).toEqual([]);
    expect(b.people.map((p) => [p.email, p.emailEvidence!.status])).toEqual(
      a.people.map((p) => [p.email, p.emailEvidence!.status]),
    );
  });

  it('keeps to the settings: no Hunter steps, or no credit room, means Apollo alone', async () => {
    const { sb, client } = await hunter();
    const mix = people((p) => plain(p) && p.email === null, 3);
    const off = setUp(client, mix, { ...KEEP_ALL, steps: [] });
    const a = await run(off, mix);
    expect(a.people.every((p) => p.emailEvidence!.steps.length === 1)).toBe(true);
    expect(hunterState(off.db, off.campaignId)?.state).toBe('off');
    const capped = setUp(client, mix, { ...KEEP_ALL, maxHunterCreditsPerLead: 0.5 });
    await run(capped, mix); // the finder costs 1 when it finds: over the cap, never asked
    expect(sb.stats().requests['/v2/email-finder'] ?? 0).toBe(0);
    const noVerify = setUp(client, mix, { ...KEEP_ALL, steps: ['finder'] });
    const n = await run(noVerify, mix);
    expect(n.people.every((p) => p.emailEvidence!.steps.every((s) => s.step !== 'hunter-verifier'))).toBe(
      true,
    );
  });

  it('goes on with Apollo alone when Hunter’s quota is used up, and says so once', async () => {
    const { client } = await hunter({ plan: { name: 'Tiny', searches: 1, verifications: 1 } });
    const mix = people((p) => plain(p) && p.email !== null && p.email_status !== 'verified', 6);
    const c = setUp(client, mix);
    const out = await run(c, mix);
    expect(out.pending.length + c.lines.filter((l) => /only address bounces/.test(l)).length).toBe(6);
    expect(hunterState(c.db, c.campaignId)).toMatchObject({ state: 'quota_exhausted' });
    const said = c.lines.filter((l) => /monthly quota/.test(l));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/Apollo alone/);
    // Leads after the refusal keep Apollo's answer only.
    expect(out.people.filter((p) => p.emailEvidence!.steps.length === 1).length).toBeGreaterThan(0);
  });

  it('names Hunter when it refuses the key, and the leads keep Apollo’s addresses', async () => {
    const { client } = await hunter({}, HUNTER_SANDBOX_INVALID_KEY);
    const mix = people((p) => plain(p) && p.email !== null && p.email_status !== 'verified', 2);
    const c = setUp(client, mix);
    const out = await run(c, mix);
    expect(out.pending).toHaveLength(2);
    expect(out.people.map((p) => p.email)).toEqual(mix.map((p) => p.email));
    expect(hunterState(c.db, c.campaignId)?.state).toBe('bad_key');
    const events = listEvents(c.db, c.campaignId, 100).map((e) => e.message);
    expect([...c.lines, ...events].some((l) => /Hunter refused the API key \(401\)/.test(l))).toBe(true);
  });
});
