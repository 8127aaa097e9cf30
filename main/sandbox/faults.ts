/**
 * Fault injection for the sandbox, drawn from a seeded PRNG so a run is reproducible: the n-th
 * Apollo request after a (re)configuration always gets the same fate.
 */
import { Rng, hash32 } from './prng';

export interface FaultConfig {
  /** PRNG seed for fault draws (defaults to the world seed). */
  seed?: number;
  /** Share of requests answered with a 5xx (0..1). */
  errorRate?: number;
  /** Statuses to draw from for 5xx faults. Default [500, 502, 503]. */
  errorStatuses?: number[];
  /** Share of requests delayed by slowMs. */
  slowRate?: number;
  slowMs?: number;
  /** Share of requests whose body is truncated JSON or the wrong shape (credits still spent). */
  malformedRate?: number;
  /** The next N Apollo requests get a 429 whatever the limits say. */
  storm429?: number;
  /** Retry-After (seconds) on a storm's 429s. Default 1. */
  stormRetryAfterS?: number;
  /** Only inject on these paths (e.g. ["/api/v1/people/match"]); default all Apollo paths. */
  paths?: string[];
}

export type FaultDecision =
  | { kind: 'none'; delayMs: number }
  | { kind: 'storm429'; delayMs: number }
  | { kind: 'error'; status: number; delayMs: number }
  | { kind: 'malformed'; mode: 'truncated' | 'wrong_shape'; delayMs: number };

export class FaultInjector {
  private config: FaultConfig = {};
  private rng: Rng;
  private stormLeft = 0;

  constructor(private defaultSeed: number) {
    this.rng = new Rng(defaultSeed, hash32('faults'));
  }

  set(config: FaultConfig): void {
    for (const key of ['errorRate', 'slowRate', 'malformedRate'] as const) {
      const v = config[key];
      if (v !== undefined && (typeof v !== 'number' || v < 0 || v > 1)) {
        throw new Error(`faults.${key} must be a number from 0 to 1, got ${JSON.stringify(v)}`);
      }
    }
    this.config = { ...config };
    this.rng = new Rng(config.seed ?? this.defaultSeed, hash32('faults'));
    this.stormLeft = Math.max(0, Math.floor(config.storm429 ?? 0));
  }

  get current(): FaultConfig {
    return { ...this.config, storm429: this.stormLeft };
  }

  decide(path: string): FaultDecision {
    if (this.config.paths && !this.config.paths.includes(path)) return { kind: 'none', delayMs: 0 };
    // Always draw the same number of values so one fault never shifts the next ones.
    const rSlow = this.rng.next();
    const rError = this.rng.next();
    const rStatus = this.rng.next();
    const rMalformed = this.rng.next();
    const delayMs = rSlow < (this.config.slowRate ?? 0) ? (this.config.slowMs ?? 2000) : 0;
    if (this.stormLeft > 0) {
      this.stormLeft--;
      return { kind: 'storm429', delayMs };
    }
    if (rError < (this.config.errorRate ?? 0)) {
      const statuses = this.config.errorStatuses?.length ? this.config.errorStatuses : [500, 502, 503];
      return { kind: 'error', status: statuses[Math.floor(rStatus * statuses.length)] as number, delayMs };
    }
    if (rMalformed < (this.config.malformedRate ?? 0)) {
      return { kind: 'malformed', mode: rStatus < 0.5 ? 'truncated' : 'wrong_shape', delayMs };
    }
    return { kind: 'none', delayMs };
  }
}
