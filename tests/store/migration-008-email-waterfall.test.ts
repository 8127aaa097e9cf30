import { describe, expect, it } from 'vitest';
import emailWaterfall from '../../main/store/migrations/008_email_waterfall';
import { allLeads, currentVersion, insertLead, migrate, upsertContact } from '../../main/store';
import {
  emailCounts,
  leadEmail,
  saveLeadEmail,
  setHunterState,
  hunterState,
} from '../../main/store/email-evidence';
import { newLead, revealed, beforeMigration } from './fixtures';

describe('migration: lead_emails and email_waterfall_state', () => {
  it('adds both tables to an existing database; old leads keep their status, new ones the waterfall’s', () => {
    const { db, before, campaignId, companyId, leadId: oldLead } = beforeMigration(emailWaterfall);

    migrate(db, emailWaterfall.version);
    expect(currentVersion(db)).toBe(before + 1);
    const old = allLeads(db, campaignId).find((l) => l.id === oldLead)!;
    expect(['verified', 'guessed', 'unavailable']).toContain(old.emailStatus); // what it was saved with
    expect(leadEmail(db, oldLead)).toBeNull();

    const contact2 = upsertContact(db, {
      person: revealed('p-2', {
        email: 'ben.roy@acmeforge.com',
        linkedinUrl: 'https://linkedin.com/in/benroy',
      }),
      companyId,
      source: 'test',
    });
    const lead2 = insertLead(db, newLead(campaignId, { companyId, contactId: contact2 }))!;
    const steps = [
      {
        step: 'apollo' as const,
        source: 'Apollo people/match',
        at: '2026-12-01T00:00:00Z',
        result: 'verified (catch-all domain)',
        credits: 0,
      },
    ];
    saveLeadEmail(db, lead2, {
      status: 'accept_all',
      bounceRisk: 'medium',
      addressFrom: 'apollo',
      catchAll: true,
      checkedAt: null,
      steps,
    });
    expect(allLeads(db, campaignId).find((l) => l.id === lead2)!.emailStatus).toBe('accept_all');
    expect(leadEmail(db, lead2)).toMatchObject({
      status: 'accept_all',
      bounceRisk: 'medium',
      catchAll: true,
      steps,
    });
    expect(emailCounts(db, campaignId).accept_all).toBe(1);

    expect(() =>
      db
        .prepare("INSERT INTO lead_emails (lead_id, status, bounce_risk) VALUES (?, 'bounced', 'low')")
        .run(oldLead),
    ).toThrow(/CHECK/);
    setHunterState(db, campaignId, 'quota_exhausted', 'used up');
    expect(hunterState(db, campaignId)).toEqual({ state: 'quota_exhausted', message: 'used up' });
    expect(() =>
      db.prepare("INSERT INTO email_waterfall_state VALUES (?, 'maybe', 'x', 'now')").run(campaignId + 1),
    ).toThrow();
    db.close();
  });
});
