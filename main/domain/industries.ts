import { icpIndustryFor, icpSector, readIndustryLabel } from './company-industry';

/**
 * ICP industry names (what a salesperson ticks) → the industry labels providers use (Apollo uses
 * LinkedIn's list). A company matches when one of its industry labels contains an alias.
 * Keywords are deliberately NOT enough: "software for manufacturers" is not a manufacturer.
 */
export const INDUSTRY_ALIASES: Record<string, string[]> = {
  automotive: ['automotive', 'auto parts', 'motor vehicle'],
  electronics: [
    'electrical/electronic manufacturing',
    'electronics',
    'semiconductors',
    'electronic components',
  ],
  'industrial machinery': ['machinery', 'industrial automation', 'industrial equipment'],
  chemicals: ['chemicals', 'chemical'],
  'plastics & rubber': ['plastics', 'rubber'],
  'metals & fabrication': ['mining & metals', 'metal', 'steel', 'fabricat'],
  'food & beverage manufacturing': ['food production', 'food & beverages', 'beverage', 'food processing'],
  pharmaceuticals: ['pharmaceutical'],
  'textiles & apparel': ['textiles', 'apparel', 'garment'],
  'aerospace & defense': ['aviation & aerospace', 'aerospace', 'defense & space', 'defense'],
  'consumer goods manufacturing': ['consumer goods', 'consumer products'],
  packaging: ['packaging'],
  saas: ['computer software', 'saas', 'software as a service'],
  fintech: ['financial technology', 'fintech', 'financial software'],
  healthtech: ['health technology', 'healthtech', 'health, wellness & fitness software', 'digital health'],
};

function norm(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

export function aliasesFor(icpIndustry: string): string[] {
  const key = norm(icpIndustry);
  return INDUSTRY_ALIASES[key] ?? [key];
}

/**
 * The first ICP industry a company's labels match, with the label that matched; null if none.
 * Labels are read for what they say the company is (company-industry.ts): "Motor Vehicle
 * Manufacturing" and "Auto Manufacturers" are automotive, "Retail Apparel and Fashion" is a
 * retailer. An ICP industry the reader does not know falls back to its name as an alias.
 */
export function matchIndustry(
  labels: (string | null | undefined)[],
  icpIndustries: string[],
): { industry: string; label: string } | null {
  const clean = labels.filter((l): l is string => !!l && !!l.trim());
  for (const label of clean) {
    const industry = icpIndustryFor(readIndustryLabel(label), icpIndustries);
    if (industry) return { industry, label: norm(label) };
  }
  const unknown = icpIndustries.filter((i) => !icpSector(i));
  for (const industry of unknown) {
    for (const alias of aliasesFor(industry)) {
      const label = clean.map(norm).find((l) => l.includes(alias));
      if (label) return { industry, label };
    }
  }
  return null;
}

/** Search keyword tags for the provider's organisation filter (broad on purpose: we check after). */
export function searchKeywords(icpIndustries: string[]): string[] {
  return [...new Set(icpIndustries.flatMap((i) => aliasesFor(i)))];
}

const COUNTRY_ALIASES: Record<string, string> = {
  usa: 'united states',
  us: 'united states',
  'u.s.': 'united states',
  'u.s.a.': 'united states',
  america: 'united states',
  'united states of america': 'united states',
  uk: 'united kingdom',
  'great britain': 'united kingdom',
  britain: 'united kingdom',
  england: 'united kingdom',
  bharat: 'india',
  deutschland: 'germany',
};

export function canonicalCountry(name: string): string {
  const n = norm(name);
  return COUNTRY_ALIASES[n] ?? n;
}

/** Provider-facing country names ("United States", not "USA"). */
export function providerLocation(name: string): string {
  return canonicalCountry(name).replace(/\b\w/g, (c) => c.toUpperCase());
}

/** One text per ICP industry for MiniLM to compare descriptions with ("Automotive" → a maker's sentence). */
export function industryPrototypes(icpIndustries: readonly string[]): string[] {
  return icpIndustries.map((industry) => {
    const maker = icpSector(industry)?.makes;
    return maker
      ? `A manufacturer in the ${industry} industry: it makes ${industry.toLowerCase()} products in its own plants.`
      : `A ${industry} company.`;
  });
}
