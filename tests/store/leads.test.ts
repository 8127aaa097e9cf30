import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { Tier } from '../../main/domain/icp';
import {
  createCampaign,
  getCampaign,
  getCampaignSummary,
  listCampaigns,
  saveProgress,
  setCampaignStatus,
} from '../../main/store/campaigns';
import { upsertCompany } from '../../main/store/companies';
import { upsertContact } from '../../main/store/contacts';
import type { Db } from '../../main/store/db';
import { saveIcp, listIcps, getIcp } from '../../main/store/icps';
import {
  allLeads,
  countLeadsByTier,
  getLead,
  insertLead,
  listLeads,
  updateLead,
} from '../../main/store/leads';
import { recordPaidCall } from '../../main/store/ledger';
import { company, newLead, revealed, sampleIcp, tempDb } from './fixtures';

describe('campaigns', () => {
  it('creates a draft with targets and filter columns from the ICP, and stamps status changes', () => {
    const { db } = tempDb();
    const icp = sampleIcp();
    const icpId = saveIcp(db, icp);
    expect(listIcps(db).map((r) => r.name)).toEqual(['Q3 manufacturing']);
    expect(getIcp(db, icpId)?.icp).toEqual(icp);

    const estimate = {
      perTier: { T1: { leads: 5, credits: 10 }, T2: { leads: 4, credits: 8 }, T3: { leads: 3, credits: 6 } },
      directory: 0,
      total: 24,
      basis: 'priors' as const,
      note: 'first campaign',
    };
    const id = createCampaign(db, { icp, icpId, budget: 50, sandbox: true, sandboxSeed: 42, estimate });
    const c = getCampaign(db, id)!;
    expect(c).toMatchObject({
      name: 'Q3 manufacturing',
      icpId,
      status: 'draft',
      budget: 50,
      sandbox: true,
      sandboxSeed: 42,
      estimate,
      progress: null,
      startedAt: null,
      completedAt: null,
      error: null,
    });
    expect(c.icp).toEqual(icp);
    expect(
      db
        .prepare('SELECT t1_target, t2_target, t3_target, industries, t1_titles, size_min FROM campaigns')
        .get(),
    ).toEqual({
      t1_target: 5,
      t2_target: 4,
      t3_target: 3,
      industries: '["Manufacturing","Automotive"]',
      t1_titles: '["CEO","COO"]',
      size_min: 200,
    });

    setCampaignStatus(db, id, 'running');
    const started = getCampaign(db, id)!.startedAt;
    expect(started).not.toBeNull();
    setCampaignStatus(db, id, 'paused', 'budget reached');
    expect(getCampaign(db, id)).toMatchObject({
      status: 'paused',
      error: 'budget reached',
      completedAt: null,
    });
    setCampaignStatus(db, id, 'running');
    expect(getCampaign(db, id)).toMatchObject({ startedAt: started, error: null });
    setCampaignStatus(db, id, 'failed', 'Apollo said 401');
    expect(getCampaign(db, id)!.completedAt).not.toBeNull();
    expect(getCampaign(db, id)!.error).toBe('Apollo said 401');
    setCampaignStatus(db, id, 'running'); // retry after fixing the key
    expect(getCampaign(db, id)).toMatchObject({ completedAt: null, error: null });
    expect(() => setCampaignStatus(db, 999, 'running')).toThrow(/campaign 999 does not exist/);
    expect(() => setCampaignStatus(db, id, 'bogus' as never)).toThrow(/cannot become bogus/);

    const progress = {
      campaignId: id,
      status: 'running' as const,
      stage: 'enriching' as const,
      tier: 'T1' as const,
      tiers: Object.fromEntries(
        (['T1', 'T2', 'T3'] as Tier[]).map((t) => [
          t,
          {
            target: 5,
            found: 9,
            filtered: 2,
            enriched: 4,
            validated: 3,
            saved: 2,
            rejected: 1,
            exhausted: false,
          },
        ]),
      ) as never,
      creditsUsed: 6,
      budget: 50,
      requests: 12,
      elapsedMs: 1000,
      etaMs: null,
    };
    saveProgress(db, id, progress);
    expect(getCampaign(db, id)!.progress).toEqual(progress);
    expect(getCampaign(db, 12345)).toBeNull();
    db.close();
  });
});

