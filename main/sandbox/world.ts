/**
 * The sandbox's synthetic world: companies (seeded partly from a real, permissively licensed
 * extract) and the people who work there, each with a ground-truth sector / role. Built
 * deterministically from a numeric seed: the same seed yields byte-identical data.
 */
import { createHash } from 'node:crypto';
import { COUNTRIES, COUNTRY_BY_NAME, FIRST_NAMES, LAST_NAMES, NAME_ROOTS, type CountryDef } from './geo';
import { loadExtract, type ExtractRow } from './extract';
import { Rng, cumulative, hash32 } from './prng';
import { ROLES, type LocalLang, type RoleDef } from './roles';
import { GENERIC_INDUSTRIES, SECTORS, type SectorDef } from './sectors';
import {
  ATS_TECH,
  COMMON_TECH,
  HR_TECH,
  MANUFACTURING_TECH,
  SOFTWARE_TECH,
  VMS_TECH,
  type TechDef,
} from './technologies';

/** Dates in the world are relative to this day, so a seed always gives the same data. */
export const WORLD_REFERENCE_DATE = '2026-11-01';

export type EmailStatus = 'verified' | 'unverified' | 'likely to engage' | 'unavailable';
export const EMAIL_STATUSES: readonly EmailStatus[] = [
  'verified',
  'unverified',
  'likely to engage',
  'unavailable',
];

export interface FundingEvent {
  id: string;
  date: string;
  news_url: string | null;
  type: string;
  investors: string;
  amount: string | null;
  currency: string;
}

/** An extra site (plant, warehouse, office). Not an Apollo field: the sandbox's `locations`. */
export interface SiteLocation {
  kind: 'headquarters' | 'plant' | 'warehouse' | 'office' | 'branch';
  city: string;
  state: string;
  country: string;
  raw_address: string;
}

export interface WorldCompany {
  idx: number;
  id: string;
  name: string;
  primary_domain: string;
  website_url: string;
  linkedin_url: string;
  /** Ground truth: an ICP-level industry name from sectors.ts. */
  sector: string;
  industry: string | null;
  industries: string[];
  keywords: string[];
  estimated_num_employees: number;
  country: string;
  state: string;
  city: string;
  street_address: string;
  postal_code: string;
  raw_address: string;
  phone: string | null;
  /** Headquarters first, then other sites. */
  locations: SiteLocation[];
  departmental_head_count: Record<string, number> | null;
  latest_funding_stage: string | null;
  latest_funding_round_date: string | null;
  total_funding: number | null;
  funding_events: FundingEvent[];
  current_technologies: TechDef[];
  annual_revenue: number | null;
  founded_year: number | null;
  short_description: string;
  job_postings_count: number;
  /** Name/place came from the real extract (resources/sandbox/companies.json.gz). */
  from_extract: boolean;
}

export interface WorldPerson {
  idx: number;
  id: string;
  first_name: string;
  last_name: string;
  title: string;
  /** Ground truth: key into ROLES. */
  role: string;
  companyIdx: number;
  city: string;
  state: string;
  country: string;
  email: string | null;
  email_status: EmailStatus;
  linkedin_url: string | null;
  phone: string | null;
  seniority: string;
  departments: readonly string[];
  last_refreshed_at: string;
}

export interface World {
  seed: number;
  referenceDate: string;
  companies: WorldCompany[];
  people: WorldPerson[];
  companyById: Map<string, WorldCompany>;
  companyByDomain: Map<string, WorldCompany>;
  personById: Map<string, WorldPerson>;
  /** Distinct titles; people reference them through titleIndex. */
  titles: string[];
  titleIndex: Uint32Array;
  buildMs: number;
}

export interface BuildWorldOptions {
  /** Path of companies.json.gz (defaults to resources/sandbox in this checkout). */
  extractPath?: string;
  /** Scale the number of companies per sector (tests use < 1 for speed). Default 1. */
  scale?: number;
}

const REF_MS = Date.parse(`${WORLD_REFERENCE_DATE}T00:00:00Z`);
const DAY = 86_400_000;

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function asciiFold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss');
}

const slugCache = new Map<string, string>();

