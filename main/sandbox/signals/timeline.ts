/**
 * The buying-signal ground truth of the sandbox world: for every company, its buying windows
 * (periods when it is truly ready to buy) and the dated events the signal providers can see —
 * funding rounds, hiring surges, new executives, technology changes, news. Deterministic from the
 * world's seed; days are counted from the world's reference date (day 0 = WORLD_REFERENCE_DATE), so
 * an advanced sandbox clock reveals events dated later and lets old ones age out.
 *
 * The generative story, so the truth is not a copy of the signals: a window opens with a trigger
 * (a round, an expansion, a new leader, a re-platforming) and brings correlated events while it
 * lasts; outside windows companies still post routine jobs, swap web plumbing, win awards, and
 * some announce layoffs. Providers see only part of it (coverage, crawl lag), as real ones do.
 * The world's own Apollo `funding_events` are part of the story: each opens a window.
 */
import { Rng, hash32 } from '../prng';
import { SECTORS, type SectorGroup } from '../sectors';
import { WORLD_REFERENCE_DATE, asciiFold, type World, type WorldCompany, type WorldPerson } from '../world';

export const TIMELINE_FIRST_DAY = -540;
export const TIMELINE_LAST_DAY = 365;
const REF_MS = Date.parse(`${WORLD_REFERENCE_DATE}T00:00:00Z`);
const DAY = 86_400_000;

export type TriggerKind = 'funding' | 'hiring' | 'leadership' | 'tech' | 'news';

export interface BuyingWindow {
  startDay: number;
  endDay: number;
  trigger: TriggerKind;
}

export interface FundingRound {
  uuid: string;
  day: number;
  /** Apollo's printed stage ("Series B"), also used for Crunchbase's investment_type. */
  stage: string;
  amountUsd: number | null;
  investors: string[];
  /** Crunchbase knows ~90% of rounds (a hash decides which). */
  inCrunchbase: boolean;
  /** From the world's Apollo funding_events (Apollo knows it) or generated for the timeline. */
  fromApollo: boolean;
}

export interface Posting {
  id: string;
  title: string;
  postedDay: number;
  /** Last day the posting is open. */
  closedDay: number;
  relevantTo: 'production' | 'hr' | 'engineering' | 'sales' | 'office';
}

export interface TechChange {
  name: string;
  tag: string;
  /** First detected (adopted) or last detected (dropped). */
  day: number;
  change: 'adopted' | 'dropped';
}

export interface LeaderChange {
  day: number;
  title: string;
  personName: string;
  /** A world person at the company with a senior role, when there is one. */
  personId: string | null;
}

export type NewsTopicTruth =
  | 'new_site'
  | 'expansion'
  | 'acquisition'
  | 'funding'
  | 'leadership'
  | 'hiring'
  | 'layoffs'
  | 'closure'
  | 'noise';

export interface NewsStory {
  id: string;
  day: number;
  /** Minutes after midnight UTC, for pubDate. */
  minute: number;
  headline: string;
  publisher: string;
  publisherUrl: string;
  topic: NewsTopicTruth;
}

export interface CompanySignals {
  companyId: string;
  domain: string;
  name: string;
  permalink: string;
  windows: BuyingWindow[];
  funding: FundingRound[];
  postings: Posting[];
  tech: TechChange[];
  leaders: LeaderChange[];
  news: NewsStory[];
}

export function dayToIso(day: number): string {
  return new Date(REF_MS + day * DAY).toISOString().slice(0, 10);
}

export function dayOf(ms: number): number {
  return Math.floor((ms - REF_MS) / DAY);
}

export function dayStartMs(day: number): number {
  return REF_MS + day * DAY;
}

const GROUP_OF = new Map<string, SectorGroup>(SECTORS.map((s) => [s.name, s.group]));

const TRIGGER_WEIGHTS: Record<SectorGroup, [TriggerKind, number][]> = {
  tech: [
    ['funding', 0.35],
    ['hiring', 0.25],
    ['leadership', 0.2],
    ['tech', 0.15],
    ['news', 0.05],
  ],
  manufacturing: [
    ['news', 0.35],
    ['hiring', 0.3],
    ['leadership', 0.2],
    ['tech', 0.1],
    ['funding', 0.05],
  ],
  health: [
    ['hiring', 0.35],
    ['leadership', 0.25],
    ['news', 0.2],
    ['tech', 0.15],
    ['funding', 0.05],
  ],
  other: [
    ['hiring', 0.3],
    ['leadership', 0.25],
    ['news', 0.25],
    ['tech', 0.15],
    ['funding', 0.05],
  ],
};

