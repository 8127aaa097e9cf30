import { describe, expect, it } from 'vitest';
import { contentHash, planSync, stateKey, type SyncState } from '../../main/crm/plan';
import { mergedProperties } from '../../main/crm/push';
import { draftsFromLeads } from '../../main/crm/records';
import { assessBant } from '../../main/domain/bant';
import { ProviderError } from '../../main/providers/errors';
import { nextStep, type RetrySettings } from '../../main/providers/hubspot';
import { NOW, lead } from './lead-fixture';

function syncLead(id: number, over: Parameters<typeof lead>[0] = {}) {
  const l = lead({ id, ...over, person: { email: `p${id}@acmeforge.com`, ...over.person } });
  return {
    lead: l,
    contactId: id,
    companyId: 1,
    bant: assessBant({
      tier: l.tier,
      company: l.company,
      contact: l.contact,
      validation: l.validation,
      now: NOW,
    }),
  };
}

describe('sync planner', () => {
  const drafts = draftsFromLeads([syncLead(1), syncLead(2), syncLead(3)]).contacts;

  it('pushes new, changed and dead-lettered records; skips the rest', () => {
    const state = new Map<ReturnType<typeof stateKey>, SyncState>([
      [stateKey('contact', 1), { crmId: '11', hash: contentHash(drafts[0]!), origin: 'created' }],
      [stateKey('contact', 2), { crmId: '12', hash: 'stale', origin: 'merged' }],
      [stateKey('contact', 3), { crmId: '13', hash: contentHash(drafts[2]!), origin: 'created' }],
    ]);
    const none = planSync(drafts, new Map(), new Set());
    expect(none.push.map((p) => p.reason)).toEqual(['new', 'new', 'new']);
    const plan = planSync(drafts, state, new Set([stateKey('contact', 3)]));
    expect(plan.skipped.map((d) => d.localId)).toEqual([1]);
    expect(plan.push.map((p) => [p.draft.localId, p.reason])).toEqual([
      [2, 'changed'],
      [3, 'retry'],
    ]);
  });

  it('the hash ignores key order and sees every value, and a contact moving company', () => {
    const d = drafts[0]!;
    const reordered = { ...d, standard: Object.fromEntries(Object.entries(d.standard).reverse()) };
    expect(contentHash(reordered)).toBe(contentHash(d));
    expect(contentHash({ ...d, owned: { ...d.owned, lead_studio_score: '1' } })).not.toBe(contentHash(d));
    expect(contentHash(d, { $company: 'a.com' })).not.toBe(contentHash(d, { $company: 'b.com' }));
  });

  it('one draft per contact (best score) and per company; no email, no contact', () => {
    const low = syncLead(1);
    const high = syncLead(1, { company: { fundingDate: '2026-10-01' } });
    const noEmail = syncLead(4, { person: { email: null } });
    const { contacts, companies } = draftsFromLeads([low, high, noEmail]);
    expect(contacts).toHaveLength(1);
    expect(contacts[0]!.owned.lead_studio_score).toBe(
      String(Math.max(low.lead.score.total, high.lead.score.total)),
    );
    expect(companies).toHaveLength(1);
    expect(contacts[0]!.owned.lead_studio_checklist).toMatch(/^\d\/6: /);
  });

  it('merge: on a record someone else made only blanks are filled; ours are overwritten', () => {
    const p = planSync(drafts, new Map(), new Set()).push[0]!;
    const existing = {
      id: '9',
      properties: { jobtitle: 'Plant boss', phone: '', email: 'p1@acmeforge.com' },
    };
    const theirs = mergedProperties(p, existing, false);
    expect(theirs.jobtitle).toBeUndefined();
    expect(theirs.firstname).toBe('Dana');
    expect(theirs.lead_studio_tier).toBe('T1');
    expect(mergedProperties(p, existing, true).jobtitle).toBe('Chief Operating Officer');
  });
});

describe('HubSpot retry policy', () => {
  const s: RetrySettings = { maxRetries: 2, retryBaseMs: 100, maxRateLimitWaits: 3, rateLimitWaitMs: 10_000 };
  const err = (code: ProviderError['code'], status: number | null) =>
    new ProviderError(code, `x ${code}`, { provider: 'HubSpot', endpoint: '/e', status });

  it('waits out 429s the configured number of times, then says to push again', () => {
    expect(nextStep(err('RATE_LIMITED', 429), { failures: 0, rateWaits: 2 }, s, false)).toEqual({
      kind: 'wait',
      ms: 10_000,
      rate: true,
    });
    const last = nextStep(err('RATE_LIMITED', 429), { failures: 0, rateWaits: 3 }, s, true);
    expect(last.kind).toBe('throw');
    expect((last as { error: Error }).error.message).toMatch(/RATE_LIMIT.*after 4 tries/);
  });

  it('repeats 5xx with backoff only on idempotent calls; never a refused record or a bad token', () => {
    expect(nextStep(err('UNAVAILABLE', 502), { failures: 1, rateWaits: 0 }, s, true)).toEqual({
      kind: 'wait',
      ms: 200,
      rate: false,
    });
    expect(nextStep(err('UNAVAILABLE', 502), { failures: 2, rateWaits: 0 }, s, true).kind).toBe('throw');
    expect(nextStep(err('UNAVAILABLE', 502), { failures: 0, rateWaits: 0 }, s, false).kind).toBe('throw');
    expect(nextStep(err('BAD_REQUEST', 400), { failures: 0, rateWaits: 0 }, s, true).kind).toBe('throw');
    expect(nextStep(err('AUTH', 401), { failures: 0, rateWaits: 0 }, s, true).kind).toBe('throw');
  });
});
