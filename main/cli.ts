/**
 * Headless entry for people and automated checks: progress goes to stderr, exactly one JSON
 * line per result to stdout. Each sub-command lives in main/cli/<name>.ts; this file only
 * parses the flags and picks the command from the table.
 */
import { resolve } from 'node:path';
import { defaultResourcesDir } from './engine';
import { AppError } from './shared/errors';
import { isPrivacyCommand, PRIVACY_USAGE, runPrivacyCommand } from './privacy/cli';
import { CRM_USAGE, isCrmCommand, runCrmCommand } from './cli/crm';
import { runWatchCommand, WATCH_USAGE } from './cli/watch';
import { exportCommand } from './cli/export';
import { fetchModelCommand } from './cli/fetch-model';
import { err, fail, loadIcp, out } from './cli/io';
import { listCommand } from './cli/list';
import { openEngine, withEngine } from './cli/open-engine';
import { checkCliArgs, parseValues, type CliArgs } from './cli/options';
import { reindexCommand } from './cli/reindex';
import { resumeCommand } from './cli/resume';
import { runCommand } from './cli/run';
import { waterfallCommand } from './cli/waterfall';
import { sandboxClockCommand, SANDBOX_CLOCK_USAGE } from './cli/sandbox-clock';

const USAGE = `Usage:
  npm run cli -- run --icp <file> [--sandbox] [--sandbox-seed N] [--sandbox-limits free|paid|off|<json>]
                     [--db <path>] [--export <xlsx>] [--budget <credits>] [--no-semantic-filter]
                     [--facts-order enrich-first|reveal-first]
                     [--sandbox-faults '{"errorRate":0.05,"malformedRate":0.02,"storm429":20}']
                     (--sandbox-limits JSON overrides the paid windows per class, e.g. '{"enrich":{"day":60}}')
  npm run cli -- resume <campaignId> --db <path> [--budget <credits>] [--export <xlsx>]
  npm run cli -- export <campaignId> --db <path> --out <xlsx>
  npm run cli -- list --db <path>
  npm run cli -- reindex --db <path>   (rebuild the Chroma vector store from SQLite)
  npm run cli -- waterfall --db <path> [--set '{"minVerifiedShare":0.8}']   (the email waterfall's settings)
  npm run cli -- classify-titles [--icp <file>] [--model]   (titles on stdin, one per line; --model adds MiniLM similarity)
  npm run cli -- classify-companies [--icp <file>]   (JSON lines {"name","industry","keywords","description",…} on stdin)
  npm run cli -- fetch-model [--mirror <url>]   (one-time download of the matching model into the user cache;
                     default mirror https://huggingface.co, or LEAD_STUDIO_MODEL_MIRROR)
${PRIVACY_USAGE}
${CRM_USAGE}
${WATCH_USAGE}
${SANDBOX_CLOCK_USAGE}`;

/** The ICP a classify command uses: --icp, or the bundled manufacturing-staffing one. */
const icpOrDefault = (a: CliArgs) =>
  loadIcp(a.values.icp ?? resolve(defaultResourcesDir(), 'icp', 'manufacturing-staffing.yaml'));

/** Sub-command name → what runs it (its exit code). The classifiers load lazily: they pull in the model. */
const COMMANDS: Record<string, (a: CliArgs) => Promise<number>> = {
  run: runCommand,
  resume: resumeCommand,
  export: exportCommand,
  list: listCommand,
  reindex: reindexCommand,
  waterfall: waterfallCommand,
  'fetch-model': fetchModelCommand,
  'sandbox-clock': sandboxClockCommand,
  ...Object.fromEntries(
    (['watch', 'alerts', 'signals'] as const).map((c) => [
      c,
      (a: CliArgs) =>
        runWatchCommand(c, a.positionals, a.values.all === true, () =>
          openEngine(a.dbPath, { forceSandbox: a.values.sandbox }),
        ),
    ]),
  ),
  'classify-companies': async (a) =>
    (await import('./cli/classify-companies')).runClassifyCompanies(await icpOrDefault(a)),
  'classify-titles': async (a) =>
    (await import('./cli/classify-titles')).runClassifyTitles(await icpOrDefault(a), a.values.model === true),
};

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const parsed = parseValues(rest);
  if (!command || parsed.values.help) {
    err(USAGE);
    return command ? 0 : 2;
  }
  const args = checkCliArgs(parsed);
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (run) return run(args);
  if (isPrivacyCommand(command))
    return withEngine(args.dbPath, {}, async (engine) => {
      out(await runPrivacyCommand(engine, command, args.values));
      return 0;
    });
  if (isCrmCommand(command))
    return withEngine(args.dbPath, {}, async (engine) => {
      const lines = await runCrmCommand(engine, command, args.positionals, args.values, args.dbPath, err);
      for (const line of lines) out(line);
      return 0;
    });
  fail(`unknown command "${command}"\n${USAGE}`, 2);
}

// A reader that stops early (`classify-titles < big.txt | head`) closes the pipe: stop quietly, as
// Unix tools do, instead of dying on an unhandled EPIPE with a stack trace. Every store write is a
// synchronous transaction, so none is cut in half; a campaign resumes where it stopped.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(0);
});

main().then(
  (code) => process.exit(code),
  (e) => {
    err(
      e instanceof AppError
        ? `error: ${e.message}`
        : `error: ${e instanceof Error ? (e.stack ?? e.message) : e}`,
    );
    process.exit(1);
  },
);
