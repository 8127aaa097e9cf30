import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** Columns of resources/sandbox/companies.json.gz (built by scripts/build-sandbox-companies.ts). */
export const EXTRACT_COLUMNS = [
  'name',
  'domain',
  'sector',
  'country',
  'region',
  'city',
  'founded_year',
  'total_funding_usd',
  'last_funding_date',
  'last_funding_type',
  'description',
] as const;

export type ExtractRow = [
  name: string,
  domain: string,
  sector: string,
  country: string,
  region: string,
  city: string,
  foundedYear: number,
  totalFundingUsd: number,
  lastFundingDate: string,
  lastFundingType: string,
  description: string,
];

/** Where the extract lives in a checkout; packaged apps pass their own path. */
export function defaultExtractPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return resolve(join(here, '..', '..', 'resources', 'sandbox', 'companies.json.gz'));
}

const cache = new Map<string, ExtractRow[]>();

export function loadExtract(path = defaultExtractPath()): ExtractRow[] {
  const hit = cache.get(path);
  if (hit) return hit;
  let raw: Buffer;
  try {
    raw = readFileSync(path);
  } catch (err) {
    throw new Error(
      `sandbox company extract not found at ${path}: run "npx tsx scripts/build-sandbox-companies.ts" (${(err as Error).message})`,
      { cause: err },
    );
  }
  const parsed = JSON.parse(gunzipSync(raw).toString('utf8')) as { columns: string[]; rows: ExtractRow[] };
  if (parsed.columns.join() !== EXTRACT_COLUMNS.join()) {
    throw new Error(`sandbox company extract at ${path} has columns ${parsed.columns.join()}; rebuild it`);
  }
  cache.set(path, parsed.rows);
  return parsed.rows;
}
