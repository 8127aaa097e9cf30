import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFieldCipher, newDataKey } from '../../main/privacy/crypto';
import { sealExisting } from '../../main/privacy/backfill';
import { openKeys } from '../../main/privacy/keys';
import { runRetention, setRetentionDays } from '../../main/privacy/retention';
import {
  countLeadsByTier,
  createCampaign,
  getCached,
  getLead,
  insertLead,
  openDb,
  putCached,
  upsertCompany,
  upsertContact,
  type Db,
} from '../../main/store';
import { listAudit } from '../../main/store/audit';
import { bindCipher } from '../../main/store/field-cipher';
import privacyMigration from '../../main/store/migrations/004_privacy';
import { migrate } from '../../main/store/migrate';
import { isSuppressed, suppress } from '../../main/store/suppression';
import { company, newLead, revealed, sampleIcp, tempDbFile } from '../store/fixtures';

const bytesOf = (file: string) => {
  const parts = [file, `${file}-wal`].flatMap((f) => {
    try {
      return [readFileSync(f).toString('latin1')];
    } catch {
      return [];
    }
  });
  return parts.join('\n');
};

function seedCampaign(db: Db) {
  return createCampaign(db, {
    icp: sampleIcp(),
    budget: null,
    sandbox: true,
    sandboxSeed: 1,
    estimate: null,
  });
}

