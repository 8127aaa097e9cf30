import { describe, expect, it } from 'vitest';
import {
  createCampaign,
  currentVersion,
  insertLead,
  migrate,
  openDb,
  upsertCompany,
  upsertContact,
} from '../../main/store';
import { MIGRATIONS } from '../../main/store/migrations/index';
import crm from '../../main/store/migrations/006_crm';
import {
  addOutreachEvents,
  openDeadLetters,
  outreachEvents,
  recordPush,
  syncStates,
} from '../../main/store/crm';
import { company, newLead, revealed, sampleIcp, tempDbFile } from './fixtures';

describe('migration 006: CRM sync and outreach', () => {
  it('follows the landed migrations and upgrades a database with leads in it', () => {
    expect(MIGRATIONS[crm.version - 1]).toBe(crm);
    const db = openDb(tempDbFile(), { migrateTo: crm.version - 1 });
    const campaignId = createCampaign(db, {
      icp: sampleIcp(),
      budget: null,
      sandbox: true,
      sandboxSeed: 1,
      estimate: null,
    });
    const companyId = upsertCompany(db, company(), 'test');
    const contactId = upsertContact(db, { person: revealed('p-1'), companyId, source: 'test' });
    const leadId = insertLead(db, newLead(campaignId, { companyId, contactId }))!;
    expect(migrate(db, crm.version)).toBe(crm.version);
    expect(currentVersion(db)).toBe(crm.version);

    // Sync state: one row per record, replaced on the next push; dead letters resolve when it succeeds.
    recordPush(db, 'hubspot', {
      synced: [{ entity: 'company', localId: companyId, crmId: '501', hash: 'h1', origin: 'merged' }],
      deadLetters: [
        {
          entity: 'contact',
          localId: contactId,
          code: 'RATE_LIMITED',
          message: 'HubSpot kept answering 429',
          permanent: false,
        },
      ],
    });
    recordPush(db, 'hubspot', {
      synced: [],
      deadLetters: [
        { entity: 'contact', localId: contactId, code: 'UNAVAILABLE', message: '502', permanent: false },
      ],
    });
    expect(openDeadLetters(db, 'hubspot')).toEqual([
      expect.objectContaining({
        entity: 'contact',
        localId: contactId,
        code: 'UNAVAILABLE',
        attempts: 2,
        permanent: false,
      }),
    ]);
    recordPush(db, 'hubspot', {
      synced: [{ entity: 'contact', localId: contactId, crmId: '601', hash: 'h2', origin: 'created' }],
      deadLetters: [],
    });
    expect(openDeadLetters(db, 'hubspot')).toEqual([]);
    expect(
      db.prepare('SELECT COUNT(*) AS n FROM crm_dead_letters WHERE resolved_at IS NOT NULL').get(),
    ).toEqual({ n: 1 });
    expect([...syncStates(db, 'hubspot')]).toEqual([
      ['company:' + companyId, { crmId: '501', hash: 'h1', origin: 'merged' }],
      ['contact:' + contactId, { crmId: '601', hash: 'h2', origin: 'created' }],
    ]);
    expect(syncStates(db, 'salesforce').size).toBe(0);

    // Outreach events belong to a lead and go with it.
    addOutreachEvents(
      db,
      [{ leadId, kind: 'replied', channel: 'email', step: 1, at: '2026-11-03T00:00:00Z', note: 'yes' }],
      'manual',
    );
    addOutreachEvents(
      db,
      [{ leadId, kind: 'sent', channel: 'email', step: 1, at: '2026-11-01T00:00:00Z', note: '' }],
      'import',
    );
    expect(outreachEvents(db, leadId).map((e) => e.kind)).toEqual(['sent', 'replied']);
    expect(() =>
      addOutreachEvents(
        db,
        [{ leadId, kind: 'waved' as never, channel: 'email', step: null, at: 'x', note: '' }],
        'manual',
      ),
    ).toThrow(/CHECK/);
    db.prepare('DELETE FROM leads WHERE id = ?').run(leadId);
    expect(outreachEvents(db, leadId)).toEqual([]);
    db.close();
  });
});
