import type { Icp, Tier } from '../domain/icp';
import { providerLocation, searchKeywords } from '../domain/industries';
import type { CompanyRef, CompanySearchQuery, CompanySummary } from '../providers/types';
import type { PaidGate } from './paid-gate';

const MAX_PAGES = 500;

export function normalizeCompanyName(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The organisation filters a campaign's searches share (people and companies alike). */
export function organizationFilters(icp: Icp): Omit<CompanySearchQuery, 'page' | 'perPage'> {
  return {
    organizationLocations: icp.locations.map(providerLocation),
    employeeRanges: [`${icp.companySize.min},${icp.companySize.max}`],
    industryKeywords: searchKeywords(icp.industries),
  };
}

/**
 * The ICP's company universe, read page by page only as far as needed to resolve the names a
 * free people search returns (it gives no domain). One paid page resolves up to 100 companies,
 * where a lookup per name would cost a credit and a slow-class request each. Pages are cached,
 * so a resumed or repeated campaign reads them for free.
 */
export class CompanyDirectory {
  private readonly byName = new Map<string, CompanySummary>();
  private readonly providerIds = new Set<string>();
  private nextPage = 1;
  private totalPages = Infinity;

  constructor(
    private readonly gate: PaidGate,
    private readonly icp: Icp,
    private readonly perPage = 100,
  ) {}

  get exhausted(): boolean {
    return this.nextPage > Math.min(this.totalPages, MAX_PAGES);
  }

  private async fetchNext(tier: Tier): Promise<void> {
    const page = await this.gate.companyPage(
      { ...organizationFilters(this.icp), page: this.nextPage, perPage: this.perPage },
      tier,
    );
    this.nextPage++;
    this.totalPages = page.companies.length < this.perPage ? this.nextPage - 1 : page.totalPages;
    for (const c of page.companies) {
      if (c.providerId) this.providerIds.add(c.providerId);
      const k = normalizeCompanyName(c.name);
      if (!this.byName.has(k)) this.byName.set(k, c);
    }
  }

  /**
   * Reads every page (the people search is then scoped to these companies). It costs what
   * resolving would: the first candidate at a company outside the directory reads it all anyway.
   */
  async readAll(tier: Tier): Promise<void> {
    while (!this.exhausted) await this.fetchNext(tier);
  }

  /** The provider ids of every company read so far. */
  ids(): string[] {
    return [...this.providerIds];
  }

  /** The entry read so far for a company name (null: not read, or not listed). */
  lookup(name: string): CompanySummary | null {
    return this.byName.get(normalizeCompanyName(name)) ?? null;
  }

  /** Company facts for each ref (null when the directory does not list it), paging as needed. */
  async resolve(refs: CompanyRef[], tier: Tier): Promise<(CompanySummary | null)[]> {
    const missing = () => refs.some((r) => !r.domain && !this.byName.has(normalizeCompanyName(r.name)));
    while (missing() && !this.exhausted) await this.fetchNext(tier);
    return refs.map((r) => this.byName.get(normalizeCompanyName(r.name)) ?? null);
  }
}
