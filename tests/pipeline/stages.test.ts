import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  enrichStage,
  planStage,
  prefilterStage,
  factsStage,
  hiringForLeads,
  processBatch,
  resolveStage,
  revealStage,
  saveStage,
  scoreStage,
  validateStage,
} from '../../main/pipeline/stages';
import { planRoom } from '../../main/pipeline/stages/room';
import { colleagueStage } from '../../main/pipeline/stages/save';
import type { ScriptedPeer } from '../providers/scripted-peer';
import { allLeads, contactCatchall, countLeadsByTier, getCandidate, ledgerSummary } from '../../main/store';
import { harness, pipelineIcp, type Harness } from './helpers';
import { startScriptedApollo, type ScriptedOrg, type ScriptedPerson } from './scripted-apollo';

const ORGS: ScriptedOrg[] = [
  // Small and single-site: it passes 4/6 only with its HR and Ops head counts and its open jobs.
  {
    id: 'o4',
    name: 'Delta Resins',
    domain: 'deltaresins.com',
    industry: 'chemicals',
    employees: 300,
    country: 'United States',
    jobs: 3,
  },
  {
    id: 'o1',
    name: 'Acme Axles',
    domain: 'acmeaxles.com',
    industry: 'automotive',
    employees: 800,
    country: 'United States',
  },
  {
    id: 'o2',
    name: 'Beta Chemicals',
    domain: 'betachem.com',
    industry: 'chemicals',
    employees: 1500,
    country: 'United States',
  },
  {
    id: 'o3',
    name: 'Gamma Bank',
    domain: 'gammabank.com',
    industry: 'banking',
    employees: 900,
    country: 'United States',
  },
];
const NAMES = {
  o4: 'Delta Resins',
  o1: 'Acme Axles',
  o2: 'Beta Chemicals',
  o3: 'Gamma Bank',
  ox: 'Unlisted Works',
};
const PEOPLE: ScriptedPerson[] = [
  { id: 'p1', first: 'Ana', last: 'Silva', title: 'COO', orgId: 'o1' },
  { id: 'p2', first: 'Ben', last: 'Okafor', title: 'VP Operations', orgId: 'o1' },
  { id: 'p3', first: 'Chen', last: 'Li', title: 'Plant Head', orgId: 'o3' },
  { id: 'p4', first: 'Dev', last: 'Rao', title: 'Chief Financial Officer', orgId: 'o2' },
  { id: 'p5', first: 'Eva', last: 'Novak', title: 'CHRO', orgId: 'o2' },
  { id: 'p6', first: 'Finn', last: 'Berg', title: 'Plant Head', orgId: 'ox' },
  { id: 'p7', first: 'Gita', last: 'Shah', title: 'COO', orgId: 'o2', catchall: true },
];

const DELTA: ScriptedPerson[] = [{ id: 'p8', first: 'Hana', last: 'Ito', title: 'COO', orgId: 'o4' }];

let peer: ScriptedPeer;
let failReveal = false;
const open: Harness[] = [];
beforeAll(async () => {
  peer = await startScriptedApollo(ORGS, [...PEOPLE, ...DELTA], {
    fail: (req) => (failReveal && req.path.endsWith('/people/match') ? { status: 500, body: 'boom' } : null),
  });
});
afterAll(async () => {
  for (const h of open) await h.close();
  await peer.close();
});
const fresh = (targets?: { T1: number; T2: number; T3: number }) => {
  const h = harness(peer, pipelineIcp(targets));
  open.push(h);
  return h;
};
const requestsTo = (path: string) => peer.seen.filter((r) => r.path.endsWith(path)).length;

describe('resolve', () => {
  it('names each candidate’s company from one paid directory page; an unlisted company stays unknown', async () => {
    const h = fresh();
    const resolved = await resolveStage(h.ctx, 'T1', h.queue(PEOPLE, NAMES));
    expect(resolved.map((r) => r.cand.companyRef.domain)).toEqual([
      'acmeaxles.com',
      'acmeaxles.com',
      'gammabank.com',
      'betachem.com',
      'betachem.com',
      null,
      'betachem.com',
    ]);
    expect(resolved[5]!.summary).toBeNull();
    expect(resolved[0]!.cand.companyRef.organizationId).toBe('o1');
    expect(ledgerSummary(h.db, h.campaignId)).toEqual([
      { endpoint: '/mixed_companies/search', calls: 1, credits: 1 },
    ]);
  });
});

