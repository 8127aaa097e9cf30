import { appendFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventName, Events, Handlers, LeadQuery, ModelStatus } from './contract';
import { checkIcp, describeIssues, parseIcpText, serializeIcp } from './domain/icp-io';
import type { Icp } from './domain/icp';
import { AppError } from './shared/errors';
import { writeWorkbook } from './export/workbook';
import { estimateCredits } from './pipeline/estimate';
import { passThroughFilter, type PreFilter } from './pipeline/prefilter';
import { SemanticFilter } from './pipeline/semantic-filter';
import { createEmbedder, type Embedder } from './intel/embedder';
import { downloadModel, localModel } from './intel/model-download';
import { MODEL_ID } from './intel/model-files';
import { startChroma, type ChromaHandle } from './intel/chroma';
import { withNamespace } from './intel/collections';
import { Knowledge } from './pipeline/knowledge';
import { CampaignRunner } from './pipeline/runner';
import {
  APOLLO_FREE_LIMITS,
  APOLLO_PAID_LIMITS,
  createApolloProvider,
  type ApolloProvider,
} from './providers/apollo';
import type { SecretStore } from './secrets/keychain';
import { createLogger, type Logger } from './secrets/redact';
import { createThrottle } from './events/throttle';
import type { FaultConfig } from './sandbox/faults';
import { startSandboxThread, type SandboxHandle } from './threads/sandbox-host';
import {
  addEvent,
  allLeads,
  createCampaign,
  creditsUsed,
  getCampaign,
  getCampaignSummary,
  getLead,
  listCampaigns,
  listEvents,
  listLeads,
  openDb,
  saveIcp,
  setCampaignStatus,
  updateLead,
  type Db,
} from './store';

export type SandboxLimits = 'free' | 'paid' | 'off';

export interface EngineOptions {
  dataDir: string;
  /** SQLite file (default <dataDir>/lead-studio.db). */
  dbPath?: string;
  secrets?: SecretStore;
  sandboxSeed?: number;
  sandboxLimits?: SandboxLimits;
  /** Transport faults the sandbox injects (drills and tests). */
  sandboxFaults?: FaultConfig;
  /** Force the sandbox even when an Apollo key is stored. */
  forceSandbox?: boolean;
  resourcesDir?: string;
  /** The local semantic pre-filter (default on); off = pass-through, for comparison. */
  semanticFilter?: boolean;
  /** Keep profiles in Chroma (default: with the semantic filter). CHROMA_URL selects a running server. */
  vectorStore?: boolean;
  /** Prefix for collection names on a shared Chroma server (default: none). */
  chromaNamespace?: string;
  apolloBaseUrl?: string;
  concurrency?: number;
}

export interface Engine {
  handlers: Handlers;
  db: Db;
  on<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void;
  /** Creates a draft campaign (sandbox when asked or when no Apollo key is stored). */
  createCampaign(
    icp: Icp,
    o?: { budget?: number | null; sandbox?: boolean },
  ): Promise<{ campaignId: number }>;
  /** Runs (or resumes) a campaign and resolves with its final status. */
  run(campaignId: number, opts?: { budget?: number | null }): Promise<string>;
  /** The provider a campaign uses (sandbox or Apollo), e.g. for request statistics. */
  providerFor(campaignId: number): Promise<ApolloProvider>;
  sandboxOrigin(): string | null;
  /** Drops the vector store and rebuilds it from SQLite (the truth). */
  reindex(): Promise<{ companies: number; icps: number }>;
  pauseRunning(): Promise<void>;
  close(): Promise<void>;
}

const UNLIMITED = { enrichment: { perMinute: 1e9 }, other: { perMinute: 1e9 } };

export function defaultResourcesDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', 'resources');
}

