/**
 * A free prior of a company passing the industry check, from what the free people search already
 * gives of it: its name, read with the vocabulary the checklist reads industry labels with
 * (domain/company-industry.ts: "… Stores Inc" reads as a retailer, "… Auto Components" as an
 * automotive maker). The directory tells only that a company matched the keyword tags sent, and
 * a tag matches retailers and labs too; the primary industry arrives with the first purchase.
 *
 * The prior only orders a search round's new candidates: names that read as the ICP's industries
 * first, names that say nothing next, names that read as another trade last. Nobody is dropped
 * (a name is weak evidence: "Fox Factory Holding" makes bike parts); when the round holds more
 * candidates than the tier needs, the likely fails are the ones never bought.
 */
import { icpIndustryFor, readIndustryLabel } from '../domain/company-industry';
import type { Icp } from '../domain/icp';
import type { CandidatePerson } from '../domain/types';

export type NamePrior = 'fits' | 'unknown' | 'other-trade';

/** 'known': the company's facts were bought already (its verdict and catch-all are free to read). */
export type Prior = 'known' | NamePrior;

const ORDER: Record<Prior, number> = { known: 0, fits: 1, unknown: 2, 'other-trade': 3 };

export interface NameReading {
  prior: NamePrior;
  /** The sector the name reads as (null: it says nothing). */
  sector: string | null;
}

export function namePrior(name: string, icp: Pick<Icp, 'industries'>): NameReading {
  const reading = readIndustryLabel(name);
  if (!reading) return { prior: 'unknown', sector: null };
  const fits = icpIndustryFor(reading, icp.industries) !== null;
  return { prior: fits ? 'fits' : 'other-trade', sector: reading.sector };
}

export interface Ranked<T> {
  ranked: T[];
  /** How many read each way. */
  counts: Record<Prior, number>;
  /** Up to three of the names put last, with what they read as (for the activity log). */
  examples: string[];
}

/**
 * The people in prior order (stable: the search's own order within each class). Candidates at a
 * company bought already come first: the checklist decides them for free and only their own
 * reveal is bought, where a new company's first reveal may fail its industry check.
 */
export function rankByNamePrior<T extends Pick<CandidatePerson, 'organizationName'>>(
  people: readonly T[],
  icp: Pick<Icp, 'industries'>,
  known: (p: T) => boolean = () => false,
): Ranked<T> {
  const read = people.map((p, i) => ({
    p,
    i,
    r: known(p) ? { prior: 'known' as const, sector: null } : namePrior(p.organizationName, icp),
  }));
  const counts: Record<Prior, number> = { known: 0, fits: 0, unknown: 0, 'other-trade': 0 };
  for (const x of read) counts[x.r.prior]++;
  read.sort((a, b) => ORDER[a.r.prior] - ORDER[b.r.prior] || a.i - b.i);
  const names = new Set<string>();
  for (const x of read)
    if (x.r.prior === 'other-trade' && names.size < 3) names.add(`"${x.p.organizationName}" (${x.r.sector})`);
  return { ranked: read.map((x) => x.p), counts, examples: [...names] };
}

/** The activity line for one search round's ranking (null when nothing moved). */
export function rankingLine(tier: string, r: Ranked<unknown>): string | null {
  const { known, fits, unknown } = r.counts;
  const other = r.counts['other-trade'];
  if ([known, fits, unknown, other].filter((n) => n > 0).length < 2) return null;
  return (
    `${tier}: new candidates ordered (free): ${known} at companies bought already first, then by what ` +
    `their company's name says: ${fits} read as the ICP's ` +
    `industries first, ${unknown} say nothing, ${other} read as another trade last` +
    (r.examples.length ? `, e.g. ${r.examples.join(', ')}` : '') +
    '; these are bought only if the tier still has room when their turn comes.'
  );
}
