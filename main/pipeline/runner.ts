import { setMaxListeners } from 'node:events';
import type { ActivityLine, CampaignProgress, PauseReason, Stage, TierCounters } from '../contract';
import { TIERS, type Icp, type Tier } from '../domain/icp';
import { createTitleClassifier, type TitleClassifier } from '../domain/titles';
import type { CampaignStatus, CandidatePerson, Company } from '../domain/types';
import { AppError } from '../shared/errors';
import { isProviderError } from '../providers/errors';
import type { LeadProvider, PeopleSearchQuery } from '../providers/types';
import {
  addCandidates,
  addEvent,
  allLeads,
  countCandidates,
  countLeadsByTier,
  getCampaign,
  getCandidate,
  listSearchCursors,
  nextCandidates,
  saveProgress,
  saveSearchCursor,
  setCampaignStatus,
  type Db,
} from '../store';
import { releaseHeld } from '../store/email-evidence';
import { isSuppressed } from '../store/suppression';
import { CompanyDirectory } from './directory';
import { mapLimit } from './map-limit';
import { BudgetReached, PaidGate } from './paid-gate';
import type { PreFilter } from './prefilter';
import { chooseFilters, type NarrowingFilters } from './search-filters';
import { bandText, idChunks, peopleQuery, searchKeys, type SearchKey } from './search-plan';
import { namePrior, rankByNamePrior, rankingLine, type Ranked } from './search-prior';
import type { SignalSources } from './signal-reader';
import {
  createWaterfall,
  processBatch,
  type BatchContext,
  type EmailWaterfallInit,
  type FactsOrder,
} from './stages';

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
  /** Epoch ms now (tests move it past a rate window). */
  clock?: () => number;
  /** Which paid company facts come first (stages/facts.ts; default reveal-first). */
  factsOrder?: FactsOrder;
  /** The email waterfall's Hunter and settings (absent: Apollo's reveal alone). */
  email?: EmailWaterfallInit;
  /** Buying-signal providers (issue 13); absent: intent from the company facts alone. */
  signals?: SignalSources;
}

/** Longer waits for a rate window pause the campaign instead of holding the run open. */
const MAX_WAIT_IN_RUN_MS = 65 * 60_000;

const MAX_PAGES = 500;

/**
 * A search round reads pages until its new candidates number this many times the tier's room
 * (free searches), so the prior order has a choice: with a pool of one page per title the tier
 * fills from whatever came first, likely fails included (README, "Waste").
 */
