import { describe, expect, it } from 'vitest';
import { createCampaign, setCampaignStatus } from '../../main/store/campaigns';
import {
  addCandidates,
  countCandidates,
  getCandidate,
  getSearchCursor,
  listSearchCursors,
  nextCandidates,
  saveSearchCursor,
  setCandidateState,
} from '../../main/store/candidates';
import { upsertCompany } from '../../main/store/companies';
import { upsertContact } from '../../main/store/contacts';
import { openDb, type Db } from '../../main/store/db';
import { DIRECTORY_ENDPOINT, funnelStats } from '../../main/store/funnel';
import { insertLead } from '../../main/store/leads';
import { recordPaidCall } from '../../main/store/ledger';
import { candidate, company, newLead, revealed, sampleIcp, tempDb, validation } from './fixtures';

const newCampaign = (db: Db) =>
  createCampaign(db, { icp: sampleIcp(), budget: null, sandbox: true, sandboxSeed: 1, estimate: null });
const people = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => candidate(`${prefix}${i + 1}`));

describe('campaign candidates', () => {
  it('queues pages in order, ignoring people already queued in any tier of the campaign', () => {
    const { db } = tempDb();
    const id = newCampaign(db);
    const other = newCampaign(db);
    expect(addCandidates(db, id, 'T1', people('a', 3))).toBe(3);
    expect(addCandidates(db, id, 'T1', [candidate('a2'), candidate('b1'), candidate('b1')])).toBe(1);
    expect(addCandidates(db, id, 'T2', [candidate('a1'), candidate('c1')])).toBe(1);
    expect(addCandidates(db, other, 'T1', [candidate('a1')])).toBe(1); // campaigns are independent

    expect(nextCandidates(db, id, 'T1', ['new'], 10).map((c) => [c.providerPersonId, c.seq])).toEqual([
      ['a1', 1],
      ['a2', 2],
      ['a3', 3],
      ['b1', 4],
    ]);
    expect(nextCandidates(db, id, 'T2', ['new'], 10).map((c) => [c.providerPersonId, c.seq])).toEqual([
      ['c1', 1],
    ]);
    expect(nextCandidates(db, id, 'T1', ['new'], 2)).toHaveLength(2);
    expect(nextCandidates(db, id, 'T1', [], 2)).toEqual([]);
    db.close();
  });

  it('stores the person and its company ref, defaulting the ref from the person', () => {
    const { db } = tempDb();
    const id = newCampaign(db);
    const ref = { name: 'Acme Forge Pvt Ltd', domain: 'acmeforge.com', organizationId: 'org-1' };
    addCandidates(
      db,
      id,
      'T1',
      [candidate('p1', { organizationDomain: null }), candidate('p2')],
      [ref, null],
    );
    expect(getCandidate(db, id, 'p1')).toMatchObject({
      tier: 'T1',
      state: 'new',
      person: { providerId: 'p1', lastName: 'R***o', organizationDomain: null },
      companyRef: ref,
      similarity: null,
      validation: null,
    });
    expect(getCandidate(db, id, 'p2')?.companyRef).toEqual({
      name: 'Acme Forge',
      domain: 'acmeforge.com',
      organizationId: 'org-1',
    });
    expect(() => addCandidates(db, id, 'T1', [candidate('p3')], [ref, ref])).toThrow(
      /1 people but 2 companyRefs/,
    );
    db.close();
  });

  it('patches only the fields given (null clears) and counts per tier and state', () => {
    const { db } = tempDb();
    const id = newCampaign(db);
    addCandidates(db, id, 'T1', people('p', 4));
    addCandidates(db, id, 'T3', people('q', 2));
    const companyId = upsertCompany(db, company(), 'apollo');
    const contactId = upsertContact(db, { person: revealed('p2'), companyId, source: 'apollo' });

    setCandidateState(db, id, 'p1', {
      state: 'filtered_out',
      reason: 'title far from ICP',
      similarity: 0.21,
    });
    setCandidateState(db, id, 'p2', {
      state: 'enriched',
      similarity: 0.8,
      companySimilarity: 0.7,
      companyId,
    });
    setCandidateState(db, id, 'p2', { state: 'revealed', validation: validation(5), contactId });
    setCandidateState(db, id, 'p3', { state: 'rejected', reason: 'size', companyId });
    setCandidateState(db, id, 'p3', { state: 'rejected', reason: null });
    expect(getCandidate(db, id, 'p2')).toMatchObject({
      state: 'revealed',
      similarity: 0.8,
      companySimilarity: 0.7,
      companyId,
      contactId,
      validation: validation(5),
      reason: null,
    });
    expect(getCandidate(db, id, 'p3')).toMatchObject({ reason: null, companyId });
    expect(() => setCandidateState(db, id, 'nobody', { state: 'saved' })).toThrow(/no candidate "nobody"/);
    expect(() => setCandidateState(db, id, 'p4', { state: 'done' as never })).toThrow(/unknown state "done"/);
    expect(() => setCandidateState(db, id, 'p4', { state: 'saved', companyId: 9999 })).toThrow(/FOREIGN KEY/);

    const counts = countCandidates(db, id);
    expect(counts.T1).toEqual({
      new: 1,
      filtered_out: 1,
      enriched: 0,
      rejected: 1,
      revealed: 1,
      saved: 0,
      skipped: 0,
    });
    expect(counts.T2.new).toBe(0);
    expect(counts.T3.new).toBe(2);
    expect(
      nextCandidates(db, id, 'T1', ['new', 'enriched', 'revealed'], 10).map((c) => c.providerPersonId),
    ).toEqual(['p2', 'p4']);
    db.close();
  });

  it('resumes after a restart: a reopened file continues the queue by seq and search pages where they stopped', () => {
    const { db, file } = tempDb();
    const id = newCampaign(db);
    saveSearchCursor(db, {
      campaignId: id,
      tier: 'T1',
      title: 'CEO',
      page: 1,
      totalPages: 3,
      exhausted: false,
    });
    addCandidates(db, id, 'T1', people('p', 5));
    for (const c of nextCandidates(db, id, 'T1', ['new'], 2))
      setCandidateState(db, id, c.providerPersonId, { state: 'saved' });
    db.close(); // the app quits mid-campaign

    const again = openDb(file);
    expect(getSearchCursor(again, id, 'T1', 'CEO')).toMatchObject({
      page: 1,
      totalPages: 3,
      exhausted: false,
    });
    expect(getSearchCursor(again, id, 'T1', 'COO')).toBeNull();
    expect(nextCandidates(again, id, 'T1', ['new'], 10).map((c) => c.providerPersonId)).toEqual([
      'p3',
      'p4',
      'p5',
    ]);
    // Page 2 arrives after the restart: queued after what was there, including the repeat of p5.
    expect(addCandidates(again, id, 'T1', [candidate('p5'), candidate('p6')])).toBe(1);
    expect(getCandidate(again, id, 'p6')?.seq).toBe(6);
    saveSearchCursor(again, {
      campaignId: id,
      tier: 'T1',
      title: 'CEO',
      page: 3,
      totalPages: 3,
      exhausted: true,
    });
    saveSearchCursor(again, {
      campaignId: id,
      tier: 'T2',
      title: 'CHRO',
      page: 1,
      totalPages: 1,
      exhausted: true,
    });
    expect(listSearchCursors(again, id).map((c) => [c.tier, c.title, c.page, c.exhausted])).toEqual([
      ['T1', 'CEO', 3, true],
      ['T2', 'CHRO', 1, true],
    ]);
    expect(listSearchCursors(again, id, 'T2')).toHaveLength(1);
    again.close();
  });
});

