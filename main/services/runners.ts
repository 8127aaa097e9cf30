/**
 * The runner registry: at most one CampaignRunner per campaign in this engine, registered the moment it
 * is asked for (so a pause, a cancel or a second start arriving while the provider and the filter are
 * still being prepared finds it), and forgotten once its last progress snapshot went out.
 */
import type { CampaignStatus } from '../shared/shapes';
import { AppError } from '../shared/errors';
import { CampaignRunner } from '../pipeline/runner';
import type { PreFilter } from '../pipeline/prefilter';
import type { FactsOrder } from '../pipeline/stages';
import type { Logger } from '../secrets/redact';
import { addEvent, getCampaign, rateLimitedCampaigns, type Db } from '../store';
import { waterfallSettings } from '../store/waterfall-settings';
import type { EventBus } from './event-bus';
import type { Providers } from './providers';
import type { SignalService } from './signals';
import type { VectorStore } from './vector-store';

export interface RunnerRegistry {
  /** Runs (or resumes) a campaign; resolves with its final status. A second call joins the first. */
  start(campaignId: number, opts?: { budget?: number | null }): Promise<CampaignStatus>;
  /** The final status of the run in progress, or null when no runner works on it here. */
  running(campaignId: number): Promise<CampaignStatus> | null;
  /** Asks the runner to stop after the current step and waits for it; false when none runs here. */
  stop(campaignId: number, how: 'pause' | 'cancel'): Promise<boolean>;
  pauseAll(): Promise<void>;
  /** Stops the timers that resume rate-limited campaigns (the engine is closing). */
  stopResumes(): void;
}

interface Entry {
  runner: CampaignRunner | null;
  stopRequest: 'pause' | 'cancel' | null;
  done: Promise<CampaignStatus>;
}

export interface RunnerRegistryOptions {
  db: Db;
  bus: EventBus;
  logger: Logger;
  providers: Providers;
  /** Buying-signal providers per campaign (issue 13); absent: intent from the company facts alone. */
  signals?: SignalService;
  vectors: VectorStore;
  concurrency?: number;
  clock: () => number;
  factsOrder?: FactsOrder;
  /** Resume campaigns a rate window paused when their window turns (default true; the CLI says no). */
  autoResume?: boolean;
}

/** The registry's state, which its top-level functions share. */
interface Registry {
  o: RunnerRegistryOptions;
  runs: Map<number, Entry>;
  resumeTimers: Map<number, NodeJS.Timeout>;
  closing: boolean;
}

export function createRunnerRegistry(o: RunnerRegistryOptions): RunnerRegistry {
  const r: Registry = { o, runs: new Map(), resumeTimers: new Map(), closing: false };
  scheduleResumes(r);
  return {
    start: (campaignId, opts) => start(r, campaignId, opts),
    running: (campaignId) => r.runs.get(campaignId)?.done ?? null,
    stop: (campaignId, how) => stop(r, campaignId, how),
    pauseAll: () => pauseAll(r),
    stopResumes: () => stopResumes(r),
  };
}

function start(r: Registry, campaignId: number, opts: { budget?: number | null } = {}) {
  const existing = r.runs.get(campaignId);
  if (existing) return existing.done;
  const entry: Entry = { runner: null, stopRequest: null, done: null as never };
  r.runs.set(campaignId, entry);
  entry.done = execute(r, campaignId, entry, opts.budget);
  return entry.done;
}

/** A campaign a 24-hour window paused goes on by itself when the window turns (also after a restart). */
function scheduleResumes(r: Registry): void {
  if (r.o.autoResume === false || r.closing) return;
  for (const { id, resumeAt } of rateLimitedCampaigns(r.o.db)) {
    if (r.resumeTimers.has(id) || r.runs.has(id)) continue;
    const wait = Math.min(Math.max(0, Date.parse(resumeAt) - r.o.clock()), 2 ** 31 - 1);
    const timer = setTimeout(() => {
      r.resumeTimers.delete(id);
      if (Date.parse(resumeAt) > r.o.clock()) return scheduleResumes(r); // a wait longer than a timer holds
      r.o.logger.info(`campaign ${id}: its rate window has turned; resuming`);
      void start(r, id).catch(() => undefined);
    }, wait);
    timer.unref();
    r.resumeTimers.set(id, timer);
  }
}