const POOL_FACTOR = 3;
/** Pages per title a round reads at most (the real service's search is free but rate-limited). */
const MAX_POOL_ROUNDS = 5;

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
  private readonly filters = new Map<Tier, NarrowingFilters>();
  private gate!: PaidGate;
  private directory!: CompanyDirectory;
  private icp!: Icp;
  private classifier!: TitleClassifier;
  private budget: number | null = null;
  private ctx: BatchContext | null = null;
  private paused: { reason: PauseReason; resumeAt?: string | null } | null = null;

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
    this.open();
    const { status, error, pause } = await this.runTiers();
    const { db, campaignId } = this.o;
    this.stage = 'done';
    this.paused = pause ?? null;
    setCampaignStatus(db, campaignId, status, error, pause);
    this.emitProgress(status);
    const saved = countLeadsByTier(db, campaignId);
    this.log(
      status === 'failed' ? 'error' : 'info',
      `Campaign ${status}: T1 ${saved.T1}/${this.icp.tiers.T1.target}, T2 ${saved.T2}/${this.icp.tiers.T2.target}, ` +
        `T3 ${saved.T3}/${this.icp.tiers.T3.target}; ${this.gate.spent} credits used.` +
        (pause?.resumeAt ? ` It goes on by itself at ${pause.resumeAt}.` : ''),
    );
    return status;
  }

  /** Loads the campaign, builds its gate and directory, marks it running and says so. */
  private open() {
    const { db, campaignId } = this.o;
    const campaign = getCampaign(db, campaignId);
    if (!campaign) throw new AppError('NOT_FOUND', `No campaign with id ${campaignId}.`);
    if (campaign.status === 'completed' || campaign.status === 'cancelled')
      throw new AppError('CAMPAIGN_FINISHED', `Campaign ${campaignId} is already ${campaign.status}.`);
    this.icp = campaign.icp;
    this.budget = this.o.budget !== undefined ? this.o.budget : campaign.budget;
    // With the model loaded, MiniLM similarity joins the rules as in classify-titles --model.
    this.classifier = this.o.prefilter.titleClassifier?.(this.icp) ?? createTitleClassifier(this.icp);
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
    const via = campaign.sandbox ? 'the built-in sandbox (synthetic data)' : this.o.provider.name;
    this.log(
      'info',
      resumed
        ? `Resumed "${campaign.name}" with ${this.startSaved} leads already saved (pre-filter: ${this.o.prefilter.name}).`
        : `Started "${campaign.name}" via ${via} (pre-filter: ${this.o.prefilter.name}).`,
    );
    return campaign;
  }

  /**
   * Every tier in turn until done or stopped. A short rate window (a minute, an hour) is waited
   * out here; a used-up 24-hour window pauses the campaign until it turns, with that time stored.
   */
  private async runTiers(): Promise<{
    status: CampaignStatus;
    error?: string;
    pause?: { reason: PauseReason; resumeAt?: string | null };
  }> {
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
          if (!(isProviderError(e, 'RATE_LIMITED') && e.retryAt) || this.stopRequest) throw e;
          if (e.window === 'day' || e.retryAt - this.now() > MAX_WAIT_IN_RUN_MS)
            return this.rateLimitPause(e.message, e.retryAt);
          this.log(
            'warn',
            `${e.message} Waiting until ${new Date(e.retryAt).toISOString()}; the campaign continues by itself.`,
          );
          this.stage = 'queued';
          this.emitProgress('running');
          await this.sleepUntil(e.retryAt);
        }
      }
      if (this.stopRequest === 'cancel') return { status: 'cancelled' };
      if (this.stopRequest === 'pause') return { status: 'paused', pause: { reason: 'user' } };
      return { status: 'completed' };
    } catch (e) {
      if (this.stopRequest === 'cancel') return { status: 'cancelled' };
      if (e instanceof BudgetReached) {
        this.log('warn', e.message);
        return { status: 'paused', error: e.message, pause: { reason: 'budget' } };
      }
      const error = e instanceof Error ? e.message : String(e);
      this.log('error', `Stopped: ${error} Nothing is lost: resume the campaign to continue.`);
      return { status: 'failed', error };
    }
  }

  private rateLimitPause(message: string, retryAt: number) {
    const resumeAt = new Date(retryAt).toISOString();
    const text = `${message} Paused until the window turns at ${resumeAt}; the campaign goes on by itself then (everything so far is saved).`;
    this.log('warn', text);
    return { status: 'paused' as const, error: text, pause: { reason: 'rate-limit' as const, resumeAt } };
  }

  private now(): number {
    return (this.o.clock ?? Date.now)();
  }

  /** Sleeps until `at` (epoch ms on the runner's clock), waking early on pause or cancel. */
  private async sleepUntil(at: number): Promise<void> {
    while (!this.stopRequest && this.now() < at)
      await new Promise((r) => setTimeout(r, Math.min(1000, at - this.now())));
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
          if (releaseHeld(db, campaignId, tier) > 0) continue; // leads the email waterfall held back
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
      await processBatch(this.batchContext(), tier, batch);
      this.emitProgress('running');
    }
    if (!this.stopRequest && !this.exhausted[tier]) {
      this.log('info', `${tier}: target of ${target} leads reached.`);
      this.logUnbought(tier);
    }
  }

  /** Whether a search result's company was bought already (through the directory's domain for its name). */
  private knownCompany(p: CandidatePerson): boolean {
    const listed = this.directory.lookup(p.organizationName);
    const ref = {
      name: p.organizationName,
      domain: p.organizationDomain ?? listed?.domain ?? null,
      organizationId: p.organizationId ?? listed?.providerId ?? null,
    };
    return this.gate.knownCompany(ref) !== null;
  }

  /** Says how many candidates the name prior put last were never paid for (the target came first). */
  private logUnbought(tier: Tier): void {
    const left = nextCandidates(this.o.db, this.o.campaignId, tier, ['new'], 1_000_000).filter(
      (c) => namePrior(c.person.organizationName, this.icp).prior === 'other-trade',
    );
    if (left.length > 0)
      this.log(
        'info',
        `${tier}: ${left.length} candidate(s) at companies whose name reads as another trade were never paid for.`,
      );
  }

  /**
   * One round of paged title searches (free), in the first group with a title left (size band,
   * then verified-first pass, then directory chunk: search-plan.ts), read until it holds a pool of
   * new candidates a few times the tier's room; the pool is queued in prior order (search-prior.ts),
   * so the likely fails are the ones left when the tier fills. False when every search is exhausted.
   */
  private async searchMore(tier: Tier): Promise<boolean> {
    const { db, campaignId } = this.o;
    this.stage = 'searching';
    this.emitProgress('running');
    const cursors = new Map(listSearchCursors(db, campaignId, tier).map((c) => [c.title, c]));
    const narrowing = await this.narrowing(tier);
    const w = this.o.email;
    const verifiedFirst = !!w?.client && w.settings.steps.length > 0 && w.settings.reachableFirst;
    const chunks = idChunks(narrowing.organizationIds ?? []);
    const open = searchKeys(this.icp, this.icp.tiers[tier].titles, { verifiedFirst, idChunks: chunks })
      .map((band) => band.filter((s) => !cursors.get(s.key)?.exhausted))
      .find((band) => band.length > 0);
    if (!open) return false;
    const first = open[0]!;
    const base = {
      ...peopleQuery(this.icp, first.band, this.o.perPage ?? 100),
      ...narrowing,
      ...(first.emailStatuses ? { emailStatuses: first.emailStatuses } : {}),
      ...(first.organizationIds ? { organizationIds: first.organizationIds } : {}),
    };
    const pool = await this.readPool(tier, open, base, (key) => cursors.get(key)?.page ?? 0);
    let added = 0;
    let ranking: Ranked<CandidatePerson> | null = null;
    db.transaction(() => {
      for (const c of pool.cursors) saveSearchCursor(db, { campaignId, tier, ...c });
      ranking = rankByNamePrior(pool.people, this.icp, (p) => this.knownCompany(p)); // likely fails last
      added = addCandidates(db, campaignId, tier, ranking.ranked);
    })();
    this.log(
      'info',
      `${tier}: searched ${open.length} title(s) at companies of ${bandText(first.band)}` +
        `${first.emailStatuses ? ', people whose address Apollo verified first' : ''}` +
        `${first.organizationIds ? ` (directory part ${first.key.split(' · ids ')[1]})` : ''}, ` +
        `${pool.rounds} page(s) each: ${pool.found} people, ${added} new candidates.`,
    );
    const line = ranking && rankingLine(tier, ranking);
    if (line && added > 0) this.log('info', line);
    return true;
  }

  /**
   * Pages of the open searches (free), round after round, until the new candidates (not queued
   * yet, not erased) reach POOL_FACTOR × the tier's room or the searches run out.
   */
  private async readPool(
    tier: Tier,
    open: SearchKey[],
    base: Omit<PeopleSearchQuery, 'titles' | 'page'>,
    pageOf: (key: string) => number,
  ) {
    const { db, campaignId, provider } = this.o;
    const perPage = base.perPage ?? 100;
    const saved = countLeadsByTier(db, campaignId)[tier];
    const want = POOL_FACTOR * Math.max(1, this.icp.tiers[tier].target - saved - this.reserved[tier]);
    const seen = new Set<string>();
    const people: CandidatePerson[] = [];
    const last = new Map<string, { title: string; page: number; totalPages: number; exhausted: boolean }>();
    let live = open;
    let found = 0;
    let rounds = 0;
    while (live.length > 0 && people.length < want && rounds < MAX_POOL_ROUNDS) {
      rounds++;
      const pages = await mapLimit(live, 5, async (s) => {
        const page = (last.get(s.key)?.page ?? pageOf(s.key)) + 1;
        const res = await provider.searchPeople(
          { ...base, titles: [s.title], page },
          { campaignId, signal: this.abort.signal },
        );
        this.requests++;
        return { s, page, res };
      });
      for (const { s, page, res } of pages) {
        found += res.people.length;
        for (const p of res.people) {
          if (seen.has(p.providerId)) continue;
          seen.add(p.providerId);
          // Erased people are never queued; people queued already keep their place.
          if (!isSuppressed(db, { providerId: p.providerId }) && !getCandidate(db, campaignId, p.providerId))
            people.push(p);
        }
        const exhausted = res.people.length < perPage || page >= Math.min(res.totalPages, MAX_PAGES);
        last.set(s.key, { title: s.key, page, totalPages: res.totalPages, exhausted });
      }
      live = live.filter((s) => !last.get(s.key)!.exhausted);
    }
    return { people, found, rounds, cursors: [...last.values()] };
  }

  /**
   * The free filters a tier's searches carry, chosen once per run from the market's counts
   * (search-filters.ts) after the directory is read, and logged with what each removed.
   */
  private async narrowing(tier: Tier): Promise<NarrowingFilters> {
    const known = this.filters.get(tier);
    if (known) return known;
    await this.directory.readAll(tier);
    const { filters, line, searches } = await chooseFilters(
      this.o.provider,
      this.icp,
      tier,
      this.directory.ids(),
      {
        campaignId: this.o.campaignId,
        signal: this.abort.signal,
      },
    );
    this.requests += searches;
    this.log('info', line);
    this.filters.set(tier, filters);
    return filters;
  }

  private batchContext(): BatchContext {
    this.ctx ??= {
      db: this.o.db,
      campaignId: this.o.campaignId,
      icp: this.icp,
      classifier: this.classifier,
      gate: this.gate,
      directory: this.directory,
      prefilter: this.o.prefilter,
      providerName: this.o.provider.name,
      concurrency: this.o.concurrency ?? 8,
      order: this.o.factsOrder ?? 'reveal-first',
      reserved: this.reserved,
      colleagues: this.colleagues,
      log: (level, message) => this.log(level, message),
      onCompanies: this.o.onCompanies,
      onStage: (stage) => (this.stage = stage),
      email: this.o.email
        ? createWaterfall(this.o.email, {
            db: this.o.db,
            campaignId: this.o.campaignId,
            signal: this.abort.signal,
          })
        : undefined,
      signals: this.o.signals,
    };
    return this.ctx;
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
      pauseReason: status === 'paused' ? (this.paused?.reason ?? 'user') : null,
      resumeAt: status === 'paused' ? (this.paused?.resumeAt ?? null) : null,
    };
  }

  private emitProgress(status: CampaignStatus): void {
    const p = this.progress(status);
    saveProgress(this.o.db, this.o.campaignId, p);
    this.o.onProgress?.(p);
  }
}
