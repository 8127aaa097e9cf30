import { appendFileSync, mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventName, Events, Handlers } from './contract';
import { createHandlers } from './handlers';
import type { IntelSettings } from './intel/settings';
import type { FactsOrder } from './pipeline/stages';
import { openPrivacy } from './privacy/service';
import type { ApolloProvider } from './providers/apollo';
import type { FaultConfig } from './sandbox/faults';
import type { SecretStore } from './secrets/keychain';
import { createLogger, type Logger } from './secrets/redact';
import { createCrmService, type CrmOptions } from './services/crm';
import { createEventBus, type EventBus } from './services/event-bus';
import { createModelService } from './services/model';
import {
  createProviders,
  parseSandboxLimits,
  sandboxRateConfig,
  type SandboxLimitOverrides,
  type SandboxLimits,
} from './services/providers';
import { createRunnerRegistry } from './services/runners';
import { createSignalService, type SignalServiceOptions } from './services/signals';
import { createWatchService } from './services/watch';
import { createVectorStore } from './services/vector-store';
import { AppError } from './shared/errors';
import { addEvent, getCampaign, interruptOrphans, openDb, type Db } from './store';

export { parseSandboxLimits, sandboxRateConfig };
export type { SandboxLimitOverrides, SandboxLimits };

/** The intel settings (cacheDir, modelDir, modelMirror, chromaBin) come in here too: see IntelSettings. */
export interface EngineOptions extends IntelSettings {
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
  /** Keep profiles in Chroma (default: with the semantic filter). */
  vectorStore?: boolean;
  /** A running Chroma server to use instead of spawning one (entry points read CHROMA_URL). */
  chromaUrl?: string;
  /** Prefix for collection names on a shared Chroma server (default: none). */
  chromaNamespace?: string;
  apolloBaseUrl?: string;
  /** Hunter's API base (tests point it at a sandbox Hunter; default the real service). */
  hunterBaseUrl?: string;
  /** Crunchbase's, BuiltWith's and Google News's API bases on live campaigns (tests point them at the signal sandbox). */
  signalUrls?: { crunchbase?: string; builtwith?: string; news?: string };
  concurrency?: number;
  /** Shifts the engine's and the sandbox's clock (tests step past a 24-hour rate window). */
  clockOffsetMs?: number;
  /** Which paid company facts come first (default reveal-first: it spends least, README). */
  factsOrder?: FactsOrder;
  /** Resume campaigns a rate window paused when their window turns (default true; the CLI says no). */
  autoResume?: boolean;
  /** Who acts through this engine, for the audit log (default "<OS user> via app"). */
  actor?: string;
  /** HubSpot: another base URL for the stored token, shorter retry waits, sandbox faults (tests, drills). */
  crm?: CrmOptions;
  /** How often the watchlist refreshes while the engine runs (default 6 hours; 0 = only on demand). */
  watchIntervalMs?: number;
}

export interface Engine {
  /** The contract, every method behind the one argument validator: what every transport serves. */
  handlers: Handlers;
  on<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void;
  /** In-process diagnostics (the bench): the provider a campaign uses, with its request statistics. */
  providerFor(campaignId: number): Promise<ApolloProvider>;
  pauseRunning(): Promise<void>;
  close(): Promise<void>;
}

const databases = new WeakMap<Engine, Db>();
const signalOrigins = new WeakMap<Engine, () => string | null>();

/** In-process diagnostics only (tests): the signal sandbox's origin (its clock and truth), once it runs. */
export function engineSignalsOrigin(engine: Engine): string | null {
  return signalOrigins.get(engine)?.() ?? null;
}

/**
 * In-process diagnostics only (tests and the bench): the engine's own database connection, with its
 * field cipher bound. Transports never see it; they use the contract.
 */
export function engineDatabase(engine: Engine): Db {
  const db = databases.get(engine);
  if (!db) throw new AppError('NOT_FOUND', 'This engine has no database (it was not made by createEngine).');
  return db;
}

export function defaultResourcesDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', 'resources');
}

