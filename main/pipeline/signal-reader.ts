/**
 * Reads one company's buying signals (issue 13): what Apollo already sold us (funding events,
 * headcount growth, the job postings page when it was bought) costs nothing more; BuiltWith is
 * paid per lookup, so it goes through the same door as Apollo's paid calls (cache first, the
 * ledger row written in the transaction that stores the answer); Crunchbase and Google News are
 * free per call and cached with a TTL. Every cache key carries the day the signals are read for,
 * so a second read on the same day is free and a refresh on a later day reads again. A provider
 * that fails is skipped (its signals stay as stored) and named in `failed`.
 */
import type { Icp } from '../domain/icp';
import {
  fundingSignalsFromApollo,
  headcountGrowthSignal,
  isoDay,
  jobPostingSignal,
  leadershipSignal,
  mergeSignals,
  newsSignals,
  techChangeSignals,
  type NewsItem,
  type SignalEvent,
  type SignalSubject,
} from '../domain/signals';
import type { Company, EmploymentRole, RevealedPerson } from '../domain/types';
import type { BuiltWithClient, DomainTechnologies } from '../providers/builtwith';
import {
  crunchbaseFundingSignals,
  type CrunchbaseClient,
  type CrunchbaseOrganization,
} from '../providers/crunchbase';
import { isProviderError } from '../providers/errors';
import type { NewsClient } from '../providers/news';
import type { JobPostingsPage, LeadProvider } from '../providers/types';
import { getCached, putCached, recordPaidCall, type Db } from '../store';
import { listSignals, replaceSignals, type SignalChange } from '../store/signals';

/** The signal providers a campaign or a refresh talks to (null: not configured). */
export interface SignalSources {
  crunchbase: CrunchbaseClient | null;
  builtwith: BuiltWithClient | null;
  news: NewsClient | null;
  /**
   * Apollo's open jobs for a refresh (paid per page with postings): a watch refresh reads the
   * day's page once per company and day; a campaign reads the page its facts stage bought.
   */
  postings?: PostingsSource | null;
  /** The day signals are read for: the machine's, or the sandbox's clock. */
  now(): Promise<Date>;
  /** Which providers these are, for the activity log ("the built-in sandbox …", "Crunchbase (your key)"). */
  via?: string;
}

export type PostingsSource = Pick<LeadProvider, 'name' | 'jobPostings'>;

export interface SignalReadContext {
  db: Db;
  sources: SignalSources;
  icp: Pick<Icp, 'industries'>;
  /** The Apollo-side provider whose cached job postings count as bought (e.g. "apollo", "sandbox"). */
  leadProvider: string;
  campaignId: number | null;
  log(level: 'info' | 'warn', message: string): void;
}

export interface CompanySignals {
  events: SignalEvent[];
  /** Sources that answered (their stored signals are replaced by these). */
  answered: string[];
  /** Sources that failed, with the reason (their stored signals stay). */
  failed: { source: string; reason: string }[];
}

const FREE_TTL_DAYS = 1;

function subjectOf(c: Company): SignalSubject {
  return { companyDomain: c.domain || null, companyId: c.providerId, personId: null };
}

/** Funding, headcount growth and hiring from the Apollo facts on hand, as of `now`. */
export function apolloSignals(rc: SignalReadContext, c: Company, now: Date, factsDay: Date): SignalEvent[] {
  const until = now.getTime();
  const funding = fundingSignalsFromApollo({
    id: c.providerId,
    primary_domain: c.domain,
    latest_funding_stage: c.fundingStage,
    latest_funding_round_date: c.fundingDate && Date.parse(c.fundingDate) <= until ? c.fundingDate : null,
    funding_events: (c.fundingEvents ?? []).filter((f) => f.date && Date.parse(f.date) <= until),
  });
  const g = c.headcountGrowth;
  const growth = g
    ? headcountGrowthSignal(
        {
          id: c.providerId,
          primary_domain: c.domain,
          organization_headcount_six_month_growth: g.sixMonth,
          organization_headcount_twelve_month_growth: g.twelveMonth,
        },
        factsDay,
      )
    : null;
  const page = c.providerId
    ? getCached<JobPostingsPage>(rc.db, 'job_postings', `o:${c.providerId}:1`, rc.leadProvider)?.data
    : undefined;
  const hiring = page ? hiringFromPage(rc, c, page, now) : null;
  return [...funding, ...(growth ? [growth] : []), ...(hiring ? [hiring] : [])];
}

/** The hiring signal of a page of open jobs (null: nothing relevant open). */
function hiringFromPage(rc: SignalReadContext, c: Company, page: JobPostingsPage, now: Date) {
  const roles = relevantRoles(rc.icp);
  return jobPostingSignal(
    page.postings.map((p) => ({ id: p.id, title: p.title, url: p.url, posted_at: p.postedAt })),
    { now, subject: subjectOf(c), isRelevant: roles.test, relevantLabel: roles.label },
  );
}

/** The hiring signal read from open jobs (not the headcount figures, whose label says so). */
const isPostingsHiring = (e: SignalEvent) =>
  e.kind === 'hiring' && e.source === 'apollo' && !e.label.startsWith('headcount');

