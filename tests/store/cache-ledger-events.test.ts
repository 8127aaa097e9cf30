import { describe, expect, it } from 'vitest';
import { getCached, purgeExpired, putCached } from '../../main/store/cache';
import { createCampaign } from '../../main/store/campaigns';
import { addEvent, listEvents } from '../../main/store/events';
import { creditsUsed, ledgerSummary, recordPaidCall } from '../../main/store/ledger';
import { sampleIcp, tempDb } from './fixtures';

const DAY = 86_400_000;

describe('enrichment cache', () => {
  it('returns a value until its TTL passes, with normalised keys', () => {
    const { db } = tempDb();
    const t0 = new Date('2025-01-01T00:00:00.000Z');
    putCached(db, {
      entity: 'company',
      key: ' AcmeForge.com ',
      source: 'apollo',
      data: { employees: 1200 },
      now: t0,
    });
    const hit = getCached<{ employees: number }>(
      db,
      'company',
      'acmeforge.com',
      'apollo',
      new Date(t0.getTime() + DAY),
    );
    expect(hit).toEqual({ data: { employees: 1200 }, fetchedAt: '2025-01-01T00:00:00.000Z' });
    expect(
      getCached(db, 'company', 'ACMEFORGE.COM', 'apollo', new Date(t0.getTime() + 29 * DAY)),
    ).not.toBeNull();
    expect(getCached(db, 'company', 'acmeforge.com', 'apollo', new Date(t0.getTime() + 30 * DAY))).toBeNull();
    expect(getCached(db, 'company', 'acmeforge.com', 'hunter', t0)).toBeNull();
    expect(getCached(db, 'person', 'acmeforge.com', 'apollo', t0)).toBeNull();

    // A re-fetch replaces the entry and restarts its clock; ttlDays is honoured; null is a cacheable answer.
    const t1 = new Date(t0.getTime() + 40 * DAY);
    putCached(db, {
      entity: 'company',
      key: 'acmeforge.com',
      source: 'apollo',
      data: { employees: 1500 },
      ttlDays: 7,
      now: t1,
    });
    expect(
      getCached(db, 'company', 'acmeforge.com', 'apollo', new Date(t1.getTime() + 6 * DAY))?.data,
    ).toEqual({
      employees: 1500,
    });
    expect(getCached(db, 'company', 'acmeforge.com', 'apollo', new Date(t1.getTime() + 8 * DAY))).toBeNull();
    putCached(db, { entity: 'person', key: 'p-404', source: 'apollo', data: null, now: t1 });
    expect(getCached(db, 'person', 'p-404', 'apollo', t1)).toEqual({
      data: null,
      fetchedAt: t1.toISOString(),
    });
    expect(db.prepare('SELECT COUNT(*) AS n FROM enrichment_cache').get()).toEqual({ n: 2 });

    expect(purgeExpired(db, new Date(t1.getTime() + 8 * DAY))).toBe(1);
    expect(() => putCached(db, { entity: 'company', key: '  ', source: 'apollo', data: 1 })).toThrow(
      /non-empty/,
    );
    db.close();
  });
});

describe('credit ledger', () => {
  it('sums credits per campaign and per endpoint', () => {
    const { db } = tempDb();
    const icp = sampleIcp();
    const a = createCampaign(db, { icp, budget: 10, sandbox: true, sandboxSeed: 1, estimate: null });
    const b = createCampaign(db, { icp, budget: 10, sandbox: true, sandboxSeed: 1, estimate: null });
    const call = (campaignId: number | null, endpoint: string, credits: number) =>
      recordPaidCall(db, { provider: 'apollo', endpoint, credits, campaignId, entityKey: 'k' });
    call(a, 'organizations/enrich', 1);
    call(a, 'organizations/enrich', 1);
    call(a, 'people/match', 1);
    call(a, 'mixed_companies/search', 0);
    call(b, 'people/match', 5);
    call(null, 'people/match', 1); // a key test, paid by no campaign
    expect(creditsUsed(db, a)).toBe(3);
    expect(creditsUsed(db, b)).toBe(5);
    expect(creditsUsed(db, 999)).toBe(0);
    expect(ledgerSummary(db, a)).toEqual([
      { endpoint: 'organizations/enrich', calls: 2, credits: 2 },
      { endpoint: 'people/match', calls: 1, credits: 1 },
      { endpoint: 'mixed_companies/search', calls: 1, credits: 0 },
    ]);
    expect(() => call(a, 'x', -1)).toThrow(/credits must be a number >= 0/);
    db.close();
  });
});

describe('campaign events', () => {
  it('lists the latest lines, newest last', () => {
    const { db } = tempDb();
    const id = createCampaign(db, {
      icp: sampleIcp(),
      budget: null,
      sandbox: true,
      sandboxSeed: 1,
      estimate: null,
    });
    for (let i = 1; i <= 5; i++) addEvent(db, id, i === 5 ? 'warn' : 'info', `step ${i}`, { i });
    expect(addEvent(db, id, 'error', 'Apollo said 429')).toMatchObject({ campaignId: id, level: 'error' });
    expect(listEvents(db, id).map((e) => e.message)).toEqual([
      'step 1',
      'step 2',
      'step 3',
      'step 4',
      'step 5',
      'Apollo said 429',
    ]);
    const last = listEvents(db, id, 2);
    expect(last.map((e) => [e.level, e.message])).toEqual([
      ['warn', 'step 5'],
      ['error', 'Apollo said 429'],
    ]);
    expect(Object.keys(last[0]!).sort()).toEqual(['at', 'campaignId', 'level', 'message']);
    expect(db.prepare("SELECT data_json FROM campaign_events WHERE message = 'step 3'").get()).toEqual({
      data_json: '{"i":3}',
    });
    expect(() => addEvent(db, id, 'debug' as never, 'x')).toThrow(/CHECK/);
    db.close();
  });
});
