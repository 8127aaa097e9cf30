import type { CampaignReport } from '../contract';
import { TIERS } from '../domain/icp';
import { spendReport } from '../pipeline/spend';
import {
  allLeads,
  countCandidates,
  countLeadsByTier,
  creditsUsed,
  filteredOnlyCompanies,
  type CampaignRow,
} from '../store';
import { emailReport } from './email-report';
import type { Services } from './services';
import { signalReport } from './signal-report';

/** What a campaign produced and spent (the CLI prints it after a run). */
export async function campaignReport(
  s: Pick<Services, 'db' | 'providers'>,
  c: CampaignRow,
): Promise<CampaignReport> {
  const { db } = s;
  const counts = countCandidates(db, c.id);
  const spend = spendReport(db, c.id);
  return {
    campaignId: c.id,
    status: c.status,
    leads: countLeadsByTier(db, c.id),
    creditsUsed: creditsUsed(db, c.id),
    creditsEstimated: c.estimate?.total ?? null,
    filtered: TIERS.reduce((sum, t) => sum + counts[t].filtered_out, 0),
    creditsSavedEstimate: filteredOnlyCompanies(db, c.id),
    requests: s.providers.peek(c)?.stats().total.requests ?? 0,
    precision: await precision(s, c),
    pauseReason: c.status === 'paused' ? c.pauseReason : null,
    resumeAt: c.status === 'paused' ? c.resumeAt : null,
    wasteRatio: spend.wasteRatio,
    wasted: spend.wasted,
    ...(await emailReport(s, c)),
    ...(await signalReport(s, c)),
  };
}

/** Share of saved leads whose tier the sandbox's ground truth confirms. */
async function precision(s: Pick<Services, 'db' | 'providers'>, c: CampaignRow): Promise<number | null> {
  const origin = s.providers.sandboxOrigin();
  if (!origin || !c.sandbox) return null;
  const leads = allLeads(s.db, c.id);
  if (leads.length === 0) return null;
  const res = await fetch(`${origin}/_sandbox/truth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ icp: c.icp, personIds: leads.map((l) => l.contact.providerId) }),
  });
  const { truth } = (await res.json()) as { truth: Record<string, string | null> };
  const right = leads.filter((l) => truth[l.contact.providerId] === l.tier).length;
  return Math.round((right / leads.length) * 10_000) / 10_000;
}
