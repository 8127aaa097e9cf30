/**
 * The sandbox's clock as part of the one contract (issue 13; main/contract.ts merges it into
 * Handlers and METHODS). The signal sandbox shows the world as it is on its day (0 = the world's
 * reference date); the day is kept per database, so every process on that database (the app, the
 * dev host, each CLI command) reads signals for the same day. Only an engine on the sandbox may
 * move it: a live engine answers NOT_SANDBOX.
 */
export interface SandboxClock {
  /** Days since the world's reference date. */
  day: number;
  /** That day as YYYY-MM-DD. */
  date: string;
}

export interface SandboxClockHandlers {
  'sandbox/clock': () => Promise<SandboxClock>;
  /** Moves the sandbox's day by `days` (negative goes back) and returns where it now stands. */
  'sandbox/advanceClock': (args: { days: number }) => Promise<SandboxClock>;
}

export const SANDBOX_CLOCK_METHODS = [
  'sandbox/clock',
  'sandbox/advanceClock',
] as const satisfies readonly (keyof SandboxClockHandlers)[];

/** Day 0 of the sandbox's world (its WORLD_REFERENCE_DATE; tests/integration/cli-watch-clock checks they agree). */
const REFERENCE_MS = Date.UTC(2026, 10, 1);

export function sandboxDate(day: number): string {
  return new Date(REFERENCE_MS + day * 86_400_000).toISOString().slice(0, 10);
}

/** How far one call may move the clock: the signal timeline spans about 2.5 years. */
export const MAX_CLOCK_STEP_DAYS = 3650;
