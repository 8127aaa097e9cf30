import { setMaxListeners } from 'node:events';
import type { ActivityLine, CampaignProgress, Stage, TierCounters } from '../contract';
import { unrevealedPerson } from '../domain/blank';
import { inLocations, validateCompany } from '../domain/checklist';
import { TIERS, type Icp, type Tier } from '../domain/icp';
import { scoreLead } from '../domain/score';
import { createTitleClassifier, type TitleClassifier } from '../domain/titles';
import type { CampaignStatus, Company, RevealedPerson, Validation } from '../domain/types';
import { AppError } from '../errors';
import { isProviderError } from '../providers/errors';
import type { LeadProvider, PeopleSearchQuery } from '../providers/types';
import {
  addCandidates,
  addEvent,
  allLeads,
  countCandidates,
  countLeadsByTier,
  getCampaign,
  listSearchCursors,
  nextCandidates,
  saveProgress,
  saveSearchCursor,
  setCampaignStatus,
  setCandidateState,
  upsertCompany,
  upsertContact,
  insertLead,
  type CandidateRow,
  type Db,
} from '../store';
import { isSuppressed } from '../store/suppression';
import { CompanyDirectory, organizationFilters } from './directory';
import { mapLimit } from './map-limit';
import { BudgetReached, PaidGate, companyKey } from './paid-gate';
import type { PreFilter } from './prefilter';

export interface RunnerOptions {
  db: Db;
  provider: LeadProvider;
  prefilter: PreFilter;
  campaignId: number;
  onProgress?: (p: CampaignProgress) => void;
  onActivity?: (a: ActivityLine) => void;
  /** Paid calls in flight at once (the provider's rate limiter paces them). */
  concurrency?: number;
  /** Candidates taken from the queue per step. */
  batchSize?: number;
  perPage?: number;
  /** Enriched companies of each step (the engine keeps their profiles in the vector store). */
  onCompanies?: (companies: Company[]) => Promise<void>;
  /** Looks up a company already bought elsewhere before paying (the vector store). */
  findCompany?: (domain: string) => Promise<Company | null>;
  /** Budget override on resume (null = none). */
  budget?: number | null;
}

const MAX_PAGES = 500;

interface Pending {
  cand: CandidateRow;
  tier: Tier; // the tier the title belongs to (may differ from the search tier)
  company: Company;
  companyId: number;
  validation: Validation;
}

/**
 * Runs one campaign (seed 000's flow, tier by tier) from whatever state SQLite holds, so a killed
 * process resumes where it stopped: searches continue from their cursors, candidates from their
 * states, and every paid result comes back from the cache instead of being bought again.
 */
export class CampaignRunner {
  private readonly abort = new AbortController();
  private stopRequest: 'pause' | 'cancel' | null = null;
  private stage: Stage = 'queued';
  private currentTier: Tier | null = null;
  private readonly started = Date.now();
  private startSaved = 0;
  private requests = 0;
  private exhausted: Record<Tier, boolean> = { T1: false, T2: false, T3: false };
  private readonly reserved: Record<Tier, number> = { T1: 0, T2: 0, T3: 0 };
  private readonly colleagues = new Map<string, number>(); // company domain → leads saved there
  private gate!: PaidGate;
  private directory!: CompanyDirectory;
  private icp!: Icp;
  private classifier!: TitleClassifier;
  private budget: number | null = null;

  constructor(private readonly o: RunnerOptions) {
    // Every request in flight listens on the one abort signal.
    setMaxListeners(0, this.abort.signal);
  }

  get campaignId(): number {
    return this.o.campaignId;
  }

  pause(): void {
    this.stopRequest ??= 'pause';
  }

  cancel(): void {
    this.stopRequest = 'cancel';
    this.abort.abort();
  }

  private log(level: ActivityLine['level'], message: string): void {
    const line = addEvent(this.o.db, this.o.campaignId, level, message);
    this.o.onActivity?.(line);
  }

