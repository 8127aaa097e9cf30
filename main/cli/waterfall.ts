/** `waterfall`: the email waterfall's settings kept in this database; `--set <json>` changes some of them. */
import type { Request } from '../contract';
import { fail, out } from './io';
import type { CliArgs } from './options';
import { withEngine } from './open-engine';

export async function waterfallCommand({ dbPath, values }: CliArgs) {
  let patch: Request<'waterfall/set'> | undefined;
  if (values.set !== undefined) {
    try {
      patch = JSON.parse(values.set) as Request<'waterfall/set'>;
    } catch {
      fail(`--set must be JSON, e.g. '{"minVerifiedShare":0.8}'`, 2);
    }
  }
  return withEngine(dbPath, {}, async (engine) => {
    // The contract's validator names a bad field ("minVerifiedShare must be between 0 and 1 …").
    out(
      patch === undefined
        ? await engine.handlers['waterfall/get']()
        : await engine.handlers['waterfall/set'](patch),
    );
    return 0;
  });
}
