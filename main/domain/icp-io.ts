import { readFile } from 'node:fs/promises';
import YAML from 'yaml';
import type { FieldIssue } from '../shared/shapes';
import { IcpSchema, type Icp, type IcpInput } from './icp';
import type { z } from 'zod';

/** An ICP checked: the parsed value, or one issue per bad field. */
export type IcpCheck = { ok: true; icp: Icp } | { ok: false; issues: FieldIssue[] };

function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    path: i.path.length ? i.path.map(String).join('.') : '(top level)',
    message:
      i.code === 'unrecognized_keys'
        ? `unknown field(s) ${i.keys.map((k) => `"${k}"`).join(', ')}: remove or fix the spelling`
        : i.code === 'invalid_type' && i.input === undefined
          ? `required: ${i.message}`
          : i.message,
  }));
}

export function checkIcp(input: unknown): IcpCheck {
  const r = IcpSchema.safeParse(input);
  return r.success ? { ok: true, icp: r.data } : { ok: false, issues: issuesOf(r.error) };
}

export function parseIcpText(text: string, format: 'yaml' | 'json'): IcpCheck {
  let data: unknown;
  try {
    data = format === 'json' ? JSON.parse(text) : YAML.parse(text, { prettyErrors: true });
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    return { ok: false, issues: [{ path: '(file)', message: `not valid ${format.toUpperCase()}: ${msg}` }] };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return {
      ok: false,
      issues: [{ path: '(file)', message: 'expected a mapping of ICP fields (name, tiers, industries, …)' }],
    };
  return checkIcp(data);
}

export function formatOf(path: string): 'yaml' | 'json' {
  return /\.json$/i.test(path) ? 'json' : 'yaml';
}

export async function loadIcpFile(path: string): Promise<IcpCheck> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    return {
      ok: false,
      issues: [{ path: '(file)', message: `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? e}` }],
    };
  }
  return parseIcpText(text, formatOf(path));
}

export function serializeIcp(icp: IcpInput, format: 'yaml' | 'json'): string {
  return format === 'json' ? JSON.stringify(icp, null, 2) + '\n' : YAML.stringify(icp);
}

export function describeIssues(issues: FieldIssue[]): string {
  return issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n');
}