  async run(): Promise<CampaignStatus> {
    const { db, campaignId } = this.o;
    const campaign = getCampaign(db, campaignId);
    if (!campaign) throw new AppError('NOT_FOUND', `No campaign with id ${campaignId}.`);
    if (campaign.status === 'completed' || campaign.status === 'cancelled')
      throw new AppError('CAMPAIGN_FINISHED', `Campaign ${campaignId} is already ${campaign.status}.`);
    this.icp = campaign.icp;
    this.budget = this.o.budget !== undefined ? this.o.budget : campaign.budget;
    this.classifier = createTitleClassifier(this.icp);
    this.gate = new PaidGate({
      db,
      provider: this.o.provider,
      campaignId,
      budget: this.budget,
      signal: this.abort.signal,
      findCompany: this.o.findCompany,
    });
    this.directory = new CompanyDirectory(this.gate, this.icp);
    for (const lead of allLeads(db, campaignId))
      this.colleagues.set(lead.company.domain, (this.colleagues.get(lead.company.domain) ?? 0) + 1);
    const resumed = campaign.status !== 'draft';
    setCampaignStatus(db, campaignId, 'running');
    const saved0 = countLeadsByTier(db, campaignId);
    this.startSaved = saved0.T1 + saved0.T2 + saved0.T3;
    this.log(
      'info',
      resumed
        ? `Resumed "${campaign.name}" with ${this.startSaved} leads already saved (pre-filter: ${this.o.prefilter.name}).`
        : `Started "${campaign.name}" via ${campaign.sandbox ? 'the built-in sandbox (synthetic data)' : this.o.provider.name} (pre-filter: ${this.o.prefilter.name}).`,
    );

    let status: CampaignStatus;
    let error: string | undefined;
    try {
      for (;;) {
        try {
          for (const tier of TIERS) {
            this.currentTier = tier;
            await this.runTier(tier);
            if (this.stopRequest) break;
          }
          break;
        } catch (e) {
          // An hourly/daily window is used up: wait for it (everything done so far is saved).
          if (!(isProviderError(e, 'RATE_LIMITED') && e.retryAt) || this.stopRequest) throw e;
          const at = new Date(e.retryAt);
          this.log(
            'warn',
            `${e.message} Waiting until ${at.toLocaleTimeString()}; the campaign continues by itself.`,
          );
          this.stage = 'queued';
          this.emitProgress('running');
          await this.sleepUntil(e.retryAt);
        }
      }
      status =
        this.stopRequest === 'cancel' ? 'cancelled' : this.stopRequest === 'pause' ? 'paused' : 'completed';
    } catch (e) {
      if (this.stopRequest === 'cancel') status = 'cancelled';
      else if (e instanceof BudgetReached) {
        status = 'paused';
        error = e.message;
        this.log('warn', e.message);
      } else {
        status = 'failed';
        error = e instanceof Error ? e.message : String(e);
        this.log('error', `Stopped: ${error} Nothing is lost: resume the campaign to continue.`);
      }
    }
    this.stage = 'done';
    setCampaignStatus(db, campaignId, status, error);
    this.emitProgress(status);
    const saved = countLeadsByTier(db, campaignId);
    this.log(
      status === 'failed' ? 'error' : 'info',
      `Campaign ${status}: T1 ${saved.T1}/${this.icp.tiers.T1.target}, T2 ${saved.T2}/${this.icp.tiers.T2.target}, ` +
        `T3 ${saved.T3}/${this.icp.tiers.T3.target}; ${this.gate.spent} credits used.`,
    );
    return status;
  }

  /** Sleeps until `at` (epoch ms), waking early on pause or cancel. */
  private async sleepUntil(at: number): Promise<void> {
    while (!this.stopRequest && Date.now() < at)
      await new Promise((r) => setTimeout(r, Math.min(1000, at - Date.now())));
  }

  private room(tier: Tier, saved: Record<Tier, number>): number {
    return this.icp.tiers[tier].target - saved[tier] - this.reserved[tier];
  }

  private async runTier(tier: Tier): Promise<void> {
    const { db, campaignId } = this.o;
    const target = this.icp.tiers[tier].target;
    if (target === 0) return;
    const batchSize = this.o.batchSize ?? 25;
    while (!this.stopRequest && countLeadsByTier(db, campaignId)[tier] < target) {
      const batch = nextCandidates(db, campaignId, tier, ['new', 'enriched', 'revealed'], batchSize);
      if (batch.length === 0) {
        if (!(await this.searchMore(tier))) {
          this.exhausted[tier] = true;
          const n = countLeadsByTier(db, campaignId)[tier];
          this.log(
            'warn',
            `${tier}: the search is exhausted with ${n}/${target} leads; widen titles or filters for more.`,
          );
          break;
        }
        continue;
      }
      await this.processBatch(tier, batch);
      this.emitProgress('running');
    }
    if (!this.stopRequest && !this.exhausted[tier])
      this.log('info', `${tier}: target of ${target} leads reached.`);
  }