describe('field cipher (AES-256-GCM)', () => {
  const key = newDataKey();
  const c = createFieldCipher({ active: key, all: [key], index: key });

  it('round-trips, uses a fresh IV per value, and never shows the plain text', () => {
    const a = c.seal('asha.rao@acmeforge.com')!;
    const b = c.seal('asha.rao@acmeforge.com')!;
    expect(a).not.toBe(b);
    expect(a).not.toContain('asha');
    expect(a.startsWith(`enc1:${key.id}:`)).toBe(true);
    expect(c.open(a)).toBe('asha.rao@acmeforge.com');
    expect(c.seal(null)).toBeNull();
    expect(c.open('plain from before encryption')).toBe('plain from before encryption');
  });

  it('opens to null when the value was tampered with or its key is gone', () => {
    let unreadable = 0;
    const other = createFieldCipher({ active: newDataKey(), all: [], index: null }, () => unreadable++);
    const sealed = c.seal('+91 98200 00000')!;
    const flipped = sealed.slice(0, -4) + (sealed.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(c.open(flipped)).toBeNull();
    expect(other.open(sealed)).toBeNull();
    expect(unreadable).toBe(1);
  });

  it('makes blind indexes that are keyed (same key, same hash; another key, another hash)', () => {
    const k2 = newDataKey();
    const c2 = createFieldCipher({ active: k2, all: [k2], index: k2 });
    expect(c.blind('email', 'a@x.com')).toBe(c.blind('email', 'a@x.com'));
    expect(c.blind('email', 'a@x.com')).not.toBe(c2.blind('email', 'a@x.com'));
    expect(c.blind('email', 'a@x.com')).not.toBe(c.blind('linkedin', 'a@x.com'));
  });
});

describe('sealed store', () => {
  async function sealedDb() {
    const file = tempDbFile();
    const db = openDb(file);
    const { cipher } = await openKeys(db, null, 'test'); // no keychain: the key lives in the database
    bindCipher(db, cipher);
    return { db, file };
  }

  it('keeps emails, phones, LinkedIn URLs, notes and cached reveals out of the file, and dedupes by email', async () => {
    const { db, file } = await sealedDb();
    const campaignId = seedCampaign(db);
    const companyId = upsertCompany(db, company(), 'test');
    const person = revealed('p-1', { phone: '+91 98200 12345' });
    const contactId = upsertContact(db, { person, companyId, source: 'test' });
    // Same address in another case, another provider id: the same contact.
    expect(
      upsertContact(db, {
        person: revealed('p-2', { email: 'ASHA.RAO@acmeforge.com' }),
        companyId,
        source: 't',
      }),
    ).toBe(contactId);
    const leadId = insertLead(db, newLead(campaignId, { companyId, contactId }, { contact: person }))!;
    db.prepare('UPDATE leads SET notes = ? WHERE id = ?').run('x', leadId); // plain, sealed below
    const { updateLead } = await import('../../main/store');
    updateLead(db, leadId, { notes: 'met at the Pune fair' });
    putCached(db, { entity: 'person', key: 'p:p-1', source: 'apollo', data: person });
    db.pragma('wal_checkpoint(TRUNCATE)');
    const raw = bytesOf(file);
    for (const secret of ['asha.rao@acmeforge.com', '98200 12345', 'linkedin.com/in/asharao', 'Pune fair'])
      expect(raw, secret).not.toContain(secret);
    expect(raw).toContain('Acme Forge'); // the grep sees plain text
    expect(getLead(db, leadId)).toMatchObject({
      notes: 'met at the Pune fair',
      contact: { email: person.email },
    });
    expect(getCached(db, 'person', 'p:p-1', 'apollo')?.data).toEqual(person);
    db.close();
  });

  it('suppression keeps only keyed hashes and matches any identifier in any case', async () => {
    const { db, file } = await sealedDb();
    suppress(db, { email: 'Dana@Example.com', linkedinUrl: 'https://www.linkedin.com/in/dana/' }, 'k');
    expect(isSuppressed(db, { email: 'dana@example.com ' })).toBe(true);
    expect(isSuppressed(db, { linkedinUrl: 'http://linkedin.com/in/dana?trk=x' })).toBe(true);
    expect(isSuppressed(db, { email: 'other@example.com', providerId: 'p-9' })).toBe(false);
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(bytesOf(file).toLowerCase()).not.toContain('dana');
    db.close();
  });
});

describe('migration 004 and sealing a database written before encryption', () => {
  it('adds the privacy tables, then seals existing rows in batches that survive a crash mid-way', async () => {
    const file = tempDbFile();
    const db = openDb(file, { migrateTo: privacyMigration.version - 1 });
    const campaignId = seedCampaign(db);
    const companyId = upsertCompany(db, company(), 'test');
    const insContact = db.prepare(
      `INSERT INTO contacts (provider_id, email, first_name, last_name, title, linkedin_url, phone, source, created_at, updated_at, revealed)
       VALUES (?, ?, 'P', 'Q', 'CEO', ?, '+1 555 0100', 'test', '2026-01-01', '2026-01-01', 1)`,
    );
    const insLead = db.prepare(
      `INSERT INTO leads (campaign_id, tier, company_id, contact_id, company_name, contact_name, contact_title,
         contact_email, email_status, validation_score, validation_json, score_total, score_intent, score_fit,
         score_access, score_band, score_json, company_json, contact_json, notes, created_at, updated_at)
       VALUES (?, 'T1', ?, ?, 'Acme Forge', 'P Q', 'CEO', ?, 'verified', 5, '{}', 70, 70, 70, 70, 'warm',
         '{"total":70,"intent":70,"fit":70,"accessibility":70,"band":"warm","breakdown":[]}', ?, ?, 'note', '2026-01-01', '2026-01-01')`,
    );
    const N = 1200; // three batches of contacts
    db.transaction(() => {
      for (let i = 0; i < N; i++) {
        const email = `person${i}@plain.example`;
        const id = Number(insContact.run(`p-${i}`, email, `https://linkedin.com/in/p${i}`).lastInsertRowid);
        const contact = revealed(`p-${i}`, { email });
        insLead.run(campaignId, companyId, id, email, JSON.stringify(company()), JSON.stringify(contact));
      }
    })();
    migrate(db);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'suppression'").get()).toBeDefined();
    const { cipher } = await openKeys(db, null, 'test');
    bindCipher(db, cipher);
    // A crash after the first batch: that batch is committed, the rest still plain.
    let batches = 0;
    expect(() =>
      sealExisting(db, {
        onBatch: () => {
          if (++batches === 1) throw new Error('power cut');
        },
      }),
    ).toThrow('power cut');
    const plainLeft = () =>
      (
        db.prepare("SELECT COUNT(*) AS n FROM contacts WHERE substr(email, 1, 5) <> 'enc1:'").get() as {
          n: number;
        }
      ).n;
    expect(plainLeft()).toBe(N - 500);
    const done = sealExisting(db);
    expect(done.contacts).toBe(N - 500);
    expect(done.leads).toBe(N);
    expect(plainLeft()).toBe(0);
    const raw = bytesOf(file);
    expect(raw).not.toContain('@plain.example');
    expect(raw).not.toContain('555 0100');
    const lead = getLead(db, 1)!;
    expect(lead.contact.email).toBe('person0@plain.example');
    expect(lead.notes).toBe('note');
    // Dedupe works on the sealed rows: the same address finds the existing contact.
    expect(
      upsertContact(db, {
        person: revealed('new-id', { email: 'PERSON7@plain.example' }),
        companyId,
        source: 't',
      }),
    ).toBe(8);
    db.close();
  });
});

describe('retention', () => {
  it('purges contact data idle past the setting, keeps campaign statistics, dry run changes nothing', async () => {
    const file = tempDbFile();
    const db = openDb(file);
    const { cipher } = await openKeys(db, null, 'test');
    bindCipher(db, cipher);
    const campaignId = seedCampaign(db);
    const companyId = upsertCompany(db, company(), 'test');
    const add = (id: string, email: string, tier: 'T1' | 'T2') => {
      const person = revealed(id, { email, firstName: `N${id}` });
      const contactId = upsertContact(db, { person, companyId, source: 'test' });
      return insertLead(db, newLead(campaignId, { companyId, contactId }, { contact: person, tier }))!;
    };
    const old = add('p-old', 'old@example.com', 'T1');
    const fresh = add('p-new', 'new@example.com', 'T2');
    db.prepare("UPDATE leads SET updated_at = '2026-01-01T00:00:00.000Z' WHERE id = ?").run(old);
    const now = new Date('2026-06-01T00:00:00.000Z'); // 151 days later; the fresh lead is "now"
    db.prepare('UPDATE leads SET updated_at = ? WHERE id = ?').run('2026-05-20T00:00:00.000Z', fresh);
    const stats = countLeadsByTier(db, campaignId);

    const dry = runRetention(db, 'tester', { dryRun: true, now });
    expect(dry).toMatchObject({ dryRun: true, days: 90, contacts: 1, leads: 1 });
    expect(getLead(db, old)!.contact.email).toBe('old@example.com');

    const res = runRetention(db, 'system', { dryRun: false, now });
    expect(res).toMatchObject({ contacts: 1, leads: 1 });
    expect(getLead(db, old)!.contact).toMatchObject({ email: null, firstName: '[erased]' });
    expect(getLead(db, fresh)!.contact.email).toBe('new@example.com');
    expect(countLeadsByTier(db, campaignId)).toEqual(stats);
    expect(listAudit(db).find((a) => a.action === 'retention.purge')).toMatchObject({
      actor: 'system',
      count: 1,
    });
    // A shorter setting reaches the fresh lead too.
    setRetentionDays(db, 'tester', 5);
    expect(runRetention(db, 'system', { dryRun: false, now }).contacts).toBe(1);
    expect(() => setRetentionDays(db, 'tester', 0)).toThrow(/retention days must be a whole number from 1/);
    db.close();
  });
});

describe('data keys', () => {
  it('keeps the key in the database when the keychain refuses, and moves it there once it works', async () => {
    const file = tempDbFile();
    const db = openDb(file);
    const refusing = {
      get: async () => null,
      set: async () => {
        throw new Error('locked');
      },
      delete: async () => undefined,
    };
    const first = await openKeys(db, refusing, 'tester');
    expect(first.state.store).toBe('database');
    expect(first.cipher.canSeal).toBe(true);
    const sealed = first.cipher.seal('kept@example.com');
    const held = new Map<string, string>();
    const working = {
      get: async (a: string) => held.get(a) ?? null,
      set: async (a: string, v: string) => void held.set(a, v),
      delete: async (a: string) => void held.delete(a),
    };
    const second = await openKeys(db, working, 'tester');
    expect(second.state).toMatchObject({ store: 'keychain', lostKeyIds: [] });
    expect(second.cipher.open(sealed)).toBe('kept@example.com');
    expect(db.prepare('SELECT material FROM privacy_keys').all()).toEqual([{ material: null }]);
    expect(listAudit(db).map((a) => a.action)).toEqual(['key.moved', 'key.created']);
    db.close();
  });
});