/** True while a process with this id exists (EPERM: it exists, it is just not ours). */
function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const INTERRUPTED =
  'Interrupted: the engine stopped while this campaign ran (a crash, a kill or a power cut). Everything saved is kept; resume it to continue.';

/**
 * The settings an entry point (CLI, dev host, Electron main) reads from its environment: the only
 * place environment variables reach engine options. Modules below take them as options.
 */
export function engineEnv(
  env: NodeJS.ProcessEnv = process.env,
): Pick<EngineOptions, 'chromaUrl' | 'chromaNamespace' | keyof IntelSettings> {
  const value = (name: string) => env[name]?.trim() || undefined;
  return {
    chromaUrl: value('CHROMA_URL'),
    chromaNamespace: value('LEAD_STUDIO_CHROMA_NAMESPACE'),
    cacheDir: value('LEAD_STUDIO_CACHE'),
    modelDir: value('LEAD_STUDIO_MODEL_DIR'),
    modelMirror: value('LEAD_STUDIO_MODEL_MIRROR'),
    chromaBin: value('LEAD_STUDIO_CHROMA_BIN'),
  };
}

/** The engine's intel settings, for the services that find the model and start Chroma. */
function engineIntel(opts: EngineOptions): IntelSettings {
  const { cacheDir, modelDir, modelMirror, chromaBin } = opts;
  return { cacheDir, modelDir, modelMirror, chromaBin };
}

/** Composes the engine's services and serves the contract over them. */
export async function createEngine(opts: EngineOptions): Promise<Engine> {
  mkdirSync(opts.dataDir, { recursive: true });
  const db = openDb(opts.dbPath ?? join(opts.dataDir, 'lead-studio.db'));
  const resourcesDir = opts.resourcesDir ?? defaultResourcesDir();
  // Keys the engine has read this session: every log line is scrubbed of them.
  const knownKeys = new Set<string>();
  const logger = engineLogger(opts.dataDir, () => knownKeys);
  const bus = createEventBus(logger);
  const clockOffsetMs = opts.clockOffsetMs ?? 0;
  const clock = () => Date.now() + clockOffsetMs;
  const providers = engineProviders(opts, { knownKeys, resourcesDir, clock, clockOffsetMs });
  const crm = engineCrm(opts, { knownKeys, resourcesDir, clockOffsetMs });
  for (const id of interruptOrphans(db, processAlive))
    bus.emit('campaign/activity', addEvent(db, id, 'warn', INTERRUPTED));
  const vectors = engineVectors(opts);
  const privacy = await enginePrivacy(opts, db, vectors);
  const stopRetention = privacy.schedule();
  const model = engineModel(opts, { bus, logger, vectors });
  const signals = engineSignals(opts, { providers, clock, db });
  const watch = createWatchService({ db, bus, logger, signals });
  const stopWatch =
    opts.watchIntervalMs === 0 ? () => undefined : watch.schedule(opts.watchIntervalMs ?? 6 * 3_600_000);
  const runners = createRunnerRegistry({
    db,
    bus,
    logger,
    providers,
    signals,
    vectors,
    concurrency: opts.concurrency,
    clock,
    factsOrder: opts.factsOrder,
    autoResume: opts.autoResume,
  });
  const handlers = createHandlers({
    db,
    dataDir: opts.dataDir,
    resourcesDir,
    semanticFilter: opts.semanticFilter,
    sandboxSeed: opts.sandboxSeed,
    apolloBaseUrl: opts.apolloBaseUrl,
    hunterBaseUrl: opts.hunterBaseUrl,
    signalUrls: opts.signalUrls,
    secrets: opts.secrets,
    logger,
    bus,
    providers,
    vectors,
    model,
    runners,
    privacy,
    crm,
    signals,
    watch,
  });

  const engine: Engine = {
    handlers,
    on: bus.on,
    async providerFor(campaignId) {
      const c = getCampaign(db, campaignId);
      if (!c) throw new AppError('NOT_FOUND', `No campaign with id ${campaignId}.`);
      return providers.forCampaign(c);
    },
    pauseRunning: () => runners.pauseAll(),
    async close() {
      runners.stopResumes();
      stopRetention();
      stopWatch();
      await runners.pauseAll();
      bus.flush();
      await signals.close();
      await providers.close();
      await crm.close();
      await vectors.close();
      db.close();
    },
  };
  databases.set(engine, db);
  signalOrigins.set(engine, () => providers.signalsOrigin());
  return engine;
}

