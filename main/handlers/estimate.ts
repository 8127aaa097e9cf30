/** The estimate a campaign is shown and stored with: credits, and the market its ICP reaches. */
import type { CreditEstimate } from '../contract';
import type { Icp } from '../domain/icp';
import { estimateCredits } from '../pipeline/estimate';
import { marketLines, readMarket } from '../pipeline/market';
import { AppError } from '../shared/errors';
import type { Services } from './services';

type EstimateServices = Pick<Services, 'db' | 'providers' | 'semanticFilter' | 'sandboxSeed'>;

/** Whether a new campaign would run on the sandbox (asked for, or no Apollo key stored). */
export async function usesSandbox(s: EstimateServices, asked?: boolean): Promise<boolean> {
  return Boolean(asked) || !(await s.providers.apolloKey());
}

/**
 * The credit estimate plus the market (free searches on the provider the campaign would use).
 * A market that cannot be read (no network, a rate window) leaves `market` null and says so:
 * it never stops a campaign by itself.
 */
export async function estimateWithMarket(
  s: EstimateServices,
  icp: Icp,
  o: { sandbox?: boolean } = {},
): Promise<CreditEstimate> {
  const estimate = estimateCredits(s.db, icp, { semanticFilter: s.semanticFilter });
  try {
    const sandbox = await usesSandbox(s, o.sandbox);
    const provider = await s.providers.forCampaign({
      sandbox,
      sandboxSeed: sandbox ? (s.sandboxSeed ?? 42) : null,
    });
    const market = await readMarket(provider, icp, { campaignId: null });
    return { ...estimate, market, note: `${estimate.note} Market: ${marketLines(market).join('; ')}.` };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { ...estimate, market: null, note: `${estimate.note} The market could not be read (${why}).` };
  }
}

/** Refuses an ICP that reaches nobody, naming the fields, before anything is created or spent. */
export function refuseEmptyMarket(estimate: CreditEstimate): void {
  const m = estimate.market;
  if (!m?.blocking) return;
  throw new AppError(
    'INVALID_ICP',
    `The ICP reaches nobody in the free search, so nothing would be found:\n${m.problems
      .map((p) => `  - ${p.path}: ${p.message}`)
      .join('\n')}`,
    m.problems,
  );
}
