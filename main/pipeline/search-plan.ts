/**
 * What the free people searches of a tier ask for, and in which order. The order is where credits
 * are saved before anything is paid: the checklist passes a company above a size threshold on
 * inferred checks (several sites, staffing vendors) that a smaller one must prove with data it
 * rarely has, so the search reads the band of companies that can pass on inference first and
 * the rest only when that band runs out (README, "Where the credits go").
 */
import { blankCompany } from '../domain/blank';
import { validateCompany } from '../domain/checklist';
import type { Icp } from '../domain/icp';
import type { PeopleSearchQuery } from '../providers/types';
import { organizationFilters } from './directory';

/** An employee range the people search is sent with (inclusive). */
export interface SizeBand {
  min: number;
  max: number;
}

/** One paged search: a tier title within a size band, under the cursor key it is stored as. */
export interface SearchKey {
  title: string;
  band: SizeBand;
  /** The search cursor's name (the title alone when the ICP's range is not split). */
  key: string;
  /** Only people whose address Apollo itself verified (the verified-first pass); absent: the tier's filters. */
  emailStatuses?: string[];
}

/** Apollo's own status for an address it checked (`contact_email_status[]`, a free filter). */
export const VERIFIED_FIRST = ['verified'];

/** Checks a company of `employees` passes on inference alone (nothing else known). */
function inferredPasses(icp: Icp, employees: number): number {
  const v = validateCompany(blankCompany({ name: '', domain: '', employees }), icp);
  return v.checks.filter((c) => c.passed && c.basis === 'inferred').length;
}

/**
 * The ICP's size range split where the checklist's inferred checks stop changing: first the
 * companies that pass every size-inferred check, then the rest. One band when nothing changes.
 * The inferred checks only ever pass more as a company grows, so a binary search finds the edge.
 */
export function sizeBands(icp: Icp): SizeBand[] {
  const { min, max } = icp.companySize;
  const top = inferredPasses(icp, max);
  if (min >= max || inferredPasses(icp, min) >= top) return [{ min, max }];
  let lo = min;
  let hi = max;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (inferredPasses(icp, mid) >= top) hi = mid;
    else lo = mid + 1;
  }
  return [
    { min: lo, max },
    { min, max: lo - 1 },
  ];
}

export const bandRange = (b: SizeBand) => `${b.min},${b.max}`;

export const bandText = (b: SizeBand) =>
  `${b.min.toLocaleString('en-US')}–${b.max.toLocaleString('en-US')} employees`;

/**
 * A tier's searches, grouped in the order they are read: by band, and with `verifiedFirst` (the
 * email waterfall asks for a verified share) within each band first the people whose address
 * Apollo verified, then everyone the tier's filters allow (the same search; those already queued
 * are not queued twice). An Apollo-verified address proves deliverable about four times in five
 * (the rest sit on catch-all domains or have left); an unverified one or none far less often, and
 * each one held back for it is a reveal that becomes no lead (README, "Waste").
 */
export function searchKeys(icp: Icp, titles: string[], o: { verifiedFirst?: boolean } = {}): SearchKey[][] {
  const bands = sizeBands(icp);
  return bands.flatMap((band) => {
    const all = titles.map((title) => ({
      title,
      band,
      key: bands.length === 1 ? title : `${title} @ ${bandRange(band)}`,
    }));
    if (!o.verifiedFirst) return [all];
    return [all.map((s) => ({ ...s, key: `${s.key} · verified`, emailStatuses: VERIFIED_FIRST })), all];
  });
}

/** The people search's filters for one band (organisation filters with the band's range). */
export function peopleQuery(
  icp: Icp,
  band: SizeBand,
  perPage: number,
): Omit<PeopleSearchQuery, 'titles' | 'page'> {
  return {
    includeSimilarTitles: true,
    ...organizationFilters(icp),
    employeeRanges: [bandRange(band)],
    perPage,
  };
}
