/**
 * Buying signals (seed 001, issue 13): dated events that say "why now", each with its source,
 * evidence and link, and the pure extraction of them from data the providers already return
 * (Apollo's ORG funding fields, headcount growth, job postings, a person's employment history;
 * BuiltWith technologies; news headlines). No I/O here: callers pass the data and the clock.
 */

export const SIGNAL_KINDS = ['funding', 'hiring', 'leadership', 'tech', 'news'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/** Who a signal is about: a company (by domain and/or provider id), optionally one person there. */
export interface SignalSubject {
  companyDomain: string | null;
  companyId: string | null;
  personId: string | null;
}

export interface SignalEvent {
  kind: SignalKind;
  /** When it happened (ISO day, UTC). */
  date: string;
  /** Which provider said so: apollo, crunchbase, builtwith, news, … */
  source: string;
  /** A sentence a salesperson can read ("Raised $20M Series B led by Accel"). */
  evidence: string;
  /** Where to check it, when the source gives one. */
  link: string | null;
  subject: SignalSubject;
  /** The short phrase "why now" uses ("Series B", "14 production openings", "new VP Ops"). */
  label: string;
  /** 0..1: how strong this instance is (a $2M seed vs a $100M round, 2 vs 40 openings). */
  strength: number;
  /** -1 for signals that close a window (layoffs, a plant closing). */
  polarity: 1 | -1;
}

const DAY = 86_400_000;

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Days from `date` to `now` (negative when the date is in the future); NaN when unreadable. */
export function ageInDays(date: string, now: Date): number {
  const t = Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date);
  return (now.getTime() - t) / DAY;
}

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));

// ---------------------------------------------------------------------------------------------
// Funding (Apollo ORG: funding_events[], latest_funding_stage, latest_funding_round_date)
// ---------------------------------------------------------------------------------------------

/** The part of Apollo's ORG the funding extraction reads (all optional: real ORGs leave them out). */
export interface ApolloFundingFields {
  id?: string | null;
  primary_domain?: string | null;
  latest_funding_stage?: string | null;
  latest_funding_round_date?: string | null;
  funding_events?:
    | {
        id?: string | null;
        date?: string | null;
        type?: string | null;
        investors?: string | null;
        amount?: string | null;
        currency?: string | null;
        news_url?: string | null;
      }[]
    | null;
}

/** Apollo prints amounts as "100M", "2.5B", "750K"; returns dollars or null. */
export function parsePrintedAmount(amount: string | null | undefined): number | null {
  const m = /^\s*\$?\s*([\d.,]+)\s*([KMB])?\s*$/i.exec(amount ?? '');
  if (!m) return null;
  const n = Number((m[1] as string).replace(/,/g, ''));
  if (!Number.isFinite(n)) return null;
  const unit = (m[2] ?? '').toUpperCase();
  return n * (unit === 'B' ? 1e9 : unit === 'M' ? 1e6 : unit === 'K' ? 1e3 : 1);
}

/** A round's strength grows with its size on a log scale: $1M → 0.4, $10M → 0.7, $100M+ → 1. */
export function fundingStrength(amountUsd: number | null): number {
  if (amountUsd === null || amountUsd <= 0) return 0.6;
  return clamp01(0.4 + 0.3 * Math.log10(amountUsd / 1e6));
}

export function formatMoney(usd: number): string {
  if (usd >= 1e9) return `$${(usd / 1e9).toFixed(1).replace(/\.0$/, '')}B`;
  if (usd >= 1e6) return `$${Math.round(usd / 1e6)}M`;
  return `$${Math.round(usd / 1e3)}K`;
}