const ROLE_TITLES: Record<Posting['relevantTo'], readonly string[]> = {
  production: [
    'Machine Operator',
    'Production Associate',
    'CNC Machinist',
    'Assembler',
    'Forklift Operator',
    'Quality Inspector',
    'Maintenance Technician',
    'Production Supervisor',
    'Warehouse Associate',
    'Welder',
    'Shift Lead - 2nd Shift',
    'Packaging Operator',
  ],
  hr: [
    'HR Generalist',
    'Recruiter',
    'Talent Acquisition Specialist',
    'HR Business Partner',
    'Payroll Specialist',
  ],
  engineering: [
    'Software Engineer',
    'Senior Backend Engineer',
    'Data Engineer',
    'Site Reliability Engineer',
    'Product Manager',
  ],
  sales: [
    'Account Executive',
    'Sales Development Representative',
    'Customer Success Manager',
    'Sales Manager',
  ],
  office: [
    'Accountant',
    'Office Manager',
    'Marketing Coordinator',
    'Customer Service Representative',
    'IT Support Specialist',
  ],
};

const CORE_ROLES: Record<SectorGroup, Posting['relevantTo'][]> = {
  manufacturing: ['production', 'production', 'production', 'hr'],
  tech: ['engineering', 'engineering', 'sales'],
  health: ['office', 'hr', 'office'],
  other: ['office', 'sales', 'hr'],
};

const LEADER_TITLES = [
  'VP of Operations',
  'Chief Operating Officer',
  'Director of Human Resources',
  'Chief Human Resources Officer',
  'Plant Manager',
  'VP of Manufacturing',
  'Chief Executive Officer',
  'Head of Talent Acquisition',
  'VP of Engineering',
  'Chief Financial Officer',
];
const ROUTINE_TITLES = ['Office Manager', 'Marketing Coordinator', 'Account Manager', 'Staff Accountant'];

const RELEVANT_TECH: { name: string; tag: string }[] = [
  { name: 'Workday', tag: 'widgets' },
  { name: 'Greenhouse', tag: 'widgets' },
  { name: 'Lever', tag: 'widgets' },
  { name: 'iCIMS', tag: 'widgets' },
  { name: 'SuccessFactors', tag: 'widgets' },
  { name: 'Salesforce', tag: 'analytics' },
  { name: 'HubSpot', tag: 'analytics' },
  { name: 'Marketo', tag: 'analytics' },
  { name: 'Shopify Plus', tag: 'shop' },
  { name: 'Zendesk', tag: 'widgets' },
  { name: 'SAP Commerce Cloud', tag: 'shop' },
];
const PLUMBING_TECH: { name: string; tag: string }[] = [
  { name: "Let's Encrypt", tag: 'ssl' },
  { name: 'jQuery 3.7', tag: 'javascript' },
  { name: 'Cloudflare', tag: 'cdn' },
  { name: 'Amazon CloudFront', tag: 'cdn' },
  { name: 'Bootstrap', tag: 'framework' },
  { name: 'Viewport Meta', tag: 'docinfo' },
];

const PUBLISHERS: [string, string][] = [
  ['Reuters', 'https://www.reuters.com'],
  ['Business Wire', 'https://www.businesswire.com'],
  ['PR Newswire', 'https://www.prnewswire.com'],
  ['The Business Journals', 'https://www.bizjournals.com'],
  ['IndustryWeek', 'https://www.industryweek.com'],
  ['Manufacturing Dive', 'https://www.manufacturingdive.com'],
  ['TechCrunch', 'https://techcrunch.com'],
  ['Yahoo Finance', 'https://finance.yahoo.com'],
  ['Local 8 News', 'https://www.local8now.com'],
];

const FIRST = ['Maria', 'James', 'Priya', 'Daniel', 'Aisha', 'Kenji', 'Laura', 'Tomás', 'Grace', 'Oliver'];
const LAST = ['Okafor', 'Schmidt', 'Patel', 'Nguyen', 'García', 'Kowalski', 'Brennan', 'Haddad', 'Lindqvist'];

