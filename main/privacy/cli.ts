/**
 * The CLI's privacy commands (erase, export-person, retention, audit, privacy-status); main/cli.ts
 * only dispatches here. One JSON line per result on stdout, like every other command.
 */
import { resolve } from 'node:path';
import type { Engine } from '../engine';
import type { PersonRef } from './contract';

export const PRIVACY_COMMANDS = ['erase', 'export-person', 'retention', 'audit', 'privacy-status'] as const;
export type PrivacyCommand = (typeof PRIVACY_COMMANDS)[number];

export const PRIVACY_USAGE = `  npm run cli -- erase (--email <e> | --linkedin <url> | --provider-id <id>) --db <path>
                     (forget a person everywhere and suppress them for good)
  npm run cli -- export-person (--email <e> | --linkedin <url> | --provider-id <id>) --db <path> [--out <json>]
  npm run cli -- retention [--dry-run] [--days N] --db <path>   (purge contact data idle for N days, default 90)
  npm run cli -- audit --db <path> [--out <jsonl>]   (the audit log; --out writes it to a file)
  npm run cli -- privacy-status --db <path>   (where the key is, what cannot be read)`;

export const PRIVACY_OPTIONS = {
  email: { type: 'string' },
  linkedin: { type: 'string' },
  'provider-id': { type: 'string' },
  'dry-run': { type: 'boolean' },
  days: { type: 'string' },
} as const;

export interface PrivacyValues {
  email?: string;
  linkedin?: string;
  'provider-id'?: string;
  'dry-run'?: boolean;
  days?: string;
  out?: string;
}

const personOf = (v: PrivacyValues): PersonRef => ({
  ...(v.email !== undefined ? { email: v.email } : {}),
  ...(v.linkedin !== undefined ? { linkedinUrl: v.linkedin } : {}),
  ...(v['provider-id'] !== undefined ? { providerId: v['provider-id'] } : {}),
});

export function isPrivacyCommand(c: string): c is PrivacyCommand {
  return (PRIVACY_COMMANDS as readonly string[]).includes(c);
}

/** Runs one command; returns the JSON to print. Bad arguments throw AppError naming the field. */
export async function runPrivacyCommand(
  engine: Engine,
  command: PrivacyCommand,
  v: PrivacyValues,
): Promise<unknown> {
  const h = engine.handlers;
  switch (command) {
    case 'erase':
      return { erased: await h['privacy/erase'](personOf(v)) };
    case 'export-person':
      return h['privacy/export-person']({ ...personOf(v), ...(v.out ? { path: resolve(v.out) } : {}) });
    case 'retention': {
      if (v.days !== undefined) await h['privacy/set-retention']({ days: Number(v.days) });
      return { retention: await h['privacy/retention']({ dryRun: !!v['dry-run'] }) };
    }
    case 'audit':
      return v.out ? h['audit/export']({ path: resolve(v.out) }) : { audit: await h['audit/list']({}) };
    case 'privacy-status':
      return h['privacy/status']();
  }
}
