import { AppError } from '../shared/errors';
import { isProviderError } from '../providers/errors';
import type { Tier } from '../domain/icp';
import type { Company } from '../domain/types';
import type {
  CallContext,
  CompanyRef,
  CompanySearchPage,
  CompanySearchQuery,
  JobPostingsPage,
  LeadProvider,
  Paid,
  PersonRef,
  RevealedMatch,
} from '../providers/types';
import { creditsUsed, getCached, putCached, recordPaidCall, type Db } from '../store';
import { isSuppressed } from '../store/suppression';

export class BudgetReached extends AppError {
  constructor(budget: number, spent: number) {
    super(
      'BUDGET_REACHED',
      `The credit budget of ${budget} is used up (${spent} spent). Raise the budget and resume the campaign.`,
    );
  }
}

/** Cache keys: a company by domain when known, else by provider id, else by name. */
export function companyKey(ref: CompanyRef): string {
  if (ref.domain) return `d:${ref.domain.toLowerCase()}`;
  if (ref.organizationId) return `o:${ref.organizationId}`;
  return `n:${ref.name.trim().toLowerCase()}`;
}

/**
 * The one door for paid calls: look in the cache first, respect the budget (counting calls in
 * flight), and record every billable call in the ledger in the same transaction that stores its
 * result, so nothing bought is trusted before it is written down.
 */
export class PaidGate {
  private spentCredits: number;
  private inFlight = 0;
  calls = 0;

  constructor(
    private readonly o: {
      db: Db;
      provider: LeadProvider;
      campaignId: number;
      budget: number | null;
      signal?: AbortSignal;
      /** A second place to find a company already bought (the shared vector store). */
      findCompany?: (domain: string) => Promise<Company | null>;
    },
  ) {
    this.spentCredits = creditsUsed(o.db, o.campaignId);
  }

  get spent(): number {
    return this.spentCredits;
  }

  private reserve(): void {
    const { budget } = this.o;
    if (budget !== null && this.spentCredits + this.inFlight + 1 > budget)
      throw new BudgetReached(budget, this.spentCredits);
    this.inFlight++;
  }

  private async buy<T>(
    entity: 'company' | 'person' | 'company_search' | 'job_postings',
    keys: string[],
    tier: Tier,
    fetch: (ctx: CallContext) => Promise<Paid<T>>,
    extraKeys: (data: T) => string[] = () => [],
  ): Promise<T> {
    const { db, provider, campaignId } = this.o;
    for (const k of keys) {
      const hit = getCached<T>(db, entity, k, provider.name);
      if (hit) return hit.data;
    }
    this.reserve();
    let res: Paid<T>;
    try {
      res = await fetch({ campaignId, signal: this.o.signal });
    } catch (e) {
      // An answer we could not read may still have been billed: record the likely charge.
      if (isProviderError(e, 'BAD_RESPONSE')) {
        recordPaidCall(db, {
          provider: provider.name,
          endpoint: `${isProviderError(e) ? e.endpoint : entity} (unreadable answer)`,
          credits: 1,
          campaignId,
          entityKey: keys[0]!,
          tier,
        });
        this.spentCredits += 1;
      }
      throw e;
    } finally {
      this.inFlight--;
    }
    db.transaction(() => {
      for (const call of res.calls)
        recordPaidCall(db, {
          provider: provider.name,
          endpoint: call.endpoint,
          credits: call.credits,
          expectedCredits: call.expectedCredits,
          reportedCredits: call.reportedCredits,
          campaignId,
          entityKey: keys[0]!,
          tier,
        });
      for (const k of new Set([...keys, ...extraKeys(res.data)]))
        putCached(db, { entity, key: k, source: provider.name, data: res.data });
    })();
    this.calls += res.calls.length;
    this.spentCredits += res.calls.reduce((s, c) => s + c.credits, 0);
    return res.data;
  }

  async company(ref: CompanyRef, tier: Tier): Promise<Company | null> {
    const key = companyKey(ref);
    if (ref.domain && this.o.findCompany && !getCached(this.o.db, 'company', key, this.o.provider.name)) {
      const known = await this.o.findCompany(ref.domain);
      if (known) {
        putCached(this.o.db, { entity: 'company', key, source: this.o.provider.name, data: known });
        return known;
      }
    }
    return this.buy(
      'company',
      [companyKey(ref)],
      tier,
      (ctx) => this.o.provider.enrichCompany(ref, ctx),
      (c) => (c ? [companyKey({ name: c.name, domain: c.domain, organizationId: c.providerId })] : []),
    );
  }

  /**
   * What is already known of a company without paying: an enrichment, else the organization that
   * came nested in a revealed colleague (no departmental head counts).
   */
  knownCompany(ref: CompanyRef): Company | null {
    const { db, provider } = this.o;
    const key = companyKey(ref);
    return (
      getCached<Company | null>(db, 'company', key, provider.name)?.data ??
      getCached<Company>(db, 'company_nested', key, provider.name)?.data ??
      null
    );
  }

  /** Keeps the organization nested in a revealed person as what is known of its company. */
  rememberNested(ref: CompanyRef, company: Company): void {
    putCached(this.o.db, {
      entity: 'company_nested',
      key: companyKey(ref),
      source: this.o.provider.name,
      data: company,
    });
  }

  /** One page of the ICP's company directory, cached under the query it answers. */
  companyPage(query: CompanySearchQuery, tier: Tier): Promise<CompanySearchPage> {
    const key = JSON.stringify([
      [...query.organizationLocations].sort(),
      [...query.employeeRanges].sort(),
      [...query.industryKeywords].sort(),
      query.perPage,
      query.page,
    ]);
    return this.buy('company_search', [key], tier, (ctx) => this.o.provider.searchCompanies(query, ctx));
  }

  /** The person with what the answer says of the address and of their company (the nested ORG). */
  async person(ref: PersonRef, tier: Tier): Promise<RevealedMatch | null> {
    // An erased person is never paid for; one whose reveal names an erased identity is not used.
    if (isSuppressed(this.o.db, { providerId: ref.providerId })) return null;
    const p = await this.buy('person', [`p:${ref.providerId}`], tier, (ctx) =>
      this.o.provider.revealPerson(ref, ctx),
    );
    return p && isSuppressed(this.o.db, p) ? null : p;
  }

  /** The first page of a company's open jobs (paid per page with results), cached per company. */
  jobPostings(organizationId: string, tier: Tier): Promise<JobPostingsPage> {
    return this.buy('job_postings', [`o:${organizationId}:1`], tier, (ctx) =>
      this.o.provider.jobPostings({ organizationId, page: 1, perPage: 100 }, ctx),
    );
  }
}
