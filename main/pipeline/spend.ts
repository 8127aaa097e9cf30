import { allLeads, ledgerEntries, type Db } from '../store';
import { companyKey } from './paid-gate';

export interface SpendReport {
  total: number;
  /** Bought for the saved leads and their companies, plus the directory pages. */
  unavoidable: number;
  /** Spent on people and on companies that did not become leads. */
  wasted: { people: number; companies: number };
  /** total / unavoidable (1 = nothing wasted; null before anything unavoidable was bought). */
  wasteRatio: number | null;
}

/** Ledger keys of what a directory page, a person and a company's job postings are cached under. */
const isDirectoryPage = (endpoint: string, key: string | null) =>
  endpoint === '/mixed_companies/search' && (key?.startsWith('[') ?? false);

/**
 * Where a campaign's credits went: the unavoidable part (the saved leads' reveals, their
 * companies' enrichments and job postings, the directory pages) and the rest, split into people
 * and companies that did not become leads.
 */
export function spendReport(db: Db, campaignId: number): SpendReport {
  const leads = allLeads(db, campaignId);
  const people = new Set(leads.map((l) => `p:${l.contact.providerId}`));
  const companies = new Set<string>();
  for (const { company: c } of leads) {
    companies.add(companyKey({ name: c.name, domain: c.domain, organizationId: c.providerId }));
    companies.add(companyKey({ name: c.name, domain: null, organizationId: c.providerId }));
    if (c.providerId) companies.add(`o:${c.providerId}:1`); // its job postings
  }
  let total = 0;
  let unavoidable = 0;
  const wasted = { people: 0, companies: 0 };
  for (const e of ledgerEntries(db, campaignId)) {
    total += e.credits;
    const key = e.entityKey ?? '';
    if (isDirectoryPage(e.endpoint, key) || people.has(key) || companies.has(key)) unavoidable += e.credits;
    else if (key.startsWith('p:')) wasted.people += e.credits;
    else wasted.companies += e.credits;
  }
  return {
    total,
    unavoidable,
    wasted,
    wasteRatio: unavoidable > 0 ? Math.round((total / unavoidable) * 1000) / 1000 : null,
  };
}
