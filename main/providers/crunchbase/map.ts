import type { SignalEvent } from '../../domain/signals';
import { formatMoney, fundingStrength } from '../../domain/signals';
import type { OrganizationEntity } from './schemas';

export interface CrunchbaseRound {
  uuid: string;
  announcedOn: string;
  /** Crunchbase's enum, e.g. "series_b". */
  investmentType: string | null;
  /** Human form, e.g. "Series B", matched against the ICP's fundingStages. */
  stage: string;
  amountUsd: number | null;
  leadInvestors: string[];
  permalink: string | null;
}

export interface CrunchbaseOrganization {
  uuid: string;
  permalink: string | null;
  name: string | null;
  website: string | null;
  lastFundingType: string | null;
  rounds: CrunchbaseRound[];
}

/** "series_b" → "Series B", "private_equity" → "Private Equity", "series_unknown" → "Venture round". */
export function stageLabel(investmentType: string | null | undefined): string {
  if (!investmentType) return 'Funding round';
  if (investmentType === 'series_unknown') return 'Venture round';
  const m = /^series_([a-z])$/.exec(investmentType);
  if (m) return `Series ${(m[1] as string).toUpperCase()}`;
  const words = investmentType.split('_').join(' ');
  return (
    words.charAt(0).toUpperCase() +
    words
      .slice(1)
      .replace(/\b(equity|financing|round|note)\b/g, (w) => w.charAt(0).toUpperCase() + w.slice(1))
  );
}

export function toOrganization(e: OrganizationEntity): CrunchbaseOrganization {
  const p = e.properties;
  return {
    uuid: p.identifier.uuid,
    permalink: p.identifier.permalink ?? null,
    name: p.identifier.value ?? null,
    website: p.website_url ?? null,
    lastFundingType: p.last_funding_type ?? null,
    rounds: (e.cards?.raised_funding_rounds ?? []).map((r) => ({
      uuid: r.identifier.uuid,
      announcedOn: r.announced_on.slice(0, 10),
      investmentType: r.investment_type ?? null,
      stage: stageLabel(r.investment_type),
      amountUsd: r.money_raised?.value_usd ?? null,
      leadInvestors: (r.lead_investor_identifiers ?? []).map((i) => i.value ?? '').filter(Boolean),
      permalink: r.identifier.permalink ?? null,
    })),
  };
}

/** One funding signal per round, linked to the round's Crunchbase page. */
export function crunchbaseFundingSignals(org: CrunchbaseOrganization, domain: string | null): SignalEvent[] {
  return org.rounds.map((r) => ({
    kind: 'funding',
    date: r.announcedOn,
    source: 'crunchbase',
    evidence: `${r.stage}${r.amountUsd ? ` of ${formatMoney(r.amountUsd)}` : ''}${r.leadInvestors.length ? ` led by ${r.leadInvestors.join(', ')}` : ''}`,
    link: r.permalink ? `https://www.crunchbase.com/funding_round/${r.permalink}` : null,
    subject: { companyDomain: domain, companyId: null, personId: null },
    label: r.stage,
    strength: fundingStrength(r.amountUsd),
    polarity: 1,
  }));
}
