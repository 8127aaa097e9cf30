/**
 * Who a CRM push talks to: HubSpot with the private-app token from the OS keychain, or — when no
 * token is stored, or the caller asks — the built-in sandbox HubSpot (a loopback server in a worker
 * thread, started on first need, its CRM kept in the data folder between runs). Every token read
 * joins `knownKeys`, which the engine's logger scrubs from each line.
 */
import { createHubSpotClient, type HubSpotClient, type HubSpotClientOptions } from '../providers/hubspot';
import type { HubSpotFaults } from '../sandbox/hubspot/server';
import type { SecretStore } from '../secrets/keychain';
import { startHubSpotSandboxThread, type HubSpotSandboxHandle } from '../threads/hubspot-sandbox-host';

/** The client's retry settings (tests shorten HubSpot's 10-s waits). */
export type HubSpotRetryOptions = Pick<
  HubSpotClientOptions,
  'maxRetries' | 'retryBaseMs' | 'maxRateLimitWaits' | 'rateLimitWaitMs'
>;

export interface CrmOptions {
  /** A HubSpot-speaking server to use with the stored token (default api.hubapi.com). */
  hubspotBaseUrl?: string;
  retry?: HubSpotRetryOptions;
  /** Transport faults the sandbox HubSpot injects (drills and tests). */
  sandboxFaults?: HubSpotFaults;
}

export interface CrmServiceOptions extends CrmOptions {
  knownKeys: Set<string>;
  secrets?: SecretStore;
  sandboxSeed?: number;
  extractPath: string;
  /** Where the sandbox HubSpot keeps its records between runs. */
  sandboxStatePath: string;
  clockOffsetMs: number;
}

export interface CrmTarget {
  client: HubSpotClient;
  /** Keys the stored sync state: a real account and the sandbox never share ids. */
  provider: 'hubspot' | 'hubspot-sandbox';
  sandbox: boolean;
}

export interface CrmService {
  token(): Promise<string | null>;
  /** The real account when a token is stored and the sandbox is not asked for; otherwise the sandbox. */
  target(sandbox?: boolean): Promise<CrmTarget>;
  /** Where a push would go, without starting anything. */
  provider(sandbox?: boolean): Promise<CrmTarget['provider']>;
  /** After a push to the sandbox: its records are written to its state file. */
  persist(t: CrmTarget): Promise<void>;
  testConnection(): Promise<{ ok: boolean; message: string }>;
  /** Forgets the HubSpot client (the token changed). */
  dropClient(): void;
  close(): Promise<void>;
}

export function createCrmService(o: CrmServiceOptions): CrmService {
  let real: { token: string; client: HubSpotClient } | null = null;
  let sandbox: Promise<{ handle: HubSpotSandboxHandle; client: HubSpotClient }> | null = null;

  async function token(): Promise<string | null> {
    if (!o.secrets) return null;
    const t = await o.secrets.get('hubspot');
    if (t) o.knownKeys.add(t);
    return t;
  }

  function realClient(t: string): HubSpotClient {
    if (real?.token === t) return real.client;
    void real?.client.close();
    real = { token: t, client: createHubSpotClient({ token: t, baseUrl: o.hubspotBaseUrl, ...o.retry }) };
    return real.client;
  }

  async function sandboxed() {
    sandbox ??= startHubSpotSandboxThread({
      seed: o.sandboxSeed ?? 42,
      extractPath: o.extractPath,
      statePath: o.sandboxStatePath,
      faults: o.sandboxFaults,
      clockOffsetMs: o.clockOffsetMs,
    }).then((handle) => ({
      handle,
      // The sandbox checks only the token's form; this one is not a secret.
      client: createHubSpotClient({ token: 'pat-na1-sandbox-lead-studio', baseUrl: handle.url, ...o.retry }),
    }));
    return sandbox;
  }

  return {
    token,
    async provider(forceSandbox) {
      return !forceSandbox && (await token()) ? 'hubspot' : 'hubspot-sandbox';
    },
    async target(forceSandbox) {
      const t = forceSandbox ? null : await token();
      if (t) return { client: realClient(t), provider: 'hubspot', sandbox: false };
      return { client: (await sandboxed()).client, provider: 'hubspot-sandbox', sandbox: true };
    },
    async persist(t) {
      if (t.sandbox && sandbox) await (await sandbox).handle.save();
    },
    async testConnection() {
      const t = await token();
      if (!t)
        return {
          ok: false,
          message: 'No HubSpot token is stored: pushes go to the built-in sandbox HubSpot.',
        };
      return realClient(t).testConnection();
    },
    dropClient() {
      void real?.client.close();
      real = null;
    },
    async close() {
      await real?.client.close();
      if (sandbox) {
        const s = await sandbox.catch(() => null);
        await s?.client.close();
        await s?.handle.close();
      }
    },
  };
}