  /** One round of paged title searches (free), run in parallel; false when every title is exhausted. */
  private async searchMore(tier: Tier): Promise<boolean> {
    const { db, campaignId, provider } = this.o;
    this.stage = 'searching';
    this.emitProgress('running');
    const cursors = new Map(listSearchCursors(db, campaignId, tier).map((c) => [c.title, c]));
    const open = this.icp.tiers[tier].titles.filter((t) => !cursors.get(t)?.exhausted);
    if (open.length === 0) return false;
    const perPage = this.o.perPage ?? 100;
    const base: Omit<PeopleSearchQuery, 'titles' | 'page'> = {
      includeSimilarTitles: true,
      ...organizationFilters(this.icp),
      perPage,
    };
    const pages = await mapLimit(open, 5, async (title) => {
      const page = (cursors.get(title)?.page ?? 0) + 1;
      const res = await provider.searchPeople(
        { ...base, titles: [title], page },
        { campaignId, signal: this.abort.signal },
      );
      this.requests++;
      return { title, page, res };
    });
    let found = 0;
    let added = 0;
    db.transaction(() => {
      for (const { title, page, res } of pages) {
        found += res.people.length;
        const allowed = res.people.filter((p) => !isSuppressed(db, { providerId: p.providerId })); // erased people
        added += addCandidates(db, campaignId, tier, allowed);
        const exhausted = res.people.length < perPage || page >= Math.min(res.totalPages, MAX_PAGES);
        saveSearchCursor(db, { campaignId, tier, title, page, totalPages: res.totalPages, exhausted });
      }
    })();
    this.log('info', `${tier}: searched ${open.length} title(s): ${found} people, ${added} new candidates.`);
    return true;
  }