/**
 * The first page of a company's open jobs on `day`, for a refresh: paid per page with postings,
 * so cached for the day and written to the ledger with the answer (kept apart from any campaign's
 * budget, keyed to the campaign as BuiltWith's are).
 */
async function postingsOfDay(rc: SignalReadContext, src: PostingsSource, orgId: string, day: string) {
  const key = `o:${orgId}:1@${day}`;
  const hit = getCached<JobPostingsPage>(rc.db, 'job_postings', key, src.name);
  if (hit) return hit.data;
  const q = { organizationId: orgId, page: 1, perPage: 100 };
  const res = await src.jobPostings(q, { campaignId: rc.campaignId });
  rc.db.transaction(() => {
    for (const call of res.calls)
      recordPaidCall(rc.db, {
        provider: src.name,
        endpoint: call.endpoint,
        credits: call.credits,
        expectedCredits: call.expectedCredits,
        reportedCredits: call.reportedCredits,
        campaignId: null,
        entityKey: rc.campaignId === null ? `watch:${key}` : `c${rc.campaignId}:watch:${key}`,
      });
    putCached(rc.db, { entity: 'job_postings', key, source: src.name, data: res.data, ttlDays: 1 });
  })();
  return res.data;
}

/** Apollo's employment_history shape again, from the roles a reveal kept. */
const asEntries = (roles: readonly EmploymentRole[]) =>
  roles.map((r) => ({
    organization_id: r.organizationId,
    organization_name: r.organizationName,
    title: r.title,
    start_date: r.startDate,
    current: r.current,
  }));

/**
 * Leadership signals from the people a batch revealed at the company (their employment history
 * came with the reveal: no extra call): a target-tier contact in the role for under 12 months.
 */
export function contactLeadership(
  c: Company,
  people: readonly RevealedPerson[],
  o: { now: Date; tierOf: (title: string) => string | null },
): SignalEvent[] {
  const out: SignalEvent[] = [];
  for (const p of people) {
    if (!p.roles?.length) continue;
    const e = leadershipSignal(asEntries(p.roles), {
      now: o.now,
      personId: p.providerId,
      subject: { companyDomain: c.domain || null, companyId: c.providerId },
      tierOf: o.tierOf,
    });
    if (e) out.push(e);
  }
  return out;
}

const MAKING =
  /\b(manufactur|industrial|machinery|automotive|chemical|plastic|metal|food|pharma|textile|aerospace|packaging|electronics|goods)/i;
const MAKING_ROLES =
  /\b(production|operator|assembl|machin|cnc|technician|welder|fabricat|warehouse|forklift|plant|manufactur|quality|maintenance|packag|shift|line (lead|worker)|logistics|supply chain|hr|human resources|recruit|talent|people partner|payroll)/i;

/**
 * Which openings matter to the seller. For an ICP of manufacturers (seed 000: a staffing seller),
 * production and HR roles; otherwise every opening counts.
 */
export function relevantRoles(icp: Pick<Icp, 'industries'>): { test: (t: string) => boolean; label: string } {
  if (icp.industries.some((i) => MAKING.test(i)))
    return { test: (t) => MAKING_ROLES.test(t), label: 'production and HR' };
  return { test: () => true, label: 'open' };
}

/** A cached answer for (what, day), or a fresh one stored for a day. */
async function cachedFree<T>(rc: SignalReadContext, entity: string, key: string, load: () => Promise<T>) {
  const hit = getCached<T>(rc.db, entity, key, entity);
  if (hit) return hit.data;
  const data = await load();
  putCached(rc.db, { entity, key, source: entity, data, ttlDays: FREE_TTL_DAYS });
  return data;
}

/** BuiltWith's technologies for a domain: paid, so cached and written to the ledger with the answer. */
async function builtwithTechnologies(
  rc: SignalReadContext,
  bw: BuiltWithClient,
  domain: string,
  day: string,
) {
  const key = `${domain.toLowerCase()}@${day}`;
  const hit = getCached<DomainTechnologies>(rc.db, 'builtwith', key, 'builtwith');
  if (hit) return hit.data;
  const res = await bw.domain(domain);
  rc.db.transaction(() => {
    for (const call of res.calls)
      recordPaidCall(rc.db, {
        provider: 'builtwith',
        endpoint: `builtwith ${call.endpoint}`,
        credits: call.credits,
        expectedCredits: call.expectedCredits,
        reportedCredits: call.reportedCredits,
        // BuiltWith's credits are not the campaign's Apollo budget: kept apart, keyed to the campaign.
        campaignId: null,
        entityKey: rc.campaignId === null ? key : `c${rc.campaignId}:${key}`,
      });
    putCached(rc.db, { entity: 'builtwith', key, source: 'builtwith', data: res.data, ttlDays: 30 });
  })();
  return res.data;
}