export async function createEngine(opts: EngineOptions): Promise<Engine> {
  mkdirSync(opts.dataDir, { recursive: true });
  const db = openDb(opts.dbPath ?? join(opts.dataDir, 'lead-studio.db'));
  const resourcesDir = opts.resourcesDir ?? defaultResourcesDir();
  // Keys the engine has read this session: every log line is scrubbed of them.
  const knownKeys = new Set<string>();
  const logDir = join(opts.dataDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const logger: Logger = createLogger({
    secrets: () => knownKeys,
    sink: (line) => appendFileSync(join(logDir, 'engine.log'), `${line}\n`),
  });
  const listeners = new Map<EventName, Set<(p: never) => void>>();
  const deliver = <E extends EventName>(event: E, payload: Events[E]) => {
    for (const cb of listeners.get(event) ?? []) (cb as (p: Events[E]) => void)(payload);
  };
  // At most 10 progress snapshots a second per campaign, whatever the transport; the last one
  // (the final state) is always delivered.
  const progress = createThrottle<Events['campaign/progress']>(
    (p) => deliver('campaign/progress', p),
    110, // a margin: timers may fire a millisecond early
    (p) => p.campaignId,
  );
  const emit = <E extends EventName>(event: E, payload: Events[E]) => {
    if (event === 'campaign/progress') return progress.push(payload as Events['campaign/progress']);
    if (event === 'campaign/activity') {
      const a = payload as Events['campaign/activity'];
      logger[a.level](`campaign ${a.campaignId}: ${a.message}`);
    }
    deliver(event, payload);
  };
  const runners = new Map<number, { runner: CampaignRunner; done: Promise<string> }>();
  let sandbox: Promise<SandboxHandle> | null = null;
  let sandboxReady: SandboxHandle | null = null;
  const providers = new Map<string, ApolloProvider>();
  const limits = opts.sandboxLimits ?? 'paid';
  let embedder: Promise<Embedder | null> | null = null;

  /** The MiniLM worker, started once; null (rules-only filtering) when the model is missing. */
  function getEmbedder(): Promise<Embedder | null> {
    embedder ??= createEmbedder().catch(() => null);
    return embedder;
  }

  let modelJob: Promise<ModelStatus> | null = null;
  /** The latest snapshot while a download runs (progress arrives per chunk: no disk look each time). */
  let downloading: ModelStatus | null = null;
  let modelError: string | null = null;
  const modelEvents = createThrottle<ModelStatus>((m) => deliver('model/progress', m), 110);

  /** Where the model is, or where a download puts it (an explicit LEAD_STUDIO_MODEL_DIR wins). */
  function modelStatus(): ModelStatus {
    if (downloading) return downloading;
    const { ready, root } = localModel();
    return {
      state: ready ? 'ready' : 'missing',
      dir: join(root, MODEL_ID),
      progress: null,
      error: ready ? null : modelError,
    };
  }

  function startModelDownload(): Promise<ModelStatus> {
    const { ready, root } = localModel();
    if (ready) return Promise.resolve(modelStatus());
    const ended = (): ModelStatus => {
      modelJob = null;
      downloading = null;
      const s = modelStatus();
      modelEvents.push(s);
      return s;
    };
    downloading = { state: 'downloading', dir: join(root, MODEL_ID), progress: null, error: null };
    modelError = null;
    logger.info(`model download started into ${root}`);
    modelJob = downloadModel({
      root,
      onProgress: (progress) => {
        downloading = { ...downloading!, progress };
        modelEvents.push(downloading);
      },
    }).then(
      (r) => {
        embedder = null; // the next campaign loads the new model instead of the remembered "missing"
        logger.info(`model installed in ${r.root} (${r.weightsSource}, ${r.bytes} bytes)`);
        return ended();
      },
      (e: unknown) => {
        modelError = e instanceof Error ? e.message : String(e);
        logger.error(`model download failed: ${modelError}`);
        ended();
        throw e;
      },
    );
    modelEvents.push(downloading);
    return modelJob;
  }

  let chroma: Promise<ChromaHandle | null> | null = null;
  let chromaError: string | null = null;

  /** The Chroma server, started once on first need; null (and a reason) when it cannot run. */
  function getChroma(): Promise<ChromaHandle | null> {
    chroma ??= startChroma({ dataDir: join(opts.dataDir, 'chroma'), url: process.env.CHROMA_URL }).catch(
      (e) => {
        chromaError = e instanceof Error ? e.message : String(e);
        return null;
      },
    );
    return chroma;
  }

  async function knowledgeFor(campaignId: number): Promise<Knowledge | null> {
    if (opts.vectorStore === false || (opts.vectorStore === undefined && opts.semanticFilter === false))
      return null;
    const [emb, ch] = await Promise.all([getEmbedder(), getChroma()]);
    const log = (message: string) => {
      const line = addEvent(db, campaignId, 'warn', message);
      emit('campaign/activity', line);
    };
    if (!emb) return null;
    if (!ch) {
      log(
        `The vector store (Chroma) is not available: ${chromaError}. Filtering works without it; cached profiles are not reused.`,
      );
      return null;
    }
    const ns = opts.chromaNamespace ?? process.env.LEAD_STUDIO_CHROMA_NAMESPACE;
    return new Knowledge(ns ? withNamespace(ch, ns) : ch, emb, log);
  }

  async function prefilterFor(icp: Icp, knowledge: Knowledge | null): Promise<PreFilter> {
    if (opts.semanticFilter === false) return passThroughFilter;
    return new SemanticFilter(icp, await getEmbedder(), knowledge);
  }

  const apolloKey = async () => {
    const key = opts.forceSandbox || !opts.secrets ? null : await opts.secrets.get('apollo');
    if (key) knownKeys.add(key);
    return key;
  };

  async function providerFor(campaignId: number): Promise<ApolloProvider> {
    const c = getCampaign(db, campaignId);
    if (!c) throw new AppError('NOT_FOUND', `No campaign with id ${campaignId}.`);
    if (!c.sandbox) {
      const key = await apolloKey();
      if (!key)
        throw new AppError(
          'NO_KEY',
          'This campaign uses Apollo, but no Apollo key is stored. Add it in Settings → API keys.',
        );
      const k = 'apollo';
      if (!providers.has(k))
        providers.set(k, createApolloProvider({ apiKey: key, baseUrl: opts.apolloBaseUrl }));
      return providers.get(k)!;
    }
    sandbox ??= startSandboxThread({
      seed: c.sandboxSeed ?? opts.sandboxSeed ?? 42,
      limits,
      extractPath: join(resourcesDir, 'sandbox', 'companies.json.gz'),
      faults: opts.sandboxFaults,
    });
    const sb = await sandbox;
    sandboxReady = sb;
    const k = `sandbox:${sb.url}`;
    if (!providers.has(k))
      providers.set(
        k,
        createApolloProvider({
          apiKey: 'sandbox-key',
          baseUrl: sb.url,
          limits: limits === 'free' ? APOLLO_FREE_LIMITS : limits === 'paid' ? APOLLO_PAID_LIMITS : UNLIMITED,
          concurrency: opts.concurrency,
        }),
      );
    return providers.get(k)!;
  }

  function requireIcp(input: unknown): Icp {
    const r = checkIcp(input);
    if (!r.ok)
      throw new AppError('INVALID_ICP', `The ICP has problems:\n${describeIssues(r.issues)}`, r.issues);
    return r.icp;
  }

  async function run(campaignId: number, runOpts: { budget?: number | null } = {}): Promise<string> {
    const existing = runners.get(campaignId);
    if (existing) return existing.done;
    const c = getCampaign(db, campaignId);
    if (!c) throw new AppError('NOT_FOUND', `No campaign with id ${campaignId}.`);
    const provider = await providerFor(campaignId);
    const knowledge = await knowledgeFor(campaignId);
    await knowledge?.rememberIcp(campaignId, c.icp);
    const prefilter = await prefilterFor(c.icp, knowledge);
    const runner = new CampaignRunner({
      db,
      provider,
      prefilter,
      campaignId,
      budget: runOpts.budget,
      concurrency: opts.concurrency,
      onProgress: (p) => emit('campaign/progress', p),
      onActivity: (a) => emit('campaign/activity', a),
      onCompanies: knowledge ? (companies) => knowledge.rememberCompanies(companies) : undefined,
      findCompany: knowledge ? (domain) => knowledge.findCompany(domain) : undefined,
    });
    logger.info(
      `campaign ${campaignId}: run (${c.sandbox ? 'sandbox' : provider.name}, filter ${prefilter.name})`,
    );
    const done = runner
      .run()
      .catch((e: unknown) => {
        logger.error(`campaign ${campaignId}: crashed`, e instanceof Error ? (e.stack ?? e.message) : e);
        throw e;
      })
      .finally(async () => {
        // The final snapshot goes out on the throttle's schedule; run() settles after it.
        await progress.idle(campaignId);
        runners.delete(campaignId);
        void prefilter.close?.();
      });
    runners.set(campaignId, { runner, done });
    return done;
  }

  async function newCampaign(icp: Icp, o: { budget?: number | null; sandbox?: boolean } = {}) {
    const useSandbox = o.sandbox || !(await apolloKey());
    const campaignId = db.transaction(() => {
      const icpId = saveIcp(db, icp);
      return createCampaign(db, {
        icp,
        icpId,
        budget: o.budget ?? null,
        sandbox: useSandbox,
        sandboxSeed: useSandbox ? (opts.sandboxSeed ?? 42) : null,
        estimate: estimateCredits(db, icp, { semanticFilter: opts.semanticFilter }),
      });
    })();
    return { campaignId };
  }

  const handlers: Handlers = {
    'icp/validate': async (input) => checkIcp(input),
    'icp/templates': async () => {
      const dir = join(resourcesDir, 'icp');
      return readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
        .flatMap((f) => {
          const r = parseIcpText(readFileSync(join(dir, f), 'utf8'), 'yaml');
          return r.ok ? [{ id: f.replace(/\.ya?ml$/, ''), icp: r.icp }] : [];
        });
    },
    'icp/parse': async ({ text, format }) => parseIcpText(text, format),
    'icp/serialize': async ({ icp, format }) => serializeIcp(icp, format),
    'campaign/estimate': async (icp) =>
      estimateCredits(db, requireIcp(icp), { semanticFilter: opts.semanticFilter }),
    'campaign/start': async ({ icp, budget }) => {
      const { campaignId } = await newCampaign(requireIcp(icp), { budget });
      void run(campaignId).catch(() => undefined);
      return { campaignId };
    },
    'campaign/pause': async ({ campaignId }) => {
      runners.get(campaignId)?.runner.pause();
      await runners.get(campaignId)?.done;
    },
    'campaign/resume': async ({ campaignId }) => {
      void run(campaignId).catch(() => undefined);
    },
    'campaign/cancel': async ({ campaignId }) => {
      const r = runners.get(campaignId);
      if (r) {
        r.runner.cancel();
        await r.done.catch(() => undefined);
      } else setCampaignStatus(db, campaignId, 'cancelled');
    },
    'campaign/list': async () => listCampaigns(db),
    'campaign/get': async ({ campaignId }) => {
      const c = getCampaign(db, campaignId);
      const s = getCampaignSummary(db, campaignId);
      if (!c || !s) throw new AppError('NOT_FOUND', `No campaign with id ${campaignId}.`);
      return { ...s, icp: c.icp, estimate: c.estimate, progress: c.progress };
    },
    'campaign/activity': async ({ campaignId, limit }) => listEvents(db, campaignId, limit),
    'leads/list': async (q: LeadQuery) => listLeads(db, q),
    'leads/update': async ({ leadId, status, notes }) => {
      if (!getLead(db, leadId)) throw new AppError('NOT_FOUND', `No lead with id ${leadId}.`);
      return updateLead(db, leadId, { status, notes });
    },
    'export/workbook': async ({ campaignId, path }) => {
      const c = getCampaign(db, campaignId);
      if (!c) throw new AppError('NOT_FOUND', `No campaign with id ${campaignId}.`);
      const out = resolve(opts.dataDir, path);
      mkdirSync(dirname(out), { recursive: true });
      return writeWorkbook(out, {
        campaign: {
          id: c.id,
          name: c.name,
          status: c.status,
          createdAt: c.createdAt,
          completedAt: c.completedAt,
          targets: { T1: c.icp.tiers.T1.target, T2: c.icp.tiers.T2.target, T3: c.icp.tiers.T3.target },
          creditsUsed: creditsUsed(db, c.id),
          sandbox: c.sandbox,
          icpSummary: {
            industries: c.icp.industries,
            locations: c.icp.locations,
            sizeMin: c.icp.companySize.min,
            sizeMax: c.icp.companySize.max,
            minValidationScore: c.icp.minValidationScore,
          },
        },
        leads: allLeads(db, c.id),
      });
    },
    'settings/get': async () => {
      const present = !!(await apolloKey());
      return { sandbox: !present, keys: { apollo: { present } }, dataDir: opts.dataDir };
    },
    'keys/set': async ({ provider, key }) => {
      if (!opts.secrets)
        throw new AppError('KEYCHAIN_UNAVAILABLE', 'No OS keychain is available to store keys.');
      knownKeys.add(key.trim());
      await opts.secrets.set(provider, key);
      logger.info(`${provider} key stored in the OS keychain`);
      providers.delete('apollo');
    },
    'keys/delete': async ({ provider }) => {
      await opts.secrets?.delete(provider);
      providers.delete('apollo');
    },
    'keys/test': async ({ provider }) => {
      const key = await opts.secrets?.get(provider);
      if (!key) return { ok: false, message: 'No Apollo key is stored: the app runs in sandbox mode.' };
      knownKeys.add(key);
      const client = createApolloProvider({ apiKey: key, baseUrl: opts.apolloBaseUrl });
      try {
        const r = await client.testConnection();
        logger.info(`${provider} connection test: ${r.ok ? 'ok' : 'failed'}`, r.message);
        return r;
      } finally {
        await client.close();
      }
    },
    'model/status': async () => modelStatus(),
    'model/download': () => modelJob ?? startModelDownload(),
  };

  async function pauseRunning(): Promise<void> {
    for (const { runner } of runners.values()) runner.pause();
    await Promise.allSettled([...runners.values()].map((r) => r.done));
  }

  return {
    handlers,
    db,
    run,
    createCampaign: (icp, o) => newCampaign(requireIcp(icp), o),
    providerFor,
    sandboxOrigin: () => sandboxReady?.origin ?? null,
    async reindex() {
      const emb = await getEmbedder();
      if (!emb)
        throw new AppError(
          'MODEL_MISSING',
          'The MiniLM model is missing: download it in Settings → Matching model or with `npm run cli -- fetch-model` first.',
        );
      const ch = await getChroma();
      if (!ch) throw new AppError('CHROMA_UNAVAILABLE', `Chroma could not start: ${chromaError}`);
      const ns = opts.chromaNamespace ?? process.env.LEAD_STUDIO_CHROMA_NAMESPACE;
      return new Knowledge(ns ? withNamespace(ch, ns) : ch, emb).reindex(db);
    },
    on(event, cb) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(cb as (p: never) => void);
      return () => set.delete(cb as (p: never) => void);
    },
    pauseRunning,
    async close() {
      await pauseRunning();
      progress.flush();
      modelEvents.flush();
      for (const p of providers.values()) await p.close();
      if (sandbox) await (await sandbox).close();
      if (embedder) await (await embedder)?.close();
      if (chroma) await (await chroma)?.stop();
      db.close();
    },
  };
}
