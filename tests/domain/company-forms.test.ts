import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blankCompany } from '../../main/domain/blank';
import { validateCompany } from '../../main/domain/checklist';
import { decideIndustry, readKeywords, readName } from '../../main/domain/company-industry';
import { parseIcpText } from '../../main/domain/icp-io';

/**
 * Issue 11's other input forms: a company known only by its keyword tags, or by nothing but its
 * name. Trade first in both: a distributor tags and names the products it stocks, a software
 * house the industries it serves, a restaurant its beer. Names and tags are written as vendors
 * and companies write them (examples of ours, not rows of the evaluation data).
 */
const template = parseIcpText(readFileSync('resources/icp/manufacturing-staffing.yaml', 'utf8'), 'yaml');
if (!template.ok) throw new Error('template invalid');
const industries = template.icp.industries;

describe('keywords alone', () => {
  const byTags = (keywords: string[]) => decideIndustry({ keywords }, industries);
  it.each([
    [['cnc machining', 'machine tools', 'precision parts'], 'Industrial Machinery'],
    [['injection molding', 'plastic components', 'tooling'], 'Plastics & Rubber'],
    [['iron castings', 'foundry', 'precision machining'], 'Metals & Fabrication'],
    [['craft brewery', 'beer', 'canning line'], 'Food & Beverage Manufacturing'],
    [['generic drugs', 'pharmaceutical manufacturing', 'gmp'], 'Pharmaceuticals'],
    // tags cut from one phrase still read together
    [['telephone', 'telegraph apparatus'], 'Electronics'],
    // a setting beside a product tag is no trade
    [['health care', 'pharmaceuticals'], 'Pharmaceuticals'],
  ])('%j reads as %s', (tags, industry) => {
    const d = byTags(tags);
    expect(d.matched).toBe(industry);
    expect(d.signal).toBe('keywords');
  });

  it.each([
    // [the maker's tags, the lookalike's tags that share its products]
    [
      ['auto parts', 'brake components'],
      ['auto parts', 'distribution', 'aftermarket'],
    ],
    [
      ['apparel', 'garment manufacturing', 'knitwear'],
      ['apparel', 'retail', 'e-commerce'],
    ],
    [
      ['metal stamping', 'sheet metal'],
      ['light industrial staffing', 'manufacturing', 'temp labor'],
    ],
    [
      ['plastics', 'injection molding'],
      ['manufacturing', 'mes software', 'plant scheduling'],
    ],
    [
      ['aircraft', 'aerospace components'],
      ['airline', 'aviation', 'air travel'],
    ],
    [
      ['snacks', 'packaged foods', 'bakery'],
      ['restaurants', 'bakery', 'catering'],
    ],
    [
      ['pumps', 'compressors'],
      ['pumps', 'compressors', 'repair services'],
    ],
    [
      ['forklifts', 'industrial trucks'],
      ['forklifts', 'equipment rental'],
    ],
  ])('%j is a maker; %j is not', (maker, lookalike) => {
    expect(byTags(maker).industryMatch).toBe(true);
    expect(byTags(lookalike).industryMatch).toBe(false);
  });

  it('a label still comes first: software tagged "manufacturing" stays software', () => {
    const d = decideIndustry(
      { industry: 'Software Development', keywords: ['manufacturing', 'erp'] },
      industries,
    );
    expect(d.industryMatch).toBe(false);
    expect(d.signal).toBeUndefined();
  });

  it('empty or unreadable tags say nothing', () => {
    expect(readKeywords([])).toBeNull();
    expect(readKeywords(['', '  '])).toBeNull();
    expect(readKeywords(['innovation', 'b2b', 'growth'])).toBeNull();
  });
});

describe('a name alone', () => {
  const byName = (name: string) => decideIndustry({ name }, industries);
  it.each([
    ['Great Lakes Steel Corp', 'Metals & Fabrication'],
    ['Midwest Plastics Inc.', 'Plastics & Rubber'],
    ['Carolina Foods, LLC', 'Food & Beverage Manufacturing'],
    ['Meridian Pharmaceuticals Ltd', 'Pharmaceuticals'],
    ['Summit Precision Machinery Co.', 'Industrial Machinery'],
    ['Acme Specialty Chemicals Company', 'Chemicals'],
  ])('%s reads as %s', (name, industry) => {
    const d = byName(name);
    expect(d.matched).toBe(industry);
    expect(d.signal).toBe('name');
  });

  it.each([
    // trades named by what they sell, and settings whose names carry a material
    'Keystone Steel Distributors Inc',
    'Valley Auto Parts Store',
    'Premier Industrial Staffing LLC',
    'Northwind Manufacturing Software',
    'Blue Ridge Airlines',
    'Old Mill Brewpub Restaurant',
    'Iron County Medical Center',
    'Whole Grain Foods Market',
    'Copper State Bank',
    'Rocky Mountain Metals Mining Corp',
  ])('%s is not a maker', (name) => {
    expect(byName(name).industryMatch).toBe(false);
  });

  it('a one-word brand or a name without a product head says nothing', () => {
    expect(readName('Pfizer')).toBeNull();
    expect(readName('Steel')).toBeNull();
    expect(readName('Apex Holdings Inc')).toBeNull();
  });

  it('a label or description outranks the name', () => {
    expect(
      decideIndustry({ name: 'Olympic Steel Inc', industry: 'Steel Service Center' }, industries)
        .industryMatch,
    ).toBe(false);
    expect(
      decideIndustry(
        { name: 'Harbor Electronics Inc', description: 'A distributor of electronic components to OEMs.' },
        industries,
      ).industryMatch,
    ).toBe(false);
  });
});

describe('the checklist names the signal that decided', () => {
  it('says "decided by its keywords" for a manufacturer without a label', () => {
    const c = blankCompany({
      name: 'Tri-State Castings',
      domain: 'tristatecastings.com',
      keywords: ['iron castings', 'foundry'],
    });
    const check = validateCompany(c, template.icp).checks.find((x) => x.id === 'industry')!;
    expect(check.passed).toBe(true);
    expect(check.evidence).toContain('decided by its keywords');
  });
});