/** Lower-case ASCII slug; memoised because people's names come from small pools. */
function slug(text: string, sep = ''): string {
  const key = `${sep}|${text}`;
  let hit = slugCache.get(key);
  if (hit === undefined) {
    hit = slugUncached(text, sep);
    if (slugCache.size < 50_000) slugCache.set(key, hit);
  }
  return hit;
}

function slugUncached(text: string, sep: string): string {
  return asciiFold(text)
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, sep || '')
    .replace(/^-+|-+$/g, '');
}

const STREETS = [
  'Industrial Pkwy',
  'Main St',
  'Commerce Dr',
  'Technology Way',
  'Park Ave',
  'Enterprise Rd',
  'Factory Ln',
  'Harbor Blvd',
  'Station Rd',
  'MIDC Road',
  'Ring Road',
  'Hauptstraße',
  'Avenida Central',
  'Rue de la République',
];

function address(
  rng: Rng,
  city: string,
  state: string,
  country: CountryDef,
): { street: string; postal: string; raw: string } {
  const street = `${rng.int(1, 9800)} ${rng.pick(STREETS)}`;
  const postal =
    country.code === 'US'
      ? String(rng.int(10000, 99950))
      : country.code === 'IN'
        ? String(rng.int(110001, 799999))
        : country.code === 'GB'
          ? `${rng.pick(['B', 'M', 'LS', 'S', 'CV', 'G', 'EH'])}${rng.int(1, 40)} ${rng.int(1, 9)}${rng.pick(['AB', 'QT', 'XY', 'NP'])}`
          : String(rng.int(10000, 99999));
  return { street, postal, raw: `${street}, ${city}, ${state} ${postal}, ${country.name}` };
}

function lognormalSize(rng: Rng, median: number, sigma: number): number {
  const v = Math.round(median * Math.exp(rng.normal() * sigma));
  return Math.min(50_000, Math.max(5, v));
}

const CB_STAGE: Record<string, string> = {
  angel: 'Angel',
  'series-a': 'Series A',
  'series-b': 'Series B',
  'series-c+': 'Series C',
  venture: 'Venture (Round not Specified)',
  'private-equity': 'Private Equity',
  'post-ipo': 'Other',
  crowdfunding: 'Other',
  other: 'Other',
};
const TECH_STAGES = ['Seed', 'Series A', 'Series B', 'Series C', 'Series D'];
const INVESTORS = [
  'Northgate Ventures',
  'Bluefield Capital',
  'Summit Growth Partners',
  'Lakeside Equity',
  'Redline VC',
  'Anchor Point Capital',
  'Meridian Fund',
  'Kestrel Partners',
];

function money(amount: number): string {
  return amount >= 1e9
    ? `${(amount / 1e9).toFixed(1)}B`
    : amount >= 1e6
      ? `${Math.round(amount / 1e6)}M`
      : `${Math.round(amount / 1e3)}K`;
}

function fundingFor(
  rng: Rng,
  sector: SectorDef,
  real: ExtractRow | null,
): Pick<
  WorldCompany,
  'funding_events' | 'latest_funding_stage' | 'latest_funding_round_date' | 'total_funding'
> {
  const events: FundingEvent[] = [];
  if (real && real[8]) {
    const stage = CB_STAGE[real[9]] ?? 'Other';
    events.push({
      id: rng.hexId(),
      date: `${real[8]}T00:00:00.000+00:00`,
      news_url: null,
      type: stage,
      investors: '',
      amount: real[7] > 0 ? money(real[7]) : null,
      currency: '$',
    });
  }
  const tech = sector.group === 'tech';
  const p = tech ? 0.7 : sector.group === 'manufacturing' ? 0.12 : 0.15;
  if (rng.chance(p)) {
    const rounds = tech ? rng.int(1, 4) : 1;
    let day = REF_MS - rng.int(20, 1500) * DAY;
    const dates: number[] = [];
    for (let i = 0; i < rounds; i++) {
      dates.unshift(day);
      day -= rng.int(200, 700) * DAY;
    }
    dates.forEach((d, i) => {
      const type = tech
        ? (TECH_STAGES[Math.min(i, TECH_STAGES.length - 1)] as string)
        : rng.pick(['Private Equity', 'Debt Financing', 'Other']);
      events.push({
        id: rng.hexId(),
        date: `${isoDay(d)}T00:00:00.000+00:00`,
        news_url: null,
        type,
        investors: rng.pick(INVESTORS),
        amount: money(rng.int(1, 60) * 1e6 * (i + 1)),
        currency: '$',
      });
    });
  }
  events.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const latest = events[0];
  const total = real && real[7] > 0 ? real[7] : null;
  return {
    funding_events: events,
    latest_funding_stage: latest?.type ?? null,
    latest_funding_round_date: latest?.date ?? null,
    total_funding: total ?? (events.length ? events.length * rng.int(2, 40) * 1e6 : null),
  };
}