async function execute(r: Registry, campaignId: number, entry: Entry, budget: number | null | undefined) {
  let prefilter: PreFilter | null = null;
  try {
    const prepared = await prepare(r.o, campaignId, entry, budget);
    prefilter = prepared.prefilter;
    return await prepared.runner.run();
  } catch (e) {
    r.o.logger.error(`campaign ${campaignId}: crashed`, e instanceof Error ? (e.stack ?? e.message) : e);
    throw e;
  } finally {
    // The final snapshot goes out on the throttle's schedule; the run settles after it.
    await r.o.bus.idle(campaignId);
    r.runs.delete(campaignId);
    void prefilter?.close?.();
    scheduleResumes(r);
  }
}

/** The campaign's runner with its provider, email waterfall, knowledge and filter; a stop asked meanwhile applies. */
async function prepare(
  o: RunnerRegistryOptions,
  campaignId: number,
  entry: Entry,
  budget: number | null | undefined,
) {
  const { db, bus } = o;
  const c = getCampaign(db, campaignId);
  if (!c) throw new AppError('NOT_FOUND', `No campaign with id ${campaignId}.`);
  const provider = await o.providers.forCampaign(c);
  const email = { ...(await o.providers.hunterFor(c)), settings: waterfallSettings(db) };
  const knowledge = await o.vectors.knowledgeFor((message) =>
    bus.emit('campaign/activity', addEvent(db, campaignId, 'warn', message)),
  );
  await knowledge?.rememberIcp(campaignId, c.icp);
  const prefilter = await o.vectors.prefilterFor(c.icp, knowledge);
  const signals = await o.signals?.forCampaign(c);
  if (signals?.via)
    bus.emit('campaign/activity', addEvent(db, campaignId, 'info', `Buying signals from ${signals.via}.`));
  const runner = new CampaignRunner({
    db,
    provider,
    prefilter,
    campaignId,
    budget,
    concurrency: o.concurrency,
    clock: o.clock,
    factsOrder: o.factsOrder,
    email,
    signals,
    onProgress: (p) => bus.emit('campaign/progress', p),
    onActivity: (a) => bus.emit('campaign/activity', a),
    onCompanies: knowledge ? (companies) => knowledge.rememberCompanies(companies) : undefined,
    findCompany: knowledge ? (domain) => knowledge.findCompany(domain) : undefined,
  });
  entry.runner = runner;
  if (entry.stopRequest === 'pause') runner.pause();
  if (entry.stopRequest === 'cancel') runner.cancel();
  o.logger.info(
    `campaign ${campaignId}: run (${c.sandbox ? 'sandbox' : provider.name}, filter ${prefilter.name})`,
  );
  return { runner, prefilter };
}

async function stop(r: Registry, campaignId: number, how: 'pause' | 'cancel'): Promise<boolean> {
  const entry = r.runs.get(campaignId);
  if (!entry) return false;
  entry.stopRequest = how;
  if (how === 'pause') entry.runner?.pause();
  else entry.runner?.cancel();
  if (how === 'pause') await entry.done;
  else await entry.done.catch(() => undefined);
  return true;
}

async function pauseAll(r: Registry): Promise<void> {
  for (const entry of r.runs.values()) {
    entry.stopRequest = 'pause';
    entry.runner?.pause();
  }
  await Promise.allSettled([...r.runs.values()].map((e) => e.done));
}

function stopResumes(r: Registry): void {
  r.closing = true;
  for (const t of r.resumeTimers.values()) clearTimeout(t);
  r.resumeTimers.clear();
}
