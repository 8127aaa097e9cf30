/**
 * Facts the real Apollo answers carry that the world does not store, derived from each record's id
 * with its own PRNG stream: the world (and its digest) stays as it is, and every fact is the same
 * for the same seed. Hiring, multi-site and email truth stay consistent with the world:
 * job postings are exactly `job_postings_count`, suborganizations and retail locations come from
 * the extra sites, and catch-all domains and live mailboxes are mail-truth.ts's (the Hunter
 * sandbox's too).
 */
import { COUNTRY_BY_NAME } from './geo';
import { Rng, hash32 } from './prng';
import { isCatchAllDomain, mailboxAlive } from './mail-truth';
import { SECTORS } from './sectors';
import { WORLD_REFERENCE_DATE, type World, type WorldCompany, type WorldPerson } from './world';

const REF_MS = Date.parse(`${WORLD_REFERENCE_DATE}T00:00:00Z`);
const DAY = 86_400_000;

/** The world's one catch-all share (mail-truth.ts says where the figure comes from). */
export { CATCH_ALL_SHARE as CATCHALL_SHARE } from './mail-truth';

const rngFor = (world: World, kind: string, id: string) => new Rng(world.seed, hash32(`${kind}:${id}`));

export function printMoney(n: number): string {
  return n >= 1e9
    ? `${(n / 1e9).toFixed(1)}B`
    : n >= 1e6
      ? `${(n / 1e6).toFixed(1)}M`
      : `${Math.round(n / 1e3)}K`;
}

export interface CompanyFacts {
  catchall: boolean;
  hiring: boolean;
  growth: { six: number | null; twelve: number | null; twentyFour: number | null };
  linkedinUid: string;
  languages: string[];
  alexaRanking: number | null;
  publiclyTraded: { symbol: string; exchange: string } | null;
  suborganizations: { id: string; name: string; website_url: string | null }[];
  retailLocationCount: number;
  industryTagId: string | null;
}

const LANGUAGE: Record<string, string> = {
  en: 'English',
  in: 'English',
  de: 'German',
  es: 'Spanish',
  pt: 'Portuguese',
  fr: 'French',
};

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

function growthOf(rng: Rng, c: WorldCompany, hiring: boolean): CompanyFacts['growth'] {
  if (c.estimated_num_employees < 20 && rng.chance(0.5)) return { six: null, twelve: null, twentyFour: null };
  // Companies with open jobs tend to grow; the rest are flat or shrinking.
  const twelve = hiring ? 0.01 + rng.next() * 0.22 : -0.09 + rng.next() * 0.11;
  return {
    six: round4(twelve * (0.35 + rng.next() * 0.3)),
    twelve: round4(twelve),
    twentyFour: round4(twelve * (1.5 + rng.next() * 0.6)),
  };
}

function suborganizationsOf(world: World, rng: Rng, c: WorldCompany): CompanyFacts['suborganizations'] {
  const extra = c.locations.slice(1);
  if (extra.length === 0 || !rng.chance(0.65)) return [];
  // Sites abroad are separate legal entities; some domestic plants are too.
  const entities = extra.filter((s) => s.country !== c.country || rng.chance(0.4));
  const base = c.name.replace(/\s*\(\d+\)$/, '');
  return entities.map((s) => ({
    id: rngFor(world, 'suborg', `${c.id}:${s.raw_address}`).hexId(),
    name: `${base} ${s.country === c.country ? s.city : s.country}`,
    website_url: null,
  }));
}

const factCache = new WeakMap<World, Map<string, CompanyFacts>>();

export function companyFacts(world: World, c: WorldCompany): CompanyFacts {
  let cache = factCache.get(world);
  if (!cache) factCache.set(world, (cache = new Map()));
  let facts = cache.get(c.id);
  if (!facts) cache.set(c.id, (facts = deriveCompanyFacts(world, c)));
  return facts;
}

