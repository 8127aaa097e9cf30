/**
 * The texts we embed. Deterministic (same input, same text, same vector), so Chroma entries can
 * be rebuilt from SQLite and compared across runs. Rules, each measured with the real model on
 * the manufacturing ICP (resources/icp/manufacturing-staffing.yaml):
 *
 * - Titles are embedded with abbreviations spelled out ("TA Head" -> "talent acquisition Head"):
 *   MiniLM knows "talent acquisition" but not "TA" (max similarity of HR titles to the T2 list
 *   went from 0.27-0.61 to 0.74-1.00 with expansion; irrelevant titles stayed at 0.36-0.45).
 * - A contact is its title only. The organization name is an arbitrary proper noun that pulls
 *   every vector towards the same tokens: adding it narrowed the relevant/irrelevant gap. Names
 *   are never embedded (noise, and personal data has no business in a vector store).
 * - Title lists score best one title at a time (max over the tier's titles, icpTitleProfiles):
 *   one text holding eight titles averages them into a blur.
 * - Companies and ICPs share one layout ("Industry: ... Size: ... Location: ...") and one
 *   vocabulary for size (SIZE_BANDS) and countries (COUNTRY_NAMES), so matching fields meet
 *   the same words on both sides. Fields go most-discriminating first; absent fields are left
 *   out rather than written as "unknown" (which would make unknown companies look alike).
 */
import { ABBREVIATIONS } from '../domain/title-vocab';
import type { Icp, Tier } from '../domain/icp';
import type { CandidatePerson, Company } from '../domain/types';

/** Employee-count bands with the words used for them in every profile. */
export const SIZE_BANDS: { min: number; max: number; label: string }[] = [
  { min: 1, max: 10, label: 'micro business (1-10 employees)' },
  { min: 11, max: 50, label: 'small business (11-50 employees)' },
  { min: 51, max: 200, label: 'small company (51-200 employees)' },
  { min: 201, max: 1000, label: 'mid-sized company (201-1,000 employees)' },
  { min: 1001, max: 5000, label: 'large company (1,001-5,000 employees)' },
  { min: 5001, max: 10000, label: 'large enterprise (5,001-10,000 employees)' },
  { min: 10001, max: Number.POSITIVE_INFINITY, label: 'very large enterprise (10,000+ employees)' },
];

/** How ICPs abbreviate countries -> how provider data spells them. */
export const COUNTRY_NAMES: Record<string, string> = {
  usa: 'United States',
  us: 'United States',
  'u.s.': 'United States',
  'u.s.a.': 'United States',
  'united states of america': 'United States',
  uk: 'United Kingdom',
  'u.k.': 'United Kingdom',
  'great britain': 'United Kingdom',
  uae: 'United Arab Emirates',
};

const MAX_KEYWORDS = 12;
const MAX_DESCRIPTION_CHARS = 400; // MiniLM was trained on <= 256 word pieces; keep room for the rest

function clean(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

/** Case-insensitive de-duplication keeping the first spelling and order. */
function unique(items: (string | null | undefined)[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of items) {
    const item = clean(raw);
    const key = item.toLowerCase();
    if (item && !seen.has(key)) {
      seen.add(key);
      out.push(item);
    }
  }
  return out;
}

/** Cut at a word boundary so no half word reaches the tokenizer. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return text.slice(0, cut > 0 ? cut : max) + '...';
}

function sentence(label: string, value: string): string {
  return value ? `${label}: ${value}.` : '';
}

/** A title with its abbreviations spelled out (words split on anything but letters/digits/&). */
export function titleText(title: string): string {
  return clean(title)
    .split(/([^A-Za-z0-9&]+)/)
    .map((part) => ABBREVIATIONS[part.toLowerCase()] ?? part)
    .join('');
}

export function sizeBand(employees: number): string {
  const band = SIZE_BANDS.find((b) => employees >= b.min && employees <= b.max) ?? SIZE_BANDS[0]!;
  return band.label;
}

/** The bands an ICP's [min, max] employee range touches, smallest first. */
export function sizeBandsBetween(min: number, max: number): string[] {
  return SIZE_BANDS.filter((b) => b.max >= min && b.min <= max).map((b) => b.label);
}

export function countryName(country: string): string {
  const c = clean(country);
  return COUNTRY_NAMES[c.toLowerCase()] ?? c;
}

/** A candidate from a free people search: its title, spelled out. See the header for why only that. */
export function contactProfile(person: Pick<CandidatePerson, 'title'>): string {
  return titleText(person.title);
}

/**
 * One text per ICP title of a tier; score a contact by its best match against these
 * (max cosine). Order and duplicates follow the ICP (duplicates after expansion removed).
 */
export function icpTitleProfiles(icp: Icp, tier: Tier): string[] {
  return unique(icp.tiers[tier].titles.map(titleText));
}

/**
 * The ICP as one text. Without a tier: the company side only (industry, size, location) — what
 * companyProfile is compared with. With a tier: the tier's titles first, then the same fields
 * (the `icps` collection keeps one such text per campaign and tier).
 */
export function icpProfile(icp: Icp, tier?: Tier): string {
  const parts = [
    tier ? sentence('Job titles', icpTitleProfiles(icp, tier).join(', ')) : '',
    sentence('Industry', unique(icp.industries).join(', ')),
    sentence('Size', sizeBandsBetween(icp.companySize.min, icp.companySize.max).join(', ')),
    sentence('Location', unique(icp.locations.map(countryName)).join(', ')),
  ];
  return parts.filter(Boolean).join(' ');
}

/**
 * A company after enrichment: industry labels, size band, headquarters and other locations,
 * keywords, then the start of the description. The name goes last: it sometimes says what the
 * company does ("... Castings Ltd") but should not dominate the text.
 */
export function companyProfile(company: Company): string {
  const hq = unique([
    company.city,
    company.state,
    company.country ? countryName(company.country) : null,
  ]).join(', ');
  const description = clean(company.description);
  const parts = [
    sentence('Industry', unique([company.industry, ...company.industries]).join(', ')),
    company.employees != null && company.employees > 0 ? sentence('Size', sizeBand(company.employees)) : '',
    sentence('Location', unique([hq, ...company.locations]).join('; ')),
    sentence('Keywords', unique(company.keywords).slice(0, MAX_KEYWORDS).join(', ')),
    truncate(description, MAX_DESCRIPTION_CHARS),
    sentence('Company', clean(company.name)),
  ];
  return parts.filter(Boolean).join(' ');
}
