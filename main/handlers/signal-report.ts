/**
 * The signal part of a campaign's report (issue 13): how many leads are in each band, and in the
 * sandbox how well intent ranks the leads whose company is truly in a buying window above the rest
 * (AUC against the signal sandbox's ground truth; null outside the sandbox or without both kinds).
 */
import { auc } from '../domain/auc';
import { countBands, type BandCounts } from '../domain/lead-intent';
import type { Lead } from '../domain/types';
import { allLeads, type CampaignRow } from '../store';
import type { Services } from './services';

export interface SignalReport {
  bands: BandCounts;
  intentAuc: number | null;
}

interface BuyingWindowTruth {
  companies: { domain: string; inWindow: boolean }[];
}

async function intentAuc(origin: string, leads: Lead[]): Promise<number | null> {
  const domains = [...new Set(leads.map((l) => l.company.domain.toLowerCase()).filter(Boolean))];
  if (domains.length === 0) return null;
  const res = await fetch(
    `${origin}/_sandbox/truth/buying-window?domains=${encodeURIComponent(domains.join(','))}`,
  );
  if (!res.ok) return null;
  const truth = (await res.json()) as BuyingWindowTruth;
  const inWindow = new Map(truth.companies.map((c) => [c.domain.toLowerCase(), c.inWindow]));
  const rows = leads.map((l) => ({
    score: l.score.intent,
    positive: inWindow.get(l.company.domain.toLowerCase()) === true,
  }));
  const positives = rows.filter((r) => r.positive).length;
  if (positives === 0 || positives === rows.length) return null;
  return Math.round(auc(rows) * 1000) / 1000;
}

export async function signalReport(
  s: Pick<Services, 'db' | 'providers'>,
  c: CampaignRow,
): Promise<SignalReport> {
  const leads = allLeads(s.db, c.id);
  const origin = c.sandbox ? s.providers.signalsOrigin() : null;
  return {
    bands: countBands(leads.map((l) => l.score)),
    intentAuc: origin && leads.length > 0 ? await intentAuc(origin, leads) : null,
  };
}