describe('leads', () => {
  let db: Db;
  let campaignId: number;
  let other: number;
  const contacts: number[] = [];

  beforeAll(() => {
    db = tempDb().db;
    campaignId = createCampaign(db, {
      icp: sampleIcp(),
      budget: null,
      sandbox: true,
      sandboxSeed: 1,
      estimate: null,
    });
    other = createCampaign(db, {
      icp: sampleIcp('other'),
      budget: null,
      sandbox: true,
      sandboxSeed: 2,
      estimate: null,
    });
    const companies = [
      company({ providerId: 'o1', name: 'Acme Forge', domain: 'acmeforge.com' }),
      company({ providerId: 'o2', name: 'bharat castings', domain: 'bharatcast.in' }),
      company({ providerId: 'o3', name: 'Zenith Motors', domain: 'zenith.com' }),
    ];
    const people = [
      {
        id: 'p1',
        first: 'Asha',
        last: 'Rao',
        title: 'CEO',
        tier: 'T1',
        score: 90,
        v: 6,
        status: 'verified',
        c: 0,
      },
      {
        id: 'p2',
        first: 'Vikram',
        last: 'Shah',
        title: 'COO',
        tier: 'T1',
        score: 60,
        v: 4,
        status: 'guessed',
        c: 1,
      },
      {
        id: 'p3',
        first: 'meera',
        last: 'Iyer',
        title: 'CHRO',
        tier: 'T2',
        score: 75,
        v: 5,
        status: 'verified',
        c: 2,
      },
      {
        id: 'p4',
        first: 'Rahul',
        last: 'Das',
        title: 'HR Manager',
        tier: 'T3',
        score: 75,
        v: 4,
        status: 'unavailable',
        c: 0,
      },
      {
        id: 'p5',
        first: 'Nina',
        last: 'Kaur',
        title: 'Head of Talent 100%_',
        tier: 'T2',
        score: 40,
        v: 5,
        status: 'verified',
        c: 1,
      },
    ] as const;
    for (const p of people) {
      const co = companies[p.c]!;
      const companyId = upsertCompany(db, co, 'apollo');
      const contact = revealed(p.id, {
        firstName: p.first,
        lastName: p.last,
        title: p.title,
        email: p.status === 'unavailable' ? null : `${p.first.toLowerCase()}@${co.domain}`,
        emailStatus: p.status,
      });
      const contactId = upsertContact(db, { person: contact, companyId, source: 'apollo' });
      contacts.push(contactId);
      const id = insertLead(
        db,
        newLead(
          campaignId,
          { companyId, contactId },
          { tier: p.tier, score: p.score, validation: p.v, company: co, contact },
        ),
      );
      expect(id).toBeGreaterThan(0);
    }
    insertLead(db, newLead(other, { companyId: null, contactId: contacts[0]! }));
    recordPaidCall(db, {
      provider: 'apollo',
      endpoint: 'people/match',
      credits: 1,
      campaignId,
      entityKey: 'p1',
    });
    recordPaidCall(db, {
      provider: 'apollo',
      endpoint: 'organizations/enrich',
      credits: 1.5,
      campaignId,
      entityKey: 'x',
    });
  });
  afterAll(() => db.close());

  const names = (r: { rows: { contact: { firstName: string } }[] }) => r.rows.map((l) => l.contact.firstName);

  it('keeps one lead per contact per campaign', () => {
    expect(insertLead(db, newLead(campaignId, { companyId: null, contactId: contacts[0]! }))).toBeNull();
    expect(listLeads(db, { campaignId }).total).toBe(5);
    // The same contact may be a lead of another campaign.
    expect(listLeads(db, { campaignId: other }).total).toBe(1);
  });

  it('maps a row back to the Lead it was saved from', () => {
    const lead = listLeads(db, { campaignId, search: 'asha' }).rows[0]!;
    expect(lead).toMatchObject({
      campaignId,
      tier: 'T1',
      emailStatus: 'verified',
      status: 'new',
      notes: '',
      similarity: 0.8,
      company: { name: 'Acme Forge', domain: 'acmeforge.com', employees: 1200 },
      contact: { firstName: 'Asha', email: 'asha@acmeforge.com' },
      validation: { score: 6, max: 6 },
      score: { total: 90, band: 'hot' },
    });
    expect(getLead(db, lead.id)).toEqual(lead);
    expect(
      db.prepare('SELECT company_location, contact_name, score_fit FROM leads WHERE id = ?').get(lead.id),
    ).toEqual({ company_location: 'Pune, Maharashtra, India', contact_name: 'Asha Rao', score_fit: 90 });
  });

  it('sorts by score (desc by default, ties to the earlier lead), validation, names (asc by default) and date', () => {
    expect(names(listLeads(db, { campaignId }))).toEqual(['Asha', 'meera', 'Rahul', 'Vikram', 'Nina']);
    expect(names(listLeads(db, { campaignId, sort: 'score', desc: false }))).toEqual([
      'Nina',
      'Vikram',
      'meera',
      'Rahul',
      'Asha',
    ]);
    expect(names(listLeads(db, { campaignId, sort: 'validation' }))[0]).toBe('Asha');
    expect(names(listLeads(db, { campaignId, sort: 'contact' }))).toEqual([
      'Asha',
      'meera',
      'Nina',
      'Rahul',
      'Vikram',
    ]);
    expect(listLeads(db, { campaignId, sort: 'company' }).rows.map((l) => l.company.name)).toEqual([
      'Acme Forge',
      'Acme Forge',
      'bharat castings',
      'bharat castings',
      'Zenith Motors',
    ]);
    expect(names(listLeads(db, { campaignId, sort: 'createdAt', desc: false }))).toEqual([
      'Asha',
      'Vikram',
      'meera',
      'Rahul',
      'Nina',
    ]);
    expect(() => listLeads(db, { campaignId, sort: 'email' as never })).toThrow(/sort must be one of/);
  });

  it('filters by tier, email status and a search over company, contact and title, and an exact email', () => {
    expect(names(listLeads(db, { campaignId, tier: 'T2' }))).toEqual(['meera', 'Nina']);
    expect(names(listLeads(db, { campaignId, emailStatus: 'verified' }))).toEqual(['Asha', 'meera', 'Nina']);
    expect(names(listLeads(db, { campaignId, search: 'BHARAT' }))).toEqual(['Vikram', 'Nina']);
    expect(names(listLeads(db, { campaignId, search: 'zenith.com' }))).toEqual(['meera']);
    expect(names(listLeads(db, { campaignId, search: 'hr manager' }))).toEqual(['Rahul']);
    expect(names(listLeads(db, { campaignId, search: 'iyer' }))).toEqual(['meera']);
    // Emails are sealed at rest: a whole address matches (any case), a fragment does not.
    expect(names(listLeads(db, { campaignId, search: ' Asha@AcmeForge.com' }))).toEqual(['Asha']);
    expect(names(listLeads(db, { campaignId, search: 'asha@' }))).toEqual([]);
    // LIKE wildcards in the search text are literal characters.
    expect(names(listLeads(db, { campaignId, search: '100%_' }))).toEqual(['Nina']);
    expect(listLeads(db, { campaignId, search: '%' }).total).toBe(1);
    expect(listLeads(db, { campaignId, tier: 'T2', search: 'acme' }).total).toBe(0);
  });

  it('pages with offset and limit, reporting the total before paging', () => {
    const page1 = listLeads(db, { campaignId, limit: 2 });
    const page2 = listLeads(db, { campaignId, limit: 2, offset: 2 });
    const page3 = listLeads(db, { campaignId, limit: 2, offset: 4 });
    expect([page1.total, page2.total, page3.total]).toEqual([5, 5, 5]);
    expect([...names(page1), ...names(page2), ...names(page3)]).toEqual(names(listLeads(db, { campaignId })));
    expect(page3.rows).toHaveLength(1);
  });

  it('updates status and notes, and counts and exports per tier', () => {
    const id = listLeads(db, { campaignId, search: 'rahul' }).rows[0]!.id;
    expect(updateLead(db, id, { status: 'contacted' })).toMatchObject({ status: 'contacted', notes: '' });
    expect(updateLead(db, id, { notes: 'called, call back Friday' })).toMatchObject({
      status: 'contacted',
      notes: 'called, call back Friday',
    });
    expect(() => updateLead(db, 99_999, { notes: 'x' })).toThrow(/lead 99999 does not exist/);
    expect(() => updateLead(db, id, { status: 'won' as never })).toThrow(/status must be one of/);

    expect(countLeadsByTier(db, campaignId)).toEqual({ T1: 2, T2: 2, T3: 1 });
    expect(allLeads(db, campaignId).map((l) => `${l.tier}:${l.score.total}`)).toEqual([
      'T1:90',
      'T1:60',
      'T2:75',
      'T2:40',
      'T3:75',
    ]);
  });

  it('summarises campaigns: saved per tier, credits from the ledger, average validation', () => {
    const s = getCampaignSummary(db, campaignId)!;
    expect(s).toMatchObject({
      saved: { T1: 2, T2: 2, T3: 1 },
      targets: { T1: 5, T2: 4, T3: 3 },
      creditsUsed: 2.5,
      avgValidationScore: 4.8,
      sandbox: true,
      status: 'draft',
    });
    expect(listCampaigns(db).map((c) => c.id)).toEqual([other, campaignId]);
    expect(listCampaigns(db)[0]).toMatchObject({ saved: { T1: 1, T2: 0, T3: 0 }, creditsUsed: 0 });
  });
});
