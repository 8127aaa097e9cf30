/**
 * The market an ICP reaches, read before any credit is spent: the free people search's
 * `total_entries` per tier (the tier's titles at companies of the ICP's places and size). An ICP
 * that reaches nobody says which field to fix; a tier whose market is smaller than its target says
 * how many leads it can expect at most.
 */
import type { MarketForecast, TierMarket } from '../contract';
import { TIERS, type Icp, type Tier } from '../domain/icp';
import type { CallContext, LeadProvider } from '../providers/types';
import { peopleQuery } from './search-plan';

const n = (x: number) => x.toLocaleString('en-US');

type Overrides = { organizationLocations?: string[]; employeeRanges?: string[] };

async function count(
  provider: LeadProvider,
  icp: Icp,
  titles: string[],
  ctx: CallContext,
  over: Overrides = {},
): Promise<number> {
  const base = peopleQuery(icp, { min: icp.companySize.min, max: icp.companySize.max }, 1);
  const res = await provider.searchPeople({ ...base, ...over, titles, page: 1 }, ctx);
  return res.totalEntries;
}

/** Why an ICP whose tiers all reach nobody does so: the first filter whose removal finds people. */
async function diagnose(
  provider: LeadProvider,
  icp: Icp,
  tiers: Tier[],
  ctx: CallContext,
): Promise<MarketForecast['problems']> {
  const titles = tiers.flatMap((t) => icp.tiers[t].titles);
  if ((await count(provider, icp, titles, ctx, { organizationLocations: [] })) > 0)
    return [
      {
        path: 'locations',
        message:
          `no company in ${icp.locations.map((l) => `"${l}"`).join(', ')} has anyone with these titles: ` +
          'check the spelling of each country (e.g. "India", "United States")',
      },
    ];
  if ((await count(provider, icp, titles, ctx, { employeeRanges: [] })) > 0)
    return [
      {
        path: 'companySize',
        message: `no company of ${n(icp.companySize.min)}–${n(icp.companySize.max)} employees in the ICP's locations has anyone with these titles: widen the range`,
      },
    ];
  return tiers.map((t) => ({
    path: `tiers.${t}.titles`,
    message: 'no one at the ICP’s companies holds these titles: check their spelling or use more common ones',
  }));
}

/**
 * Reads each tier's market (free searches, one result each). `blocking` is true when no tier with
 * a target reaches anyone: such a campaign would spend credits on its directory and find nobody.
 */
export async function readMarket(
  provider: LeadProvider,
  icp: Icp,
  ctx: CallContext,
): Promise<MarketForecast> {
  const perTier = {} as Record<Tier, TierMarket>;
  const problems: MarketForecast['problems'] = [];
  const wanted = TIERS.filter((t) => icp.tiers[t].target > 0);
  for (const t of TIERS) {
    const { target, titles } = icp.tiers[t];
    const people = target > 0 ? await count(provider, icp, titles, ctx) : 0;
    perTier[t] = { people, target, expected: Math.min(target, people) };
  }
  const empty = wanted.filter((t) => perTier[t].people === 0);
  const blocking = wanted.length > 0 && empty.length === wanted.length;
  if (blocking) problems.push(...(await diagnose(provider, icp, wanted, ctx)));
  for (const t of wanted) {
    const { people, target } = perTier[t];
    if (people === 0 && !blocking)
      problems.push({
        path: `tiers.${t}.titles`,
        message: `no one at the ICP’s companies holds these titles: expect no ${t} leads (target ${n(target)})`,
      });
    else if (people > 0 && people < target)
      problems.push({
        path: `tiers.${t}.target`,
        message: `only ${n(people)} people hold these titles at the ICP’s companies: expect at most ${n(people)} ${t} leads of the ${n(target)} asked for`,
      });
  }
  return { perTier, problems, blocking };
}

/** One line per tier for the CLI and the setup screen. */
export function marketLines(m: MarketForecast): string[] {
  return TIERS.filter((t) => m.perTier[t].target > 0).map((t) => {
    const { people, target, expected } = m.perTier[t];
    return expected < target
      ? `${t}: ${n(people)} people in the market; expect at most ${n(expected)} of ${n(target)} leads`
      : `${t}: ${n(people)} people in the market for ${n(target)} leads`;
  });
}