function headline(
  rng: Rng,
  topic: NewsTopicTruth,
  c: WorldCompany,
  extra: { title?: string; person?: string; stage?: string; amount?: number | null },
): string {
  const city = c.locations[1]?.city ?? c.city;
  const n = rng.int(4, 60) * 10;
  const m = rng.int(5, 300);
  const pick = (xs: string[]) => rng.pick(xs);
  switch (topic) {
    case 'new_site':
      return pick([
        `${c.name} to open new plant in ${city}, creating ${n} jobs`,
        `${c.name} breaks ground on $${m} million facility in ${city}`,
        `${c.name} unveils new distribution center near ${city}`,
        `${c.name} picks ${city} for new manufacturing site`,
      ]);
    case 'expansion':
      return pick([
        `${c.name} expands production capacity at ${c.city} site`,
        `${c.name} adds second shift as orders surge`,
        `${c.name} announces $${m}M expansion of ${c.city} operations`,
        `${c.name} is doubling its ${c.city} footprint`,
      ]);
    case 'acquisition':
      return pick([
        `${c.name} acquires regional competitor in $${m}M deal`,
        `${c.name} completes acquisition of ${rng.pick(LAST)} Industries`,
        `${c.name} agrees to buy ${rng.pick(LAST)} Group`,
      ]);
    case 'funding': {
      const amount = extra.amount ? `$${Math.round(extra.amount / 1e6)}M` : `$${m}M`;
      return pick([
        `${c.name} raises ${amount} ${extra.stage ?? 'Series B'} to scale operations`,
        `${c.name} secures ${amount} in ${extra.stage ?? 'new'} funding`,
        `${c.name} closes ${amount} ${extra.stage ?? 'growth'} round led by ${rng.pick(['Accel', 'General Catalyst', 'Insight Partners', 'a16z'])}`,
      ]);
    }
    case 'leadership':
      return pick([
        `${c.name} names ${extra.person} ${extra.title}`,
        `${c.name} appoints ${extra.person} as ${extra.title}`,
        `${extra.person} joins ${c.name} as ${extra.title}`,
      ]);
    case 'hiring':
      return pick([
        `${c.name} to hire ${n} workers in ${c.city}`,
        `${c.name} holding job fair to fill ${n} positions`,
        `${c.name} plans to add ${n} jobs this year`,
      ]);
    case 'layoffs':
      return pick([
        `${c.name} to lay off ${n} workers at ${c.city} plant`,
        `${c.name} cuts ${rng.int(3, 15)}% of its workforce amid slowdown`,
        `${c.name} announces layoffs as demand weakens`,
      ]);
    case 'closure':
      return pick([
        `${c.name} to close ${city} facility`,
        `${c.name} will shut down ${city} plant by year-end`,
      ]);
    case 'noise':
      return pick([
        `${c.name} wins regional safety award`,
        `${c.name} sponsors local youth soccer league`,
        `${c.name} recognized as a top workplace for 2026`,
        `${c.name} publishes annual sustainability report`,
        `5 things to know about ${c.name}`,
        `${c.name} CEO to speak at industry conference`,
        `${c.name} employees volunteer at food bank`,
      ]);
  }
}

class Builder {
  readonly out: CompanySignals;
  private seq = 0;

  constructor(
    readonly rng: Rng,
    readonly c: WorldCompany,
    readonly group: SectorGroup,
    permalink: string,
    readonly seniors: { id: string; name: string; title: string }[],
  ) {
    this.out = {
      companyId: c.id,
      domain: c.primary_domain,
      name: c.name,
      permalink,
      windows: [],
      funding: [],
      postings: [],
      tech: [],
      leaders: [],
      news: [],
    };
  }

  id(prefix: string): string {
    return `${prefix}-${this.c.id.slice(0, 10)}-${(this.seq++).toString(36)}`;
  }

  story(day: number, topic: NewsTopicTruth, extra: Parameters<typeof headline>[3] = {}): void {
    const [publisher, publisherUrl] = this.rng.pick(PUBLISHERS);
    this.out.news.push({
      id: this.id('n'),
      day,
      minute: this.rng.int(0, 1439),
      headline: headline(this.rng, topic, this.c, extra),
      publisher,
      publisherUrl,
      topic,
    });
  }

