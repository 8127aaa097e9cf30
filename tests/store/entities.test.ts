import { describe, expect, it } from 'vitest';
import { getCompany, getCompanyByDomain, upsertCompany } from '../../main/store/companies';
import { getContact, getContactByProviderId, upsertContact } from '../../main/store/contacts';
import { candidate, company, revealed, tempDb } from './fixtures';

const count = (db: ReturnType<typeof tempDb>['db'], table: string) =>
  (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('companies', () => {
  it('deduplicates by provider id, then by lowercased domain', () => {
    const { db } = tempDb();
    const a = upsertCompany(db, company(), 'apollo');
    expect(upsertCompany(db, company({ name: 'Acme Forge Ltd', domain: 'acmeforge.com' }), 'apollo')).toBe(a);
    // No provider id this time: matched by domain, whatever its case or URL dressing.
    expect(
      upsertCompany(
        db,
        company({ providerId: null, name: 'Acme Forge Ltd', domain: 'https://WWW.AcmeForge.com/' }),
        'seed',
      ),
    ).toBe(a);
    const b = upsertCompany(
      db,
      company({ providerId: 'org-2', domain: 'other.com', name: 'Other' }),
      'apollo',
    );
    expect(b).not.toBe(a);
    expect(count(db, 'companies')).toBe(2);
    expect(getCompany(db, a)).toMatchObject({
      id: a,
      name: 'Acme Forge Ltd',
      providerId: 'org-1',
      domain: 'acmeforge.com',
    });
    expect(getCompanyByDomain(db, 'ACMEFORGE.COM ')?.id).toBe(a);
    expect(getCompanyByDomain(db, 'nobody.com')).toBeNull();
    db.close();
  });

  it('updates facts on conflict without erasing known ones', () => {
    const { db } = tempDb();
    const id = upsertCompany(db, company({ employees: 1200, openJobs: 4 }), 'apollo');
    upsertCompany(
      db,
      company({ employees: 1500, openJobs: null, departmentHeadCount: {}, keywords: [] }),
      'apollo',
    );
    const c = getCompany(db, id)!;
    expect(c.employees).toBe(1500);
    expect(c.openJobs).toBe(4);
    expect(c.keywords).toEqual(['forging']);
    expect(c.departmentHeadCount).toEqual({ human_resources: 12 });
    expect(db.prepare('SELECT employees FROM companies WHERE id = ?').get(id)).toEqual({ employees: 1500 });
    db.close();
  });

  it('gives a provider id to a company first stored by domain alone', () => {
    const { db } = tempDb();
    const id = upsertCompany(db, company({ providerId: null }), 'seed');
    expect(upsertCompany(db, company({ providerId: 'org-9' }), 'apollo')).toBe(id);
    expect(getCompany(db, id)?.providerId).toBe('org-9');
    // Now findable by that id even when the domain changed (a rebrand).
    expect(upsertCompany(db, company({ providerId: 'org-9', domain: 'acme-new.com' }), 'apollo')).toBe(id);
    expect(getCompanyByDomain(db, 'acme-new.com')?.id).toBe(id);
    db.close();
  });

  it("does not steal another company's domain", () => {
    const { db } = tempDb();
    const a = upsertCompany(db, company({ providerId: 'org-1', domain: 'a.com' }), 'apollo');
    const b = upsertCompany(db, company({ providerId: 'org-2', domain: 'b.com' }), 'apollo');
    expect(
      upsertCompany(db, company({ providerId: 'org-1', domain: 'b.com', name: 'A renamed' }), 'apollo'),
    ).toBe(a);
    expect(getCompany(db, a)).toMatchObject({ domain: 'a.com', name: 'A renamed' });
    expect(getCompanyByDomain(db, 'b.com')?.id).toBe(b);
    db.close();
  });
});

describe('contacts', () => {
  it('deduplicates by provider id, then by lowercased email', () => {
    const { db } = tempDb();
    const a = upsertContact(db, { person: candidate('p1'), companyId: null, source: 'apollo' });
    expect(
      upsertContact(db, { person: candidate('p1', { title: 'CEO' }), companyId: null, source: 'apollo' }),
    ).toBe(a);
    const b = upsertContact(db, {
      person: revealed('', { email: 'Ravi@Acme.com' }),
      companyId: null,
      source: 'hunter',
    });
    expect(b).not.toBe(a);
    // Another provider's id, same address: the same person.
    expect(
      upsertContact(db, {
        person: revealed('hx-7', { email: ' ravi@acme.COM' }),
        companyId: null,
        source: 'hunter',
      }),
    ).toBe(b);
    expect(getContact(db, b)).toMatchObject({ email: 'ravi@acme.com', providerId: 'hx-7' });
    expect(count(db, 'contacts')).toBe(2);
    db.close();
  });

  it('merges a reveal over the search result, and a later search never blanks revealed facts', () => {
    const { db } = tempDb();
    const companyId = upsertCompany(db, company(), 'apollo');
    const id = upsertContact(db, { person: candidate('p1'), companyId: null, source: 'apollo' });
    expect(getContact(db, id)).toMatchObject({
      lastName: 'R***o',
      email: null,
      emailStatus: null,
      revealed: false,
    });

    upsertContact(db, { person: revealed('p1', { phone: '+91 20 5555 0101' }), companyId, source: 'apollo' });
    const after = getContact(db, id)!;
    expect(after).toMatchObject({
      lastName: 'Rao',
      email: 'asha.rao@acmeforge.com',
      emailStatus: 'verified',
      linkedinUrl: 'https://linkedin.com/in/asharao',
      phone: '+91 20 5555 0101',
      companyId,
      revealed: true,
      organizationName: 'Acme Forge',
    });

    upsertContact(db, { person: candidate('p1', { title: 'CEO & MD' }), companyId: null, source: 'apollo' });
    expect(getContact(db, id)).toMatchObject({ lastName: 'Rao', email: 'asha.rao@acmeforge.com', companyId });

    // A later reveal without an address keeps the one we hold, and its status.
    upsertContact(db, {
      person: revealed('p1', { email: null, emailStatus: 'unavailable', phone: null }),
      companyId: null,
      source: 'apollo',
    });
    expect(getContactByProviderId(db, 'p1')).toMatchObject({
      email: 'asha.rao@acmeforge.com',
      emailStatus: 'verified',
      phone: '+91 20 5555 0101',
    });
    db.close();
  });

  it('does not move an email that belongs to another contact', () => {
    const { db } = tempDb();
    const a = upsertContact(db, {
      person: revealed('p1', { email: 'a@x.com' }),
      companyId: null,
      source: 'apollo',
    });
    const b = upsertContact(db, {
      person: revealed('p2', { email: 'b@x.com' }),
      companyId: null,
      source: 'apollo',
    });
    expect(
      upsertContact(db, { person: revealed('p1', { email: 'b@x.com' }), companyId: null, source: 'apollo' }),
    ).toBe(a);
    expect(getContact(db, a)?.email).toBe('a@x.com');
    expect(getContact(db, b)?.email).toBe('b@x.com');
    db.close();
  });
});
