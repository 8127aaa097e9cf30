/** `list`: one JSON line per campaign in the database. */
import type { CliArgs } from './options';
import { out } from './io';
import { withEngine } from './open-engine';

export async function listCommand({ dbPath }: CliArgs) {
  return withEngine(dbPath, {}, async (engine) => {
    for (const c of await engine.handlers['campaign/list']()) out(c);
    return 0;
  });
}
