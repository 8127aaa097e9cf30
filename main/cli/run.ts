/** `run --icp <file>`: estimate, start and follow a campaign to its end. */
import { campaignChoices, type CliArgs } from './options';
import { err, fail, loadIcp } from './io';
import { withEngine } from './open-engine';
import { runAndReport } from './report';

export async function runCommand(a: CliArgs) {
  const { values, seed, budget, dbPath, started } = a;
  if (!values.icp) fail('run needs --icp <file> (e.g. resources/icp/manufacturing-staffing.yaml)', 2);
  const icp = await loadIcp(values.icp);
  const choices = { ...campaignChoices(a), sandboxSeed: seed, forceSandbox: values.sandbox };
  return withEngine(dbPath, choices, async (engine) => {
    const settings = await engine.handlers['settings/get']();
    if (values.sandbox || settings.sandbox)
      err(
        values.sandbox
          ? 'Sandbox mode (--sandbox): synthetic companies and people, no real credits are spent.'
          : 'No Apollo key found in the OS keychain: running against the built-in sandbox (synthetic data).',
      );
    const est = await engine.handlers['campaign/estimate'](icp);
    err(`Credit estimate: ~${est.total} credits (${est.basis}). ${est.note}`);
    const { campaignId } = await engine.handlers['campaign/start']({ icp, budget: budget ?? null });
    err(`Campaign ${campaignId} created in ${dbPath}`);
    const status = await runAndReport(engine, campaignId, started, { exportPath: values.export });
    return status === 'failed' ? 1 : 0;
  });
}
