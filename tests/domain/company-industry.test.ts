import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blankCompany } from '../../main/domain/blank';
import { validateCompany } from '../../main/domain/checklist';
import { decideIndustry, readIndustryLabel } from '../../main/domain/company-industry';
import { parseIcpText } from '../../main/domain/icp-io';
import { matchIndustry } from '../../main/domain/industries';
import type { Company } from '../../main/domain/types';

/**
 * Real companies with the labels real vendors give them: LinkedIn's older list (what Apollo
 * returns), LinkedIn's newer names, Yahoo/Morningstar's and GICS's. The manufacturers must read as
 * their ICP industry; their lookalikes — who sell, distribute, staff, code for, fly or cook what
 * manufacturers make — must stay out.
 */
const template = parseIcpText(readFileSync('resources/icp/manufacturing-staffing.yaml', 'utf8'), 'yaml');
if (!template.ok) throw new Error('template invalid');
const industries = template.icp.industries;
const decide = (industry: string | null, description: string | null = null) =>
  decideIndustry({ industry, description }, industries);

describe('manufacturers, whichever vendor labelled them', () => {
  it.each([
    ['Ford Motor Company', 'Motor Vehicle Manufacturing', 'Automotive'],
    ['Robert Bosch', 'automotive', 'Automotive'],
    ['Toyota Motor', 'Auto Manufacturers', 'Automotive'],
    ['BorgWarner', 'Auto Parts', 'Automotive'],
    ['Caterpillar', 'machinery', 'Industrial Machinery'],
    ['Deere & Company', 'Farm & Heavy Construction Machinery', 'Industrial Machinery'],
    ['Pfizer', 'pharmaceuticals', 'Pharmaceuticals'],
    ['Merck', 'Pharmaceutical Manufacturing', 'Pharmaceuticals'],
    ['Teva', 'Drug Manufacturers - Specialty & Generic', 'Pharmaceuticals'],
    ['PepsiCo', 'food & beverages', 'Food & Beverage Manufacturing'],
    ['Kraft Heinz', 'Packaged Foods', 'Food & Beverage Manufacturing'],
    ['Tyson Foods', 'Food and Beverage Manufacturing', 'Food & Beverage Manufacturing'],
    ['Boeing', 'Aviation and Aerospace Component Manufacturing', 'Aerospace & Defense'],
    ['Lockheed Martin', 'defense & space', 'Aerospace & Defense'],
    ['Dow', 'Specialty Chemicals', 'Chemicals'],
    ['Goodyear', 'Rubber & Plastics', 'Plastics & Rubber'],
    ['Nucor', 'Steel', 'Metals & Fabrication'],
    ['Ball Corporation', 'Packaging & Containers', 'Packaging'],
    ['Texas Instruments', 'Semiconductors', 'Electronics'],
    ['Whirlpool', 'Appliances, Electrical, and Electronics Manufacturing', 'Electronics'],
    ['Procter & Gamble', 'Household & Personal Products', 'Consumer Goods Manufacturing'],
    ['Levi Strauss', 'Apparel Manufacturing', 'Textiles & Apparel'],
  ])('%s ("%s") → %s', (_name, label, industry) => {
    const d = decide(label);
    expect(d.industryMatch).toBe(true);
    expect(d.matched).toBe(industry);
    expect(d.basis).toBe('label');
  });
});

describe('lookalikes stay out', () => {
  it.each([
    // retailers of what manufacturers make
    ['Foot Locker', 'Retail Apparel and Fashion'],
    ['Gap', 'Apparel Retail'],
    ['CarMax', 'Retail Motor Vehicles'],
    ['AutoZone', 'Specialty Retail'],
    ['Walgreens', 'Pharmaceutical Retailers'],
    ['Kroger', 'Retail Groceries'],
    // distributors
    ['Genuine Parts Company', 'Wholesale Motor Vehicles and Parts'],
    ['W.W. Grainger', 'Industrial Distribution'],
    ['Sysco', 'Food Distribution'],
    ['Arrow Electronics', 'Electronics & Computer Distribution'],
    ['McKesson', 'Medical Distribution'],
    // staffing agencies
    ['ManpowerGroup', 'Staffing and Recruiting'],
    ['Robert Half', 'Staffing & Employment Services'],
    ['Adecco', 'Human Resources Services'],
    // software for manufacturers
    ['PTC', 'Software—Application'],
    ['Siemens Digital Industries Software', 'Software Development'],
    ['Plex Systems', 'computer software'],
    // airlines, not aerospace makers
    ['Delta Air Lines', 'Airlines and Aviation'],
    ['United Airlines', 'airlines/aviation'],
    ['Southwest Airlines', 'Airlines'],
    // restaurants and caterers, not food producers
    ["McDonald's", 'Restaurants'],
    ['Aramark', 'Food and Beverage Services'],
    ['Darden', 'restaurants'],
  ])('%s ("%s") is not a manufacturer', (_name, label) => {
    const d = decide(label);
    expect(d.industryMatch).toBe(false);
    expect(d.matched).toBeNull();
  });

  it('keywords do not make a software company a manufacturer', () => {
    const d = decideIndustry(
      { industry: 'computer software', keywords: ['manufacturing', 'erp', 'plant scheduling'] },
      industries,
    );
    expect(d.industryMatch).toBe(false);
  });
});

