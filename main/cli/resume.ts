/** `resume <campaignId>`: continue a paused or interrupted campaign and follow it to its end. */
import { AppError } from '../shared/errors';
import { campaignChoices, type CliArgs } from './options';
import { fail, intOption } from './io';
import { withEngine } from './open-engine';
import { runAndReport } from './report';

export async function resumeCommand(a: CliArgs) {
  const { positionals, values, budget, dbPath, started } = a;
  const id = intOption(positionals[0], 'campaignId');
  if (id === undefined) fail('resume needs a campaign id: npm run cli -- resume <campaignId> --db <path>', 2);
  return withEngine(dbPath, campaignChoices(a), async (engine) => {
    const found = await engine.handlers['campaign/get']({ campaignId: id }).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'NOT_FOUND') return null;
      throw e;
    });
    if (!found) fail(`no campaign ${id} in ${dbPath}`, 2);
    await engine.handlers['campaign/resume']({ campaignId: id, budget });
    const status = await runAndReport(engine, id, started, { exportPath: values.export });
    return status === 'failed' ? 1 : 0;
  });
}
