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
  /** One chunk of the directory's ids (absent: the tier's filters, all of them in one search). */
  organizationIds?: string[];
}

/**
 * The directory's ids per people search (`organization_ids[]`). Apollo documents no cap for it, but
 * the full template's directory holds ~5,000 ids (a ~140 KB body); its domain list takes at most
 * 1,000 (providers.md), so searches are chunked to that documented size rather than trusting an
 * undocumented one.
 */
export const ORGANIZATION_IDS_PER_SEARCH = 1000;

/** The ids in chunks of at most `size`, in their order (one chunk, or none, when they fit). */
export function idChunks(ids: readonly string[], size = ORGANIZATION_IDS_PER_SEARCH): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  return out;
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
export function searchKeys(
  icp: Icp,
  titles: string[],
  o: { verifiedFirst?: boolean; idChunks?: string[][] } = {},
): SearchKey[][] {
  const bands = sizeBands(icp);
  const passes = bands.flatMap((band) => {
    const all: SearchKey[] = titles.map((title) => ({
      title,
      band,
      key: bands.length === 1 ? title : `${title} @ ${bandRange(band)}`,
    }));
    if (!o.verifiedFirst) return [all];
    return [all.map((s) => ({ ...s, key: `${s.key} · verified`, emailStatuses: VERIFIED_FIRST })), all];
  });
  const chunks = o.idChunks ?? [];
  if (chunks.length < 2) return passes;
  // Each pass reads the directory chunk by chunk (a search's cursor per chunk).
  return passes.flatMap((pass) =>
    chunks.map((ids, k) =>
      pass.map((s) => ({ ...s, key: `${s.key} · ids ${k + 1}/${chunks.length}`, organizationIds: ids })),
    ),
  );
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
