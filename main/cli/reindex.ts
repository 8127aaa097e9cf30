/** `reindex`: rebuild the Chroma vector store from SQLite. */
import type { CliArgs } from './options';
import { out } from './io';
import { withEngine } from './open-engine';

export async function reindexCommand({ dbPath }: CliArgs) {
  return withEngine(dbPath, {}, async (engine) => {
    const r = await engine.handlers['knowledge/reindex']();
    out({ reindexed: r });
    return 0;
  });
}
