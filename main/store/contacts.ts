import type { CandidatePerson, EmailStatus, RevealedPerson } from '../domain/types';
import { blindOf, cipherOf } from './field-cipher';
import { bool, fromJson, isoNow, normKey, stmt, toJson, type Db } from './sql';

export interface StoredContact extends Omit<RevealedPerson, 'providerId' | 'emailStatus'> {
  id: number;
  providerId: string | null;
  /** null until the person was revealed. */
  emailStatus: EmailStatus | null;
  organizationName: string | null;
  organizationDomain: string | null;
  companyId: number | null;
  revealed: boolean;
  source: string;
}

export interface ContactInput {
  person: CandidatePerson | RevealedPerson;
  companyId: number | null;
  source: string;
}

interface Row {
  id: number;
  provider_id: string | null;
  email: string | null;
  first_name: string;
  last_name: string;
  title: string;
  email_status: EmailStatus | null;
  linkedin_url: string | null;
  phone: string | null;
  city: string | null;
  country: string | null;
  seniority: string | null;
  departments_json: string;
  organization_id: string | null;
  organization_name: string | null;
  organization_domain: string | null;
  has_email: number;
  revealed: number;
  company_id: number | null;
  source: string;
}

const toContact = (r: Row): StoredContact => ({
  id: r.id,
  providerId: r.provider_id,
  firstName: r.first_name,
  lastName: r.last_name,
  title: r.title,
  email: r.email,
  emailStatus: r.email_status,
  linkedinUrl: r.linkedin_url,
  phone: r.phone,
  city: r.city,
  country: r.country,
  seniority: r.seniority,
  departments: fromJson<string[]>(r.departments_json),
  organizationName: r.organization_name,
  organizationDomain: r.organization_domain,
  companyId: r.company_id,
  revealed: r.revealed === 1,
  source: r.source,
});

// email, phone and LinkedIn URL are sealed at rest (AES-256-GCM); the blind indexes beside them
// serve the equality look-ups (dedupe by email, erase by email or LinkedIn URL).
type SealedColumn = 'email' | 'linkedin_url' | 'phone';

/** A row as read, with its sealed fields opened (null where the key is gone). */
function opened(db: Db, r: Row | undefined): Row | undefined {
  if (!r) return r;
  const c = cipherOf(db);
  return { ...r, email: c.open(r.email), linkedin_url: c.open(r.linkedin_url), phone: c.open(r.phone) };
}

/** The stored form of plain fields: sealed values plus their blind indexes. */
function sealed<F extends Pick<Row, SealedColumn>>(db: Db, f: F) {
  const c = cipherOf(db);
  return {
    ...f,
    email: c.seal(f.email),
    linkedin_url: c.seal(f.linkedin_url),
    phone: c.seal(f.phone),
    email_bidx: blindOf(db, 'email', f.email),
    linkedin_bidx: blindOf(db, 'linkedin', f.linkedin_url),
  };
}

const byEmail = (db: Db, email: string) =>
  opened(db, stmt(db, 'SELECT * FROM contacts WHERE email_bidx = ?').get(blindOf(db, 'email', email)) as Row);

const isRevealed = (p: CandidatePerson | RevealedPerson): p is RevealedPerson => 'emailStatus' in p;

function findRow(db: Db, providerId: string | null, email: string | null): Row | undefined {
  if (providerId !== null) {
    const row = stmt(db, 'SELECT * FROM contacts WHERE provider_id = ?').get(providerId) as Row | undefined;
    if (row) return opened(db, row);
  }
  if (email !== null) return byEmail(db, email);
  return undefined;
}

/** The writable person columns of a contacts row. */
type Fields = Omit<Row, 'id' | 'provider_id' | 'company_id' | 'source'>;

/** A row as the incoming person alone describes it. */
function fromPerson(p: CandidatePerson | RevealedPerson, email: string | null): Fields {
  if (isRevealed(p)) {
    return {
      first_name: p.firstName,
      last_name: p.lastName,
      title: p.title,
      email,
      email_status: p.emailStatus,
      linkedin_url: p.linkedinUrl,
      phone: p.phone,
      city: p.city,
      country: p.country,
      seniority: p.seniority,
      departments_json: toJson(p.departments),
      organization_id: null,
      organization_name: null,
      organization_domain: null,
      has_email: bool(email !== null),
      revealed: 1,
    };
  }
  return {
    first_name: p.firstName,
    last_name: p.lastName,
    title: p.title,
    email: null,
    email_status: null,
    linkedin_url: null,
    phone: null,
    city: null,
    country: null,
    seniority: null,
    departments_json: '[]',
    organization_id: p.organizationId,
    organization_name: p.organizationName,
    organization_domain: normKey(p.organizationDomain),
    has_email: bool(p.hasEmail),
    revealed: 0,
  };
}

/**
 * Revealed facts beat search facts: a later search result never blanks an email or un-obfuscates
 * a name back to "S***h"; a reveal overwrites names/title and fills contact fields it knows.
 */
function merge(old: Row, p: CandidatePerson | RevealedPerson, incoming: Fields): Fields {
  const keep = <K extends keyof Fields>(k: K) => (incoming[k] ?? old[k]) as Fields[K];
  if (!isRevealed(p)) {
    if (old.revealed === 1) {
      return {
        ...pick(old),
        organization_id: keep('organization_id'),
        organization_name: keep('organization_name'),
        organization_domain: keep('organization_domain'),
      };
    }
    return incoming;
  }
  const email = keep('email');
  return {
    ...incoming,
    email,
    // A reveal that found no address does not downgrade one we already hold.
    email_status:
      incoming.email === null && old.email !== null
        ? (old.email_status ?? incoming.email_status)
        : incoming.email_status,
    linkedin_url: keep('linkedin_url'),
    phone: keep('phone'),
    city: keep('city'),
    country: keep('country'),
    seniority: keep('seniority'),
    departments_json: p.departments.length > 0 ? incoming.departments_json : old.departments_json,
    organization_id: old.organization_id,
    organization_name: old.organization_name,
    organization_domain: old.organization_domain,
    has_email: bool(email !== null || old.has_email === 1),
  };
}

