/** The CLI's flags, parsed and checked once; every sub-command reads them from here. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseSandboxLimits, type SandboxLimits } from '../engine';
import type { FactsOrder } from '../pipeline/stages';
import { PRIVACY_OPTIONS } from '../privacy/cli';
import { CRM_OPTIONS } from './crm';
import type { FaultConfig } from '../sandbox/faults';
import { fail, intOption } from './io';

const OPTIONS = {
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
  model: { type: 'boolean' },
  all: { type: 'boolean' },
  set: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  ...PRIVACY_OPTIONS,
  ...CRM_OPTIONS,
} as const;

export function parseValues(rest: string[]) {
  return parseArgs({ args: rest, allowPositionals: true, options: OPTIONS });
}

export type CliValues = ReturnType<typeof parseValues>['values'];

/** What every sub-command gets: the raw flags and the checked ones. */
export interface CliArgs {
  values: CliValues;
  positionals: string[];
  limits: SandboxLimits;
  seed: number | undefined;
  factsOrder: FactsOrder | undefined;
  budget: number | undefined;
  faults: FaultConfig | undefined;
  dbPath: string;
  started: number;
}

/** The flags every command shares, checked (a bad one exits with a message naming it). */
export function checkCliArgs({ values, positionals }: ReturnType<typeof parseValues>): CliArgs {
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
  return {
    values,
    positionals,
    limits: limits as SandboxLimits,
    seed,
    factsOrder,
    budget,
    faults,
    dbPath,
    started,
  };
}

/** The engine choices a campaign command (run, resume) takes from the flags. */
export const campaignChoices = (a: CliArgs) => ({
  limits: a.limits,
  semantic: !a.values['no-semantic-filter'],
  faults: a.faults,
  factsOrder: a.factsOrder,
});