function deriveCompanyFacts(world: World, c: WorldCompany): CompanyFacts {
  const rng = rngFor(world, 'facts', c.id);
  const hiring = c.job_postings_count > 0;
  const country = COUNTRY_BY_NAME.get(c.country);
  const traded =
    c.estimated_num_employees >= 5000 && rng.chance(0.35)
      ? {
          symbol: c.name
            .replace(/[^A-Za-z]/g, '')
            .slice(0, 4)
            .toUpperCase(),
          exchange: country?.code === 'IN' ? 'nse' : rng.pick(['nyse', 'nasdaq']),
        }
      : null;
  // The draw that once decided catch-all is still taken, so every fact after it stays as it was.
  rng.next();
  return {
    catchall: isCatchAllDomain(world, c.primary_domain),
    hiring,
    growth: growthOf(rng, c, hiring),
    linkedinUid: String(rng.int(1_000_000, 99_999_999)),
    languages: [LANGUAGE[country?.names ?? 'en'] ?? 'English'],
    alexaRanking: c.estimated_num_employees > 2000 && rng.chance(0.5) ? rng.int(5_000, 2_000_000) : null,
    publiclyTraded: traded,
    suborganizations: suborganizationsOf(world, rng, c),
    retailLocationCount: c.locations.filter((l) => l.kind === 'branch').length,
    industryTagId: c.industry ? rngFor(world, 'industry-tag', c.industry).hexId() : null,
  };
}

export interface EmailFacts {
  catchall: boolean;
  /** Ground truth: mail to this address reaches nobody (a dead mailbox; a catch-all server hides it). */
  bounces: boolean;
  extrapolatedConfidence: number | null;
}

/**
 * What the world says of a person's Apollo address: the domain's catch-all flag and whether the
 * mailbox is alive (mail-truth.ts, the same truth the Hunter sandbox answers from).
 */
export function emailFacts(world: World, p: WorldPerson): EmailFacts {
  const c = world.companies[p.companyIdx] as WorldCompany;
  const catchall = isCatchAllDomain(world, c.primary_domain);
  const rng = rngFor(world, 'email', p.id);
  rng.next(); // the draw that once decided bounces: kept so the confidence below stays as it was
  const guessed = p.email !== null && p.email_status !== 'verified';
  return {
    catchall,
    bounces: p.email !== null && !mailboxAlive(world, p),
    extrapolatedConfidence: guessed ? Math.round((0.4 + rng.next() * 0.55) * 100) / 100 : null,
  };
}

const POSTING_TITLES: Record<string, readonly string[]> = {
  manufacturing: [
    'Machine Operator',
    'Production Supervisor',
    'Quality Inspector',
    'Maintenance Technician',
    'CNC Machinist',
    'Assembler',
    'Forklift Operator',
    'Process Engineer',
    'Warehouse Associate',
    'Welder',
    'Shift Lead',
    'HR Generalist',
  ],
  tech: [
    'Software Engineer',
    'Senior Backend Engineer',
    'Account Executive',
    'Customer Success Manager',
    'Product Designer',
    'Data Analyst',
    'Site Reliability Engineer',
    'Sales Development Representative',
  ],
  health: [
    'Registered Nurse',
    'Medical Assistant',
    'Patient Care Technician',
    'Pharmacy Technician',
    'Billing Specialist',
    'Physical Therapist',
  ],
  other: [
    'Sales Associate',
    'Operations Coordinator',
    'Customer Service Representative',
    'Driver',
    'Accountant',
    'Project Manager',
  ],
};

export interface WorldPosting {
  id: string;
  title: string;
  url: string;
  city: string;
  state: string;
  country: string;
  posted_at: string;
  last_seen_at: string;
}

/** A company's open jobs: exactly job_postings_count of them, newest first, at its sites. */
const GROUP_OF = new Map(SECTORS.map((s) => [s.name, s.group as string]));

export function jobPostingsOf(world: World, c: WorldCompany): WorldPosting[] {
  const rng = rngFor(world, 'postings', c.id);
  const titles = POSTING_TITLES[GROUP_OF.get(c.sector) ?? 'other'] ?? POSTING_TITLES.other!;
  const out: WorldPosting[] = [];
  for (let i = 0; i < c.job_postings_count; i++) {
    const site = rng.chance(0.7) ? c.locations[0]! : rng.pick(c.locations);
    const posted = REF_MS - rng.int(1, 120) * DAY;
    const seen = Math.min(REF_MS, posted + rng.int(0, 30) * DAY);
    const id = rng.hexId();
    out.push({
      id,
      title: rng.pick(titles),
      url: `https://jobs.${c.primary_domain}/openings/${id.slice(-8)}`,
      city: site.city,
      state: site.state,
      country: site.country,
      posted_at: new Date(posted).toISOString().replace('Z', '+00:00'),
      last_seen_at: new Date(seen).toISOString().replace('Z', '+00:00'),
    });
  }
  return out.sort((a, b) => (a.posted_at < b.posted_at ? 1 : a.posted_at > b.posted_at ? -1 : 0));
}