function technologiesFor(rng: Rng, sector: SectorDef, size: number, country: CountryDef): TechDef[] {
  const out = new Map<string, TechDef>();
  const add = (list: readonly TechDef[], n: number) => {
    for (let i = 0; i < n; i++) {
      const tech = rng.pick(list);
      out.set(tech.uid, tech);
    }
  };
  add(COMMON_TECH, rng.int(2, 6));
  if (sector.group === 'manufacturing') add(MANUFACTURING_TECH, rng.int(1, size > 1000 ? 4 : 2));
  if (sector.group === 'tech') add(SOFTWARE_TECH, rng.int(3, 8));
  if (size >= 100 || rng.chance(0.3)) {
    const hr =
      country.code === 'IN' && rng.chance(0.5)
        ? HR_TECH.filter((h) => h.uid === 'darwinbox' || h.uid === 'keka')
        : size > 2000
          ? HR_TECH.slice(0, 4)
          : HR_TECH;
    add(hr, 1);
  }
  if (rng.chance(size > 500 ? 0.55 : size > 100 ? 0.3 : 0.08))
    add(sector.group === 'tech' ? ATS_TECH.slice(0, 2) : ATS_TECH, 1);
  // Contingent-labour buyers: mostly large manufacturers and hospitals.
  const vmsChance =
    sector.group === 'manufacturing' || sector.name === 'Hospitals' || sector.name === 'Logistics'
      ? size >= 1000
        ? 0.4
        : size >= 500
          ? 0.18
          : 0.03
      : size >= 1000
        ? 0.1
        : 0.01;
  if (rng.chance(vmsChance)) add(VMS_TECH, 1);
  return [...out.values()].sort((a, b) => (a.uid < b.uid ? -1 : 1));
}

const DEPT_SHARES: Record<SectorDef['group'], Record<string, number>> = {
  manufacturing: {
    operations: 0.3,
    engineering: 0.12,
    human_resources: 0.025,
    sales: 0.07,
    finance: 0.035,
    accounting: 0.02,
    information_technology: 0.025,
    marketing: 0.015,
    support: 0.02,
    administrative: 0.03,
    legal: 0.004,
  },
  tech: {
    engineering: 0.38,
    product_management: 0.06,
    sales: 0.14,
    marketing: 0.06,
    support: 0.08,
    human_resources: 0.025,
    operations: 0.05,
    finance: 0.03,
    information_technology: 0.03,
    legal: 0.008,
  },
  health: {
    medical_health: 0.55,
    operations: 0.08,
    human_resources: 0.025,
    finance: 0.03,
    information_technology: 0.03,
    administrative: 0.08,
    support: 0.04,
  },
  other: {
    operations: 0.2,
    sales: 0.18,
    human_resources: 0.03,
    finance: 0.06,
    marketing: 0.04,
    information_technology: 0.03,
    administrative: 0.06,
    support: 0.06,
    consulting: 0.05,
    legal: 0.01,
  },
};

function headCounts(rng: Rng, sector: SectorDef, size: number): Record<string, number> | null {
  if (rng.chance(0.05)) return null;
  const coverage = 0.2 + rng.next() * 0.35; // share of staff with a public profile
  const out: Record<string, number> = {};
  for (const [dept, share] of Object.entries(DEPT_SHARES[sector.group])) {
    const v = Math.round(size * coverage * share * (0.6 + rng.next() * 0.8));
    out[dept] = v;
  }
  if (rng.chance(0.08)) delete out.human_resources;
  if (rng.chance(0.06)) delete out.operations;
  return out;
}

function peopleCount(size: number, scaleFactor: number): number {
  const x = Math.log10(size + 1);
  return Math.max(2, Math.round((2 + 1.5 * Math.pow(x, 1.6)) * scaleFactor));
}

