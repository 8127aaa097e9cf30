/** The engine a CLI command talks to: the OS keychain when there is one, the sandbox otherwise. */
import { userInfo } from 'node:os';
import { dirname, resolve } from 'node:path';
import { createEngine, engineEnv, type Engine, type SandboxLimits } from '../engine';
import type { FactsOrder } from '../pipeline/stages';
import type { FaultConfig } from '../sandbox/faults';
import { fail } from './io';

export interface EngineChoices {
  sandboxSeed?: number;
  limits?: SandboxLimits;
  semantic?: boolean;
  faults?: FaultConfig;
  factsOrder?: FactsOrder;
  forceSandbox?: boolean;
}

export async function openEngine(dbPath: string, o: EngineChoices) {
  let secrets;
  try {
    const { createKeychain } = await import('../secrets/keychain');
    secrets = createKeychain();
    await secrets.get('apollo');
  } catch {
    secrets = undefined; // no OS keychain here: sandbox only
  }
  return createEngine({
    dataDir: dirname(resolve(dbPath)),
    dbPath: resolve(dbPath),
    secrets,
    sandboxSeed: o.sandboxSeed,
    sandboxLimits: o.limits,
    semanticFilter: o.semantic,
    sandboxFaults: o.faults,
    factsOrder: o.factsOrder,
    // A CLI run ends when its campaign stops; a rate-limit pause is resumed with `resume`.
    autoResume: false,
    clockOffsetMs: clockOffset(),
    actor: `${userInfo().username} via cli`,
    forceSandbox: o.forceSandbox,
    ...engineEnv(),
  });
}

/** Opens the engine, runs `fn` and closes the engine whatever happens. */
export async function withEngine<T>(
  dbPath: string,
  o: EngineChoices,
  fn: (engine: Engine) => Promise<T>,
): Promise<T> {
  const engine = await openEngine(dbPath, o);
  try {
    return await fn(engine);
  } finally {
    await engine.close();
  }
}

/** Tests and drills shift the clock past a rate window (LEAD_STUDIO_CLOCK_OFFSET_MS). */
function clockOffset(): number {
  const v = process.env.LEAD_STUDIO_CLOCK_OFFSET_MS;
  if (!v) return 0;
  const n = Number(v);
  if (!Number.isFinite(n))
    fail(`LEAD_STUDIO_CLOCK_OFFSET_MS must be a number of milliseconds (got "${v}")`, 2);
  return n;
}
