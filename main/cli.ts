/**
 * Headless entry for people and automated checks: progress goes to stderr, exactly one JSON
 * line per result to stdout.
 */
import { createInterface } from 'node:readline';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CampaignProgress } from './contract';
import { describeIssues, loadIcpFile } from './domain/icp-io';
import { TIERS, type Icp } from './domain/icp';
import { createTitleClassifier } from './domain/titles';
import {
  createEngine,
  defaultResourcesDir,
  engineEnv,
  parseSandboxLimits,
  type Engine,
  type SandboxLimits,
} from './engine';
import { AppError } from './shared/errors';
import { downloadModel, localModel, modelMirror } from './intel/model-download';
import { MODEL_ID } from './intel/model-files';
import type { FactsOrder } from './pipeline/stages';
import type { FaultConfig } from './sandbox/faults';
import { isPrivacyCommand, PRIVACY_OPTIONS, PRIVACY_USAGE, runPrivacyCommand } from './privacy/cli';
import { userInfo } from 'node:os';
import { runWatchCommand, WATCH_USAGE } from './cli/watch';

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
  npm run cli -- classify-titles [--icp <file>]   (titles on stdin, one per line)
  npm run cli -- classify-companies [--icp <file>]   (JSON lines {"name","industry","keywords","description",…} on stdin)
  npm run cli -- fetch-model [--mirror <url>]   (one-time download of the matching model into the user cache;
                     default mirror https://huggingface.co, or LEAD_STUDIO_MODEL_MIRROR)
${PRIVACY_USAGE}
${WATCH_USAGE}`;

const out = (obj: unknown) => process.stdout.write(JSON.stringify(obj) + '\n');
const err = (line: string) => process.stderr.write(line + '\n');

function fail(message: string, code = 1): never {
  err(`error: ${message}`);
  process.exit(code);
}

function intOption(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) fail(`--${name} must be a whole number ≥ 0 (got "${v}")`, 2);
  return n;
}

async function loadIcp(path: string): Promise<Icp> {
  const r = await loadIcpFile(path);
  if (!r.ok) fail(`${path} is not a valid ICP:\n${describeIssues(r.issues)}`, 2);
  return r.icp;
}

function fmtMs(ms: number | null): string {
  if (ms === null) return '?';
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

function progressLine(p: CampaignProgress): string {
  const tiers = TIERS.map((t) => {
    const c = p.tiers[t];
    return `${t} ${c.saved}/${c.target} (found ${c.found}, filtered ${c.filtered}, enriched ${c.enriched}, rejected ${c.rejected})`;
  }).join(' | ');
  return `[${p.stage}] ${tiers} | credits ${p.creditsUsed} | ETA ${fmtMs(p.etaMs)}`;
}

async function openEngine(
  dbPath: string,
  o: {
    sandboxSeed?: number;
    limits?: SandboxLimits;
    semantic?: boolean;
    faults?: FaultConfig;
    factsOrder?: FactsOrder;
    forceSandbox?: boolean;
  },
) {
  let secrets;
  try {
    const { createKeychain } = await import('./secrets/keychain');
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

/** Tests and drills shift the clock past a rate window (LEAD_STUDIO_CLOCK_OFFSET_MS). */
function clockOffset(): number {
  const v = process.env.LEAD_STUDIO_CLOCK_OFFSET_MS;
  if (!v) return 0;
  const n = Number(v);
  if (!Number.isFinite(n))
    fail(`LEAD_STUDIO_CLOCK_OFFSET_MS must be a number of milliseconds (got "${v}")`, 2);
  return n;
}

async function runAndReport(
  engine: Engine,
  campaignId: number,
  started: number,
  opts: { exportPath?: string },
) {
  let last = 0;
  engine.on('campaign/progress', (p) => {
    if (p.campaignId !== campaignId) return;
    const now = Date.now();
    if (now - last >= 1000 || p.status !== 'running') {
      last = now;
      err(progressLine(p));
    }
  });
  engine.on('campaign/activity', (a) => {
    if (a.campaignId === campaignId && a.level !== 'info') err(`${a.level}: ${a.message}`);
  });
  const onSignal = () => {
    err('Pausing: finishing the current step (Ctrl-C again to quit at once)…');
    process.removeListener('SIGINT', onSignal);
    void engine.handlers['campaign/pause']({ campaignId });
  };
  process.on('SIGINT', onSignal);
  const status = await engine.handlers['campaign/wait']({ campaignId });
  process.removeListener('SIGINT', onSignal);
  let exported: string | null = null;
  if (opts.exportPath) {
    const r = await engine.handlers['export/workbook']({ campaignId, path: resolve(opts.exportPath) });
    exported = r.path;
    err(`Exported ${r.rows} leads to ${r.path}`);
  }
  const report = await engine.handlers['campaign/report']({ campaignId });
  const estimate = report.creditsEstimated;
  if (estimate !== null) err(`Credits: estimated ${estimate}, used ${report.creditsUsed}.`);
  err(
    `Spent on people who did not become leads: ${report.wasted.people}; on companies without a lead: ` +
      `${report.wasted.companies} (waste ratio ${report.wasteRatio ?? '–'}).`,
  );
  const result = {
    campaignId,
    status,
    ...(status === 'paused' ? { pauseReason: report.pauseReason, resumeAt: report.resumeAt } : {}),
    leads: report.leads,
    creditsUsed: report.creditsUsed,
    creditsEstimated: estimate,
    filtered: report.filtered,
    creditsSavedEstimate: report.creditsSavedEstimate,
    requests: report.requests,
    elapsedMs: Date.now() - started,
    export: exported,
    precision: report.precision,
    wasteRatio: report.wasteRatio,
    wasted: report.wasted,
    bands: report.bands,
    intentAuc: report.intentAuc,
  };
  out(result);
  return status;
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      icp: { type: 'string' },
      sandbox: { type: 'boolean' },
      'sandbox-seed': { type: 'string' },
      'sandbox-limits': { type: 'string' },
      db: { type: 'string' },
      export: { type: 'string' },
      out: { type: 'string' },
      budget: { type: 'string' },
      'no-semantic-filter': { type: 'boolean' },
      'sandbox-faults': { type: 'string' },
      'facts-order': { type: 'string' },
      mirror: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      all: { type: 'boolean' },
      ...PRIVACY_OPTIONS,
    },
  });
  if (!command || values.help) {
    err(USAGE);
    return command ? 0 : 2;
  }
  const limits = parseSandboxLimits(values['sandbox-limits'] ?? 'paid');
  if (typeof limits === 'object' && 'error' in limits) fail(limits.error, 2);
  const seed = intOption(values['sandbox-seed'], 'sandbox-seed');
  const factsOrder = values['facts-order'] as FactsOrder | undefined;
  if (factsOrder !== undefined && factsOrder !== 'enrich-first' && factsOrder !== 'reveal-first')
    fail(`--facts-order must be enrich-first or reveal-first (got "${factsOrder}")`, 2);
  const budget = intOption(values.budget, 'budget');
  let faults: FaultConfig | undefined;
  if (values['sandbox-faults']) {
    try {
      faults = JSON.parse(values['sandbox-faults']) as FaultConfig;
    } catch {
      fail(`--sandbox-faults must be JSON, e.g. '{"errorRate":0.05,"storm429":20}'`, 2);
    }
  }
  const dbPath = values.db ?? resolve(process.env.LEAD_STUDIO_DATA ?? '.data', 'lead-studio.db');
  const started = Date.now();

  switch (command) {
    case 'run': {
      if (!values.icp) fail('run needs --icp <file> (e.g. resources/icp/manufacturing-staffing.yaml)', 2);
      const icp = await loadIcp(values.icp);
      const engine = await openEngine(dbPath, {
        sandboxSeed: seed,
        limits: limits as SandboxLimits,
        semantic: !values['no-semantic-filter'],
        faults,
        factsOrder,
        forceSandbox: values.sandbox,
      });
      try {
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
      } finally {
        await engine.close();
      }
    }
    case 'resume': {
      const id = intOption(positionals[0], 'campaignId');
      if (id === undefined)
        fail('resume needs a campaign id: npm run cli -- resume <campaignId> --db <path>', 2);
      const engine = await openEngine(dbPath, {
        limits: limits as SandboxLimits,
        semantic: !values['no-semantic-filter'],
        faults,
        factsOrder,
      });
      try {
        const found = await engine.handlers['campaign/get']({ campaignId: id }).catch((e: unknown) => {
          if (e instanceof AppError && e.code === 'NOT_FOUND') return null;
          throw e;
        });
        if (!found) fail(`no campaign ${id} in ${dbPath}`, 2);
        await engine.handlers['campaign/resume']({ campaignId: id, budget });
        const status = await runAndReport(engine, id, started, { exportPath: values.export });
        return status === 'failed' ? 1 : 0;
      } finally {
        await engine.close();
      }
    }
    case 'export': {
      const id = intOption(positionals[0], 'campaignId');
      if (id === undefined || !values.out) fail('usage: export <campaignId> --db <path> --out <xlsx>', 2);
      const engine = await openEngine(dbPath, {});
      try {
        const r = await engine.handlers['export/workbook']({ campaignId: id, path: resolve(values.out) });
        out({ campaignId: id, export: r.path, rows: r.rows });
        return 0;
      } finally {
        await engine.close();
      }
    }
    case 'list': {
      const engine = await openEngine(dbPath, {});
      try {
        for (const c of await engine.handlers['campaign/list']()) out(c);
        return 0;
      } finally {
        await engine.close();
      }
    }
    case 'reindex': {
      const engine = await openEngine(dbPath, {});
      try {
        const r = await engine.handlers['knowledge/reindex']();
        out({ reindexed: r });
        return 0;
      } finally {
        await engine.close();
      }
    }
    case 'fetch-model': {
      const local = localModel();
      const dir = join(local.root, MODEL_ID);
      if (local.ready) {
        err(`The model is already installed in ${dir}.`);
        out({ model: 'ready', dir });
        return 0;
      }
      err(`Downloading ${MODEL_ID} from ${modelMirror(values.mirror)} into ${dir} …`);
      let last = 0;
      const r = await downloadModel({
        root: local.root,
        mirror: values.mirror,
        onProgress: (p) => {
          const now = Date.now();
          if (now - last < 500 && p.receivedBytes !== p.totalBytes) return;
          last = now;
          const pct = p.totalBytes ? ` ${Math.floor((100 * p.receivedBytes) / p.totalBytes)}%` : '';
          err(`[${p.index}/${p.files}] ${p.file}: ${(p.receivedBytes / 1e6).toFixed(1)} MB${pct}`);
        },
      });
      err(`Installed and verified (${r.weightsSource}).`);
      out({ model: 'ready', dir, sha256: r.weightsSha256, bytes: r.bytes });
      return 0;
    }
    case 'classify-companies':
      return (await import('./cli/classify-companies')).runClassifyCompanies(
        await loadIcp(values.icp ?? resolve(defaultResourcesDir(), 'icp', 'manufacturing-staffing.yaml')),
      );
    case 'classify-titles': {
      const icp = await loadIcp(
        values.icp ?? resolve(defaultResourcesDir(), 'icp', 'manufacturing-staffing.yaml'),
      );
      const classifier = createTitleClassifier(icp);
      for await (const line of createInterface({ input: process.stdin })) {
        const title = line.trim();
        if (!title) continue;
        const m = classifier.classify(title);
        out({ title, tier: m.tier, confidence: m.confidence });
      }
      return 0;
    }
    case 'watch':
    case 'alerts':
    case 'signals':
      return runWatchCommand(command, positionals, values.all === true, () =>
        openEngine(dbPath, { forceSandbox: values.sandbox }),
      );
    default:
      if (isPrivacyCommand(command)) {
        const engine = await openEngine(dbPath, {});
        try {
          out(await runPrivacyCommand(engine, command, values));
          return 0;
        } finally {
          await engine.close();
        }
      }
      fail(`unknown command "${command}"\n${USAGE}`, 2);
  }
}

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