interface RolePicker {
  roles: RoleDef[];
  cum: Float64Array;
}

function pickerFor(sector: SectorDef): RolePicker {
  const roles: RoleDef[] = [];
  const weights: number[] = [];
  for (const role of ROLES) {
    const w = role.weight[sector.group] * (role.sectorBoost?.[sector.name] ?? 1);
    if (w > 0) {
      roles.push(role);
      weights.push(w);
    }
  }
  return { roles, cum: cumulative(weights) };
}

const LANGS: readonly LocalLang[] = ['es', 'de', 'fr', 'pt'];

function chooseTitle(rng: Rng, role: RoleDef, lang: LocalLang | null): string {
  const local = lang ? role.local?.[lang] : undefined;
  let title: string;
  if (local && local.length && rng.chance(0.55)) title = rng.pick(local);
  else if (!lang && role.local && rng.chance(0.015)) {
    const other = role.local[rng.pick(LANGS)];
    title = other && other.length ? rng.pick(other) : rng.pick(role.canonical);
  } else if (role.variants.length && rng.chance(0.45)) title = rng.pick(role.variants);
  else title = rng.pick(role.canonical);
  const r = rng.next();
  if (r < 0.015) return title.toLowerCase();
  if (r < 0.025) return title.toUpperCase();
  return title;
}

const EMAIL_PATTERNS = ['first.last', 'flast', 'first', 'firstl', 'first_last'] as const;
const EMAIL_PATTERN_WEIGHTS = [60, 15, 8, 5, 12];
const EMAIL_STATUS_CUM = cumulative([55, 14, 13, 18]);

function emailLocal(pattern: (typeof EMAIL_PATTERNS)[number], first: string, last: string): string {
  const f = slug(first);
  const l = slug(last);
  switch (pattern) {
    case 'first.last':
      return `${f}.${l}`;
    case 'flast':
      return `${f.slice(0, 1)}${l}`;
    case 'first':
      return f;
    case 'firstl':
      return `${f}${l.slice(0, 1)}`;
    case 'first_last':
      return `${f}_${l}`;
  }
}

function syntheticName(rng: Rng, sector: SectorDef, country: CountryDef): string {
  const root = rng.pick(NAME_ROOTS[country.names]);
  const word = rng.pick(sector.nameWords);
  const suffix = rng.pick(country.legalSuffixes);
  return suffix ? `${root} ${word} ${suffix}` : `${root} ${word}`;
}

function baseForDomain(name: string): string {
  const stripped = name.replace(
    /\b(inc|llc|corp|co|ltd|limited|pvt|private|plc|gmbh|ag|kg|se|sa|sas|sarl|ltda|s\.a\.|de|c\.v\.|r\.l\.|group|groupe)\b\.?/gi,
    ' ',
  );
  return slug(stripped).slice(0, 30) || 'company';
}

const worldCache = new Map<string, World>();

/** The world for a seed, built once per process (worlds are treated as immutable). */
export function getWorld(seed = 42, options: BuildWorldOptions = {}): World {
  const key = `${seed}|${options.scale ?? 1}|${options.extractPath ?? ''}`;
  let world = worldCache.get(key);
  if (!world) {
    world = buildWorld(seed, options);
    worldCache.set(key, world);
  }
  return world;
}

export function buildWorld(seed = 42, options: BuildWorldOptions = {}): World {
  const started = performance.now();
  const pools = extractPools(seed, loadExtract(options.extractPath));
  const companies = buildCompanies(seed, options.scale ?? 1, pools);
  const people = buildPeople(seed, companies);
  const { titles, titleIndex, personById } = indexPeople(people);
  return {
    seed,
    referenceDate: WORLD_REFERENCE_DATE,
    companies,
    people,
    companyById: new Map(companies.map((c) => [c.id, c])),
    companyByDomain: new Map(companies.map((c) => [c.primary_domain, c])),
    personById,
    titles,
    titleIndex,
    buildMs: Math.round(performance.now() - started),
  };
}

