/**
 * How well intent ranks the companies truly in a buying window above the rest (AUC), on the
 * sandbox world. Each company's signals are read from the same bodies the signal sandbox serves
 * (Crunchbase, BuiltWith, News RSS), parsed by the same client code (schemas, mappers, RSS parser),
 * plus what Apollo gives: the ORG's funding_events, its open job postings and the employment
 * history of new leaders (from the timeline, as the Apollo sandbox will serve them).
 */
import { auc } from '../../domain/auc';
import { intentFromSignals, type Intent } from '../../domain/intent';
import type { Icp } from '../../domain/icp';
import {
  fundingSignalsFromApollo,
  jobPostingSignal,
  leadershipSignal,
  mergeSignals,
  newsSignals,
  techChangeSignals,
  type SignalEvent,
} from '../../domain/signals';
import { crunchbaseFundingSignals, toOrganization } from '../../providers/crunchbase/map';
import { OrganizationEntitySchema } from '../../providers/crunchbase/schemas';
import { toDomainTechnologies } from '../../providers/builtwith';
import { DomainResponseSchema } from '../../providers/builtwith/schemas';
import { parseRss } from '../../providers/news/rss';
import type { World, WorldCompany } from '../world';
import { builtwithDomainBody, crunchbaseOrganization, newsRss, visibleStories } from './shapes';
import { dayStartMs, getSignalWorld, jobPostingsAt, leaderHistoryAt, windowAt } from './timeline';

/** Senior titles make a leadership signal; routine hires do not (a stand-in for an ICP's tiers). */
export function seniorTier(title: string): string | null {
  if (/\b(chief|ceo|coo|cfo|cto|chro|president)\b/i.test(title)) return 'T1';
  if (/\b(vp|vice president|head of|director|plant manager|general manager)\b/i.test(title)) return 'T2';
  return null;
}

export function readCompanySignals(world: World, c: WorldCompany, day: number): SignalEvent[] {
  const s = getSignalWorld(world).of(c);
  const now = new Date(dayStartMs(day) + 12 * 3_600_000);
  const subject = { companyDomain: c.primary_domain, companyId: c.id, personId: null };
  const apolloFunding = fundingSignalsFromApollo({
    ...c,
    funding_events: c.funding_events.filter((f) => Date.parse(f.date) <= now.getTime()),
  });
  const cb = toOrganization(
    OrganizationEntitySchema.parse(crunchbaseOrganization(s, c, day, ['raised_funding_rounds'])),
  );
  const hiring = jobPostingSignal(jobPostingsAt(s, day, c), {
    now,
    subject,
    isRelevant: () => true,
    relevantLabel: 'open',
  });
  const leaders = leaderHistoryAt(s, day).map((l) =>
    leadershipSignal(l.employment_history, {
      now,
      personId: l.personId ?? l.personName,
      subject,
      tierOf: seniorTier,
    }),
  );
  const bw = toDomainTechnologies(
    DomainResponseSchema.parse(builtwithDomainBody(s, c, c.primary_domain, day)),
    c.primary_domain,
  );
  const feed = parseRss(newsRss(`"${c.name}"`, visibleStories(s, day), day));
  return mergeSignals([
    ...apolloFunding,
    ...crunchbaseFundingSignals(cb, c.primary_domain),
    ...(hiring ? [hiring] : []),
    ...leaders.filter((l): l is SignalEvent => l !== null),
    ...techChangeSignals(bw.technologies, { now, subject }),
    ...newsSignals(feed.items, { now, subject }),
  ]);
}

export interface IntentMeasure {
  day: number;
  companies: number;
  inWindow: number;
  auc: number;
  /** AUC per sector group. */
  byGroup: Record<string, { companies: number; inWindow: number; auc: number | null }>;
  /** Intent scores in seed 001's bands (intent alone, not the lead total). */
  intentBands: { '80+': number; '60-79': number; '40-59': number; '<40': number };
  meanIntent: { inWindow: number; outside: number };
}

export function measureIntentAuc(
  world: World,
  day: number,
  icp: Pick<Icp, 'signals' | 'fundingStages'> = {},
  companies: readonly WorldCompany[] = world.companies,
  onIntent?: (c: WorldCompany, intent: Intent, inWindow: boolean) => void,
): IntentMeasure {
  const sw = getSignalWorld(world);
  const now = new Date(dayStartMs(day) + 12 * 3_600_000);
  const rows: { score: number; positive: boolean; group: string }[] = [];
  const bands = { '80+': 0, '60-79': 0, '40-59': 0, '<40': 0 };
  for (const c of companies) {
    const intent = intentFromSignals(readCompanySignals(world, c, day), icp, { now });
    const positive = windowAt(sw.of(c), day) !== null;
    onIntent?.(c, intent, positive);
    rows.push({ score: intent.score, positive, group: c.sector });
    const k =
      intent.score >= 80 ? '80+' : intent.score >= 60 ? '60-79' : intent.score >= 40 ? '40-59' : '<40';
    bands[k] += 1;
  }
  const byGroup: IntentMeasure['byGroup'] = {};
  for (const g of new Set(rows.map((r) => r.group))) {
    const sub = rows.filter((r) => r.group === g);
    const pos = sub.filter((r) => r.positive).length;
    byGroup[g] = {
      companies: sub.length,
      inWindow: pos,
      auc: pos > 0 && pos < sub.length ? round(auc(sub)) : null,
    };
  }
  const mean = (xs: number[]) => (xs.length ? round(xs.reduce((a, b) => a + b, 0) / xs.length) : 0);
  return {
    day,
    companies: rows.length,
    inWindow: rows.filter((r) => r.positive).length,
    auc: round(auc(rows)),
    byGroup,
    intentBands: bands,
    meanIntent: {
      inWindow: mean(rows.filter((r) => r.positive).map((r) => r.score)),
      outside: mean(rows.filter((r) => !r.positive).map((r) => r.score)),
    },
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
