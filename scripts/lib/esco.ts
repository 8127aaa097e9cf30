/**
 * ESCO's English titles with their development tiers (../shared/data/titles/esco_titles.csv, see
 * its SOURCES.md): development data for the title classifier, never shipped. Occupations are split
 * by a hash of their name so every label of an occupation falls in the same half.
 */
import { readFileSync } from 'node:fs';
import { parseIcpText } from '../../main/domain/icp-io';
import type { Icp, Tier } from '../../main/domain/icp';
import { parseCsv } from './csv';

export const ESCO_CSV = '../shared/data/titles/esco_titles.csv';

export interface EscoRow {
  title: string;
  occupation: string;
  preferred: boolean;
  /** The occupation's development tier; null: not a target. */
  want: Tier | null;
}

/** FNV-1a of the occupation: a stable split that keeps every label of an occupation together. */
export function inHoldout(occupation: string): boolean {
  let h = 0x811c9dc5;
  for (let i = 0; i < occupation.length; i++) h = Math.imul(h ^ occupation.charCodeAt(i), 0x01000193);
  return (h >>> 0) % 2 === 1;
}

/** Rows of one split ("unclear" occupations left out). */
export function loadEsco(split: string, preferredOnly = false, path = ESCO_CSV): EscoRow[] {
  const [header, ...body] = parseCsv(readFileSync(path, 'utf8'));
  return body
    .map((cells) => Object.fromEntries(header!.map((h, i) => [h, (cells[i] ?? '').trim()])))
    .filter((row) => row.dev_tier !== 'unclear')
    .filter((row) => !preferredOnly || row.label === 'preferred')
    .filter((row) =>
      split === 'dev' ? !inHoldout(row.occupation!) : split === 'holdout' ? inHoldout(row.occupation!) : true,
    )
    .map((row) => ({
      title: row.title!,
      occupation: row.occupation!,
      preferred: row.label === 'preferred',
      want: row.dev_tier === 'none' ? null : (row.dev_tier as Tier),
    }));
}

export function templateIcp(): Icp {
  const r = parseIcpText(readFileSync('resources/icp/manufacturing-staffing.yaml', 'utf8'), 'yaml');
  if (!r.ok) throw new Error('resources/icp/manufacturing-staffing.yaml is invalid');
  return r.icp;
}
