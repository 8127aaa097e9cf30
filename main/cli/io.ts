/** The CLI's output rules: exactly one JSON line per result on stdout, everything else on stderr. */
import { describeIssues, loadIcpFile } from '../domain/icp-io';
import type { Icp } from '../domain/icp';

export const out = (obj: unknown) => process.stdout.write(JSON.stringify(obj) + '\n');
export const err = (line: string) => process.stderr.write(line + '\n');

export function fail(message: string, code = 1): never {
  err(`error: ${message}`);
  process.exit(code);
}

export function intOption(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) fail(`--${name} must be a whole number ≥ 0 (got "${v}")`, 2);
  return n;
}

export async function loadIcp(path: string): Promise<Icp> {
  const r = await loadIcpFile(path);
  if (!r.ok) fail(`${path} is not a valid ICP:\n${describeIssues(r.issues)}`, 2);
  return r.icp;
}
