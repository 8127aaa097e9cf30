/**
 * The CLI's CRM and outreach commands; main/cli.ts only dispatches here. One JSON line per result
 * on stdout, what people should know on stderr.
 */
import { dirname, join, resolve } from 'node:path';
import type { Engine } from '../engine';
import { TIERS, type Tier } from '../shared/shapes';
import { AppError } from '../shared/errors';

export const CRM_COMMANDS = ['crm', 'brief', 'sequence'] as const;
export type CrmCommand = (typeof CRM_COMMANDS)[number];

export const CRM_USAGE = `  npm run cli -- crm push <campaignId> --db <path> [--sandbox]   (contacts + companies to HubSpot;
                     no token in the keychain or --sandbox: the built-in sandbox HubSpot)
  npm run cli -- crm retry --db <path> [--sandbox]   (push again what is in the dead-letter list)
  npm run cli -- crm dead-letters --db <path> [--sandbox]   (one JSON line per failed record)
  npm run cli -- brief <leadId> --db <path> [--format md|pdf] [--out <file>]
  npm run cli -- brief --campaign <id> [--tier T1|T2|T3] --db <path> [--format md|pdf] [--out <file>]
  npm run cli -- sequence <campaignId> --db <path> --out <csv> [--tier T1|T2|T3]`;

export const CRM_OPTIONS = {
  format: { type: 'string' },
  tier: { type: 'string' },
  campaign: { type: 'string' },
  'sender-name': { type: 'string' },
  'sender-company': { type: 'string' },
} as const;

export interface CrmValues {
  format?: string;
  tier?: string;
  campaign?: string;
  out?: string;
  sandbox?: boolean;
  'sender-name'?: string;
  'sender-company'?: string;
}

export function isCrmCommand(c: string): c is CrmCommand {
  return (CRM_COMMANDS as readonly string[]).includes(c);
}

function usage(message: string): never {
  throw new AppError('INVALID_ARGUMENT', `${message}\n${CRM_USAGE}`);
}

function idOf(v: string | undefined, what: string): number {
  const n = Number(v);
  if (v === undefined || !Number.isInteger(n) || n <= 0)
    usage(`${what} must be a whole number > 0 (got "${v ?? ''}")`);
  return n;
}

function tierOf(v: string | undefined): Tier | undefined {
  if (v === undefined) return undefined;
  if (!(TIERS as readonly string[]).includes(v))
    usage(`--tier must be one of ${TIERS.join(', ')} (got "${v}")`);
  return v as Tier;
}

function senderOf(v: CrmValues) {
  if (!v['sender-name'] && !v['sender-company']) return undefined;
  return { name: v['sender-name'] ?? 'Your name', company: v['sender-company'] ?? 'Your company' };
}

async function crm(
  engine: Engine,
  sub: string | undefined,
  rest: string[],
  v: CrmValues,
  say: (s: string) => void,
) {
  const h = engine.handlers;
  const sandbox = v.sandbox ? true : undefined;
  if (sub === 'push' || sub === 'retry') {
    const r =
      sub === 'push'
        ? await h['crm/push']({ campaignId: idOf(rest[0], 'campaignId'), ...(sandbox ? { sandbox } : {}) })
        : await h['crm/retry'](sandbox ? { sandbox } : undefined);
    say(r.message);
    for (const d of r.deadLetters) say(`dead letter: ${d.entity} ${d.label}: ${d.code} ${d.message}`);
    return [
      { created: r.created, updated: r.updated, merged: r.merged, skipped: r.skipped, failed: r.failed },
    ];
  }
  if (sub === 'dead-letters') return h['crm/deadLetters'](sandbox ? { sandbox } : undefined);
  return usage(`unknown crm command "${sub ?? ''}"`);
}

/** Runs one command; returns the JSON lines to print. */
export async function runCrmCommand(
  engine: Engine,
  command: CrmCommand,
  positionals: string[],
  v: CrmValues,
  dbPath: string,
  say: (s: string) => void,
): Promise<unknown[]> {
  const h = engine.handlers;
  if (command === 'crm') return crm(engine, positionals[0], positionals.slice(1), v, say);
  if (command === 'sequence') {
    const campaignId = idOf(positionals[0], 'campaignId');
    if (!v.out) usage('sequence needs --out <csv>');
    const sender = senderOf(v);
    const tier = tierOf(v.tier);
    const r = await h['sequence/export']({
      campaignId,
      path: resolve(v.out),
      ...(tier ? { tier } : {}),
      ...(sender ? { sender } : {}),
    });
    return [{ campaignId, path: r.path, rows: r.rows }];
  }
  const format = v.format ?? 'md';
  if (format !== 'md' && format !== 'pdf') usage(`--format must be md or pdf (got "${format}")`);
  const target =
    v.campaign !== undefined
      ? { campaignId: idOf(v.campaign, '--campaign'), ...(tierOf(v.tier) ? { tier: tierOf(v.tier) } : {}) }
      : { leadId: idOf(positionals[0], 'leadId') };
  const name =
    'leadId' in target
      ? `brief-lead-${target.leadId}`
      : `briefs-campaign-${target.campaignId}${target.tier ? `-${target.tier}` : ''}`;
  const path = resolve(v.out ?? join(dirname(resolve(dbPath)), 'exports', `${name}.${format}`));
  const r = await h['brief/export']({ format, path, ...target });
  return [{ ...target, format, path: r.path, leads: r.leads, bytes: r.bytes }];
}
