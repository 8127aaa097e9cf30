import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadIcpFile } from '../../main/domain/icp-io';
import type { Icp } from '../../main/domain/icp';

/** Every file under a folder (SQLite + WAL + SHM, logs, the Chroma data folder, exports). */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/**
 * Which files hold any of the needles as raw bytes: UTF-8 as written, and case-folded, so
 * a lowercased copy counts too.
 */
export function filesContaining(files: string[], needles: string[]): Record<string, string[]> {
  const hits: Record<string, string[]> = {};
  for (const f of files) {
    const raw = readFileSync(f);
    const lower = Buffer.from(raw.toString('latin1').toLowerCase(), 'latin1');
    for (const n of needles) {
      if (raw.includes(Buffer.from(n, 'utf8')) || lower.includes(Buffer.from(n.toLowerCase(), 'utf8')))
        (hits[n] ??= []).push(f);
    }
  }
  return hits;
}

export async function fixtureIcp(path = 'tests/fixtures/small-manufacturing.yaml'): Promise<Icp> {
  const r = await loadIcpFile(path);
  if (!r.ok) throw new Error(`fixture ${path} is not a valid ICP`);
  return r.icp;
}

export const HOW_TO_RUN =
  'Run through the keyring wrapper: bash scripts/with-keyring.sh npx vitest run tests/privacy';