/** Real rows per sector and country, shuffled per sector so each seed uses different names. */
function extractPools(seed: number, extract: ExtractRow[]): Map<string, ExtractRow[]> {
  const pools = new Map<string, ExtractRow[]>();
  for (const row of extract) {
    const country = row[3] || 'United States';
    if (!COUNTRY_BY_NAME.has(country)) continue;
    const key = `${row[2]}|${country}`;
    let list = pools.get(key);
    if (!list) pools.set(key, (list = []));
    list.push(row);
  }
  for (const [key, list] of [...pools].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    new Rng(seed, hash32(key)).shuffle(list.slice()).forEach((r, i) => (list[i] = r));
  }
  return pools;
}

/** Names and domains already given out: both stay unique across the world. */
interface UsedNames {
  names: Set<string>;
  domains: Set<string>;
}

/** Every sector's companies, one seeded stream per sector (so a sector's companies do not depend on another's). */
function buildCompanies(seed: number, scale: number, pools: Map<string, ExtractRow[]>): WorldCompany[] {
  const companies: WorldCompany[] = [];
  const used: UsedNames = { names: new Set(), domains: new Set() };
  for (const sector of SECTORS) {
    const rng = new Rng(seed, hash32(`company:${sector.name}`));
    const count = Math.max(1, Math.round(sector.companies * scale));
    const countryNames = Object.keys(sector.countries);
    const countryWeights = countryNames.map((c) => sector.countries[c] as number);
    for (let i = 0; i < count; i++) {
      const country = COUNTRY_BY_NAME.get(
        countryNames[rng.weightedIndex(countryWeights)] as string,
      ) as CountryDef;
      const pool = pools.get(`${sector.name}|${country.name}`);
      const real = pool && pool.length ? (pool.pop() as ExtractRow) : null;
      companies.push(buildCompany(rng, { idx: companies.length, sector, country, real, used }));
    }
  }
  return companies;
}

interface CompanySeed {
  idx: number;
  sector: SectorDef;
  country: CountryDef;
  /** The extract row the company takes its name and place from, or null for a synthetic one. */
  real: ExtractRow | null;
  used: UsedNames;
}

/**
 * One company. The order of the rng calls below is the world's identity (tests pin its digest):
 * name, size, place, sites, labels, keywords, finances, hiring, then the fields drawn in the literal.
 */
function buildCompany(rng: Rng, s: CompanySeed): WorldCompany {
  const { sector, country, real } = s;
  const name = companyName(rng, s);
  const domain = companyDomain(name, s);
  const size = lognormalSize(rng, sector.sizeMedian, sector.sizeSigma);
  const { city, state } = companyPlace(rng, country, real);
  const hq = address(rng, city, state, country);
  const locations = companySites(rng, sector, country, size, {
    kind: 'headquarters',
    city,
    state,
    country: country.name,
    raw_address: hq.raw,
  });
  const { industry, industries } = industryLabels(rng, sector);
  const keywords = companyKeywords(rng, sector, locations);
  const finances = companyFinances(rng, s, size);
  const description =
    real && real[10]
      ? real[10]
      : `${name} ${sector.blurb}${locations.length > 1 ? ` from ${locations.length} sites` : ''}, headquartered in ${city}, ${country.name}.`;
  const job_postings_count = openJobs(rng, size);
  return {
    idx: s.idx,
    id: rng.hexId(),
    name,
    primary_domain: domain,
    website_url: `http://www.${domain}`,
    linkedin_url: `http://www.linkedin.com/company/${slug(name, '-').slice(0, 60)}`,
    sector: sector.name,
    industry,
    industries,
    keywords,
    estimated_num_employees: size,
    country: country.name,
    state,
    city,
    street_address: hq.street,
    postal_code: hq.postal,
    raw_address: hq.raw,
    phone: rng.chance(0.7) ? phoneNumber(rng, country) : null,
    locations,
    departmental_head_count: headCounts(rng, sector, size),
    ...finances.funding,
    current_technologies: technologiesFor(rng, sector, size, country),
    annual_revenue: finances.annual_revenue,
    founded_year: finances.founded_year,
    short_description: description,
    job_postings_count,
    from_extract: real !== null,
  };
}

function phoneNumber(rng: Rng, country: CountryDef): string {
  return `${country.phonePrefix} ${rng.int(200, 989)} ${rng.int(100, 999)} ${rng.int(1000, 9999)}`;
}

