/**
 * Who a campaign talks to: Apollo with the key from the OS keychain, or the built-in sandbox (a loopback
 * server in a worker thread, started once). Every key read here joins `knownKeys`, which the logger
 * scrubs from each line.
 */
import {
  APOLLO_FREE_LIMITS,
  APOLLO_PAID_LIMITS,
  createApolloProvider,
  type ApolloProvider,
} from '../providers/apollo';

import type { FaultConfig } from '../sandbox/faults';
import type { SecretStore } from '../secrets/keychain';
import { AppError } from '../shared/errors';
import { startSandboxThread, type SandboxHandle } from '../threads/sandbox-host';

export type SandboxLimits = 'free' | 'paid' | 'off';

const UNLIMITED = { enrichment: { perMinute: 1e9 }, other: { perMinute: 1e9 } };

export interface ProvidersOptions {
  /** Filled with every key read; the engine's logger scrubs them. */
  knownKeys: Set<string>;
  secrets?: SecretStore;
  forceSandbox?: boolean;
  apolloBaseUrl?: string;
  sandboxSeed?: number;
  sandboxLimits?: SandboxLimits;
  sandboxFaults?: FaultConfig;
  /** The sandbox's company extract. */
  extractPath: string;
  concurrency?: number;
}

export interface Providers {
  /** Every key the engine has seen this session (the logger scrubs them). */
  readonly knownKeys: Set<string>;
  /** The stored Apollo key, or null (no keychain, none stored, or the sandbox is forced). */
  apolloKey(): Promise<string | null>;
  /** The provider for a campaign; starts the sandbox on first need. */
  forCampaign(c: { sandbox: boolean; sandboxSeed: number | null }): Promise<ApolloProvider>;
  /** The provider a campaign would use if one is already open (no sandbox is started). */
  peek(c: { sandbox: boolean }): ApolloProvider | null;
  /** The sandbox's origin (its /_sandbox control endpoints), once it runs. */
  sandboxOrigin(): string | null;
  /** Forgets the Apollo client (the key changed). */
  dropApollo(): void;
  close(): Promise<void>;
}

export function createProviders(o: ProvidersOptions): Providers {
  const { knownKeys } = o;
  const clients = new Map<string, ApolloProvider>();
  let sandbox: Promise<SandboxHandle> | null = null;
  let sandboxReady: SandboxHandle | null = null;
  const limits = o.sandboxLimits ?? 'paid';

  async function apolloKey() {
    const key = o.forceSandbox || !o.secrets ? null : await o.secrets.get('apollo');
    if (key) knownKeys.add(key);
    return key;
  }

  async function apollo(): Promise<ApolloProvider> {
    const key = await apolloKey();
    if (!key)
      throw new AppError(
        'NO_KEY',
        'This campaign uses Apollo, but no Apollo key is stored. Add it in Settings → API keys.',
      );
    if (!clients.has('apollo'))
      clients.set('apollo', createApolloProvider({ apiKey: key, baseUrl: o.apolloBaseUrl }));
    return clients.get('apollo')!;
  }

  async function sandboxed(seed: number | null): Promise<ApolloProvider> {
    sandbox ??= startSandboxThread({
      seed: seed ?? o.sandboxSeed ?? 42,
      limits,
      extractPath: o.extractPath,
      faults: o.sandboxFaults,
    });
    const sb = await sandbox;
    sandboxReady = sb;
    const k = `sandbox:${sb.url}`;
    if (!clients.has(k))
      clients.set(
        k,
        createApolloProvider({
          apiKey: 'sandbox-key',
          baseUrl: sb.url,
          limits: limits === 'free' ? APOLLO_FREE_LIMITS : limits === 'paid' ? APOLLO_PAID_LIMITS : UNLIMITED,
          concurrency: o.concurrency,
        }),
      );
    return clients.get(k)!;
  }

  return {
    knownKeys,
    apolloKey,
    forCampaign: (c) => (c.sandbox ? sandboxed(c.sandboxSeed) : apollo()),
    peek: (c) =>
      (c.sandbox ? sandboxReady && clients.get(`sandbox:${sandboxReady.url}`) : clients.get('apollo')) ??
      null,
    sandboxOrigin: () => sandboxReady?.origin ?? null,
    dropApollo: () => void clients.delete('apollo'),
    async close() {
      for (const p of clients.values()) await p.close();
      if (sandbox) await (await sandbox).close();
    },
  };
}
