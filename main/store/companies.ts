import type { Company } from '../domain/types';
import { fromJson, isoNow, normDomain, stmt, toJson, type Db } from './sql';

export type StoredCompany = Company & { id: number };

interface Row {
  id: number;
  provider_id: string | null;
  domain: string | null;
  data_json: string;
}

const toCompany = (r: Row): StoredCompany => ({ ...fromJson<Company>(r.data_json), id: r.id });

/** Newer facts win; a re-fetch that lacks a fact (null, empty list) does not erase a known one. */
function mergeCompany(old: Company, next: Company): Company {
  const out: Record<string, unknown> = { ...old };
  for (const [k, v] of Object.entries(next)) {
    const empty =
      v === null ||
      v === undefined ||
      v === '' ||
      (Array.isArray(v) && v.length === 0) ||
      (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);
    if (!empty || !(k in old)) out[k] = v;
  }
  return out as unknown as Company;
}

function findRow(db: Db, providerId: string | null, domain: string | null): Row | undefined {
  if (providerId !== null) {
    const byId = stmt(
      db,
      'SELECT id, provider_id, domain, data_json FROM companies WHERE provider_id = ?',
    ).get(providerId) as Row | undefined;
    if (byId) return byId;
  }
  if (domain !== null) {
    return stmt(db, 'SELECT id, provider_id, domain, data_json FROM companies WHERE domain = ?').get(
      domain,
    ) as Row | undefined;
  }
  return undefined;
}

/**
 * Inserts or updates a company, matched by provider id, then by lowercased domain. Returns its id.
 * If the provider-id match's new domain already belongs to another row, the domain is left as it
 * was rather than stealing it (two rows would otherwise claim one domain).
 */
export function upsertCompany(db: Db, c: Company, source: string): number {
  return db.transaction((): number => {
    const providerId = c.providerId?.trim() || null;
    const domain = normDomain(c.domain);
    const now = isoNow();
    const existing = findRow(db, providerId, domain);
    if (!existing) {
      const data: Company = { ...c, providerId, domain: domain ?? '' };
      const res = stmt(
        db,
        `INSERT INTO companies (provider_id, domain, name, website, linkedin_url, industry, employees, city, state,
           country, annual_revenue, data_json, source, created_at, updated_at)
         VALUES (@providerId, @domain, @name, @website, @linkedinUrl, @industry, @employees, @city, @state,
           @country, @annualRevenue, @data, @source, @now, @now)`,
      ).run({ ...columns(data), domain, data: toJson(data), source, now });
      return Number(res.lastInsertRowid);
    }
    const old = fromJson<Company>(existing.data_json);
    let nextDomain = domain ?? existing.domain;
    if (nextDomain !== existing.domain && nextDomain !== null) {
      const owner = stmt(db, 'SELECT id FROM companies WHERE domain = ?').get(nextDomain) as
        { id: number } | undefined;
      if (owner && owner.id !== existing.id) nextDomain = existing.domain;
    }
    const merged: Company = {
      ...mergeCompany(old, c),
      providerId: existing.provider_id ?? providerId,
      domain: nextDomain ?? '',
    };
    stmt(
      db,
      `UPDATE companies SET provider_id = @providerId, domain = @domain, name = @name, website = @website,
         linkedin_url = @linkedinUrl, industry = @industry, employees = @employees, city = @city, state = @state,
         country = @country, annual_revenue = @annualRevenue, data_json = @data, source = @source, updated_at = @now
       WHERE id = @id`,
    ).run({ ...columns(merged), domain: nextDomain, data: toJson(merged), source, now, id: existing.id });
    return existing.id;
  })();
}

function columns(c: Company) {
  return {
    providerId: c.providerId,
    name: c.name,
    website: c.website,
    linkedinUrl: c.linkedinUrl,
    industry: c.industry,
    employees: c.employees,
    city: c.city,
    state: c.state,
    country: c.country,
    annualRevenue: c.annualRevenue,
  };
}

export function getCompany(db: Db, id: number): StoredCompany | null {
  const row = stmt(db, 'SELECT id, provider_id, domain, data_json FROM companies WHERE id = ?').get(id) as
    Row | undefined;
  return row ? toCompany(row) : null;
}

export function getCompanyByDomain(db: Db, domain: string): StoredCompany | null {
  const key = normDomain(domain);
  if (key === null) return null;
  const row = stmt(db, 'SELECT id, provider_id, domain, data_json FROM companies WHERE domain = ?').get(
    key,
  ) as Row | undefined;
  return row ? toCompany(row) : null;
}

/** Every stored company, in id order, a page at a time (for rebuilding the vector store). */
export function listCompanies(db: Db, afterId = 0, limit = 500): StoredCompany[] {
  const rows = stmt(
    db,
    'SELECT id, provider_id, domain, data_json FROM companies WHERE id > ? ORDER BY id LIMIT ?',
  ).all(afterId, limit) as Row[];
  return rows.map(toCompany);
}