  private async processBatch(searchTier: Tier, batch: CandidateRow[]): Promise<void> {
    const { db, campaignId } = this.o;
    // 0. Resolve companies through the ICP's company directory (a paid page per 100 companies).
    this.stage = 'filtering';
    const summaries = await this.directory.resolve(
      batch.map((c) => c.companyRef),
      searchTier,
    );
    batch.forEach((c, i) => {
      const s = summaries[i];
      if (s && !c.companyRef.domain)
        c.companyRef = { ...c.companyRef, domain: s.domain, organizationId: s.providerId };
    });
    // 1. Local pre-filter (free) for candidates not yet decided.
    const freshIdx = batch.flatMap((c, i) => (c.state === 'new' ? [i] : []));
    const fresh = freshIdx.map((i) => batch[i]!);
    const decisions = await this.o.prefilter.decide(fresh, {
      campaignId,
      icp: this.icp,
      tier: searchTier,
      classifier: this.classifier,
      companies: freshIdx.map((i) => summaries[i] ?? null),
      log: (m) => this.log('warn', m),
    });
    const dropped = new Set<string>();
    db.transaction(() => {
      fresh.forEach((c, i) => {
        const d = decisions[i]!;
        if (!d.keep) {
          dropped.add(c.providerPersonId);
          setCandidateState(db, campaignId, c.providerPersonId, {
            state: 'filtered_out',
            reason: d.reason,
            similarity: d.similarity,
            companySimilarity: d.companySimilarity,
            titleTier: d.tier ?? null,
          });
        } else {
          c.similarity = d.similarity;
          c.companySimilarity = d.companySimilarity;
          if (d.tier)
            setCandidateState(db, campaignId, c.providerPersonId, { state: c.state, titleTier: d.tier });
        }
      });
    })();
    // When the filter already knows a candidate's tier, pay only for what the tier has room for
    // (a little over, as some fail the checklist): the step ends before the first candidate over
    // that plan, so every step works on a prefix of the queue and a candidate's fate never
    // depends on where steps begin (a resumed run makes the same leads).
    const hinted = new Map(fresh.map((c, i) => [c.providerPersonId, decisions[i]!.tier ?? null]));
    const saved0 = countLeadsByTier(db, campaignId);
    const planned: Record<Tier, number> = { T1: 0, T2: 0, T3: 0 };
    let cut = batch.length;
    db.transaction(() => {
      for (const [i, c] of batch.entries()) {
        const tier = hinted.get(c.providerPersonId);
        if (!tier || dropped.has(c.providerPersonId)) continue;
        const room = this.room(tier, saved0);
        if (room <= 0) {
          dropped.add(c.providerPersonId);
          setCandidateState(db, campaignId, c.providerPersonId, {
            state: 'skipped',
            reason: `${tier} is full`,
            similarity: c.similarity,
            companySimilarity: c.companySimilarity,
            titleTier: tier,
          });
        } else if (planned[tier] >= Math.ceil(room * 1.2) + 1) {
          cut = i;
          break;
        } else planned[tier]++;
      }
    })();
    if (fresh.length > 0) {
      const byTitle = decisions.filter((d) => !d.keep && /title/.test(d.reason)).length;
      const byCompany = decisions.filter((d) => !d.keep).length - byTitle;
      if (byTitle + byCompany > 0)
        this.log(
          'info',
          `${searchTier}: screened ${fresh.length} candidates locally: ${byTitle} filtered by title, ` +
            `${byCompany} by company, ${fresh.length - byTitle - byCompany} worth paying for.`,
        );
    }
    const kept = batch.slice(0, cut).filter((c) => !dropped.has(c.providerPersonId));
    if (kept.length === 0) return;

    // 2. Company enrichment (paid, once per company, cached), in parallel.
    this.stage = 'enriching';
    const refs = new Map<string, CandidateRow['companyRef']>();
    for (const c of kept) refs.set(companyKey(c.companyRef), c.companyRef);
    const keys = [...refs.keys()];
    const companies = await mapLimit(keys, this.o.concurrency ?? 8, (k) =>
      this.gate.company(refs.get(k)!, searchTier),
    );
    const byKey = new Map(keys.map((k, i) => [k, companies[i] ?? null]));
    await this.o.onCompanies?.(companies.filter((c): c is Company => c !== null));

    // 3. Tier from title, checklist, room in the tier — in queue order, one transaction each.
    this.stage = 'validating';
    const saved = countLeadsByTier(db, campaignId);
    const toReveal: Pending[] = [];
    for (const cand of kept) {
      const company = byKey.get(companyKey(cand.companyRef)) ?? null;
      const match = this.classifier.classify(cand.person.title);
      const reject = (
        reason: string,
        validation: Validation | null = null,
        companyId: number | null = null,
      ) =>
        setCandidateState(db, campaignId, cand.providerPersonId, {
          state: 'rejected',
          reason,
          validation,
          companyId,
          similarity: cand.similarity,
          companySimilarity: cand.companySimilarity,
          titleTier: match.tier,
        });
      if (!company) {
        reject(`Company "${cand.companyRef.name}" not found by the provider`);
        continue;
      }
      db.transaction(() => {
        const companyId = upsertCompany(db, company, this.o.provider.name);
        if (!match.tier) return reject(`Title "${cand.person.title}" is not a target title`, null, companyId);
        const validation = validateCompany(company, this.icp);
        if (!inLocations(company, this.icp))
          return reject(
            `${company.country ?? 'Unknown country'} is not one of the ICP's locations`,
            validation,
            companyId,
          );
        if (!validation.accepted) {
          const why = validation.failedRequired.length
            ? `failed required check(s): ${validation.failedRequired.join(', ')}`
            : `validation ${validation.score}/6 is below ${this.icp.minValidationScore}`;
          return reject(why, validation, companyId);
        }
        if (this.room(match.tier, saved) <= 0) {
          setCandidateState(db, campaignId, cand.providerPersonId, {
            state: 'skipped',
            reason: `${match.tier} is full`,
            validation,
            companyId,
            titleTier: match.tier,
          });
          return;
        }
        this.reserved[match.tier]++;
        if (cand.state === 'new')
          setCandidateState(db, campaignId, cand.providerPersonId, {
            state: 'enriched',
            validation,
            companyId,
            similarity: cand.similarity,
            companySimilarity: cand.companySimilarity,
            titleTier: match.tier,
          });
        toReveal.push({ cand, tier: match.tier, company, companyId, validation });
      })();
      // The lead that fills the search tier ends the tier: what follows it in the queue is
      // never looked at, whichever step it falls in.
      if (this.room(searchTier, saved) <= 0) break;
    }

    // 4. Reveal emails only for contacts that passed (paid, cached), in parallel.
    this.stage = 'enriching';
    let people: (RevealedPerson | null)[];
    try {
      people = await mapLimit(toReveal, this.o.concurrency ?? 8, (p) =>
        this.gate.person(
          {
            providerId: p.cand.providerPersonId,
            firstName: p.cand.person.firstName,
            lastName: p.cand.person.lastName,
            domain: p.company.domain,
          },
          searchTier,
        ),
      );
    } finally {
      for (const p of toReveal) this.reserved[p.tier]--;
    }

    // 5. Score and save, in queue order, one transaction per lead.
    this.stage = 'saving';
    toReveal.forEach((p, i) => {
      if (isSuppressed(db, { providerId: p.cand.providerPersonId, ...people[i] }))
        return setCandidateState(db, campaignId, p.cand.providerPersonId, {
          state: 'skipped',
          reason: 'erased person',
        });
      const revealed: RevealedPerson = people[i] ?? unrevealedPerson(p.cand.person);
      const score = scoreLead({
        icp: this.icp,
        company: p.company,
        person: revealed,
        validation: p.validation,
        colleaguesFound: this.colleagues.get(p.company.domain) ?? 0,
      });
      db.transaction(() => {
        const contactId = upsertContact(db, {
          person: revealed,
          companyId: p.companyId,
          source: this.o.provider.name,
        });
        const leadId = insertLead(db, {
          campaignId,
          tier: p.tier,
          company: p.company,
          contact: revealed,
          emailStatus: revealed.emailStatus,
          validation: p.validation,
          score,
          similarity: p.cand.similarity,
          companyId: p.companyId,
          contactId,
        });
        setCandidateState(db, campaignId, p.cand.providerPersonId, {
          state: leadId === null ? 'skipped' : 'saved',
          reason: leadId === null ? 'duplicate contact' : null,
          validation: p.validation,
          companyId: p.companyId,
          contactId,
          similarity: p.cand.similarity,
          companySimilarity: p.cand.companySimilarity,
        });
        if (leadId !== null) {
          this.colleagues.set(p.company.domain, (this.colleagues.get(p.company.domain) ?? 0) + 1);
          this.log(
            'info',
            `${p.tier} lead: ${revealed.firstName} ${revealed.lastName}, ${revealed.title} at ${p.company.name} ` +
              `(${p.validation.score}/6, score ${score.total} ${score.band}).`,
          );
        }
      })();
    });
  }