/** Chroma (company profiles, ICP vectors) in the data folder, or the server/store the options name. */
function engineVectors(opts: EngineOptions) {
  return createVectorStore({
    chromaDir: join(opts.dataDir, 'chroma'),
    chromaUrl: opts.chromaUrl,
    chromaNamespace: opts.chromaNamespace,
    semanticFilter: opts.semanticFilter,
    vectorStore: opts.vectorStore,
    intel: engineIntel(opts),
  });
}

/** The matching model's status and download, where the options put it; a new model reloads the embedder. */
function engineModel(
  opts: EngineOptions,
  o: { bus: EventBus; logger: Logger; vectors: ReturnType<typeof createVectorStore> },
) {
  return createModelService({
    bus: o.bus,
    logger: o.logger,
    intel: engineIntel(opts),
    onInstalled: () => o.vectors.forgetEmbedder(),
  });
}

/** Encryption, erase, retention and audit over this engine's database, log and vectors. */
function enginePrivacy(opts: EngineOptions, db: Db, vectors: ReturnType<typeof createVectorStore>) {
  return openPrivacy({
    db,
    secrets: opts.secrets,
    actor: opts.actor ?? `${userInfo().username} via app`,
    logFiles: [engineLogFile(opts.dataDir)],
    forgetVectors: (pids) => vectors.forgetContacts(pids),
  });
}

/** The buying-signal providers: the sandbox's, or live ones with the keychain's keys (unless forced to the sandbox). */
function engineSignals(opts: EngineOptions, o: Omit<SignalServiceOptions, 'secrets' | 'urls'>) {
  return createSignalService({
    ...o,
    secrets: opts.forceSandbox ? undefined : opts.secrets,
    urls: opts.signalUrls,
  });
}

/** The provider clients (or the sandbox) the engine's campaigns use, from its options. */
function engineProviders(
  opts: EngineOptions,
  o: { knownKeys: Set<string>; resourcesDir: string; clock: () => number; clockOffsetMs: number },
) {
  return createProviders({
    knownKeys: o.knownKeys,
    secrets: opts.secrets,
    forceSandbox: opts.forceSandbox,
    apolloBaseUrl: opts.apolloBaseUrl,
    hunterBaseUrl: opts.hunterBaseUrl,
    sandboxSeed: opts.sandboxSeed,
    sandboxLimits: opts.sandboxLimits,
    sandboxFaults: opts.sandboxFaults,
    extractPath: join(o.resourcesDir, 'sandbox', 'companies.json.gz'),
    concurrency: opts.concurrency,
    clock: o.clock,
    clockOffsetMs: o.clockOffsetMs,
  });
}

/** HubSpot (or its sandbox, whose CRM is kept in the data folder between runs), from the engine's options. */
function engineCrm(
  opts: EngineOptions,
  o: { knownKeys: Set<string>; resourcesDir: string; clockOffsetMs: number },
) {
  return createCrmService({
    ...opts.crm,
    knownKeys: o.knownKeys,
    secrets: opts.secrets,
    sandboxSeed: opts.sandboxSeed,
    extractPath: join(o.resourcesDir, 'sandbox', 'companies.json.gz'),
    sandboxStatePath: join(opts.dataDir, 'sandbox', 'hubspot-crm.json'),
    clockOffsetMs: o.clockOffsetMs,
  });
}

/** `<data>/logs/engine.log`, every key the engine has seen scrubbed from each line. */
function engineLogger(dataDir: string, secrets: () => Iterable<string>): Logger {
  mkdirSync(join(dataDir, 'logs'), { recursive: true });
  const file = engineLogFile(dataDir);
  return createLogger({ secrets, sink: (line) => appendFileSync(file, `${line}\n`) });
}

function engineLogFile(dataDir: string): string {
  return join(dataDir, 'logs', 'engine.log');
}