  round(
    day: number,
    stage: string,
    amountUsd: number | null,
    investors: string[],
    fromApollo: boolean,
  ): void {
    this.out.funding.push({
      uuid: this.id('fr'),
      day,
      stage,
      amountUsd,
      investors,
      inCrunchbase: this.rng.chance(0.9),
      fromApollo,
    });
    if (this.rng.chance(0.5)) this.story(day + this.rng.int(0, 3), 'funding', { stage, amount: amountUsd });
  }

  postings(fromDay: number, toDay: number, count: number, roles: Posting['relevantTo'][]): void {
    for (let i = 0; i < count; i++) {
      const relevantTo = this.rng.pick(roles);
      const postedDay = this.rng.int(fromDay, toDay);
      this.out.postings.push({
        id: this.id('job'),
        title: this.rng.pick(ROLE_TITLES[relevantTo]),
        postedDay,
        closedDay: postedDay + this.rng.int(20, 75),
        relevantTo,
      });
    }
  }

  leader(day: number, title: string): void {
    const senior = this.seniors.length && this.rng.chance(0.7) ? this.rng.pick(this.seniors) : null;
    const personName = senior?.name ?? `${this.rng.pick(FIRST)} ${this.rng.pick(LAST)}`;
    this.out.leaders.push({ day, title: senior?.title ?? title, personName, personId: senior?.id ?? null });
    // Routine hires make no headlines (and are no leadership signal).
    if (!ROUTINE_TITLES.includes(title) && this.rng.chance(0.4))
      this.story(day + this.rng.int(0, 10), 'leadership', {
        title: senior?.title ?? title,
        person: personName,
      });
  }

  techChange(day: number, pool: { name: string; tag: string }[]): void {
    const t = this.rng.pick(pool);
    this.out.tech.push({ ...t, day, change: this.rng.chance(0.75) ? 'adopted' : 'dropped' });
  }
}

function windowEvents(b: Builder, w: BuyingWindow): void {
  const { rng } = b;
  const len = w.endDay - w.startDay;
  const within = () => w.startDay + rng.int(0, Math.max(0, Math.floor(len * 0.6)));
  const core = CORE_ROLES[b.group];
  const size = b.c.estimated_num_employees;
  const surge = () =>
    b.postings(
      w.startDay,
      w.startDay + Math.floor(len * 0.7),
      Math.max(4, Math.round(rng.int(4, 14) * Math.min(3, 1 + size / 2000))),
      core,
    );
  switch (w.trigger) {
    case 'funding': {
      const stage =
        b.group === 'tech'
          ? rng.pick(['Series A', 'Series B', 'Series C'])
          : rng.pick(['Private Equity', 'Debt Financing']);
      b.round(
        w.startDay,
        stage,
        rng.int(3, 80) * 1e6,
        [rng.pick(['Accel', 'Insight Partners', 'Lakeside Equity', 'Bluefield Capital'])],
        false,
      );
      break;
    }
    case 'hiring':
      surge();
      break;
    case 'leadership':
      b.leader(w.startDay, rng.pick(LEADER_TITLES));
      break;
    case 'tech':
      b.techChange(w.startDay, RELEVANT_TECH);
      break;
    case 'news':
      b.story(w.startDay, rng.pick(['new_site', 'expansion', 'acquisition'] as const));
      break;
  }
  // What a window brings while it lasts.
  if (w.trigger !== 'hiring' && rng.chance(0.65)) surge();
  if (w.trigger !== 'news' && rng.chance(0.35))
    b.story(within(), rng.pick(['expansion', 'new_site', 'hiring', 'acquisition'] as const));
  if (w.trigger !== 'leadership' && rng.chance(0.3)) b.leader(within(), rng.pick(LEADER_TITLES));
  if (w.trigger !== 'tech' && rng.chance(0.3)) b.techChange(within(), RELEVANT_TECH);
}