/** The extract's name (numbered if taken) or a synthetic one, unique case-insensitively. */
function companyName(rng: Rng, { sector, country, real, used }: CompanySeed): string {
  let name = real ? real[0] : syntheticName(rng, sector, country);
  for (let n = 2; used.names.has(name.toLowerCase()); n++) {
    name = real ? `${real[0]} (${n})` : syntheticName(rng, sector, country);
    if (n > 6) name = `${syntheticName(rng, sector, country)} ${n}`;
  }
  used.names.add(name.toLowerCase());
  return name;
}

/** The extract's domain, or one made from the name; numbered when taken. */
function companyDomain(name: string, { country, real, used }: CompanySeed): string {
  let domain = real && real[1] ? real[1] : `${baseForDomain(name)}${country.tld}`;
  if (used.domains.has(domain)) {
    const base = baseForDomain(name);
    let n = 2;
    while (used.domains.has(`${base}${n}${country.tld}`)) n++;
    domain = `${base}${n}${country.tld}`;
  }
  used.domains.add(domain);
  return domain;
}

function companyPlace(
  rng: Rng,
  country: CountryDef,
  real: ExtractRow | null,
): { city: string; state: string } {
  if (real && real[5]) return { city: real[5], state: real[4] };
  const c = rng.pick(country.cities);
  return { city: c[0], state: c[1] };
}

/** Multi-site: more likely when large; manufacturers have plants, others offices/branches. */
function companySites(
  rng: Rng,
  sector: SectorDef,
  country: CountryDef,
  size: number,
  hq: SiteLocation,
): SiteLocation[] {
  const pMulti = size < 200 ? 0.1 : size < 1000 ? 0.4 : size < 5000 ? 0.7 : 0.9;
  const locations: SiteLocation[] = [hq];
  if (!rng.chance(pMulti)) return locations;
  const extra = rng.int(1, size > 5000 ? 6 : size > 1000 ? 4 : 2);
  for (let k = 0; k < extra; k++) {
    const abroad = rng.chance(0.2);
    const siteCountry = abroad ? rng.pick(COUNTRIES) : country;
    const [sc, ss] = rng.pick(siteCountry.cities);
    const kind: SiteLocation['kind'] =
      sector.group === 'manufacturing'
        ? rng.pick(['plant', 'plant', 'warehouse', 'office'] as const)
        : rng.pick(['office', 'branch'] as const);
    locations.push({
      kind,
      city: sc,
      state: ss,
      country: siteCountry.name,
      raw_address: address(rng, sc, ss, siteCountry).raw,
    });
  }
  return locations;
}

/** Industry labels with noise: some manufacturers only show up through their keywords. */
function industryLabels(rng: Rng, sector: SectorDef): { industry: string | null; industries: string[] } {
  let industry: string | null = sector.industry;
  let industries = [sector.industry];
  if (rng.chance(0.5) && sector.altIndustries.length > 1) {
    const alt = rng.pick(sector.altIndustries);
    if (alt !== sector.industry) industries.push(alt);
  }
  if (sector.group === 'manufacturing') {
    const r = rng.next();
    if (r < 0.07) {
      industry = rng.pick(GENERIC_INDUSTRIES);
      industries = [industry];
    } else if (r < 0.1) {
      industry = null;
      industries = [];
    }
  }
  return { industry, industries };
}

function companyKeywords(rng: Rng, sector: SectorDef, locations: SiteLocation[]): string[] {
  const kw = new Set<string>();
  const nk = rng.int(3, 6);
  for (let k = 0; k < nk; k++) kw.add(rng.pick(sector.keywords));
  if (sector.group === 'manufacturing' && rng.chance(0.3)) kw.add('manufacturing');
  if (locations.length > 2 && sector.group === 'manufacturing' && rng.chance(0.5))
    kw.add('multi-plant operations');
  return [...kw].sort();
}

function companyFinances(rng: Rng, { sector, country, real }: CompanySeed, size: number) {
  const revPerHead =
    sector.group === 'tech' ? rng.int(100, 260) : country.code === 'IN' ? rng.int(25, 80) : rng.int(120, 380);
  const annual_revenue = rng.chance(0.85) ? size * revPerHead * 1000 : null;
  const founded_year =
    real && real[6] ? real[6] : sector.group === 'tech' ? rng.int(1998, 2022) : rng.int(1900, 2018);
  return { annual_revenue, founded_year, funding: fundingFor(rng, sector, real) };
}

