/**
 * `sandbox-clock [advance <days>]`: the database's sandbox day (issue 13), read or moved through the
 * contract. Every later command on that database (run, watch refresh, the app) reads signals for it.
 */
import { err, out } from './io';
import type { CliArgs } from './options';
import { withEngine } from './open-engine';

export const SANDBOX_CLOCK_USAGE = `  npm run cli -- sandbox-clock [advance <days>] --db <path> [--sandbox]
                     (the sandbox's day for this database: {"day","date"}; negative days go back)`;

export async function sandboxClockCommand({ positionals, dbPath, values }: CliArgs): Promise<number> {
  const [sub, daysText] = positionals;
  const days = Number(daysText);
  if (sub !== undefined && (sub !== 'advance' || !Number.isInteger(days))) {
    err(
      `error: usage: sandbox-clock [advance <days>] (got "${positionals.join(' ')}"): days is a whole number`,
    );
    return 2;
  }
  return withEngine(dbPath, { forceSandbox: values.sandbox }, async (engine) => {
    out(
      sub === 'advance'
        ? await engine.handlers['sandbox/advanceClock']({ days })
        : await engine.handlers['sandbox/clock'](),
    );
    return 0;
  });
}