function pick(r: Row): Fields {
  return {
    first_name: r.first_name,
    last_name: r.last_name,
    title: r.title,
    email: r.email,
    email_status: r.email_status,
    linkedin_url: r.linkedin_url,
    phone: r.phone,
    city: r.city,
    country: r.country,
    seniority: r.seniority,
    departments_json: r.departments_json,
    organization_id: r.organization_id,
    organization_name: r.organization_name,
    organization_domain: r.organization_domain,
    has_email: r.has_email,
    revealed: r.revealed,
  };
}

/**
 * Inserts or updates a person, matched by provider id, then by lowercased email. Returns its id.
 * An email already owned by another contact is not moved (left as it was on this row).
 */
export function upsertContact(db: Db, input: ContactInput): number {
  return db.transaction((): number => {
    const { person, companyId, source } = input;
    const providerId = person.providerId?.trim() || null;
    const email = isRevealed(person) ? normKey(person.email) : null;
    const incoming = fromPerson(person, email);
    const now = isoNow();
    const existing = findRow(db, providerId, email);
    if (!existing) {
      const res = stmt(
        db,
        `INSERT INTO contacts (provider_id, email, first_name, last_name, title, email_status, linkedin_url, phone,
           city, country, seniority, departments_json, organization_id, organization_name, organization_domain,
           has_email, revealed, company_id, source, created_at, updated_at, email_bidx, linkedin_bidx)
         VALUES (@provider_id, @email, @first_name, @last_name, @title, @email_status, @linkedin_url, @phone,
           @city, @country, @seniority, @departments_json, @organization_id, @organization_name,
           @organization_domain, @has_email, @revealed, @company_id, @source, @now, @now, @email_bidx, @linkedin_bidx)`,
      ).run({ ...sealed(db, incoming), provider_id: providerId, company_id: companyId, source, now });
      return Number(res.lastInsertRowid);
    }
    const next = merge(existing, person, incoming);
    if (next.email !== null && next.email !== existing.email) {
      const owner = byEmail(db, next.email);
      if (owner && owner.id !== existing.id) next.email = existing.email;
    }
    stmt(
      db,
      `UPDATE contacts SET provider_id = @provider_id, email = @email, first_name = @first_name,
         last_name = @last_name, title = @title, email_status = @email_status, linkedin_url = @linkedin_url,
         phone = @phone, city = @city, country = @country, seniority = @seniority,
         departments_json = @departments_json, organization_id = @organization_id,
         organization_name = @organization_name, organization_domain = @organization_domain,
         has_email = @has_email, revealed = @revealed, company_id = @company_id, source = @source, updated_at = @now,
         email_bidx = @email_bidx, linkedin_bidx = @linkedin_bidx
       WHERE id = @id`,
    ).run({
      ...sealed(db, next),
      provider_id: existing.provider_id ?? providerId,
      company_id: companyId ?? existing.company_id,
      source,
      now,
      id: existing.id,
    });
    return existing.id;
  })();
}

export function getContact(db: Db, id: number): StoredContact | null {
  const row = opened(db, stmt(db, 'SELECT * FROM contacts WHERE id = ?').get(id) as Row | undefined);
  return row ? toContact(row) : null;
}

export function getContactByProviderId(db: Db, providerId: string): StoredContact | null {
  const row = opened(
    db,
    stmt(db, 'SELECT * FROM contacts WHERE provider_id = ?').get(providerId.trim()) as Row | undefined,
  );
  return row ? toContact(row) : null;
}

/** Records what the provider said of the contact's mail domain (catch-all or not); null leaves it. */
export function setContactCatchall(db: Db, contactId: number, catchall: boolean | null | undefined): void {
  if (catchall === null || catchall === undefined) return;
  stmt(db, 'UPDATE contacts SET email_domain_catchall = ? WHERE id = ?').run(catchall ? 1 : 0, contactId);
}

/** Whether the contact's mail domain is a catch-all (null: not said). */
export function contactCatchall(db: Db, contactId: number): boolean | null {
  const row = stmt(db, 'SELECT email_domain_catchall AS c FROM contacts WHERE id = ?').get(contactId) as
    { c: number | null } | undefined;
  return row?.c === null || row?.c === undefined ? null : row.c === 1;
}

/** Ids of contacts known by any of these identifiers (equality through the blind indexes). */
export function findContactIds(
  db: Db,
  ids: { email?: string | null; linkedinUrl?: string | null; providerId?: string | null },
): number[] {
  const found = new Set<number>();
  const add = (sql: string, v: string | null) => {
    if (v === null) return;
    for (const r of stmt(db, sql).all(v) as { id: number }[]) found.add(r.id);
  };
  add('SELECT id FROM contacts WHERE email_bidx = ?', blindOf(db, 'email', ids.email));
  add('SELECT id FROM contacts WHERE linkedin_bidx = ?', blindOf(db, 'linkedin', ids.linkedinUrl));
  add('SELECT id FROM contacts WHERE provider_id = ?', ids.providerId?.trim() || null);
  return [...found].sort((a, b) => a - b);
}