describe('funnelStats', () => {
  it('aggregates completed campaigns only, sharing tier-less credits by enriched count', () => {
    const { db } = tempDb();
    expect(funnelStats(db)).toEqual({
      campaigns: 0,
      perTier: {
        T1: { found: 0, filteredOut: 0, enriched: 0, saved: 0, credits: 0 },
        T2: { found: 0, filteredOut: 0, enriched: 0, saved: 0, credits: 0 },
        T3: { found: 0, filteredOut: 0, enriched: 0, saved: 0, credits: 0 },
      },
      directory: { campaigns: 0, credits: 0 },
    });
    const done = newCampaign(db);
    const running = newCampaign(db);
    const companyId = upsertCompany(db, company(), 'apollo');
    addCandidates(db, done, 'T1', people('a', 4));
    addCandidates(db, done, 'T2', people('b', 2));
    addCandidates(db, running, 'T1', people('z', 9));
    setCandidateState(db, done, 'a1', { state: 'filtered_out' });
    setCandidateState(db, done, 'a2', { state: 'rejected', companyId }); // enriched, then failed the checklist
    setCandidateState(db, done, 'a3', { state: 'saved', companyId });
    setCandidateState(db, done, 'b1', { state: 'saved', companyId });
    for (const pid of ['a3', 'b1']) {
      const contactId = upsertContact(db, {
        person: revealed(pid, { email: `${pid}@x.com` }),
        companyId,
        source: 'apollo',
      });
      insertLead(db, newLead(done, { companyId, contactId }, { tier: pid === 'a3' ? 'T1' : 'T2' }));
    }
    const paid = (campaignId: number, credits: number, tier?: 'T1' | 'T2') =>
      recordPaidCall(db, { provider: 'apollo', endpoint: 'e', credits, campaignId, entityKey: null, tier });
    paid(done, 2, 'T1');
    paid(done, 1, 'T2');
    paid(done, 3); // shared: T1 enriched 2, T2 enriched 1 → 2 + 1
    paid(running, 50, 'T1');
    // Directory pages are a per-campaign cost: counted apart, never in a tier's credits per lead.
    recordPaidCall(db, {
      provider: 'apollo',
      endpoint: DIRECTORY_ENDPOINT,
      credits: 7,
      campaignId: done,
      entityKey: null,
      tier: 'T1',
    });
    recordPaidCall(db, {
      provider: 'apollo',
      endpoint: DIRECTORY_ENDPOINT,
      credits: 9,
      campaignId: running,
      entityKey: null,
      tier: 'T1',
    });
    setCampaignStatus(db, done, 'running');
    setCampaignStatus(db, done, 'completed');

    expect(funnelStats(db)).toEqual({
      campaigns: 1,
      perTier: {
        T1: { found: 4, filteredOut: 1, enriched: 2, saved: 1, credits: 4 },
        T2: { found: 2, filteredOut: 0, enriched: 1, saved: 1, credits: 2 },
        T3: { found: 0, filteredOut: 0, enriched: 0, saved: 0, credits: 0 },
      },
      directory: { campaigns: 1, credits: 7 },
    });
    db.close();
  });
});
