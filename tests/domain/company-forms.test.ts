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
    // what drug developers call themselves (real SEC filers, SIC 2834/2836)
    ['Esperion Therapeutics Inc', 'Pharmaceuticals'],
    ['Sangamo Biosciences Inc', 'Pharmaceuticals'],
    ['Oxis Bioscience Inc', 'Pharmaceuticals'],
    ['Integrated Biopharma Inc', 'Pharmaceuticals'],
    ['XTL Biopharmaceuticals LTD', 'Pharmaceuticals'],
    // what chip, optics and device makers call themselves (SIC 3571/3674/3679/3841)
    ['Sun Microsystems Inc', 'Electronics'],
    ['Pacific Microelectronics Corp', 'Electronics'],
    ['Inrad Optics Inc', 'Electronics'],
    // medical devices: the template's nearest maker sector is electronics
    ['Lifecore Biomedical Inc', 'Electronics'],
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
    'Northstar Digital Therapeutics Inc', // an app prescribed like a drug
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

describe('a description alone: what the company is, then what it makes', () => {
  const byText = (description: string) => decideIndustry({ description }, industries);
  it.each([
    'Cummins Inc. is an American multinational corporation that designs, manufactures, and distributes engines, filtration, and power generation products.',
    'Nucor is the largest steel producer in the United States, operating scrap-based mini mills.',
    'Hormel Foods is a food processing company known for Spam and other packaged meat products.',
    'A contract manufacturer of injection-molded plastic parts for the medical and automotive markets.',
    'Lockheed Martin is an aerospace and defense company that builds fighter jets, missiles and satellites.',
    'Family-owned winery producing estate wines in Napa Valley since 1972.',
    'We are a Tier 1 automotive supplier of seating and interior systems to global OEMs.',
    'Precision sheet metal fabrication, laser cutting and powder coating for OEMs.',
    'Leading producer of specialty chemicals, coatings and adhesives.',
    'Hanesbrands is a clothing company that makes basic innerwear and activewear apparel, sold under brands like Hanes and Champion.',
    'Generic pharmaceutical company developing and manufacturing affordable medicines.',
    'Designs and produces printed circuit board assemblies for industrial customers.',
    'Parker Hannifin is a global leader in motion and control technologies, making hydraulic pumps, valves and filters.',
    'Ball Corporation supplies aluminum beverage cans to brewers and soft-drink companies from 70 plants.',
    'Maker of organic snack bars and granola, sold in grocery stores nationwide.',
    'Textile mill spinning and weaving cotton yarn and denim fabrics.',
    'Goodyear is one of the world’s largest tire companies, with manufacturing facilities in 22 countries.',
    'Leading manufacturer of corrugated packaging and folding cartons.',
    'Embraer is a Brazilian aerospace company that produces commercial, military and executive aircraft.',
    'Specialty foundry producing gray and ductile iron castings for heavy equipment.',
    'Contract development and manufacturing organization (CDMO) for sterile injectable drugs.',
    'We manufacture custom rubber gaskets, seals and O-rings.',
    // brands that design what they sell or distribute (official codes file them by the product:
    // SIC 2300s Levi Strauss, 3021 Crocs, 3812 Garmin, 3873 Fossil, 3944 Hasbro)
    "Levi Strauss & Co. designs and markets jeans, casual wear and related accessories under the Levi's and Dockers brands.",
    'Crocs designs and sells casual footwear for men, women and children.',
    'Skechers designs, develops and markets lifestyle and performance footwear.',
    'Garmin designs, develops and distributes GPS navigation and wireless devices for automotive, aviation and marine markets.',
    'Fossil Group designs, markets and distributes fashion accessories, including watches and leather goods.',
    'Hasbro is a global play and entertainment company that designs and markets toys, games and consumer products.',
    // a company named by what it makes
    'Whirlpool is a leading home appliance company, marketing brands such as KitchenAid and Maytag.',
    'Mattel is a leading global toy and family entertainment company.',
    "Tyson Foods is one of the world's largest food companies, with brands like Jimmy Dean and Hillshire Farm.",
    'Colgate-Palmolive is a global consumer products company focused on oral care, personal care and pet nutrition.',
    "Pilgrim's Pride is one of the largest chicken producers in the world.",
    // makers sell through dealers; a dealer is what a description opens with
    'Polaris designs and builds motorcycles sold through 2,000 dealers.',
  ])('"%s" is a maker', (text) => {
    expect(byText(text).industryMatch).toBe(true);
  });

  it.each([
    // distributors, retailers, staffing, software, airlines and aviation services, restaurants,
    // renters, lessors, repairers, service centers, consultancies: the trade comes first
    'Sysco is the largest foodservice distributor in North America, supplying restaurants, hospitals and schools.',
    'Fastenal is an industrial distributor of fasteners, tools and safety supplies with 3,000 branches.',
    'AutoZone is a retailer of aftermarket automotive parts and accessories.',
    'Southwest Airlines is a major US airline flying to 120 destinations.',
    'Darden Restaurants owns and operates Olive Garden and LongHorn Steakhouse restaurants.',
    'Kelly Services is a staffing company providing temporary workers to manufacturing and warehouse clients.',
    'Plex Systems provides cloud ERP and MES software for manufacturers.',
    'AAR Corp provides aviation services including aircraft maintenance, repair and overhaul.',
    'United Rentals rents construction and industrial equipment through 1,500 locations.',
    'A logistics provider offering warehousing and freight forwarding for manufacturers.',
    'Ross Stores operates off-price apparel and home fashion stores.',
    'Arrow Electronics is a global distributor of electronic components and enterprise computing solutions.',
    'Walgreens operates a chain of pharmacies across the United States.',
    'An engineering consultancy providing plant design and automation services to the food industry.',
    'GE Capital Aviation Services leases commercial aircraft to airlines worldwide.',
    'Grainger supplies MRO products to businesses through its catalog and website.',
    'Online marketplace for buying and selling used industrial machinery.',
    'Carvana is an online used-car dealer that sells vehicles through its website and car vending machines.',
    'Manpower Group is a workforce solutions company placing workers in light industrial and manufacturing jobs.',
    'A chain of craft beer bars and brewpubs serving food and local beers.',
    'Reliance Steel & Aluminum is a metals service center company that processes and distributes steel and aluminum.',
    'Boeing Capital provides aircraft financing and leasing to airline customers.',
    'Regional carrier offering scheduled passenger flights to 40 cities.',
    'Industrial equipment repair shop servicing motors, pumps and gearboxes.',
    'Siemens Digital Industries Software builds PLM and simulation software for manufacturers.',
    'A grocery chain with 200 supermarkets across Texas.',
    'Wholesale distributor of plumbing and HVAC supplies to contractors.',
    'McKesson is a pharmaceutical distributor delivering medicines to pharmacies and hospitals.',
    'Import and export trading company dealing in textiles and garments.',
    'Cintas provides uniform rental and facility services to businesses.',
    // the same words beside a trade: distribution, brokerage, trading, design and testing services,
    // research for others, recycling, delivery; the makers it serves are its customers
    'Univar Solutions is a leading global chemical and ingredient distribution company.',
    'A food brokerage company representing manufacturers to grocery retailers.',
    'A steel trading company supplying coils and plates to fabricators across India.',
    'An industrial design agency that designs products for consumer electronics brands.',
    'A packaging design company helping brands create labels and boxes.',
    'A food safety company providing inspection, testing and auditing services to food processors.',
    'A contract research organization that develops clinical trial protocols for pharmaceutical companies.',
    'A metals recycling company that collects and processes scrap steel.',
    'DoorDash is a food delivery company connecting customers with local restaurants.',
    'Zynga develops and markets social games played by millions online.',
    'WESCO designs supply chain solutions and distributes electrical, communications and utility products.',
    'A car dealership group selling new and used vehicles across Ohio.',
    'An HVAC dealer installing and servicing heating and air conditioning systems for homes.',
    'A food science consultancy helping brands develop new recipes and products.',
  ])('"%s" is not a maker', (text) => {
    expect(byText(text).industryMatch).toBe(false);
  });

  it('names the sector the text makes', () => {
    expect(
      byText('Specialty foundry producing gray and ductile iron castings for heavy equipment.').matched,
    ).toBe('Metals & Fabrication');
    expect(byText('Family-owned winery producing estate wines in Napa Valley since 1972.').matched).toBe(
      'Food & Beverage Manufacturing',
    );
    expect(
      byText('We are a Tier 1 automotive supplier of seating and interior systems to global OEMs.').matched,
    ).toBe('Automotive');
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