  progress(status: CampaignStatus): CampaignProgress {
    const { db, campaignId } = this.o;
    const counts = countCandidates(db, campaignId);
    const saved = countLeadsByTier(db, campaignId);
    const tiers = {} as Record<Tier, TierCounters>;
    for (const t of TIERS) {
      const c = counts[t];
      const found = Object.values(c).reduce((s, n) => s + n, 0);
      tiers[t] = {
        target: this.icp.tiers[t].target,
        found,
        filtered: c.filtered_out,
        enriched: c.enriched + c.rejected + c.revealed + c.saved + c.skipped,
        validated: c.enriched + c.revealed + c.saved + c.skipped,
        saved: saved[t],
        rejected: c.rejected,
        exhausted: this.exhausted[t],
      };
    }
    const totalSaved = saved.T1 + saved.T2 + saved.T3;
    const totalTarget = TIERS.reduce((s, t) => s + this.icp.tiers[t].target, 0);
    const elapsedMs = Date.now() - this.started;
    const gained = totalSaved - this.startSaved;
    const etaMs =
      status === 'running' && gained > 0
        ? Math.round((elapsedMs / gained) * (totalTarget - totalSaved))
        : null;
    return {
      campaignId,
      status,
      stage: this.stage,
      tier: this.currentTier,
      tiers,
      creditsUsed: this.gate.spent,
      budget: this.budget,
      requests: this.requests + this.gate.calls,
      elapsedMs,
      etaMs,
    };
  }

  private emitProgress(status: CampaignStatus): void {
    const p = this.progress(status);
    saveProgress(this.o.db, this.o.campaignId, p);
    this.o.onProgress?.(p);
  }
}
