import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CampaignRunner } from '../../main/pipeline/runner';
import { REACHABLE_EMAIL_STATUSES, tierSeniorities } from '../../main/pipeline/search-filters';
import { searchKeys, sizeBands } from '../../main/pipeline/search-plan';
import { SemanticFilter } from '../../main/pipeline/semantic-filter';
import type { ScriptedPeer } from '../providers/scripted-peer';
import { allLeads } from '../../main/store';
import { harness, pipelineIcp, type Harness } from './helpers';
import { startScriptedApollo, type ScriptedOrg, type ScriptedPerson } from './scripted-apollo';

const ORGS: ScriptedOrg[] = [
  {
    id: 'big',
    name: 'Acme Axles',
    domain: 'acmeaxles.com',
    industry: 'automotive',
    employees: 2400,
    country: 'United States',
    jobs: 2,
  },
  {
    id: 'small',
    name: 'Delta Resins',
    domain: 'deltaresins.com',
    industry: 'chemicals',
    employees: 300,
    country: 'United States',
    jobs: 2,
  },
];
const PEOPLE: ScriptedPerson[] = [
  // The small company comes first in the provider's own order: the plan, not luck, puts it last.
  { id: 's1', first: 'Sara', last: 'Lind', title: 'COO', orgId: 'small' },
  { id: 'b1', first: 'Ana', last: 'Silva', title: 'COO', orgId: 'big' },
  { id: 'b2', first: 'Ben', last: 'Okafor', title: 'VP Operations', orgId: 'big' },
];

let peer: ScriptedPeer;
const open: Harness[] = [];
beforeAll(async () => {
  peer = await startScriptedApollo(ORGS, PEOPLE);
});
afterAll(async () => {
  for (const h of open) await h.close();
  await peer.close();
});

const searches = () =>
  peer.seen
    .filter((r) => r.path.endsWith('/mixed_people/api_search'))
    .map((r) => JSON.parse(r.body) as Record<string, unknown>);

async function run(t1: number) {
  peer.seen.length = 0;
  const icp = pipelineIcp({ T1: t1, T2: 0, T3: 0 });
  const h = harness(peer, icp);
  open.push(h);
  const runner = new CampaignRunner({
    db: h.db,
    provider: h.provider,
    prefilter: new SemanticFilter(icp, null),
    campaignId: h.campaignId,
  });
  const status = await runner.run();
  return { h, status, leads: allLeads(h.db, h.campaignId).map((l) => l.contact.providerId) };
}

describe('search plan: size bands from the checklist', () => {
  it('splits 200–10,000 where the size-inferred checks all pass (above 500 employees)', () => {
    expect(sizeBands(pipelineIcp())).toEqual([
      { min: 501, max: 10000 },
      { min: 200, max: 500 },
    ]);
  });

  it('keeps one band when the whole range passes the same inferred checks', () => {
    const icp = { ...pipelineIcp(), companySize: { min: 600, max: 5000 } };
    expect(sizeBands(icp)).toEqual([{ min: 600, max: 5000 }]);
    // One band: the cursor is the title itself (campaigns stored before the split resume as they were).
    expect(searchKeys(icp, ['COO'])[0]![0]!.key).toBe('COO');
  });

  it('names each banded cursor by title and range', () => {
    const keys = searchKeys(pipelineIcp(), ['COO']);
    expect(keys.map((b) => b[0]!.key)).toEqual(['COO @ 501,10000', 'COO @ 200,500']);
  });
});

describe('search plan: the runner reads the band that can pass first', () => {
  it('fills a tier from companies above 500 employees without searching the smaller ones', async () => {
    const { status, leads } = await run(2);
    expect(status).toBe('completed');
    expect(leads.sort()).toEqual(['b1', 'b2']);
    // The paged searches (the filters' counts ask for one result over the whole range).
    const ranges = searches()
      .filter((b) => b.per_page === 100)
      .map((b) => b.organization_num_employees_ranges);
    expect(ranges.length).toBeGreaterThan(0);
    expect(ranges.every((r) => JSON.stringify(r) === '["501,10000"]')).toBe(true);
  });

  it('goes on to the smaller companies only when the first band is exhausted, and says so', async () => {
    const { h, status, leads } = await run(3);
    expect(status).toBe('completed');
    expect(leads.sort()).toEqual(['b1', 'b2', 's1']);
    const ranges = searches()
      .filter((b) => b.per_page === 100)
      .map((b) => JSON.stringify(b.organization_num_employees_ranges));
    const firstSmall = ranges.indexOf('["200,500"]');
    expect(firstSmall).toBeGreaterThan(0);
    expect(ranges.slice(0, firstSmall).every((r) => r === '["501,10000"]')).toBe(true);
    const log = h.activity().join('\n');
    expect(log).toMatch(/T1: searched 3 title\(s\) at companies of 501–10,000 employees/);
    expect(log).toMatch(/T1: searched 3 title\(s\) at companies of 200–500 employees/);
  });
});

describe('free search filters: scoped to the directory, by seniority, by email where it helps', () => {
  it('reads the seniorities a tier’s titles hold (leaders’ range; practitioners senior and entry)', () => {
    expect(tierSeniorities(['COO', 'VP Operations', 'Plant Head'])).toEqual([
      'c_suite',
      'vp',
      'director',
      'head',
    ]);
    expect(tierSeniorities(['CHRO', 'HR Manager'])).toEqual(['c_suite', 'vp', 'director', 'head', 'manager']);
    expect(tierSeniorities(['Recruiter', 'HRBP'])).toEqual(['senior', 'entry']);
    expect(tierSeniorities(['Chief Wizard', 'Dragon'])).toBeNull(); // a rank it cannot read: no filter
  });

  it('sends organization_ids, seniorities and the email filter, and logs what each removed', async () => {
    const { h } = await run(1);
    const body = searches().find((b) => b.per_page === 100)!;
    expect((body.organization_ids as string[]).sort()).toEqual(['big', 'small']);
    expect(body.person_seniorities).toEqual(['c_suite', 'vp', 'director', 'head']);
    // 3 people with an address ≥ 3 × the target of 1: the email filter is applied.
    expect(body.contact_email_status).toEqual(REACHABLE_EMAIL_STATUSES);
    expect(h.activity()).toContain(
      'T1: free search filters: directory scope 3 → 3 people; seniority filter (c_suite, vp, director, head) 3 → 3 people; ' +
        'email filter (an address to reveal) 3 → 3 people.',
    );
  });

  it('leaves the email filter off where it would leave fewer than 3× the target, and says so', async () => {
    const { h } = await run(2);
    const body = searches().find((b) => b.per_page === 100)!;
    expect(body.contact_email_status).toBeUndefined();
    expect(h.activity().join('\n')).toMatch(
      /email filter \(an address to reveal\) 3 → 3 people \(not applied: fewer than 3× the target of 2\)/,
    );
  });
});
