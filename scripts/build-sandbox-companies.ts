/**
 * Builds resources/sandbox/companies.json.gz: a compact extract of REAL company names, places,
 * founding years and funding facts from the permissive shared data set, each mapped to a sandbox
 * sector. The sandbox world loads this at run time and fills in the rest synthetically.
 *
 * Only companies.normalized.permissive.csv is read (see ../shared/data/companies/SOURCES.md:
 * Fortune 1000 and Inc. 5000 have unknown licences and must not ship).
 *
 *   npx tsx scripts/build-sandbox-companies.ts [path/to/shared]
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { SECTOR_BY_NAME } from '../main/sandbox/sectors';
import { EXTRACT_COLUMNS, type ExtractRow } from '../main/sandbox/extract';
import { parseCsv } from './lib/csv';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const shared = resolve(process.argv[2] ?? join(root, '..', 'shared'));
const source = join(shared, 'data', 'companies', 'companies.normalized.permissive.csv');
const outDir = join(root, 'resources', 'sandbox');

function sicSector(code: string): string | null {
  const n = Number(code);
  if (!Number.isFinite(n)) return null;
  const two = Math.floor(n / 100);
  const three = Math.floor(n / 10);
  if (two >= 1 && two <= 9) return 'Energy & Mining';
  if (two >= 10 && two <= 14) return 'Energy & Mining';
  if (two >= 15 && two <= 17) return 'Construction';
  if (two === 20 || two === 21) return 'Food & Beverage Manufacturing';
  if (two === 22 || two === 23 || two === 31) return 'Textiles & Apparel';
  if (two === 24 || two === 25 || two === 39 || two === 32) return 'Consumer Goods Manufacturing';
  if (two === 26) return 'Packaging';
  if (two === 27) return 'Media & Internet';
  if (two === 28) return three === 283 ? 'Pharmaceuticals' : 'Chemicals';
  if (two === 29) return 'Energy & Mining';
  if (two === 30) return 'Plastics & Rubber';
  if (two === 33 || two === 34) return 'Metals & Fabrication';
  if (two === 35) return three === 357 ? 'Electronics' : 'Industrial Machinery';
  if (two === 36 || two === 38) return 'Electronics';
  if (two === 37) {
    if (three === 371 || three === 375) return 'Automotive';
    if (three === 372 || three === 376 || three === 379) return 'Aerospace & Defense';
    return 'Industrial Machinery';
  }
  if (two >= 40 && two <= 47) return 'Logistics';
  if (two === 48) return 'Media & Internet';
  if (two === 49) return 'Energy & Mining';
  if (two === 50 || two === 51) return 'Wholesale Distribution';
  if (two >= 52 && two <= 59) return 'Retail';
  if (two >= 60 && two <= 67) return two === 65 ? 'Real Estate' : 'Financial Services';
  if (two === 70 || two === 58) return 'Hospitality';
  if (two === 73) {
    if (n === 7361 || n === 7363) return 'Staffing & Recruiting';
    if (n === 7372) return 'SaaS';
    return 'Software Consulting';
  }
  if (two === 80) return 'Hospitals';
  if (two === 82) return 'Education';
  if (two === 87) return n === 8711 ? 'Industrial Automation Consulting' : 'Professional Services';
  if (two >= 72 && two <= 89) return 'Professional Services';
  return null;
}

const CRUNCHBASE: Record<string, string> = {
  software: 'SaaS',
  enterprise: 'SaaS',
  analytics: 'SaaS',
  security: 'SaaS',
  network_hosting: 'SaaS',
  messaging: 'SaaS',
  search: 'Media & Internet',
  web: 'Media & Internet',
  social: 'Media & Internet',
  mobile: 'Media & Internet',
  games_video: 'Media & Internet',
  photo_video: 'Media & Internet',
  music: 'Media & Internet',
  news: 'Media & Internet',
  advertising: 'Media & Internet',
  public_relations: 'Media & Internet',
  design: 'Media & Internet',
  ecommerce: 'Retail',
  fashion: 'Retail',
  local: 'Retail',
  pets: 'Retail',
  biotech: 'Biotech Research',
  medical: 'HealthTech',
  health: 'HealthTech',
  finance: 'FinTech',
  hardware: 'Electronics',
  semiconductor: 'Electronics',
  cleantech: 'Energy & Mining',
  manufacturing: 'Industrial Machinery',
  automotive: 'Automotive',
  nanotech: 'Chemicals',
  education: 'Education',
  consulting: 'Software Consulting',
  hospitality: 'Hospitality',
  travel: 'Hospitality',
  real_estate: 'Real Estate',
  transportation: 'Logistics',
  legal: 'Professional Services',
  other: 'Professional Services',
  sports: 'Media & Internet',
  nonprofit: 'Education',
  government: 'Professional Services',
};

function sectorOf(rec: Record<string, string>): string | null {
  const system = rec.industry_code_system ?? '';
  const code = rec.industry_code ?? '';
  if (system === 'SIC') return sicSector(code);
  if (system === 'NAICS') return code.startsWith('622') ? 'Hospitals' : null;
  if (system === 'crunchbase_category_2013') return CRUNCHBASE[code] ?? null;
  if ((rec.source ?? '').startsWith('remoteintech')) {
    const d = (rec.description ?? '').toLowerCase();
    return /agency|consult|studio|development shop/.test(d) ? 'Software Consulting' : 'SaaS';
  }
  return null;
}

function cleanDomain(domain: string): string {
  const d = domain.trim().toLowerCase();
  return /^[a-z0-9.-]+\.[a-z]{2,}$/.test(d) ? d : '';
}

function shortDescription(text: string): string {
  const clean = text
    .replace(/\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (clean.length <= 220) return clean;
  const cut = clean.slice(0, 220);
  const stop = cut.lastIndexOf('. ');
  return stop > 80 ? cut.slice(0, stop + 1) : `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

function main(): void {
  const rows = parseCsv(readFileSync(source, 'utf8'));
  const header = rows[0];
  if (!header) throw new Error(`${source} is empty`);
  const out: ExtractRow[] = [];
  const seen = new Set<string>();
  for (const cells of rows.slice(1)) {
    const rec: Record<string, string> = {};
    header.forEach((h, i) => (rec[h] = cells[i] ?? ''));
    const name = (rec.name ?? '').trim();
    if (!name || /#NAME|[ÌÁ]/.test(name) || name.length > 80) continue;
    const sector = sectorOf(rec);
    if (!sector || !SECTOR_BY_NAME.has(sector)) continue;
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push([
      name,
      cleanDomain(rec.domain ?? ''),
      sector,
      rec.country ?? '',
      rec.region ?? '',
      rec.city ?? '',
      Number(rec.founded_year) || 0,
      Math.round(Number(rec.total_funding_usd) || 0),
      rec.last_funding_date ?? '',
      rec.last_funding_type ?? '',
      shortDescription(rec.description ?? ''),
    ]);
  }
  mkdirSync(outDir, { recursive: true });
  const json = JSON.stringify({ columns: EXTRACT_COLUMNS, rows: out });
  const gz = gzipSync(Buffer.from(json), { level: 9 });
  writeFileSync(join(outDir, 'companies.json.gz'), gz);
  const bySector = new Map<string, number>();
  for (const r of out) bySector.set(r[2], (bySector.get(r[2]) ?? 0) + 1);
  console.log(`${out.length} companies, ${(gz.length / 1024).toFixed(0)} KiB gzipped`);
  console.log(
    [...bySector]
      .sort((a, b) => b[1] - a[1])
      .map(([s, n]) => `${s}: ${n}`)
      .join('\n'),
  );
}

main();
