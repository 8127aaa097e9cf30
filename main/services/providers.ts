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

import { z } from 'zod';
import type { FaultConfig } from '../sandbox/faults';
import { RATE_LIMIT_PRESETS, type RateLimitConfig, type WindowLimits } from '../sandbox/limits';
import type { SecretStore } from '../secrets/keychain';
import { AppError } from '../shared/errors';
import { startSandboxThread, type SandboxHandle, type SandboxHunterOptions } from '../threads/sandbox-host';
import { createHunterSource, type HunterChoice } from './hunter-source';

/** A preset, or the paid preset with some windows overridden per class, e.g. {"enrich":{"day":60}}. */
export type SandboxLimits = 'free' | 'paid' | 'off' | SandboxLimitOverrides;
export type SandboxLimitOverrides = Partial<Record<'enrich' | 'other', Partial<WindowLimits>>>;

const windowOverride = z
  .object({
    minute: z.number().int().positive(),
    hour: z.number().int().positive(),
    day: z.number().int().positive(),
  })
  .partial()
  .strict();
const limitOverrides = z.object({ enrich: windowOverride, other: windowOverride }).partial().strict();

/**
 * `--sandbox-limits`: free, paid, off, or JSON overriding the paid windows per class, e.g.
 * '{"enrich":{"day":60}}'. Returns the limits, or a sentence naming what is wrong.
 */
export function parseSandboxLimits(text: string): SandboxLimits | { error: string } {
  if (text === 'free' || text === 'paid' || text === 'off') return text;
  const usage = `--sandbox-limits must be free, paid, off or JSON such as '{"enrich":{"day":60}}'`;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { error: `${usage} (got "${text}")` };
  }
  const r = limitOverrides.safeParse(json);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const at = issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : 'value');
  return {
    error: `${usage}: ${at}: ${issue.message} (classes: enrich, other; windows: minute, hour, day, whole numbers > 0)`,
  };
}

/** The sandbox's windows for a preset or for overrides of the paid preset. */
export function sandboxRateConfig(limits: SandboxLimits): RateLimitConfig {
  if (typeof limits === 'string') return RATE_LIMIT_PRESETS[limits];
  const paid = RATE_LIMIT_PRESETS.paid;
  return {
    enrich: { ...paid.enrich, ...limits.enrich },
    other: { ...paid.other, ...limits.other },
  };
}

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
  /** The sandbox Hunter's plan, windows and faults (default Growth, documented limits). */
  sandboxHunter?: SandboxHunterOptions;
  hunterBaseUrl?: string;
  /** The sandbox's company extract. */
  extractPath: string;
  concurrency?: number;
  /** The engine's clock (shifted in tests that step past a 24-hour window); the sandbox runs on it too. */
  clock: () => number;
  clockOffsetMs: number;
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
  /** The signal sandbox's origin (Crunchbase, BuiltWith, News), once the sandbox runs. */
  signalsOrigin(): string | null;
  /** Forgets the Apollo client (the key changed). */
  dropApollo(): void;
  /** The stored Hunter key, or null. */
  hunterKey(): Promise<string | null>;
  /** The Hunter a campaign's email waterfall uses (hunter-source.ts says which and why). */
  hunterFor(c: { sandbox: boolean; sandboxSeed: number | null }): Promise<HunterChoice>;
  /** The sandbox Hunter's origin (its /_sandbox/truth), once the sandbox runs. */
  hunterSandboxOrigin(): string | null;
  /** Forgets the Hunter client (the key changed). */
  dropHunter(): void;
  close(): Promise<void>;
}

export function createProviders(o: ProvidersOptions): Providers {
  const { knownKeys } = o;
  const clients = new Map<string, ApolloProvider>();
  let sandbox: Promise<SandboxHandle> | null = null;
  let sandboxReady: SandboxHandle | null = null;
  const limits = o.sandboxLimits ?? 'paid';
  const hunter = createHunterSource({
    knownKeys,
    secrets: o.forceSandbox ? undefined : o.secrets,
    hunterBaseUrl: o.hunterBaseUrl,
    clock: o.clock,
  });

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
      clients.set('apollo', createApolloProvider({ apiKey: key, baseUrl: o.apolloBaseUrl, clock: o.clock }));
    return clients.get('apollo')!;
  }

  async function sandboxed(seed: number | null): Promise<ApolloProvider> {
    sandbox ??= startSandboxThread({
      seed: seed ?? o.sandboxSeed ?? 42,
      limits: sandboxRateConfig(limits),
      clockOffsetMs: o.clockOffsetMs,
      extractPath: o.extractPath,
      faults: o.sandboxFaults,
      hunter: o.sandboxHunter,
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
          // Overridden windows are learnt from the answers' headers, as with a real account.
          limits: limits === 'free' ? APOLLO_FREE_LIMITS : limits === 'off' ? UNLIMITED : APOLLO_PAID_LIMITS,
          concurrency: o.concurrency,
          clock: o.clock,
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
    signalsOrigin: () => sandboxReady?.signalsOrigin ?? null,
    dropApollo: () => void clients.delete('apollo'),
    hunterKey: hunter.key,
    hunterFor: (c) =>
      hunter.forCampaign(c, async () => {
        await sandboxed(c.sandboxSeed);
        return sandboxReady!.hunterUrl;
      }),
    hunterSandboxOrigin: () => (sandboxReady ? new URL(sandboxReady.hunterUrl).origin : null),
    dropHunter: hunter.drop,
    async close() {
      await hunter.close();
      for (const p of clients.values()) await p.close();
      if (sandbox) await (await sandbox).close();
    },
  };
}