/** Routine life outside windows: a trickle of jobs, web plumbing, small news, some bad news. */
function backgroundEvents(b: Builder, windows: BuyingWindow[]): void {
  const { rng, c } = b;
  const span = TIMELINE_LAST_DAY - TIMELINE_FIRST_DAY;
  const inAny = (d: number) => windows.some((w) => d >= w.startDay - 30 && d <= w.endDay + 30);
  const outside = () => {
    for (let i = 0; i < 20; i++) {
      const d = rng.int(TIMELINE_FIRST_DAY, TIMELINE_LAST_DAY);
      if (!inAny(d)) return d;
    }
    return null;
  };
  // Apollo's job_postings_count is the company's usual number of open jobs; postings last ~45 days.
  const usual = c.job_postings_count;
  const routine = Math.round((usual * span) / 45 / 3);
  const roles = [...CORE_ROLES[b.group], 'office', 'office', 'sales'] as Posting['relevantTo'][];
  for (let i = 0; i < Math.min(routine, 150); i++)
    b.postings(TIMELINE_FIRST_DAY, TIMELINE_LAST_DAY, 1, roles);
  for (let i = rng.int(1, 4); i > 0; i--)
    b.techChange(rng.int(TIMELINE_FIRST_DAY, TIMELINE_LAST_DAY), PLUMBING_TECH);
  const relevantSwaps = rng.chance(0.2) ? 1 : 0;
  for (let i = 0; i < relevantSwaps; i++) {
    const d = outside();
    if (d !== null) b.techChange(d, RELEVANT_TECH);
  }
  if (rng.chance(0.15)) {
    const d = outside();
    if (d !== null) b.leader(d, rng.pick(ROUTINE_TITLES));
  }
  for (let i = rng.int(0, 3); i > 0; i--) b.story(rng.int(TIMELINE_FIRST_DAY, TIMELINE_LAST_DAY), 'noise');
  if (rng.chance(0.06)) {
    const d = outside();
    if (d !== null) b.story(d, rng.chance(0.7) ? 'layoffs' : 'closure');
  }
}

function windowsFor(rng: Rng, c: WorldCompany, group: SectorGroup): BuyingWindow[] {
  const windows: BuyingWindow[] = [];
  const overlaps = (s: number, e: number) => windows.some((w) => s <= w.endDay + 60 && e >= w.startDay - 60);
  // The world's Apollo rounds open windows: a raise is the classic moment to sell.
  for (const f of c.funding_events) {
    const day = dayOf(Date.parse(f.date));
    if (day < TIMELINE_FIRST_DAY || day > TIMELINE_LAST_DAY) continue;
    const s = day;
    const e = day + rng.int(120, 210);
    if (!overlaps(s, e)) windows.push({ startDay: s, endDay: e, trigger: 'funding' });
  }
  const k = rng.weightedIndex([0.5, 0.38, 0.12]);
  for (let i = 0; i < k; i++) {
    const len = rng.int(90, 180);
    const s = rng.int(-300, TIMELINE_LAST_DAY - 60);
    if (overlaps(s, s + len)) continue;
    const weights = TRIGGER_WEIGHTS[group];
    const trigger = weights[rng.weightedIndex(weights.map((w) => w[1]))]?.[0] ?? 'hiring';
    windows.push({ startDay: s, endDay: s + len, trigger });
  }
  return windows.sort((a, b) => a.startDay - b.startDay);
}

function permalinkBase(name: string): string {
  return (
    asciiFold(name)
      .toLowerCase()
      .replace(/&/g, 'and')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'company'
  );
}

export interface SignalWorld {
  world: World;
  /** Crunchbase-style permalink → company. */
  byPermalink: Map<string, WorldCompany>;
  permalinkOf: Map<string, string>;
  /** Lower-cased ASCII-folded company name → company (for news queries). */
  byName: Map<string, WorldCompany>;
  /** The company's timeline, built on first use and kept. */
  of(company: WorldCompany): CompanySignals;
}

const cache = new WeakMap<World, SignalWorld>();

const SENIOR = new Set(['vp', 'c_suite', 'director', 'head']);

/** The world's signal timelines: indexes now, each company's timeline when first asked for. */
export function getSignalWorld(world: World): SignalWorld {
  const hit = cache.get(world);
  if (hit) return hit;
  const seniors = new Map<number, { id: string; name: string; title: string }[]>();
  for (const p of world.people) {
    if (!SENIOR.has(p.seniority)) continue;
    let list = seniors.get(p.companyIdx);
    if (!list) seniors.set(p.companyIdx, (list = []));
    list.push({ id: p.id, name: `${p.first_name} ${p.last_name}`, title: p.title });
  }
  const byPermalink = new Map<string, WorldCompany>();
  const permalinkOf = new Map<string, string>();
  const byName = new Map<string, WorldCompany>();
  for (const c of world.companies) {
    let permalink = permalinkBase(c.name);
    for (let n = 2; byPermalink.has(permalink); n++) permalink = `${permalinkBase(c.name)}-${n}`;
    byPermalink.set(permalink, c);
    permalinkOf.set(c.id, permalink);
    byName.set(asciiFold(c.name).toLowerCase(), c);
  }
  const built = new Map<string, CompanySignals>();
  const of = (c: WorldCompany): CompanySignals => {
    let s = built.get(c.id);
    if (!s)
      built.set(
        c.id,
        (s = buildCompany(world, c, permalinkOf.get(c.id) as string, seniors.get(c.idx) ?? [])),
      );
    return s;
  };
  const sw: SignalWorld = { world, byPermalink, permalinkOf, byName, of };
  cache.set(world, sw);
  return sw;
}