function openJobs(rng: Rng, size: number): number {
  const hiring = rng.chance(0.6);
  return hiring ? Math.max(1, Math.round((size / 150) * (0.3 + rng.next() * 2))) : 0;
}

/** What every company's people are drawn from: role pickers per sector, the fallback role. */
interface PeopleTables {
  pickers: Map<string, RolePicker>;
  sectorByName: Map<string, SectorDef>;
  fallback: RoleDef;
}

/** People, company by company, then shuffled so search results interleave companies. */
function buildPeople(seed: number, companies: WorldCompany[]): WorldPerson[] {
  const tables: PeopleTables = {
    pickers: new Map(SECTORS.map((s) => [s.name, pickerFor(s)])),
    sectorByName: new Map(SECTORS.map((s) => [s.name, s])),
    fallback: ROLES.find((r) => r.key === 'admin_assistant') as RoleDef,
  };
  const people: WorldPerson[] = [];
  for (const company of companies) {
    for (const person of peopleOf(seed, company, tables)) people.push(person);
  }
  new Rng(seed, hash32('people-order')).shuffle(people);
  return people;
}

/** What one company's people share: its seeded stream, its email pattern, the roles and addresses given out. */
interface Staff {
  rng: Rng;
  company: WorldCompany;
  picker: RolePicker;
  fallback: RoleDef;
  hqCountry: CountryDef;
  pattern: (typeof EMAIL_PATTERNS)[number];
  usedUnique: Set<string>;
  usedEmails: Set<string>;
}

/** A company's people, from its own seeded stream (people do not scale with `scale`: companies do). */
function peopleOf(seed: number, company: WorldCompany, tables: PeopleTables): WorldPerson[] {
  const rng = new Rng(seed, hash32(`people:${company.id}`));
  const sector = tables.sectorByName.get(company.sector) as SectorDef;
  const staff: Staff = {
    rng,
    company,
    picker: tables.pickers.get(sector.name) as RolePicker,
    fallback: tables.fallback,
    hqCountry: COUNTRY_BY_NAME.get(company.country) as CountryDef,
    pattern: EMAIL_PATTERNS[rng.weightedIndex(EMAIL_PATTERN_WEIGHTS)] as (typeof EMAIL_PATTERNS)[number],
    usedUnique: new Set(),
    usedEmails: new Set(),
  };
  const n = peopleCount(company.estimated_num_employees, 1);
  const people: WorldPerson[] = [];
  for (let i = 0; i < n; i++) people.push(buildPerson(staff));
  return people;
}

/** A role the company is big enough for, unique roles once; the fallback after six misses. */
function pickRole(staff: Staff): RoleDef {
  const { rng, picker, company, usedUnique } = staff;
  let role = staff.fallback;
  for (let attempt = 0; attempt < 6; attempt++) {
    const candidate = picker.roles[rng.cumulativeIndex(picker.cum)] as RoleDef;
    if ((candidate.minEmployees ?? 0) > company.estimated_num_employees) continue;
    if (candidate.unique && usedUnique.has(candidate.key)) continue;
    role = candidate;
    break;
  }
  if (role.unique) usedUnique.add(role.key);
  return role;
}

/** An address in the company's pattern, numbered when two people would share it. */
function personEmail(staff: Staff, first: string, last: string): string {
  let local = emailLocal(staff.pattern, first, last);
  for (let k = 2; staff.usedEmails.has(local); k++) local = `${emailLocal(staff.pattern, first, last)}${k}`;
  staff.usedEmails.add(local);
  return `${local}@${staff.company.primary_domain}`;
}

