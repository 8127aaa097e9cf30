/** What the per-domain handler modules are built from: the engine's services, composed by createEngine. */
import type { Handlers, Method } from '../contract';
import type { Privacy } from '../privacy/service';
import type { SecretStore } from '../secrets/keychain';
import type { Logger } from '../secrets/redact';
import type { CrmService } from '../services/crm';
import type { EventBus } from '../services/event-bus';
import type { ModelService } from '../services/model';
import type { Providers } from '../services/providers';
import type { RunnerRegistry } from '../services/runners';
import type { SignalService } from '../services/signals';
import type { WatchService } from '../services/watch';
import type { VectorStore } from '../services/vector-store';
import type { Db } from '../store';

export interface Services {
  db: Db;
  dataDir: string;
  resourcesDir: string;
  semanticFilter?: boolean;
  sandboxSeed?: number;
  apolloBaseUrl?: string;
  hunterBaseUrl?: string;
  /** Crunchbase's API base for the key test (tests point it at the signal sandbox). */
  signalUrls?: { crunchbase?: string; builtwith?: string; news?: string };
  secrets?: SecretStore;
  logger: Logger;
  bus: EventBus;
  providers: Providers;
  vectors: VectorStore;
  model: ModelService;
  runners: RunnerRegistry;
  privacy: Privacy;
  crm: CrmService;
  signals: SignalService;
  watch: WatchService;
}

/** The handlers of one domain: every method whose name starts with `<prefix>/`. */
export type HandlersOf<Prefix extends string> = Pick<Handlers, Extract<Method, `${Prefix}/${string}`>>;