async function crunchbaseOrg(rc: SignalReadContext, cb: CrunchbaseClient, domain: string, day: string) {
  return cachedFree<CrunchbaseOrganization | null>(
    rc,
    'crunchbase',
    `${domain.toLowerCase()}@${day}`,
    async () => {
      const permalink = await cb.findPermalink(domain);
      return permalink ? cb.organization(permalink) : null;
    },
  );
}

async function newsItems(rc: SignalReadContext, news: NewsClient, name: string, day: string) {
  return cachedFree<NewsItem[]>(rc, 'news', `${name.trim().toLowerCase()}@${day}`, async () => {
    const answer = await news.company(name);
    return answer.items;
  });
}

type Reader = { source: string; read: () => Promise<SignalEvent[]> };

function providerReaders(rc: SignalReadContext, c: Company, o: ReadOptions): Reader[] {
  const now = o.now;
  const day = isoDay(now.getTime());
  const subject = subjectOf(c);
  const { crunchbase, builtwith, news, postings } = rc.sources;
  const out: Reader[] = [];
  // A refresh reads the day's open jobs again (a campaign has just bought its page).
  if (!o.withApollo && postings && c.providerId) {
    const orgId = c.providerId;
    out.push({
      source: 'apollo',
      read: async () => {
        const hiring = hiringFromPage(rc, c, await postingsOfDay(rc, postings, orgId, day), now);
        return hiring ? [hiring] : [];
      },
    });
  }
  if (crunchbase && c.domain)
    out.push({
      source: 'crunchbase',
      read: async () => {
        const org = await crunchbaseOrg(rc, crunchbase, c.domain, day);
        const until = now.getTime();
        return org ? crunchbaseFundingSignals(org, c.domain).filter((e) => Date.parse(e.date) <= until) : [];
      },
    });
  if (builtwith && c.domain)
    out.push({
      source: 'builtwith',
      read: async () =>
        techChangeSignals((await builtwithTechnologies(rc, builtwith, c.domain, day)).technologies, {
          now,
          subject,
        }),
    });
  if (news)
    out.push({
      source: 'news',
      read: async () => newsSignals(await newsItems(rc, news, c.name, day), { subject, now }),
    });
  return out;
}

/** Why a provider's answer could not be used, in a sentence for the activity log. */
function failureReason(e: unknown): string {
  if (isProviderError(e)) return `${e.code}: ${e.message}`;
  return e instanceof Error ? e.message : String(e);
}

export interface ReadOptions {
  now: Date;
  /** Adds the Apollo facts on hand (a campaign has just bought them; a refresh keeps what was stored). */
  withApollo: boolean;
  /** Leadership signals of the contacts revealed there now (with withApollo). */
  leaders?: SignalEvent[];
}

/**
 * The company's signals from every configured provider, read at once. `withApollo` adds the Apollo
 * facts on hand (a campaign has just bought them; a refresh keeps what was stored).
 */
export async function readCompanySignals(
  rc: SignalReadContext,
  c: Company,
  o: ReadOptions,
): Promise<CompanySignals> {
  const readers = providerReaders(rc, c, o);
  const results = await Promise.allSettled(readers.map((r) => r.read()));
  const answered: string[] = o.withApollo ? ['apollo'] : [];
  const failed: CompanySignals['failed'] = [];
  const events: SignalEvent[] = o.withApollo
    ? [...apolloSignals(rc, c, o.now, o.now), ...(o.leaders ?? [])]
    : [];
  results.forEach((r, i) => {
    const source = readers[i]!.source;
    if (r.status === 'fulfilled') {
      answered.push(source);
      events.push(...r.value);
    } else {
      const reason = failureReason(r.reason);
      failed.push({ source, reason });
      rc.log('warn', `Signals: ${source} for ${c.name} failed (${reason}); its signals stay as they were.`);
    }
  });
  return { events, answered, failed };
}

export interface CompanySignalUpdate extends CompanySignals {
  /** Every stored signal of the company after the update (what intent reads). */
  stored: SignalEvent[];
  change: SignalChange;
}

/**
 * Reads the company's signals and stores them: each source that answered replaces what it said
 * before. Duplicates across sources collapse to the first (Apollo, then Crunchbase, …), counting
 * the stored Apollo facts when a refresh does not re-read them.
 */
export async function updateCompanySignals(
  rc: SignalReadContext,
  c: { id: number; company: Company },
  o: ReadOptions,
): Promise<CompanySignalUpdate> {
  const read = await readCompanySignals(rc, c.company, o);
  const before = listSignals(rc.db, c.id);
  // A new leader found by an earlier reveal stays (this read may not have revealed them again);
  // a refresh keeps every Apollo fact but the open jobs, when it read the day's page again.
  const jobsRead = !o.withApollo && read.answered.includes('apollo');
  const base = before.filter(
    (e) =>
      e.source === 'apollo' && (o.withApollo ? e.kind === 'leadership' : !(jobsRead && isPostingsHiring(e))),
  );
  const merged = mergeSignals([...base, ...read.events]).filter((e) => read.answered.includes(e.source));
  const change = replaceSignals(rc.db, { companyId: c.id, sources: read.answered, events: merged });
  return { ...read, stored: listSignals(rc.db, c.id), change };
}
