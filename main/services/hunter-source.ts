/**
 * Which Hunter a campaign's email waterfall talks to. A sandbox campaign always uses the sandbox
 * Hunter (it knows the synthetic people; a real key would pay for nothing); a real campaign uses the
 * key in the OS keychain, and without one goes on with Apollo alone — the sandbox Hunter knows no
 * real domain, so its "invalid" would be a lie about a real address.
 */
import { createHunterClient, type HunterClient } from '../providers/hunter';
import type { SecretStore } from '../secrets/keychain';

export interface HunterChoice {
  client: HunterClient | null;
  /** What the activity log says about it ("the built-in sandbox Hunter (synthetic data)"…). */
  via: string;
  sandbox: boolean;
  /** The cache's and ledger's source name: sandbox answers never mix with real ones. */
  source: string;
}

export interface HunterSourceOptions {
  knownKeys: Set<string>;
  secrets?: SecretStore;
  hunterBaseUrl?: string;
  clock: () => number;
}

export interface HunterSource {
  key(): Promise<string | null>;
  /** The client for a campaign; `sandboxUrl` starts nothing (the caller has the sandbox running). */
  forCampaign(c: { sandbox: boolean }, sandboxUrl: () => Promise<string>): Promise<HunterChoice>;
  /** The sandbox Hunter's client, when one is open (stats, tests). */
  peekSandbox(): HunterClient | null;
  drop(): void;
  close(): Promise<void>;
}

export function createHunterSource(o: HunterSourceOptions): HunterSource {
  const clients = new Map<string, HunterClient>();

  async function key(): Promise<string | null> {
    const k = o.secrets ? await o.secrets.get('hunter') : null;
    if (k) o.knownKeys.add(k);
    return k;
  }

  function client(name: string, make: () => HunterClient): HunterClient {
    let c = clients.get(name);
    if (!c) clients.set(name, (c = make()));
    return c;
  }

  async function forCampaign(c: { sandbox: boolean }, sandboxUrl: () => Promise<string>) {
    if (c.sandbox) {
      const baseUrl = await sandboxUrl();
      return {
        client: client(`sandbox:${baseUrl}`, () =>
          createHunterClient({ apiKey: 'sandbox-key', baseUrl, clock: o.clock }),
        ),
        via: 'the built-in sandbox Hunter (synthetic data)',
        sandbox: true,
        source: 'hunter-sandbox',
      };
    }
    const k = await key();
    if (!k)
      return {
        client: null,
        via: 'no Hunter key is stored (Settings → API keys → Hunter), so emails come from Apollo alone',
        sandbox: false,
        source: 'hunter',
      };
    return {
      client: client('hunter', () =>
        createHunterClient({ apiKey: k, baseUrl: o.hunterBaseUrl, clock: o.clock }),
      ),
      via: 'Hunter',
      sandbox: false,
      source: 'hunter',
    };
  }

  return {
    key,
    forCampaign,
    peekSandbox: () => [...clients.entries()].find(([k]) => k.startsWith('sandbox:'))?.[1] ?? null,
    drop: () => {
      const real = clients.get('hunter');
      clients.delete('hunter');
      void real?.close();
    },
    async close() {
      for (const c of clients.values()) await c.close();
      clients.clear();
    },
  };
}