/** One person. As for companies, the order of the rng calls is the world's identity. */
function buildPerson(staff: Staff): WorldPerson {
  const { rng, company } = staff;
  const role = pickRole(staff);
  const site =
    company.locations.length > 1 && rng.chance(0.3)
      ? rng.pick(company.locations)
      : (company.locations[0] as SiteLocation);
  const siteCountry = COUNTRY_BY_NAME.get(site.country) ?? staff.hqCountry;
  const culture = rng.chance(0.1) ? rng.pick(COUNTRIES).names : siteCountry.names;
  const first = rng.pick(FIRST_NAMES[culture]);
  const last = rng.pick(LAST_NAMES[culture]);
  const lang: LocalLang | null =
    siteCountry.code === 'CA' ? (site.state === 'Quebec' ? 'fr' : null) : siteCountry.lang;
  const title = chooseTitle(rng, role, lang);
  const status = EMAIL_STATUSES[rng.cumulativeIndex(EMAIL_STATUS_CUM)] as EmailStatus;
  const email = status !== 'unavailable' ? personEmail(staff, first, last) : null;
  const id = rng.hexId();
  return {
    idx: 0,
    id,
    first_name: first,
    last_name: last,
    title,
    role: role.key,
    companyIdx: company.idx,
    city: site.city,
    state: site.state,
    country: site.country,
    email,
    email_status: status,
    linkedin_url: rng.chance(0.88)
      ? `http://www.linkedin.com/in/${slug(first, '-')}-${slug(last, '-')}-${id.slice(-6)}`
      : null,
    phone: rng.chance(0.35) ? phoneNumber(rng, siteCountry) : null,
    seniority: role.seniority,
    departments: role.departments,
    last_refreshed_at: new Date(REF_MS - rng.int(0, 400) * DAY - rng.int(0, DAY - 1)).toISOString(),
  };
}

/** Numbers people in their final order; distinct titles, referenced through titleIndex. */
function indexPeople(people: WorldPerson[]) {
  const titles: string[] = [];
  const titleIds = new Map<string, number>();
  const titleIndex = new Uint32Array(people.length);
  const personById = new Map<string, WorldPerson>();
  people.forEach((p, i) => {
    p.idx = i;
    let t = titleIds.get(p.title);
    if (t === undefined) {
      t = titles.length;
      titles.push(p.title);
      titleIds.set(p.title, t);
    }
    titleIndex[i] = t;
    personById.set(p.id, p);
  });
  return { titles, titleIndex, personById };
}

/** SHA-256 over every company and person, to prove that a seed gives a byte-identical world. */
export function worldDigest(world: World): string {
  const hash = createHash('sha256');
  for (const c of world.companies) hash.update(JSON.stringify(c));
  for (const p of world.people) hash.update(JSON.stringify(p));
  return hash.digest('hex');
}

export interface WorldStats {
  companies: number;
  people: number;
  companiesFromExtract: number;
  distinctTitles: number;
  bySector: Record<string, number>;
  byCountry: Record<string, number>;
  byRole: Record<string, number>;
  emailStatus: Record<string, number>;
  /** Manufacturers (12 ICP sectors) in the United States or India with 200–10,000 employees. */
  manufacturingUsIndia200to10k: number;
  /** SaaS/FinTech/HealthTech in US/UK/Canada with 50–500 employees. */
  saasUsUkCa50to500: number;
  buildMs: number;
}

export function worldStats(world: World): WorldStats {
  const count = (into: Record<string, number>, key: string) => (into[key] = (into[key] ?? 0) + 1);
  const bySector: Record<string, number> = {};
  const byCountry: Record<string, number> = {};
  const byRole: Record<string, number> = {};
  const emailStatus: Record<string, number> = {};
  let mfg = 0;
  let saas = 0;
  const mfgSectors = new Set(SECTORS.filter((s) => s.icp === 'manufacturing').map((s) => s.name));
  const saasSectors = new Set(SECTORS.filter((s) => s.icp === 'saas').map((s) => s.name));
  for (const c of world.companies) {
    count(bySector, c.sector);
    count(byCountry, c.country);
    const n = c.estimated_num_employees;
    if (
      mfgSectors.has(c.sector) &&
      (c.country === 'United States' || c.country === 'India') &&
      n >= 200 &&
      n <= 10_000
    )
      mfg++;
    if (
      saasSectors.has(c.sector) &&
      ['United States', 'United Kingdom', 'Canada'].includes(c.country) &&
      n >= 50 &&
      n <= 500
    )
      saas++;
  }
  for (const p of world.people) {
    count(byRole, p.role);
    count(emailStatus, p.email_status);
  }
  return {
    companies: world.companies.length,
    people: world.people.length,
    companiesFromExtract: world.companies.filter((c) => c.from_extract).length,
    distinctTitles: world.titles.length,
    bySector,
    byCountry,
    byRole,
    emailStatus,
    manufacturingUsIndia200to10k: mfg,
    saasUsUkCa50to500: saas,
    buildMs: world.buildMs,
  };
}
