import { canResume, transitionError } from '../domain/campaign-state';
import { checkIcp, describeIssues } from '../domain/icp-io';
import type { Icp } from '../domain/icp';
import { AppError } from '../shared/errors';
import {
  createCampaign,
  getCampaign,
  getCampaignSummary,
  listCampaigns,
  listEvents,
  saveIcp,
  setCampaignStatus,
  type CampaignRow,
} from '../store';
import { campaignReport } from './campaign-report';
import { estimateWithMarket, refuseEmptyMarket, usesSandbox } from './estimate';
import type { HandlersOf, Services } from './services';

type CampaignServices = Pick<Services, 'db' | 'runners' | 'providers' | 'semanticFilter' | 'sandboxSeed'>;

export function requireIcp(input: unknown): Icp {
  const r = checkIcp(input);
  if (!r.ok)
    throw new AppError('INVALID_ICP', `The ICP has problems:\n${describeIssues(r.issues)}`, r.issues);
  return r.icp;
}

/** A draft campaign (sandbox when asked or when no Apollo key is stored), in one transaction. */
export async function newCampaign(
  s: CampaignServices,
  icp: Icp,
  o: { budget?: number | null; sandbox?: boolean } = {},
): Promise<{ campaignId: number }> {
  const { db } = s;
  const useSandbox = await usesSandbox(s, o.sandbox);
  const estimate = await estimateWithMarket(s, icp, { sandbox: useSandbox });
  refuseEmptyMarket(estimate);
  const campaignId = db.transaction(() => {
    const icpId = saveIcp(db, icp);
    return createCampaign(db, {
      icp,
      icpId,
      budget: o.budget ?? null,
      sandbox: useSandbox,
      sandboxSeed: useSandbox ? (s.sandboxSeed ?? 42) : null,
      estimate,
    });
  })();
  return { campaignId };
}

export function campaignHandlers(s: CampaignServices): HandlersOf<'campaign'> {
  const { db, runners } = s;
  const requireCampaign = (campaignId: number): CampaignRow => {
    const c = getCampaign(db, campaignId);
    if (!c) throw new AppError('NOT_FOUND', `No campaign with id ${campaignId}.`);
    return c;
  };
  return {
    'campaign/estimate': async (icp) => estimateWithMarket(s, requireIcp(icp)),
    'campaign/start': async ({ icp, budget }) => {
      const { campaignId } = await newCampaign(s, requireIcp(icp), { budget });
      void runners.start(campaignId).catch(() => undefined);
      return { campaignId };
    },
    'campaign/pause': async ({ campaignId }) => {
      requireCampaign(campaignId);
      await runners.stop(campaignId, 'pause');
    },
    'campaign/resume': async ({ campaignId, budget }) => {
      if (runners.running(campaignId)) return;
      const c = requireCampaign(campaignId);
      if (!canResume(c.status)) throw transitionError(campaignId, c.status, 'running');
      void runners.start(campaignId, { budget }).catch(() => undefined);
    },
    'campaign/cancel': async ({ campaignId }) => {
      if (await runners.stop(campaignId, 'cancel')) return;
      requireCampaign(campaignId);
      setCampaignStatus(db, campaignId, 'cancelled'); // refuses finished campaigns (CAMPAIGN_FINISHED)
    },
    'campaign/wait': async ({ campaignId }) =>
      runners.running(campaignId) ?? requireCampaign(campaignId).status,
    'campaign/report': async ({ campaignId }) => campaignReport(s, requireCampaign(campaignId)),
    'campaign/list': async () => listCampaigns(db),
    'campaign/get': async ({ campaignId }) => {
      const c = getCampaign(db, campaignId);
      const sum = getCampaignSummary(db, campaignId);
      if (!c || !sum) throw new AppError('NOT_FOUND', `No campaign with id ${campaignId}.`);
      return { ...sum, icp: c.icp, estimate: c.estimate, progress: c.progress };
    },
    'campaign/activity': async ({ campaignId, limit }) => listEvents(db, campaignId, limit),
  };
}
