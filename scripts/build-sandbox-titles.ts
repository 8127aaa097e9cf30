/**
 * Builds resources/sandbox/titles.json.gz: real job titles for the sandbox's people, from ESCO's
 * English occupation labels (../shared/data/titles/esco_titles.csv, "ESCO © European Union",
 * reuse allowed with acknowledgement, Commission Decision 2011/833/EU).
 *
 * Per occupation: its preferred label, ISCO-08 group, the development tier the shared data set
 * gives it (T1/T2/T3/unclear/none — the data's own label, never our classifier's) and its labels.
 * main/sandbox/roles.ts turns these into title variants of its roles and into lookalike roles.
 *
 *   npx tsx scripts/build-sandbox-titles.ts [path/to/shared]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parseCsv } from './lib/csv';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const shared = resolve(process.argv[2] ?? join(root, '..', 'shared'));
const [header, ...rows] = parseCsv(readFileSync(join(shared, 'data', 'titles', 'esco_titles.csv'), 'utf8'));
const col = (name: string) => header!.indexOf(name);
const [TITLE, LABEL, OCC, ISCO, TIER] = ['title', 'label', 'occupation', 'isco_group', 'dev_tier'].map(col);

const byOccupation = new Map<string, { isco: string; tier: string; labels: Set<string> }>();
for (const r of rows) {
  if (r.length < header!.length) continue;
  const occupation = r[OCC!]!.replace(/\s+/g, ' ').trim();
  const o = byOccupation.get(occupation) ?? { isco: r[ISCO!]!, tier: r[TIER!]!, labels: new Set() };
  const title = r[TITLE!]!.replace(/\s+/g, ' ').trim();
  if (title && r[LABEL!] !== undefined) o.labels.add(title);
  byOccupation.set(occupation, o);
}
const occupations = [...byOccupation]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([name, o]) => [name, o.isco, o.tier, [...o.labels].filter((l) => l !== name)]);
const out = {
  source: 'ESCO v1.0.x occupations, English labels (ESCO © European Union)',
  columns: ['occupation', 'isco_group', 'dev_tier', 'other_labels'],
  occupations,
};
mkdirSync(join(root, 'resources', 'sandbox'), { recursive: true });
const gz = gzipSync(JSON.stringify(out), { level: 9 });
writeFileSync(join(root, 'resources', 'sandbox', 'titles.json.gz'), gz);
process.stderr.write(`${occupations.length} occupations, ${gz.length} bytes\n`);
