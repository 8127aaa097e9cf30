import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCampaign, getCampaign } from '../../main/store/campaigns';
import { addCandidates, countCandidates } from '../../main/store/candidates';
import { getCompanyByDomain, upsertCompany } from '../../main/store/companies';
import { upsertContact } from '../../main/store/contacts';
import { openDb } from '../../main/store/db';
import { insertLead } from '../../main/store/leads';
import { creditsUsed, recordPaidCall } from '../../main/store/ledger';
import { candidate, company, newLead, revealed, sampleIcp, tempDb, tempDbFile } from './fixtures';

describe('openDb', () => {
  it('turns on WAL, foreign keys, NORMAL sync and a busy timeout', () => {
    const { db } = tempDb();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    db.close();
  });

  it('lets a second connection read while the first holds a write transaction (WAL)', () => {
    const file = tempDbFile();
    const writer = openDb(file);
    const reader = new Database(file, { readonly: true });
    writer.exec('BEGIN IMMEDIATE');
    createCampaign(writer, { icp: sampleIcp(), budget: null, sandbox: true, sandboxSeed: 1, estimate: null });
    expect(reader.prepare('SELECT COUNT(*) AS n FROM campaigns').get()).toEqual({ n: 0 });
    writer.exec('COMMIT');
    expect(reader.prepare('SELECT COUNT(*) AS n FROM campaigns').get()).toEqual({ n: 1 });
    reader.close();
    writer.close();
  });

  it('creates the data folder when missing', () => {
    const file = tempDbFile().replace(/lead-studio\.db$/, 'nested/deeper/app.db');
    const db = openDb(file);
    expect(db.name).toBe(file);
    db.close();
  });
});

describe('integrity', () => {
  it('enforces foreign keys', () => {
    const { db } = tempDb();
    const contactId = upsertContact(db, { person: revealed('p1'), companyId: null, source: 'apollo' });
    expect(() => insertLead(db, newLead(999, { companyId: null, contactId }))).toThrow(/FOREIGN KEY/);
    expect(() => addCandidates(db, 999, 'T1', [candidate('p1')])).toThrow(/FOREIGN KEY/);
    expect(() =>
      recordPaidCall(db, { provider: 'apollo', endpoint: 'x', credits: 1, campaignId: 999, entityKey: null }),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('an outer transaction that throws leaves nothing behind, including writes made by nested store functions', () => {
    const { db } = tempDb();
    const attempt = db.transaction(() => {
      const campaignId = createCampaign(db, {
        icp: sampleIcp(),
        budget: 10,
        sandbox: true,
        sandboxSeed: 1,
        estimate: null,
      });
      const companyId = upsertCompany(db, company(), 'apollo'); // itself a transaction: nests as a savepoint
      const contactId = upsertContact(db, { person: revealed('p1'), companyId, source: 'apollo' });
      addCandidates(db, campaignId, 'T1', [candidate('p1'), candidate('p2')]);
      insertLead(db, newLead(campaignId, { companyId, contactId }));
      recordPaidCall(db, { provider: 'apollo', endpoint: 'reveal', credits: 1, campaignId, entityKey: 'p1' });
      throw new Error('budget exceeded mid-step');
    });
    expect(attempt).toThrow('budget exceeded mid-step');
    for (const t of ['campaigns', 'companies', 'contacts', 'campaign_candidates', 'leads', 'credit_ledger']) {
      expect(db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get(), t).toEqual({ n: 0 });
    }
    db.close();
  });

  it('an outer transaction that succeeds commits all nested writes together', () => {
    const { db, file } = tempDb();
    const campaignId = db.transaction(() => {
      const id = createCampaign(db, {
        icp: sampleIcp(),
        budget: 10,
        sandbox: false,
        sandboxSeed: null,
        estimate: null,
      });
      upsertCompany(db, company(), 'apollo');
      addCandidates(db, id, 'T2', [candidate('p1')]);
      recordPaidCall(db, {
        provider: 'apollo',
        endpoint: 'enrich',
        credits: 1,
        campaignId: id,
        entityKey: 'x',
      });
      return id;
    })();
    db.close();
    const again = openDb(file);
    expect(getCampaign(again, campaignId)?.sandbox).toBe(false);
    expect(getCompanyByDomain(again, 'acmeforge.com')?.name).toBe('Acme Forge');
    expect(countCandidates(again, campaignId).T2.new).toBe(1);
    expect(creditsUsed(again, campaignId)).toBe(1);
    again.close();
  });
});