/** Every dated funding event of an Apollo ORG (falls back to latest_funding_* when the list is empty). */
export function fundingSignalsFromApollo(org: ApolloFundingFields): SignalEvent[] {
  const subject: SignalSubject = {
    companyDomain: org.primary_domain ?? null,
    companyId: org.id ?? null,
    personId: null,
  };
  const events = (org.funding_events ?? []).filter((e) => e.date);
  if (events.length === 0 && org.latest_funding_round_date) {
    const stage = org.latest_funding_stage ?? 'Funding round';
    return [
      {
        kind: 'funding',
        date: org.latest_funding_round_date.slice(0, 10),
        source: 'apollo',
        evidence: `${stage} (Apollo's latest funding round)`,
        link: null,
        subject,
        label: stage,
        strength: fundingStrength(null),
        polarity: 1,
      },
    ];
  }
  return events.map((e) => {
    const stage = e.type?.trim() || 'Funding round';
    const usd = parsePrintedAmount(e.amount);
    const money = usd !== null ? ` of ${formatMoney(usd)}` : '';
    const by = e.investors?.trim() ? ` from ${e.investors.trim()}` : '';
    return {
      kind: 'funding' as const,
      date: (e.date as string).slice(0, 10),
      source: 'apollo',
      evidence: `${stage}${money}${by}`,
      link: e.news_url ?? null,
      subject,
      label: stage,
      strength: fundingStrength(usd),
      polarity: 1 as const,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Hiring (Apollo: organization_headcount_*_growth, GET /organizations/{id}/job_postings)
// ---------------------------------------------------------------------------------------------

export interface ApolloGrowthFields {
  id?: string | null;
  primary_domain?: string | null;
  organization_headcount_six_month_growth?: number | null;
  organization_headcount_twelve_month_growth?: number | null;
  organization_headcount_twenty_four_month_growth?: number | null;
}

/**
 * Apollo's growth figures are fractions (0.12 = +12%). Six-month growth of 10% or more is a hiring
 * signal dated when it was read (the figure has no date of its own); shrinking 10%+ closes windows.
 */
export function headcountGrowthSignal(org: ApolloGrowthFields, readOn: Date): SignalEvent | null {
  const six = org.organization_headcount_six_month_growth;
  const twelve = org.organization_headcount_twelve_month_growth;
  const g = typeof six === 'number' ? six : typeof twelve === 'number' ? twelve / 2 : null;
  if (g === null || Math.abs(g) < 0.1) return null;
  const pct = Math.round(g * 100);
  const grew = g > 0;
  return {
    kind: 'hiring',
    date: isoDay(readOn.getTime()),
    source: 'apollo',
    evidence: `Headcount ${grew ? 'grew' : 'shrank'} ${Math.abs(pct)}% in ${typeof six === 'number' ? 'six' : 'twelve'} months (Apollo)`,
    link: null,
    subject: { companyDomain: org.primary_domain ?? null, companyId: org.id ?? null, personId: null },
    label: `headcount ${grew ? '+' : '−'}${Math.abs(pct)}%`,
    strength: clamp01(Math.abs(g) / 0.3),
    polarity: grew ? 1 : -1,
  };
}

export interface JobPosting {
  id?: string | null;
  title?: string | null;
  url?: string | null;
  city?: string | null;
  country?: string | null;
  posted_at?: string | null;
  last_seen_at?: string | null;
}

export interface JobPostingOptions {
  now: Date;
  subject: SignalSubject;
  /** Which openings matter to this seller (a staffing seller: production and HR roles). */
  isRelevant: (title: string) => boolean;
  /** How the relevant roles are called in why-now ("production", "engineering"). */
  relevantLabel?: string;
  /** Openings counted as new when posted within this many days. Default 30. */
  recentDays?: number;
}

/**
 * One hiring signal from a company's open jobs: how many, how many relevant, how many appeared in
 * the last month (a surge). Dated at the newest relevant posting; null when nothing relevant is open.
 */
export function jobPostingSignal(postings: readonly JobPosting[], o: JobPostingOptions): SignalEvent | null {
  const recentDays = o.recentDays ?? 30;
  const open = postings.filter((p) => p.title && p.posted_at && ageInDays(p.posted_at, o.now) >= 0);
  const relevant = open.filter((p) => o.isRelevant(p.title as string));
  if (relevant.length === 0) return null;
  const recent = relevant.filter((p) => ageInDays(p.posted_at as string, o.now) <= recentDays);
  const newest = relevant.reduce((a, b) => ((a.posted_at as string) > (b.posted_at as string) ? a : b));
  const what = o.relevantLabel ? `${o.relevantLabel} openings` : 'relevant openings';
  const n = relevant.length;
  // Volume and pace both count: 10 relevant openings, half of them new this month, is a full signal.
  const strength = clamp01(0.5 * clamp01(n / 10) + 0.5 * clamp01(recent.length / 5));
  return {
    kind: 'hiring',
    date: (newest.posted_at as string).slice(0, 10),
    source: 'apollo',
    evidence: `${n} ${what} of ${open.length} open jobs; ${recent.length} posted in the last ${recentDays} days (e.g. "${newest.title}")`,
    link: newest.url ?? null,
    subject: o.subject,
    label: `${n} ${what}`,
    strength,
    polarity: 1,
  };
}

// ---------------------------------------------------------------------------------------------
// Leadership (Apollo person: employment_history[] with start_date, current)
// ---------------------------------------------------------------------------------------------

export interface EmploymentEntry {
  organization_id?: string | null;
  organization_name?: string | null;
  title?: string | null;
  start_date?: string | null;
  end_date?: string | null;
  current?: boolean | null;
}

export interface LeadershipOptions {
  now: Date;
  personId: string;
  subject: Omit<SignalSubject, 'personId'>;
  /** The person's tier under the ICP: only target-tier people (T1/T2/T3) make a signal. */
  tierOf: (title: string) => string | null;
  /** Default 365: a new decision-maker's first year is when budgets get re-decided. */
  withinDays?: number;
}

/** Short forms for why-now: "Vice President of Operations" → "VP Ops". */
export function shortTitle(title: string): string {
  return title
    .replace(/\bVice[- ]President\b/gi, 'VP')
    .replace(/\bSenior\b/gi, 'Sr')
    .replace(/\bOperations\b/gi, 'Ops')
    .replace(/\bHuman Resources\b/gi, 'HR')
    .replace(/\bManufacturing\b/gi, 'Mfg')
    .replace(/\b(of|for)\s+/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A target-tier person whose current role at the company started within the last 12 months. */
export function leadershipSignal(
  history: readonly EmploymentEntry[],
  o: LeadershipOptions,
): SignalEvent | null {
  const withinDays = o.withinDays ?? 365;
  const current = history.find(
    (h) =>
      (h.current === true || (h.current !== false && !h.end_date)) &&
      h.start_date &&
      h.title &&
      (!o.subject.companyId || !h.organization_id || h.organization_id === o.subject.companyId),
  );
  if (!current) return null;
  const age = ageInDays(current.start_date as string, o.now);
  if (!(age >= 0 && age <= withinDays)) return null;
  const title = current.title as string;
  const tier = o.tierOf(title);
  if (!tier) return null;
  // A promotion inside the company is weaker than a hire from outside (new budget, new vendors).
  const prior = history.find((h) => h !== current && (h.end_date || h.current === false) && h.start_date);
  const internal = Boolean(
    prior &&
    ((o.subject.companyId && prior.organization_id === o.subject.companyId) ||
      (prior.organization_name && prior.organization_name === current.organization_name)),
  );
  const since = (current.start_date as string).slice(0, 10);
  // The evidence names the role, not the person or where they were before (it is stored unsealed).
  const how = internal ? ', promoted internally' : prior ? ', hired from outside' : '';
  return {
    kind: 'leadership',
    date: since,
    source: 'apollo',
    evidence: `New ${title} (${tier}) since ${since.slice(0, 7)}${how}`,
    link: null,
    subject: { ...o.subject, personId: o.personId },
    label: `new ${shortTitle(title)}`,
    strength: (tier === 'T1' ? 1 : tier === 'T2' ? 0.8 : 0.6) * (internal ? 0.7 : 1),
    polarity: 1,
  };
}

// ---------------------------------------------------------------------------------------------
// Tech change (BuiltWith: Technologies[] with FirstDetected / LastDetected)
// ---------------------------------------------------------------------------------------------

export interface DetectedTechnology {
  name: string;
  tag: string | null;
  /** Epoch ms. */
  firstDetected: number | null;
  lastDetected: number | null;
  link?: string | null;
}

export interface TechChangeOptions {
  now: Date;
  subject: SignalSubject;
  /** Default 90: BuiltWith re-crawls sites every few weeks. */
  withinDays?: number;
  /** Tags worth a signal; default: everything but the web's plumbing (cdn, ssl, widgets…). */
  isRelevantTag?: (tag: string | null) => boolean;
}

const PLUMBING_TAGS = new Set(['cdn', 'ssl', 'javascript', 'docinfo', 'mx', 'ns', 'css', 'framework']);

/**
 * Technologies adopted (first detected) or dropped (not seen since) within the last 90 days.
 * One signal per change, so the evidence names each technology; dropping one is a change too
 * (the company is choosing a replacement).
 */
export function techChangeSignals(techs: readonly DetectedTechnology[], o: TechChangeOptions): SignalEvent[] {
  const withinDays = o.withinDays ?? 90;
  const relevant = o.isRelevantTag ?? ((tag) => !tag || !PLUMBING_TAGS.has(tag.toLowerCase()));
  const out: SignalEvent[] = [];
  const nowMs = o.now.getTime();
  for (const t of techs) {
    if (!relevant(t.tag)) continue;
    const firstAge = t.firstDetected === null ? NaN : (nowMs - t.firstDetected) / DAY;
    const lastAge = t.lastDetected === null ? NaN : (nowMs - t.lastDetected) / DAY;
    const what = t.tag ? ` (${t.tag})` : '';
    if (firstAge >= 0 && firstAge <= withinDays)
      out.push({
        kind: 'tech',
        date: isoDay(t.firstDetected as number),
        source: 'builtwith',
        evidence: `Started using ${t.name}${what}, first detected ${isoDay(t.firstDetected as number)}`,
        link: t.link ?? null,
        subject: o.subject,
        label: `adopted ${t.name}`,
        strength: 1,
        polarity: 1,
      });
    // Dropped: last seen more than a crawl cycle (30 days) ago but within the window.
    else if (lastAge > 30 && lastAge <= withinDays + 30)
      out.push({
        kind: 'tech',
        date: isoDay(t.lastDetected as number),
        source: 'builtwith',
        evidence: `Stopped using ${t.name}${what}, last detected ${isoDay(t.lastDetected as number)}`,
        link: t.link ?? null,
        subject: o.subject,
        label: `dropped ${t.name}`,
        strength: 0.7,
        polarity: 1,
      });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// News (Google News RSS items: "Headline - Publisher", link, pubDate)
// ---------------------------------------------------------------------------------------------

export interface NewsItem {
  title: string;
  link: string | null;
  /** ISO timestamp. */
  published: string;
  publisher: string | null;
}

export type NewsTopic =
  'expansion' | 'new_site' | 'acquisition' | 'funding' | 'leadership' | 'hiring' | 'layoffs' | 'closure';

/**
 * Headline patterns in plain business English (wire-service and trade-press phrasing), checked in
 * order: the closing topics first so "closes plant, cuts 300 jobs" is not read as hiring.
 */
const TOPIC_PATTERNS: readonly [NewsTopic, RegExp][] = [
  [
    'layoffs',
    /\b(lay(s|ing)?[- ]?offs?|laid off|job cuts?|(cut|slash|trim|shed)(s|ting|ding|ming)? (about |nearly |some )?(\d[\d,.]*%?|hundreds|thousands) (of )?(its |the )?(jobs|workers|positions|staff|roles|workforce|employees)|(reduc|trimm|slash|cutt)(e|es|ing|ed)? (its |the )?(workforce|headcount|staff)|furlough|redundanc(y|ies)|downsiz)/i,
  ],
  [
    'closure',
    /\b(clos(e|es|ing|ure)|shut(s|ting)?( down)?|idl(e|es|ing))\b.{0,40}\b(plants?|factor(y|ies)|facilit(y|ies)|sites?|mills?|warehouses?|offices?|stores?)\b|\b(plant|factory|facility) clos(ure|ing)|ceases? operations|bankrupt|chapter 11|insolven/i,
  ],
  [
    'acquisition',
    /\b(acquir(e|es|ed|ing)|acquisition|merg(e|es|er|ing)|buys?\b|to buy\b|takeover|snaps up)/i,
  ],
  [
    'funding',
    /\b(raises?|raised|secures?|closes?|lands?|nets?)\b.{0,40}(\$|€|£|₹)\s?\d|\b\d+(\.\d+)?\s?(million|billion|mn|bn|m|b)\b.{0,30}\b(funding|round|investment|financing)\b|\bseries [a-h]\b|\bseed round|\bfunding round|\bventure (funding|capital)\b/i,
  ],
  [
    'new_site',
    /\b(new|opens?|opening|break(s)? ground|groundbreaking|build(s|ing)?|unveils?)\b.*\b(plants?|factor(y|ies)|facilit(y|ies)|sites?|mills?|warehouses?|distribution cent(er|re)s?|campus|headquarters|hq|offices?|hubs?)\b/i,
  ],
  [
    'expansion',
    /\b(expan(d|ds|ding|sion)|invest(s|ing|ment)? .*(in|to) (expand|new|grow)|add(s|ing)? (capacity|production|(an? )?(second|third|new|extra) (production )?(lines?|shifts?))|ramps? up|scal(es|ing) up|(grow|doubl|tripl|boost)(s|es|ing|ed)? (its |the )?(\S+ ){0,3}(footprint|workforce|capacity|output|headcount))/i,
  ],
  [
    'leadership',
    /\b(appoints?|names?|hires?|taps|promotes?|welcomes?|announces?)\b.*\b(ceo|cfo|coo|cto|chro|chief|president|vp|svp|evp|vice president|head( of)?|director|chairman|chair|(general |plant |managing |operations |hr )?manager|managing director|in-charge|superintendent|officer|partner|leader)\b|\b(new|as) (ceo|cfo|coo|president)\b|\bjoins\b.*\bas\b.*\b(ceo|cfo|coo|cto|chief|president|vp|vice president|head|director|manager)\b/i,
  ],
  [
    'hiring',
    /\b(to hire|hiring|will hire|recruit(s|ing)?|job fair|add(s|ing)? \d[\d,]* (jobs|workers|positions|employees)|create(s)? \d[\d,]* jobs)/i,
  ],
];

/** The topic of a headline, or null when it is not a buying signal (awards, sponsorships, opinion). */
export function newsTopic(headline: string): NewsTopic | null {
  for (const [topic, re] of TOPIC_PATTERNS) if (re.test(headline)) return topic;
  return null;
}

const TOPIC_LABEL: Record<NewsTopic, string> = {
  expansion: 'expansion news',
  new_site: 'new site',
  acquisition: 'acquisition news',
  funding: 'funding news',
  leadership: 'leadership news',
  hiring: 'hiring news',
  layoffs: 'layoffs',
  closure: 'site closing',
};

/** Google News titles end with " - Publisher"; split it off when the item has no <source>. */
export function splitPublisher(title: string): { headline: string; publisher: string | null } {
  const i = title.lastIndexOf(' - ');
  if (i <= 0) return { headline: title.trim(), publisher: null };
  return { headline: title.slice(0, i).trim(), publisher: title.slice(i + 3).trim() || null };
}

/**
 * The role a leadership headline names, or null: "… joins Lucid as chief operating officer",
 * "Acme appoints Jane Roe as VP Operations", "Whirlpool names Marc Bitzer chairman and CEO".
 */
export function appointedRole(headline: string): string | null {
  const m =
    /\bas (?:its |the |a )?(?:new )?(.+)$/i.exec(headline) ??
    /\b(?:names|appoints|taps|promotes|hires|elects)\s+(?:\p{Lu}[\p{L}'.-]*\s+){2}(.+)$/u.exec(headline);
  const role = m?.[1]?.replace(/[\s.,;:!]+$/, '').trim();
  return role && role.length <= 60 ? role : null;
}

/**
 * A headline announcing a new executive is a leadership change, read free from the news: it is
 * how a watched company's new executive shows without buying a reveal (README).
 */
function newsLeadership(item: NewsItem, headline: string, evidence: string, o: { subject: SignalSubject }) {
  const role = appointedRole(headline);
  return {
    kind: 'leadership' as const,
    date: isoDay(Date.parse(item.published)),
    source: 'news',
    evidence,
    link: item.link,
    subject: o.subject,
    label: role ? `new ${shortTitle(role)}` : 'new executive',
    // The press names the role but not whether the person is a buyer here: weaker than a reveal.
    strength: 0.8,
    polarity: 1 as const,
  };
}

/** News items that read as buying (or window-closing) signals; the rest are dropped. */
export function newsSignals(
  items: readonly NewsItem[],
  o: { subject: SignalSubject; now: Date; withinDays?: number },
): SignalEvent[] {
  const withinDays = o.withinDays ?? 180;
  const out: SignalEvent[] = [];
  for (const item of items) {
    const age = ageInDays(item.published, o.now);
    if (!(age >= 0 && age <= withinDays)) continue;
    const { headline, publisher } = splitPublisher(item.title);
    const topic = newsTopic(headline);
    if (!topic) continue;
    const evidence = `"${headline}"${(item.publisher ?? publisher) ? ` (${item.publisher ?? publisher})` : ''}`;
    if (topic === 'leadership') {
      out.push(newsLeadership(item, headline, evidence, o));
      continue;
    }
    const closing = topic === 'layoffs' || topic === 'closure';
    out.push({
      kind: 'news',
      date: isoDay(Date.parse(item.published)),
      source: 'news',
      evidence,
      link: item.link,
      subject: o.subject,
      label: TOPIC_LABEL[topic],
      strength: topic === 'new_site' || topic === 'acquisition' || topic === 'expansion' ? 1 : 0.7,
      polarity: closing ? -1 : 1,
    });
  }
  return out;
}

/**
 * One event per happening: Apollo and Crunchbase both report the same round, a press release and
 * a posting list both report the same surge. Events of the same kind and label within `days` of
 * each other collapse to the first (callers list their preferred source first).
 */
export function mergeSignals(events: readonly SignalEvent[], days = 14): SignalEvent[] {
  const kept: SignalEvent[] = [];
  for (const e of events) {
    const dup = kept.some(
      (k) =>
        k.kind === e.kind &&
        k.polarity === e.polarity &&
        k.label.toLowerCase() === e.label.toLowerCase() &&
        Math.abs(ageInDays(k.date, new Date(Date.parse(`${e.date.slice(0, 10)}T00:00:00Z`)))) <= days,
    );
    if (!dup) kept.push(e);
  }
  return kept;
}
