import { TIERS, type Icp } from '../domain/icp';
import type { Company } from '../domain/types';
import {
  companyId,
  contactId,
  getItem,
  icpId,
  resetCollection,
  upsertCompanies,
  upsertContacts,
  upsertIcps,
  type HandleLike,
} from '../intel/collections';
import type { Embedder } from '../intel/embedder';
import { companyProfile, contactProfile, icpProfile } from '../intel/profiles';
import { listCampaigns, getCampaign, listCompanies, type CandidateRow, type Db } from '../store';
import type { FilterDecision } from './prefilter';

/**
 * What the engine keeps in Chroma: enriched company profiles (reused by later campaigns),
 * ICP profiles per campaign and tier, and each screened contact with its decision. SQLite stays
 * the truth; all of this can be dropped and rebuilt (`reindex`). Chroma trouble never stops a
 * campaign: the first failure is logged and the store is switched off for this run.
 */
export class Knowledge {
  private failed = false;

  constructor(
    private readonly chroma: HandleLike,
    private readonly embedder: Embedder,
    private readonly log: (message: string) => void = () => {},
  ) {}

  private async guard<T>(what: string, fn: () => Promise<T>, fallback: T): Promise<T> {
    if (this.failed) return fallback;
    try {
      return await fn();
    } catch (e) {
      this.failed = true;
      this.log(
        `Chroma ${what} failed (${e instanceof Error ? e.message : e}); continuing without the vector store.`,
      );
      return fallback;
    }
  }

  async rememberCompanies(companies: Company[]): Promise<void> {
    const list = companies.filter((c) => c.domain);
    if (list.length === 0) return;
    await this.guard(
      'company upsert',
      async () => {
        const docs = list.map(companyProfile);
        const vectors = await this.embedder.embed(docs);
        await upsertCompanies(
          this.chroma,
          list.map((c, i) => ({
            id: companyId(c.domain),
            embedding: vectors[i]!,
            document: docs[i]!,
            metadata: {
              domain: c.domain,
              name: c.name,
              industry: c.industry,
              employees: c.employees,
              country: c.country,
              fetchedAt: new Date().toISOString(),
              company: JSON.stringify(c),
            },
          })),
        );
      },
      undefined,
    );
  }

  /**
   * A company profile another campaign (or a teammate, on a shared CHROMA_URL server) already
   * bought, if it is younger than the cache TTL: used instead of paying again.
   */
  async findCompany(domain: string, ttlDays = 30): Promise<Company | null> {
    if (!domain) return null;
    const hit = await this.guard(
      'company lookup',
      () => getItem(this.chroma, 'companies', companyId(domain)),
      null,
    );
    const meta = hit?.metadata;
    if (!meta || typeof meta.company !== 'string' || typeof meta.fetchedAt !== 'string') return null;
    if (Date.now() - Date.parse(meta.fetchedAt) > ttlDays * 86_400_000) return null;
    return JSON.parse(meta.company) as Company;
  }

  async rememberIcp(campaignId: number, icp: Icp): Promise<void> {
    await this.guard(
      'ICP upsert',
      async () => {
        const docs = TIERS.map((t) => icpProfile(icp, t));
        const vectors = await this.embedder.embed(docs);
        await upsertIcps(
          this.chroma,
          TIERS.map((t, i) => ({
            id: icpId(campaignId, t),
            embedding: vectors[i]!,
            document: docs[i]!,
            metadata: { campaignId, tier: t, name: icp.name },
          })),
        );
      },
      undefined,
    );
  }

  async rememberContacts(
    campaignId: number,
    items: { cand: CandidateRow; decision: FilterDecision; vector: Float32Array | null }[],
  ): Promise<void> {
    const withVectors = items.filter((i) => i.vector);
    if (withVectors.length === 0) return;
    await this.guard(
      'contact upsert',
      () =>
        upsertContacts(
          this.chroma,
          withVectors.map(({ cand, decision, vector }) => ({
            id: contactId(cand.providerPersonId),
            embedding: vector!,
            document: contactProfile(cand.person),
            metadata: {
              campaignId,
              tier: decision.tier ?? null,
              similarity: decision.similarity,
              kept: decision.keep,
              company: cand.person.organizationName,
            },
          })),
        ),
      undefined,
    );
  }

  /** Drops the collections and rebuilds companies and ICPs from SQLite. */
  async reindex(db: Db): Promise<{ companies: number; icps: number }> {
    for (const name of ['companies', 'contacts', 'icps'] as const) await resetCollection(this.chroma, name);
    let companies = 0;
    for (let page = listCompanies(db); page.length > 0; page = listCompanies(db, page[page.length - 1]!.id)) {
      await this.rememberCompanies(page);
      companies += page.filter((c) => c.domain).length;
    }
    let icps = 0;
    for (const c of listCampaigns(db)) {
      const row = getCampaign(db, c.id);
      if (row) {
        await this.rememberIcp(c.id, row.icp);
        icps += TIERS.length;
      }
    }
    if (this.failed) throw new Error('Chroma did not accept the rebuild; see the log above.');
    return { companies, icps };
  }
}
