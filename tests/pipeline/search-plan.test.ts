import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CampaignRunner } from '../../main/pipeline/runner';
import { searchKeys, sizeBands } from '../../main/pipeline/search-plan';
import { SemanticFilter } from '../../main/pipeline/semantic-filter';
import type { ScriptedPeer } from '../../main/providers/scripted-peer.test-support';
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
    const ranges = searches().map((b) => b.organization_num_employees_ranges);
    expect(ranges.length).toBeGreaterThan(0);
    expect(ranges.every((r) => JSON.stringify(r) === '["501,10000"]')).toBe(true);
  });

  it('goes on to the smaller companies only when the first band is exhausted, and says so', async () => {
    const { h, status, leads } = await run(3);
    expect(status).toBe('completed');
    expect(leads.sort()).toEqual(['b1', 'b2', 's1']);
    const ranges = searches().map((b) => JSON.stringify(b.organization_num_employees_ranges));
    const firstSmall = ranges.indexOf('["200,500"]');
    expect(firstSmall).toBeGreaterThan(0);
    expect(ranges.slice(0, firstSmall).every((r) => r === '["501,10000"]')).toBe(true);
    const log = h.activity().join('\n');
    expect(log).toMatch(/T1: searched 3 title\(s\) at companies of 501–10,000 employees/);
    expect(log).toMatch(/T1: searched 3 title\(s\) at companies of 200–500 employees/);
  });
});