describe('prefilter and plan', () => {
  it('drops a title no tier holds (recorded with its reason) and hints the tier of the rest', async () => {
    const h = fresh();
    const resolved = await resolveStage(h.ctx, 'T1', h.queue(PEOPLE, NAMES));
    const screened = await prefilterStage(h.ctx, 'T1', resolved);
    expect(screened.map((s) => [s.cand.providerPersonId, s.dropped, s.tierHint])).toEqual([
      ['p1', false, 'T1'],
      ['p2', false, 'T1'],
      ['p3', false, 'T1'],
      ['p4', true, null],
      ['p5', false, 'T2'],
      ['p6', true, 'T1'],
      ['p7', false, 'T1'],
    ]);
    const p4 = getCandidate(h.db, h.campaignId, 'p4')!;
    expect(p4.state).toBe('filtered_out');
    expect(p4.reason).toMatch(/Chief Financial Officer/);
    expect(getCandidate(h.db, h.campaignId, 'p5')!.titleTier).toBe('T2');
    expect(getCandidate(h.db, h.campaignId, 'p6')!.reason).toMatch(
      /Unlisted Works is not in the ICP's company directory/,
    );
    expect(h.activity()).toContain(
      "T1: screened 7 candidates locally: 1 filtered by title, 1 at companies outside the ICP's directory, 0 by company facts, 5 worth paying for.",
    );
  });

  it('plans each tier’s room and no more, ending the step at the first candidate past it', async () => {
    const h = fresh({ T1: 1, T2: 2, T3: 1 });
    const screened = await prefilterStage(
      h.ctx,
      'T1',
      await resolveStage(h.ctx, 'T1', h.queue(PEOPLE, NAMES)),
    );
    // T1 has room 1: p1 is planned; p2 is the second T1 candidate and ends the step (a paid
    // reveal past the room would be wasted if p1 passes; if not, the next step takes p2).
    expect(planStage(h.ctx, screened).map((c) => c.providerPersonId)).toEqual(['p1']);
    expect(getCandidate(h.db, h.campaignId, 'p2')!.state).toBe('new');
    // With room 2 in T2, a T2 candidate is planned beside T1's one.
    const h2 = fresh({ T1: 3, T2: 2, T3: 1 });
    const screened2 = await prefilterStage(
      h2.ctx,
      'T1',
      await resolveStage(h2.ctx, 'T1', h2.queue(PEOPLE, NAMES)),
    );
    expect(planStage(h2.ctx, screened2).map((c) => c.providerPersonId)).toEqual(['p1', 'p2', 'p3', 'p5']);
    expect(getCandidate(h2.db, h2.campaignId, 'p7')!.state).toBe('new');
  });

  it('skips candidates of a full tier, saying so', async () => {
    const h = fresh({ T1: 1, T2: 2, T3: 1 });
    h.ctx.reserved.T1 = 1; // the tier's one place is taken by a reveal in flight
    const screened = await prefilterStage(
      h.ctx,
      'T1',
      await resolveStage(h.ctx, 'T1', h.queue(PEOPLE, NAMES)),
    );
    expect(planStage(h.ctx, screened).map((c) => c.providerPersonId)).toEqual(['p5']);
    const p1 = getCandidate(h.db, h.campaignId, 'p1')!;
    expect([p1.state, p1.reason]).toEqual(['skipped', 'T1 is full']);
  });
});