function buildCompany(
  world: World,
  c: WorldCompany,
  permalink: string,
  seniors: { id: string; name: string; title: string }[],
): CompanySignals {
  const group = GROUP_OF.get(c.sector) ?? 'other';
  const rng = new Rng(world.seed, hash32(`signals:${c.id}`));
  const b = new Builder(rng, c, group, permalink, seniors);
  const windows = windowsFor(rng, c, group);
  b.out.windows = windows;
  for (const f of c.funding_events) {
    const day = dayOf(Date.parse(f.date));
    b.round(day, f.type, parseAmount(f.amount), f.investors ? [f.investors] : [], true);
  }
  for (const w of windows)
    if (!(w.trigger === 'funding' && b.out.funding.some((f) => f.day === w.startDay))) windowEvents(b, w);
  backgroundEvents(b, windows);
  b.out.news.sort((x, y) => y.day - x.day || y.minute - x.minute);
  return b.out;
}

function parseAmount(amount: string | null): number | null {
  const m = /^([\d.]+)([KMB])?$/.exec(amount ?? '');
  if (!m) return null;
  const unit = m[2] === 'B' ? 1e9 : m[2] === 'M' ? 1e6 : m[2] === 'K' ? 1e3 : 1;
  return Number(m[1]) * unit;
}

/** Whether the company is truly in a buying window on `day`, and which one. */
export function windowAt(s: CompanySignals, day: number): BuyingWindow | null {
  return s.windows.find((w) => day >= w.startDay && day <= w.endDay) ?? null;
}

/** Open postings on `day`, in Apollo's `organization_job_postings[]` shape. */
export function jobPostingsAt(s: CompanySignals, day: number, company: WorldCompany) {
  return s.postings
    .filter((p) => p.postedDay <= day && p.closedDay >= day)
    .sort((a, b) => b.postedDay - a.postedDay)
    .map((p) => ({
      id: p.id,
      title: p.title,
      url: `https://jobs.${s.domain}/${p.id}`,
      city: company.city,
      state: company.state,
      country: company.country,
      posted_at: `${dayToIso(p.postedDay)}T00:00:00.000+00:00`,
      last_seen_at: `${dayToIso(day)}T00:00:00.000+00:00`,
    }));
}

/** New target-tier leaders as Apollo `employment_history` entries, for people who started by `day`. */
export function leaderHistoryAt(s: CompanySignals, day: number) {
  return s.leaders
    .filter((l) => l.day <= day)
    .map((l) => ({
      personId: l.personId,
      personName: l.personName,
      employment_history: [
        {
          organization_id: s.companyId,
          organization_name: s.name,
          title: l.title,
          start_date: dayToIso(l.day),
          end_date: null,
          current: true,
        },
      ],
    }));
}

/** When the person's current role started, if the timeline made them a leader there by `day`. */
export function roleSinceAt(s: CompanySignals, personId: string, day: number): string | null {
  let since: number | null = null;
  for (const l of s.leaders)
    if (l.personId === personId && l.day <= day && (since === null || l.day > since)) since = l.day;
  return since === null ? null : dayToIso(since);
}

/**
 * What the Apollo sandbox reads from the timeline on the signal sandbox's day: open jobs and new
 * leaders' start dates, so hiring and leadership seen through Apollo agree with the truth.
 */
export function apolloTimeline(day: () => number) {
  return {
    jobPostings: (w: World, c: WorldCompany) => jobPostingsAt(getSignalWorld(w).of(c), day(), c),
    roleSince: (w: World, p: WorldPerson) =>
      roleSinceAt(getSignalWorld(w).of(w.companies[p.companyIdx] as WorldCompany), p.id, day()),
  };
}