describe('a description alone', () => {
  it.each([
    [
      'Manufacturer of precision-machined components for the automotive industry, with plants in Ohio.',
      'Automotive',
    ],
    ['We produce specialty resins and coatings for industrial customers.', 'Chemicals'],
    ['Family-owned company that manufactures corrugated boxes and packaging.', 'Packaging'],
    [
      'FANUC designs and manufactures industrial robots and factory automation equipment.',
      'Industrial Machinery',
    ],
  ])('%s → %s', (description, industry) => {
    const d = decide(null, description);
    expect(d).toMatchObject({ industryMatch: true, matched: industry, basis: 'description' });
  });

  it.each([
    'We operate a chain of 400 apparel stores across the United States.',
    'A cloud software platform that helps manufacturers schedule their plants.',
    'Distributor of industrial MRO supplies and fasteners to manufacturers.',
    'A staffing agency placing temporary workers at factories in the Midwest.',
    'Regional airline flying passengers to 40 cities.',
    'Fast food restaurants serving burgers and fries.',
    // remote-first software firms in their own words (remoteintech's list): "makers of" plugins,
    // "robotic" office automation "for aerospace, manufacturing, automotive…"
    "We're the makers of a number of commercial WordPress plugins, including Easy Digital Downloads.",
    'We offer Robotic Process Automation with smart learning, with solutions for aerospace, manufacturing, automotive and pharmaceuticals.',
  ])('%s → not a manufacturer', (description) => {
    expect(decide(null, description).industryMatch).toBe(false);
  });

  it('lets a description say which sector a bare "Manufacturing" label is', () => {
    const d = decide('Manufacturing', 'We manufacture steel castings and forgings.');
    expect(d).toMatchObject({ industryMatch: true, matched: 'Metals & Fabrication', basis: 'both' });
  });

  it('never lets a description talk a retailer into a manufacturer', () => {
    expect(decide('Retail', 'We manufacture our own private-label apparel.').industryMatch).toBe(false);
  });
});

describe('other ICPs and the old entry point', () => {
  it('reads a SaaS ICP the same way', () => {
    const saas = ['SaaS', 'FinTech', 'HealthTech'];
    expect(decideIndustry({ industry: 'Software Development' }, saas).matched).toBe('SaaS');
    expect(decideIndustry({ industry: 'machinery' }, saas).industryMatch).toBe(false);
  });

  it('matchIndustry keeps its shape for the checklist and the pre-filter', () => {
    expect(matchIndustry(['Motor Vehicle Manufacturing'], industries)).toEqual({
      industry: 'Automotive',
      label: 'motor vehicle manufacturing',
    });
    expect(matchIndustry(['Retail Apparel and Fashion'], industries)).toBeNull();
  });

  it('reads SIC-style titles without their code', () => {
    expect(readIndustryLabel('Semiconductors & Related Devices')).toMatchObject({ makes: true });
    expect(readIndustryLabel('Services-Help Supply Services')).toMatchObject({ makes: false });
    expect(readIndustryLabel('Metal Mining')).toMatchObject({ makes: false });
  });
});

describe("the checklist's industry evidence names the deciding signal", () => {
  const icp = template.icp;
  const evidence = (over: Partial<Company>) => {
    const v = validateCompany(
      blankCompany({ name: 'X', domain: 'x.com', employees: 500, country: 'United States', ...over }),
      icp,
    );
    return v.checks.find((c) => c.id === 'industry')!;
  };

  it('a label', () => {
    const c = evidence({
      industry: 'Motor Vehicle Manufacturing',
      industries: ['Motor Vehicle Manufacturing'],
    });
    expect(c.passed).toBe(true);
    expect(c.evidence).toMatch(/reads as Automotive.*decided by its industry label/);
  });

  it('a description when there is no label', () => {
    const c = evidence({ description: 'We manufacture corrugated boxes and folding cartons.' });
    expect(c.passed).toBe(true);
    expect(c.evidence).toMatch(/Packaging.*decided by its description/);
  });

  it('a lookalike, saying what it is instead', () => {
    const c = evidence({ industry: 'Industrial Distribution', industries: ['Industrial Distribution'] });
    expect(c.passed).toBe(false);
    expect(c.evidence).toMatch(/not a maker \(wholesale/);
  });
});

describe('a field label beside what the company says it does', () => {
  it('reads "Biotechnology" alone as a drug maker (most such coded records are)', () => {
    expect(decide('Biotechnology')).toMatchObject({ industryMatch: true, matched: 'Pharmaceuticals' });
  });

  it('lets research words with no making say a biotech lab is no maker', () => {
    const lab = decideIndustry(
      { industry: 'biotechnology', keywords: ['drug discovery', 'genomics', 'preclinical research'] },
      industries,
    );
    expect(lab).toMatchObject({ industryMatch: false, basis: 'label', signal: 'keywords' });
    expect(
      decide('Biotechnology', 'Helix Bio researches new therapeutics for rare diseases.').industryMatch,
    ).toBe(false);
  });

  it('keeps a biotech that says it manufactures', () => {
    const d = decide(
      'Biotechnology',
      'We discover, develop and manufacture biologics at two cGMP plants in North Carolina.',
    );
    expect(d).toMatchObject({ industryMatch: true, matched: 'Pharmaceuticals' });
  });

  it('never lets research words veto a label that names a trade of makers', () => {
    expect(
      decide('Pharmaceutical Manufacturing', 'Research-driven maker of generic drugs.').industryMatch,
    ).toBe(true);
  });
});