describe('enrich, validate, reveal, score, save', () => {
  async function kept(h: Harness) {
    const screened = await prefilterStage(
      h.ctx,
      'T1',
      await resolveStage(h.ctx, 'T1', h.queue(PEOPLE, NAMES)),
    );
    return planStage(h.ctx, screened);
  }

  it('buys each company once for all its candidates, and never again once cached', async () => {
    const h = fresh({ T1: 5, T2: 2, T3: 1 });
    const k = await kept(h);
    const before = requestsTo('/organizations/enrich');
    const facts = await enrichStage(h.ctx, 'T1', k);
    expect(requestsTo('/organizations/enrich') - before).toBe(3); // o1, o3, o2 (p6 was dropped: unlisted)
    expect(facts.get('d:acmeaxles.com')?.employees).toBe(800);
    await enrichStage(h.ctx, 'T1', k);
    expect(requestsTo('/organizations/enrich') - before).toBe(3);
    const enrich = ledgerSummary(h.db, h.campaignId).find((l) => l.endpoint === '/organizations/enrich');
    expect(enrich).toMatchObject({ calls: 3, credits: 3 });
  });

  it('rejects a company outside the ICP’s industries with the failed check, and holds room for the rest', async () => {
    const h = fresh({ T1: 1, T2: 2, T3: 1 });
    const k = await kept(h);
    const pending = validateStage(h.ctx, 'T1', k, await enrichStage(h.ctx, 'T1', k));
    // p1 fills T1's only place, so the step ends there: p2 and p3 are left for later.
    expect(pending.map((p) => p.cand.providerPersonId)).toEqual(['p1']);
    expect(h.ctx.reserved.T1).toBe(1);
    expect(getCandidate(h.db, h.campaignId, 'p1')!.state).toBe('enriched');
    expect(getCandidate(h.db, h.campaignId, 'p2')!.state).toBe('new');

    const wide = fresh({ T1: 5, T2: 2, T3: 1 });
    const k2 = await kept(wide);
    const p2 = validateStage(wide.ctx, 'T1', k2, await enrichStage(wide.ctx, 'T1', k2));
    expect(p2.map((p) => p.cand.providerPersonId)).toEqual(['p1', 'p2', 'p5', 'p7']);
    const p3 = getCandidate(wide.db, wide.campaignId, 'p3')!;
    expect(p3.state).toBe('rejected');
    expect(p3.reason).toMatch(/industry/);
    expect(p3.validation?.checks.find((c) => c.id === 'industry')?.passed).toBe(false);
    expect(getCandidate(wide.db, wide.campaignId, 'p6')!.state).toBe('filtered_out');
  });

  it('releases the room pending leads held even when the reveal fails', async () => {
    const h = fresh({ T1: 5, T2: 2, T3: 1 });
    const k = await kept(h);
    const pending = validateStage(h.ctx, 'T1', k, await enrichStage(h.ctx, 'T1', k));
    expect(h.ctx.reserved).toEqual({ T1: 3, T2: 1, T3: 0 });
    failReveal = true;
    try {
      await expect(revealStage(h.ctx, 'T1', pending)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    } finally {
      failReveal = false;
    }
    expect(h.ctx.reserved).toEqual({ T1: 0, T2: 0, T3: 0 });
  });

  it('reveals, scores colleagues within the step, and saves leads in queue order', async () => {
    const h = fresh({ T1: 5, T2: 2, T3: 1 });
    const k = await kept(h);
    const pending = validateStage(h.ctx, 'T1', k, await enrichStage(h.ctx, 'T1', k));
    const people = await revealStage(h.ctx, 'T1', pending);
    expect(people.map((p) => p?.email)).toEqual([
      'ana.silva@acmeaxles.com',
      'ben.okafor@acmeaxles.com',
      'eva.novak@betachem.com',
      'gita.shah@betachem.com',
    ]);
    const scored = scoreStage(h.ctx, pending, people);
    const multi = (i: number) =>
      scored[i]!.score.breakdown.some((b) => b.signal === 'Multiple contacts found');
    expect([multi(0), multi(1), multi(2), multi(3)]).toEqual([false, true, false, true]);
    expect(saveStage(h.ctx, scored)).toBe(4);
    expect(countLeadsByTier(h.db, h.campaignId)).toEqual({ T1: 3, T2: 1, T3: 0 });
    expect(
      allLeads(h.db, h.campaignId)
        .map((l) => l.contact.providerId)
        .sort(),
    ).toEqual(['p1', 'p2', 'p5', 'p7']);
    expect(getCandidate(h.db, h.campaignId, 'p1')!.state).toBe('saved');
    expect(h.ctx.colleagues.get('acmeaxles.com')).toBe(2);
    // A verified address on a catch-all domain is kept as such and counts for less.
    const gita = allLeads(h.db, h.campaignId).find((l) => l.contact.providerId === 'p7')!;
    expect(gita.contact.emailDomainCatchall).toBe(true);
    expect(contactCatchall(h.db, getCandidate(h.db, h.campaignId, 'p7')!.contactId!)).toBe(true);
    expect(contactCatchall(h.db, getCandidate(h.db, h.campaignId, 'p1')!.contactId!)).toBe(false);
    const email = (l: typeof gita) =>
      l.score.breakdown.find((b) => b.signal === 'Direct email found')!.points;
    expect(email(gita)).toBe(20);
    expect(email(allLeads(h.db, h.campaignId).find((l) => l.contact.providerId === 'p1')!)).toBe(30);
    expect('organization' in gita.contact).toBe(false);
    expect(h.activity().some((l) => /^T1 lead: Ana Silva, COO at Acme Axles/.test(l))).toBe(true);

    // Once saved, the first lead at each company has a colleague too: it gets the point it lacked.
    const before = new Map(allLeads(h.db, h.campaignId).map((l) => [l.contact.providerId, l.score]));
    colleagueStage(h.ctx, scored);
    for (const l of allLeads(h.db, h.campaignId)) {
      const was = before.get(l.contact.providerId)!;
      expect(l.score.breakdown.filter((b) => b.signal === 'Multiple contacts found')).toHaveLength(1);
      const gained = ['p1', 'p5'].includes(l.contact.providerId!) ? 15 : 0;
      expect(l.score.accessibility).toBe(Math.min(100, was.accessibility + gained));
      expect(l.score.total).toBe(
        Math.round(l.score.intent * 0.4 + l.score.fit * 0.35 + l.score.accessibility * 0.25),
      );
    }
    expect(
      allLeads(h.db, h.campaignId).find((l) => l.contact.providerId === 'p1')!.score.total,
    ).toBeGreaterThan(before.get('p1')!.total);
  });

  it('runs a whole batch through every stage', async () => {
    const h = fresh({ T1: 5, T2: 2, T3: 1 });
    const saved = await processBatch(h.ctx, 'T1', h.queue(PEOPLE, NAMES));
    expect(saved).toBe(4);
    const states = PEOPLE.map((p) => getCandidate(h.db, h.campaignId, p.id)!.state);
    expect(states).toEqual(['saved', 'saved', 'rejected', 'filtered_out', 'saved', 'filtered_out', 'saved']);
  });
});

describe('company facts: enrich-first or reveal-first, and hiring', () => {
  async function kept(h: Harness, people: ScriptedPerson[]) {
    const screened = await prefilterStage(
      h.ctx,
      'T1',
      await resolveStage(h.ctx, 'T1', h.queue(people, NAMES)),
    );
    return planStage(h.ctx, screened);
  }

  it('reveal-first: one reveal per unknown company gives its facts; no enrichment where head counts cannot decide', async () => {
    const h = fresh({ T1: 5, T2: 2, T3: 1 });
    h.ctx.order = 'reveal-first';
    const k = await kept(h, PEOPLE);
    const [enrich, match, jobs] = ['/organizations/enrich', '/people/match', '/job_postings'].map(requestsTo);
    const facts = await factsStage(h.ctx, 'T1', k);
    expect(requestsTo('/people/match') - match!).toBe(3); // p1 (o1), p3 (o3), p5 (o2): the first at each
    expect(requestsTo('/organizations/enrich') - enrich!).toBe(0);
    // Open jobs before the decision only where they can change it: Acme and Beta pass either way
    // (their jobs wait for a kept lead), the bank fails on industry either way.
    expect(requestsTo('/job_postings') - jobs!).toBe(0);
    expect(facts.get('d:acmeaxles.com')).toMatchObject({
      factsFrom: 'people/match',
      employees: 800,
      openJobs: null,
    });
    expect(facts.get('d:gammabank.com')?.openJobs).toBeNull();
    // The reveal stage then buys only the colleagues: p1 and p5 come from the cache.
    const pending = validateStage(h.ctx, 'T1', k, facts);
    const before = requestsTo('/people/match');
    await revealStage(h.ctx, 'T1', pending);
    expect(pending.map((p) => p.cand.providerPersonId)).toEqual(['p1', 'p2', 'p5', 'p7']);
    expect(requestsTo('/people/match') - before).toBe(2);
    // The kept leads' companies get their open jobs (once per company) and a verified hiring check.
    const leads = await hiringForLeads(h.ctx, 'T1', pending);
    expect(requestsTo('/job_postings') - jobs!).toBe(2); // o1, o2
    const hiring = leads.map((p) => p.validation.checks.find((c) => c.id === 'hiringCycles')!);
    expect(hiring.map((c) => [c.basis, c.evidence])).toEqual(
      Array(4).fill(['verified', '0 open job postings']),
    );
    expect(leads.map((p) => p.company.openJobs)).toEqual([0, 0, 0, 0]);
  });

  it('a company whose only candidate is not kept costs no open jobs', async () => {
    const h = fresh({ T1: 5, T2: 2, T3: 1 });
    const k = await kept(h, PEOPLE.slice(0, 1));
    const jobs = requestsTo('/job_postings');
    const pending = validateStage(h.ctx, 'T1', k, await factsStage(h.ctx, 'T1', k));
    await revealStage(h.ctx, 'T1', pending);
    expect(await hiringForLeads(h.ctx, 'T1', [])).toEqual([]); // held back or invalid: nobody kept
    expect(requestsTo('/job_postings') - jobs).toBe(0);
  });

  it('reveal-first: enriches a company whose head counts decide, and the checklist reads them', async () => {
    const h = fresh({ T1: 5, T2: 2, T3: 1 });
    h.ctx.order = 'reveal-first';
    const k = await kept(h, DELTA);
    const enrich = requestsTo('/organizations/enrich');
    const facts = await factsStage(h.ctx, 'T1', k);
    expect(requestsTo('/organizations/enrich') - enrich).toBe(1);
    const delta = facts.get('d:deltaresins.com')!;
    expect(delta).toMatchObject({ factsFrom: 'organizations/enrich', openJobs: 3 });
    const [p] = validateStage(h.ctx, 'T1', k, facts);
    const check = (id: string) => p!.validation.checks.find((c) => c.id === id)!;
    expect(p!.validation.score).toBe(4);
    expect(check('hrAndOps')).toMatchObject({ passed: true, basis: 'verified' });
    expect(check('hiringCycles')).toMatchObject({
      passed: true,
      basis: 'verified',
      evidence: '3 open job postings',
    });
  });

  it('enrich-first: buys each company, then open jobs only for those that can pass', async () => {
    const h = fresh({ T1: 5, T2: 2, T3: 1 });
    h.ctx.order = 'enrich-first';
    const k = await kept(h, [...PEOPLE, ...DELTA]);
    const [enrich, match, jobs] = ['/organizations/enrich', '/people/match', '/job_postings'].map(requestsTo);
    const facts = await factsStage(h.ctx, 'T1', k);
    expect(requestsTo('/organizations/enrich') - enrich!).toBe(4);
    expect(requestsTo('/people/match') - match!).toBe(0);
    expect(requestsTo('/job_postings') - jobs!).toBe(1); // o4, whose decision they change
    expect(facts.get('d:deltaresins.com')?.openJobs).toBe(3);
    await hiringForLeads(h.ctx, 'T1', validateStage(h.ctx, 'T1', k, facts));
    expect(requestsTo('/job_postings') - jobs!).toBe(3); // then o1, o2 for their leads; not the bank
    const ledger = ledgerSummary(h.db, h.campaignId).find(
      (l) => l.endpoint === '/organizations/{id}/job_postings',
    );
    expect(ledger).toMatchObject({ calls: 3, credits: 1 }); // charged only for a page with postings
  });
});

describe('room plan (which candidates a batch can use)', () => {
  it('gives each tier’s room to its candidates in queue order; the rest wait for the next batch', () => {
    const h = fresh({ T1: 2, T2: 2, T3: 1 });
    const plan = planRoom(h.ctx, h.queue(PEOPLE, NAMES));
    // T1 titles in order: p1, p2, p3, p6, p7 — room 2; p5 is T2; p4 (a CFO) is no target.
    expect([...plan.buyers]).toEqual(['p1', 'p2', 'p5']);
    expect([...plan.waiting]).toEqual(['p3', 'p6', 'p7']);
  });

  it('lets the checklist refuse a tier full before the batch, without buying for it', async () => {
    const h = fresh({ T1: 2, T2: 2, T3: 1 });
    h.ctx.reserved.T1 = 2;
    const queue = h.queue(PEOPLE, NAMES);
    const plan = planRoom(h.ctx, queue);
    expect([...plan.buyers]).toEqual(['p5']);
    expect(plan.waiting.size).toBe(0);
    const before = requestsTo('/people/match');
    const facts = await factsStage(h.ctx, 'T1', queue);
    // Only CHRO p5's reveal is bought (for Beta Chemicals' facts); the T1 candidates' companies are not.
    expect(requestsTo('/people/match') - before).toBe(1);
    validateStage(h.ctx, 'T2', queue, facts);
    const p1 = getCandidate(h.db, h.campaignId, 'p1')!;
    expect([p1.state, p1.reason]).toEqual(['skipped', 'T1 is full']);
    expect(getCandidate(h.db, h.campaignId, 'p4')!.reason).toMatch(/not a target title/);
  });
});
