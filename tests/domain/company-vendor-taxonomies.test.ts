import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decideIndustry } from '../../main/domain/company-industry';
import { parseIcpText } from '../../main/domain/icp-io';

/**
 * A general check over whole public taxonomies, written out from the vendors' published lists
 * (not from data rows): every Yahoo Finance/Morningstar industry, every GICS sub-industry (2023
 * structure, also with its sector prefix as data vendors print it, "Information Technology /
 * Semiconductors"), and LinkedIn's V2 names that sit near manufacturing with their lookalikes
 * (wholesale, retail, repair, rental, services). Each is labelled by hand: a maker → the ICP
 * industry it belongs in (a list when a label spans two, '*' for a maker of no one sector), or
 * null for not a maker. Coarse sectors alone ("Industrials", "Materials") say nothing and stay out.
 */
const template = parseIcpText(readFileSync('resources/icp/manufacturing-staffing.yaml', 'utf8'), 'yaml');
if (!template.ok) throw new Error('template invalid');
const industries = template.icp.industries;

type Want = string | readonly string[] | null;
const AUTO = 'Automotive';
const ELEC = 'Electronics';
const MACH = 'Industrial Machinery';
const CHEM = 'Chemicals';
const PLAS = 'Plastics & Rubber';
const METAL = 'Metals & Fabrication';
const FOOD = 'Food & Beverage Manufacturing';
const PHARMA = 'Pharmaceuticals';
const TEXT = 'Textiles & Apparel';
const AERO = 'Aerospace & Defense';
const CONS = 'Consumer Goods Manufacturing';
const PACK = 'Packaging';

/** Yahoo Finance / Morningstar industries (the ~145 names Yahoo shows on a quote's profile). */
const YAHOO: [string, Want][] = [
  // Basic Materials
  ['Agricultural Inputs', CHEM], // fertilizer and crop-protection makers (CF, Mosaic, Corteva)
  ['Building Materials', METAL], // cement, aggregates, gypsum: building materials' nearest listed sector
  ['Chemicals', CHEM],
  ['Specialty Chemicals', CHEM],
  ['Lumber & Wood Production', [CONS, PACK]],
  ['Paper & Paper Products', PACK],
  ['Aluminum', METAL], // smelters and rollers (Alcoa, Century)
  // Yahoo's and GICS's "Copper" are copper ore miners (Freeport, Southern Copper); copper
  // products ("Copper Wire", "Copper Rolling & Drawing") still read as metals below.
  ['Copper', null],
  ['Other Industrial Metals & Mining', null],
  ['Gold', null],
  ['Silver', null],
  ['Other Precious Metals & Mining', null],
  ['Coking Coal', null],
  ['Steel', METAL],
  // Consumer Cyclical
  ['Auto & Truck Dealerships', null],
  ['Auto Manufacturers', AUTO],
  ['Auto Parts', AUTO],
  ['Recreational Vehicles', AUTO], // Polaris, Thor, Winnebago, Harley-Davidson
  ['Furnishings, Fixtures & Appliances', [CONS, ELEC, TEXT]], // Whirlpool, Mohawk, La-Z-Boy
  ['Residential Construction', null],
  ['Textile Manufacturing', TEXT],
  ['Apparel Manufacturing', TEXT],
  ['Footwear & Accessories', TEXT],
  ['Packaging & Containers', PACK],
  ['Personal Services', null],
  ['Restaurants', null],
  ['Apparel Retail', null],
  ['Department Stores', null],
  ['Home Improvement Retail', null],
  // Luxury houses design and make their goods (LVMH, Hermès, Tapestry, Movado); jewellery
  // chains carry retail labels ("Retail Luxury Goods and Jewelry").
  ['Luxury Goods', [CONS, TEXT]],
  ['Internet Retail', null],
  ['Specialty Retail', null],
  ['Gambling', null],
  // "Leisure" alone files toy and boat makers beside gyms and ski resorts: it says nothing.
  ['Leisure', null],
  ['Lodging', null],
  ['Resorts & Casinos', null],
  ['Travel Services', null],
  // Financial Services
  ['Asset Management', null],
  ['Banks—Diversified', null],
  ['Banks—Regional', null],
  ['Mortgage Finance', null],
  ['Capital Markets', null],
  ['Financial Data & Stock Exchanges', null],
  ['Insurance—Life', null],
  ['Insurance—Property & Casualty', null],
  ['Insurance—Reinsurance', null],
  ['Insurance—Specialty', null],
  ['Insurance Brokers', null],
  ['Insurance—Diversified', null],
  ['Shell Companies', null],
  ['Financial Conglomerates', null],
  ['Credit Services', null],
  // Real Estate
  ['Real Estate—Development', null],
  ['Real Estate Services', null],
  ['Real Estate—Diversified', null],
  ['REIT—Healthcare Facilities', null],
  ['REIT—Hotel & Motel', null],
  ['REIT—Industrial', null],
  ['REIT—Office', null],
  ['REIT—Residential', null],
  ['REIT—Retail', null],
  ['REIT—Mortgage', null],
  ['REIT—Specialty', null],
  ['REIT—Diversified', null],
  // Consumer Defensive
  ['Beverages—Brewers', FOOD],
  ['Beverages—Wineries & Distilleries', FOOD],
  ['Beverages—Non-Alcoholic', FOOD],
  ['Confectioners', FOOD],
  // Yahoo's farm products are mostly processors (ADM, Bunge, Tyson, Cal-Maine); growers carry
  // "Farming"/"Crops".
  ['Farm Products', FOOD],
  ['Household & Personal Products', CONS],
  ['Packaged Foods', FOOD],
  ['Education & Training Services', null],
  ['Discount Stores', null],
  ['Food Distribution', null],
  ['Grocery Stores', null],
  ['Tobacco', CONS],
  // Healthcare
  // Biotechnology companies make drugs and biologics (filed under SIC 2834/2836); LinkedIn's
  // "Biotechnology Research" is research labs and stays out.
  ['Biotechnology', PHARMA],
  ['Drug Manufacturers—General', PHARMA],
  ['Drug Manufacturers—Specialty & Generic', PHARMA],
  ['Healthcare Plans', null],
  ['Medical Care Facilities', null],
  ['Pharmaceutical Retailers', null],
  ['Health Information Services', null],
  ['Medical Devices', ELEC], // medical devices' nearest listed sector
  ['Medical Instruments & Supplies', ELEC],
  // Thermo Fisher and Illumina beside LabCorp, Quest and the CROs: labs and makers, undecided.
  ['Diagnostics & Research', null],
  ['Medical Distribution', null],
  // Utilities
  ['Utilities—Independent Power Producers', null],
  ['Utilities—Renewable', null],
  ['Utilities—Regulated Water', null],
  ['Utilities—Regulated Electric', null],
  ['Utilities—Regulated Gas', null],
  ['Utilities—Diversified', null],
  // Communication Services
  ['Telecom Services', null],
  ['Advertising Agencies', null],
  ['Publishing', null],
  ['Broadcasting', null],
  ['Entertainment', null],
  ['Internet Content & Information', null],
  ['Electronic Gaming & Multimedia', null], // video game publishers (EA, Activision): software
  // Energy
  ['Oil & Gas Drilling', null],
  ['Oil & Gas E&P', null],
  ['Oil & Gas Integrated', null],
  ['Oil & Gas Midstream', null],
  ['Oil & Gas Refining & Marketing', CHEM], // refiners are SIC 2911 makers
  ['Oil & Gas Equipment & Services', null], // Schlumberger and Halliburton serve; undecided
  ['Thermal Coal', null],
  ['Uranium', null],
  // Industrials
  ['Aerospace & Defense', AERO],
  ['Specialty Business Services', null],
  ['Consulting Services', null],
  ['Rental & Leasing Services', null],
  ['Security & Protection Services', null],
  ['Staffing & Employment Services', null],
  ['Conglomerates', null], // holding companies as much as industrial groups
  ['Engineering & Construction', null],
  ['Infrastructure Operations', null],
  ['Building Products & Equipment', METAL],
  ['Farm & Heavy Construction Machinery', MACH],
  ['Industrial Distribution', null],
  ['Business Equipment & Supplies', [CONS, ELEC, MACH]], // office furniture, supplies, machines
  ['Specialty Industrial Machinery', MACH],
  ['Metal Fabrication', METAL],
  ['Pollution & Treatment Controls', [MACH, ELEC]], // filters and treatment systems
  ['Tools & Accessories', [METAL, MACH]], // Snap-on, Stanley Black & Decker, Kennametal
  ['Electrical Equipment & Parts', [ELEC, MACH]],
  ['Airports & Air Services', null],
  ['Airlines', null],
  ['Railroads', null],
  ['Marine Shipping', null],
  ['Trucking', null],
  ['Integrated Freight & Logistics', null],
  ['Waste Management', null],
  // Technology
  ['Information Technology Services', null],
  ['Software—Application', null],
  ['Software—Infrastructure', null],
  ['Communication Equipment', ELEC], // Cisco, Motorola Solutions
  ['Computer Hardware', ELEC],
  ['Consumer Electronics', ELEC],
  ['Electronic Components', ELEC],
  ['Electronics & Computer Distribution', null],
  ['Scientific & Technical Instruments', ELEC],
  ['Semiconductor Equipment & Materials', [ELEC, MACH]],
  ['Semiconductors', ELEC],
  ['Solar', ELEC], // panel and inverter makers (First Solar, Enphase)
];

/** GICS sub-industries, 2023 structure, by sector. */
const GICS: [string, string, Want][] = [
  ['Energy', 'Oil & Gas Drilling', null],
  ['Energy', 'Oil & Gas Equipment & Services', null],
  ['Energy', 'Integrated Oil & Gas', null],
  ['Energy', 'Oil & Gas Exploration & Production', null],
  ['Energy', 'Oil & Gas Refining & Marketing', CHEM],
  ['Energy', 'Oil & Gas Storage & Transportation', null],
  ['Energy', 'Coal & Consumable Fuels', null],
  ['Materials', 'Commodity Chemicals', CHEM],
  ['Materials', 'Diversified Chemicals', CHEM],
  ['Materials', 'Fertilizers & Agricultural Chemicals', CHEM],
  ['Materials', 'Industrial Gases', CHEM],
  ['Materials', 'Specialty Chemicals', CHEM],
  // GICS defines it as "manufacturers of construction materials" (cement, aggregates, bricks).
  ['Materials', 'Construction Materials', METAL],
  ['Materials', 'Metal, Glass & Plastic Containers', PACK],
  ['Materials', 'Paper & Plastic Packaging Products & Materials', PACK],
  ['Materials', 'Aluminum', METAL],
  ['Materials', 'Diversified Metals & Mining', null],
  ['Materials', 'Copper', null], // "copper ore mining" in GICS's own definition
  ['Materials', 'Gold', null],
  ['Materials', 'Precious Metals & Minerals', null],
  ['Materials', 'Silver', null],
  ['Materials', 'Steel', METAL],
  ['Materials', 'Forest Products', [PACK, CONS]], // lumber and wood makers
  ['Materials', 'Paper Products', PACK],
  ['Industrials', 'Aerospace & Defense', AERO],
  ['Industrials', 'Building Products', METAL],
  ['Industrials', 'Construction & Engineering', null],
  ['Industrials', 'Electrical Components & Equipment', [ELEC, MACH]],
  ['Industrials', 'Heavy Electrical Equipment', [ELEC, MACH]],
  ['Industrials', 'Industrial Conglomerates', '*'],
  ['Industrials', 'Construction Machinery & Heavy Transportation Equipment', MACH],
  ['Industrials', 'Agricultural & Farm Machinery', MACH],
  ['Industrials', 'Industrial Machinery & Supplies & Components', MACH],
  ['Industrials', 'Trading Companies & Distributors', null],
  ['Industrials', 'Commercial Printing', PACK], // printers are makers in SIC 27 / NAICS 323
  ['Industrials', 'Environmental & Facilities Services', null],
  ['Industrials', 'Office Services & Supplies', null],
  ['Industrials', 'Diversified Support Services', null],
  ['Industrials', 'Security & Alarm Services', null],
  ['Industrials', 'Human Resource & Employment Services', null],
  ['Industrials', 'Research & Consulting Services', null],
  ['Industrials', 'Data Processing & Outsourced Services', null],
  ['Industrials', 'Air Freight & Logistics', null],
  ['Industrials', 'Passenger Airlines', null],
  ['Industrials', 'Marine Transportation', null],
  ['Industrials', 'Rail Transportation', null],
  ['Industrials', 'Cargo Ground Transportation', null],
  ['Industrials', 'Passenger Ground Transportation', null],
  ['Industrials', 'Airport Services', null],
  ['Industrials', 'Highways & Railtracks', null],
  ['Industrials', 'Marine Ports & Services', null],
  ['Consumer Discretionary', 'Automotive Parts & Equipment', AUTO],
  ['Consumer Discretionary', 'Tires & Rubber', [PLAS, AUTO]],
  ['Consumer Discretionary', 'Automobile Manufacturers', AUTO],
  ['Consumer Discretionary', 'Motorcycle Manufacturers', AUTO],
  ['Consumer Discretionary', 'Consumer Electronics', ELEC],
  ['Consumer Discretionary', 'Home Furnishings', [CONS, TEXT]],
  ['Consumer Discretionary', 'Homebuilding', null],
  ['Consumer Discretionary', 'Household Appliances', [ELEC, CONS]],
  ['Consumer Discretionary', 'Housewares & Specialties', CONS],
  ['Consumer Discretionary', 'Leisure Products', CONS],
  ['Consumer Discretionary', 'Apparel, Accessories & Luxury Goods', [TEXT, CONS]],
  ['Consumer Discretionary', 'Footwear', TEXT],
  ['Consumer Discretionary', 'Textiles', TEXT],
  ['Consumer Discretionary', 'Casinos & Gaming', null],
  ['Consumer Discretionary', 'Hotels, Resorts & Cruise Lines', null],
  ['Consumer Discretionary', 'Leisure Facilities', null],
  ['Consumer Discretionary', 'Restaurants', null],
  ['Consumer Discretionary', 'Education Services', null],
  ['Consumer Discretionary', 'Specialized Consumer Services', null],
  ['Consumer Discretionary', 'Distributors', null],
  ['Consumer Discretionary', 'Broadline Retail', null],
  ['Consumer Discretionary', 'Apparel Retail', null],
  ['Consumer Discretionary', 'Computer & Electronics Retail', null],
  ['Consumer Discretionary', 'Home Improvement Retail', null],
  ['Consumer Discretionary', 'Other Specialty Retail', null],
  ['Consumer Discretionary', 'Automotive Retail', null],
  ['Consumer Discretionary', 'Homefurnishing Retail', null],
  ['Consumer Staples', 'Drug Retail', null],
  ['Consumer Staples', 'Food Distributors', null],
  ['Consumer Staples', 'Food Retail', null],
  ['Consumer Staples', 'Consumer Staples Merchandise Retail', null],
  ['Consumer Staples', 'Brewers', FOOD],
  ['Consumer Staples', 'Distillers & Vintners', FOOD],
  ['Consumer Staples', 'Soft Drinks & Non-alcoholic Beverages', FOOD],
  // ADM, Bunge, Darling, Ingredion: processors first, the services second (as in "Farm Products").
  ['Consumer Staples', 'Agricultural Products & Services', FOOD],
  ['Consumer Staples', 'Packaged Foods & Meats', FOOD],
  ['Consumer Staples', 'Tobacco', CONS],
  ['Consumer Staples', 'Household Products', CONS],
  ['Consumer Staples', 'Personal Care Products', CONS],
  ['Health Care', 'Health Care Equipment', ELEC],
  ['Health Care', 'Health Care Supplies', ELEC],
  ['Health Care', 'Health Care Distributors', null],
  ['Health Care', 'Health Care Services', null],
  ['Health Care', 'Health Care Facilities', null],
  ['Health Care', 'Managed Health Care', null],
  ['Health Care', 'Health Care Technology', null],
  ['Health Care', 'Biotechnology', PHARMA],
  ['Health Care', 'Pharmaceuticals', PHARMA],
  // Tools first: instrument and consumables makers (Thermo Fisher, Agilent, Waters, Mettler)
  // outnumber the contract research organisations GICS files beside them.
  ['Health Care', 'Life Sciences Tools & Services', ELEC],
  ['Financials', 'Diversified Banks', null],
  ['Financials', 'Regional Banks', null],
  ['Financials', 'Diversified Financial Services', null],
  ['Financials', 'Multi-Sector Holdings', null],
  ['Financials', 'Specialized Finance', null],
  ['Financials', 'Commercial & Residential Mortgage Finance', null],
  ['Financials', 'Transaction & Payment Processing Services', null],
  ['Financials', 'Consumer Finance', null],
  ['Financials', 'Asset Management & Custody Banks', null],
  ['Financials', 'Investment Banking & Brokerage', null],
  ['Financials', 'Diversified Capital Markets', null],
  ['Financials', 'Financial Exchanges & Data', null],
  ['Financials', 'Mortgage REITs', null],
  ['Financials', 'Insurance Brokers', null],
  ['Financials', 'Life & Health Insurance', null],
  ['Financials', 'Multi-line Insurance', null],
  ['Financials', 'Property & Casualty Insurance', null],
  ['Financials', 'Reinsurance', null],
  ['Information Technology', 'IT Consulting & Other Services', null],
  ['Information Technology', 'Internet Services & Infrastructure', null],
  ['Information Technology', 'Application Software', null],
  ['Information Technology', 'Systems Software', null],
  ['Information Technology', 'Communications Equipment', ELEC],
  ['Information Technology', 'Technology Hardware, Storage & Peripherals', ELEC],
  ['Information Technology', 'Electronic Equipment & Instruments', ELEC],
  ['Information Technology', 'Electronic Components', ELEC],
  ['Information Technology', 'Electronic Manufacturing Services', ELEC],
  ['Information Technology', 'Technology Distributors', null],
  ['Information Technology', 'Semiconductor Materials & Equipment', [ELEC, MACH]],
  ['Information Technology', 'Semiconductors', ELEC],
  ['Communication Services', 'Alternative Carriers', null],
  ['Communication Services', 'Integrated Telecommunication Services', null],
  ['Communication Services', 'Wireless Telecommunication Services', null],
  ['Communication Services', 'Advertising', null],
  ['Communication Services', 'Broadcasting', null],
  ['Communication Services', 'Cable & Satellite', null],
  ['Communication Services', 'Publishing', null],
  ['Communication Services', 'Movies & Entertainment', null],
  ['Communication Services', 'Interactive Home Entertainment', null],
  ['Communication Services', 'Interactive Media & Services', null],
  ['Utilities', 'Electric Utilities', null],
  ['Utilities', 'Gas Utilities', null],
  ['Utilities', 'Multi-Utilities', null],
  ['Utilities', 'Water Utilities', null],
  ['Utilities', 'Independent Power Producers & Energy Traders', null],
  ['Utilities', 'Renewable Electricity', null],
  ['Real Estate', 'Diversified REITs', null],
  ['Real Estate', 'Industrial REITs', null],
  ['Real Estate', 'Hotel & Resort REITs', null],
  ['Real Estate', 'Office REITs', null],
  ['Real Estate', 'Health Care REITs', null],
  ['Real Estate', 'Multi-Family Residential REITs', null],
  ['Real Estate', 'Single-Family Residential REITs', null],
  ['Real Estate', 'Retail REITs', null],
  ['Real Estate', 'Diversified Real Estate Activities', null],
  ['Real Estate', 'Real Estate Operating Companies', null],
  ['Real Estate', 'Real Estate Development', null],
  ['Real Estate', 'Real Estate Services', null],
  ['Real Estate', 'Data Center REITs', null],
  ['Real Estate', 'Other Specialized REITs', null],
  ['Real Estate', 'Self-Storage REITs', null],
  ['Real Estate', 'Telecom Tower REITs', null],
  ['Real Estate', 'Timber REITs', null],
];

/** LinkedIn's V2 industry names near manufacturing, and their lookalikes. */
const LINKEDIN_V2: [string, Want][] = [
  ['Manufacturing', '*'],
  ['Appliances, Electrical, and Electronics Manufacturing', ELEC],
  ['Electric Lighting Equipment Manufacturing', ELEC],
  ['Electrical Equipment Manufacturing', [ELEC, MACH]],
  ['Household Appliance Manufacturing', [ELEC, CONS]],
  ['Chemical Manufacturing', CHEM],
  ['Agricultural Chemical Manufacturing', CHEM],
  ['Artificial Rubber and Synthetic Fiber Manufacturing', [PLAS, CHEM, TEXT]],
  ['Chemical Raw Materials Manufacturing', CHEM],
  ['Paint, Coating, and Adhesive Manufacturing', CHEM],
  ['Personal Care Product Manufacturing', CONS],
  ['Pharmaceutical Manufacturing', PHARMA],
  ['Soap and Cleaning Product Manufacturing', [CHEM, CONS]],
  ['Climate Technology Product Manufacturing', '*'],
  ['Computers and Electronics Manufacturing', ELEC],
  ['Audio and Video Equipment Manufacturing', ELEC],
  ['Communications Equipment Manufacturing', ELEC],
  ['Computer Hardware Manufacturing', ELEC],
  ['Magnetic and Optical Media Manufacturing', ELEC],
  ['Measuring and Control Instrument Manufacturing', ELEC],
  ['Smart Meter Manufacturing', ELEC],
  ['Semiconductor Manufacturing', ELEC],
  ['Renewable Energy Semiconductor Manufacturing', ELEC],
  ['Fabricated Metal Products', METAL],
  ['Architectural and Structural Metal Manufacturing', METAL],
  ['Boilers, Tanks, and Shipping Container Manufacturing', [METAL, PACK, MACH]],
  ['Construction Hardware Manufacturing', METAL],
  ['Cutlery and Handtool Manufacturing', METAL],
  ['Metal Treatments', METAL],
  ['Metal Valve, Ball, and Roller Manufacturing', [METAL, MACH]],
  ['Spring and Wire Product Manufacturing', METAL],
  ['Turned Products and Fastener Manufacturing', [METAL, MACH]],
  ['Primary Metal Manufacturing', METAL],
  ['Food and Beverage Manufacturing', FOOD],
  ['Breweries', FOOD],
  ['Distilleries', FOOD],
  ['Wineries', FOOD],
  ['Animal Feed Manufacturing', FOOD],
  ['Baked Goods Manufacturing', FOOD],
  ['Beverage Manufacturing', FOOD],
  ['Dairy Product Manufacturing', FOOD],
  ['Fruit and Vegetable Preserves Manufacturing', FOOD],
  ['Meat Products Manufacturing', FOOD],
  ['Seafood Product Manufacturing', FOOD],
  ['Sugar and Confectionery Product Manufacturing', FOOD],
  ['Furniture and Home Furnishings Manufacturing', [CONS, TEXT]],
  ['Household and Institutional Furniture Manufacturing', CONS],
  ['Mattress and Blinds Manufacturing', [CONS, TEXT]],
  ['Office Furniture and Fixtures Manufacturing', CONS],
  ['Glass, Ceramics and Concrete Manufacturing', METAL],
  ['Abrasives and Nonmetallic Minerals Manufacturing', METAL],
  ['Clay and Refractory Products Manufacturing', METAL],
  ['Glass Product Manufacturing', METAL],
  ['Lime and Gypsum Products Manufacturing', METAL],
  ['Leather Product Manufacturing', TEXT],
  ['Footwear Manufacturing', TEXT],
  ["Women's Handbag Manufacturing", [TEXT, CONS]],
  ['Machinery Manufacturing', MACH],
  ['Agriculture, Construction, Mining Machinery Manufacturing', MACH],
  ['Automation Machinery Manufacturing', MACH],
  ['Robot Manufacturing', MACH],
  ['Commercial and Service Industry Machinery Manufacturing', MACH],
  ['Engines and Power Transmission Equipment Manufacturing', MACH],
  ['HVAC and Refrigeration Equipment Manufacturing', MACH],
  ['Industrial Machinery Manufacturing', MACH],
  ['Metalworking Machinery Manufacturing', MACH],
  ['Medical Equipment Manufacturing', ELEC],
  ['Oil and Coal Product Manufacturing', CHEM],
  ['Paper and Forest Product Manufacturing', PACK],
  ['Plastics and Rubber Product Manufacturing', PLAS],
  ['Packaging and Containers Manufacturing', PACK],
  ['Plastics Manufacturing', PLAS],
  ['Rubber Products Manufacturing', PLAS],
  ['Sporting Goods Manufacturing', CONS],
  ['Textile Manufacturing', TEXT],
  ['Apparel Manufacturing', TEXT],
  ['Fashion Accessories Manufacturing', TEXT],
  ['Tobacco Manufacturing', CONS],
  ['Transportation Equipment Manufacturing', MACH],
  ['Aviation and Aerospace Component Manufacturing', AERO],
  ['Defense and Space Manufacturing', AERO],
  ['Motor Vehicle Manufacturing', AUTO],
  ['Motor Vehicle Parts Manufacturing', AUTO],
  ['Railroad Equipment Manufacturing', MACH],
  ['Shipbuilding', MACH],
  ['Wood Product Manufacturing', CONS],
  // lookalikes: wholesale
  ['Wholesale', null],
  ['Wholesale Apparel and Sewing Supplies', null],
  ['Wholesale Building Materials', null],
  ['Wholesale Chemical and Allied Products', null],
  ['Wholesale Computer Equipment', null],
  ['Wholesale Drugs and Sundries', null],
  ['Wholesale Food and Beverage', null],
  ['Wholesale Footwear', null],
  ['Wholesale Furniture and Home Furnishings', null],
  ['Wholesale Hardware, Plumbing, Heating Equipment', null],
  ['Wholesale Import and Export', null],
  ['Wholesale Luxury Goods and Jewelry', null],
  ['Wholesale Machinery', null],
  ['Wholesale Metals and Minerals', null],
  ['Wholesale Motor Vehicles and Parts', null],
  ['Wholesale Paper Products', null],
  ['Wholesale Petroleum and Petroleum Products', null],
  ['Wholesale Photography Equipment and Supplies', null],
  ['Wholesale Raw Farm Products', null],
  ['Wholesale Recyclable Materials', null],
  // retail
  ['Retail', null],
  ['Retail Apparel and Fashion', null],
  ['Retail Appliances, Electrical, and Electronic Equipment', null],
  ['Retail Books and Printed News', null],
  ['Retail Building Materials and Garden Equipment', null],
  ['Retail Furniture and Home Furnishings', null],
  ['Retail Gasoline', null],
  ['Retail Groceries', null],
  ['Retail Health and Personal Care Products', null],
  ['Retail Luxury Goods and Jewelry', null],
  ['Retail Motor Vehicles', null],
  ['Retail Musical Instruments', null],
  ['Retail Office Equipment', null],
  ['Retail Office Supplies and Gifts', null],
  ['Retail Recyclable Materials & Used Merchandise', null],
  ['Online and Mail Order Retail', null],
  ['Food and Beverage Retail', null],
  // repair and rental
  ['Repair and Maintenance', null],
  ['Vehicle Repair and Maintenance', null],
  ['Electronic and Precision Equipment Maintenance', null],
  ['Commercial and Industrial Machinery Maintenance', null],
  ['Reupholstery and Furniture Repair', null],
  ['Footwear and Leather Goods Repair', null],
  ['Equipment Rental Services', null],
  ['Commercial and Industrial Equipment Rental', null],
  ['Consumer Goods Rental', null],
  // services, software, transport, food service, research, energy
  ['Staffing and Recruiting', null],
  ['Executive Search Services', null],
  ['Temporary Help Services', null],
  ['Software Development', null],
  ['IT Services and IT Consulting', null],
  ['Computer Games', null],
  ['Mobile Gaming Apps', null],
  ['Airlines and Aviation', null],
  ['Restaurants', null],
  ['Food and Beverage Services', null],
  ['Caterers', null],
  ['Mobile Food Services', null],
  ['Bars, Taverns, and Nightclubs', null],
  ['Biotechnology Research', null],
  ['Nanotechnology Research', null],
  ['Research Services', null],
  ['Engineering Services', null],
  ['Printing Services', null],
  ['Oil and Gas', null],
  ['Mining', null],
  ['Metal Ore Mining', null],
  ['Nonmetallic Mineral Mining', null],
  ['Utilities', null],
  ['Solar Electric Power Generation', null],
  ['Renewable Energy Power Generation', null],
  ['Truck Transportation', null],
  ['Freight and Package Transportation', null],
  ['Warehousing and Storage', null],
  ['Transportation, Logistics, Supply Chain and Storage', null],
  ['Farming', null],
  ['Ranching', null],
  ['Construction', null],
  ['Hospitals and Health Care', null],
  ['Medical Practices', null],
  ['Computer and Network Security', null],
  ['Zoos and Botanical Gardens', null], // "botanical" is a drug word, the garden is not
];

/** ZoomInfo's two-level industries ("Manufacturing > …") and the lookalikes in its other branches. */
const ZOOMINFO: [string, Want][] = [
  ['Manufacturing > Aerospace & Defense', AERO],
  ['Manufacturing > Appliances', [ELEC, CONS]],
  ['Manufacturing > Automotive Parts', AUTO],
  ['Manufacturing > Boats & Submarines', MACH],
  ['Manufacturing > Building Materials', METAL],
  ['Manufacturing > Chemicals & Related Products', CHEM],
  ['Manufacturing > Cleaning Products', [CHEM, CONS]],
  ['Manufacturing > Computer Equipment & Peripherals', ELEC],
  ['Manufacturing > Cosmetics, Beauty Supply & Personal Care Products', CONS],
  ['Manufacturing > Consumer Electronics', ELEC],
  ['Manufacturing > Electronics', ELEC],
  ['Manufacturing > Food & Beverage', FOOD],
  ['Manufacturing > Furniture', CONS],
  ['Manufacturing > Glass & Clay', METAL],
  ['Manufacturing > Hand, Power & Lawn-care Tools', '*'],
  ['Manufacturing > Health & Nutrition Products', '*'],
  ['Manufacturing > Household Goods', CONS],
  ['Manufacturing > Industrial Machinery & Equipment', MACH],
  ['Manufacturing > Medical Devices & Equipment', ELEC],
  ['Manufacturing > Motor Vehicles', AUTO],
  ['Manufacturing > Pet Products', '*'],
  ['Manufacturing > Pharmaceuticals', PHARMA],
  ['Manufacturing > Photographic & Optical Equipment', ELEC],
  ['Manufacturing > Plastic, Packaging & Containers', [PACK, PLAS]],
  ['Manufacturing > Pulp & Paper', PACK],
  ['Manufacturing > Sporting Goods', CONS],
  ['Manufacturing > Telecommunication Equipment', ELEC],
  ['Manufacturing > Test & Measurement Equipment', ELEC],
  ['Manufacturing > Textiles & Apparel', TEXT],
  ['Manufacturing > Tires & Rubber', PLAS],
  ['Manufacturing > Toys & Games', CONS],
  ['Manufacturing > Watches & Jewelry', CONS],
  ['Manufacturing > Wire & Cable', [METAL, ELEC]],
  ['Retail > Automobile Dealers', null],
  ['Retail > Automobile Parts Stores', null],
  ['Retail > Consumer Electronics & Computers Retail', null],
  ['Retail > Apparel & Accessories Retail', null],
  ['Retail > Grocery Retail', null],
  ['Retail > Home Improvement & Hardware Retail', null],
  ['Retail > Drug Stores & Pharmacies', null],
  ['Business Services > HR & Staffing', null],
  ['Business Services > Facilities Management & Commercial Cleaning', null],
  ['Business Services > Custom Software & IT Services', null],
  ['Software > Engineering Software', null],
  ['Software > Supply Chain Management Software', null],
  ['Transportation > Airlines, Airports & Air Services', null],
  ['Transportation > Freight & Logistics Services', null],
  ['Hospitality > Restaurants', null],
  ['Hospitals & Physicians Clinics > Medical & Surgical Hospitals', null],
  ['Energy, Utilities & Waste > Oil & Gas Exploration & Services', null],
  ['Minerals & Mining', null],
  ['Agriculture > Crops', null],
  ['Holding Companies & Conglomerates', null],
];

/**
 * LinkedIn's older list (its 146 names), lower case as Apollo's search returns it (`organization.industry`):
 * the label a campaign sees most. A maker → its ICP industry; everything else, including the
 * trades next door ("wholesale", "mechanical or industrial engineering"), is no maker by label.
 */
const APOLLO_LINKEDIN_V1: [string, Want][] = [
  ['accounting', null],
  ['airlines/aviation', null],
  ['alternative dispute resolution', null],
  ['alternative medicine', null],
  ['animation', null],
  ['apparel & fashion', TEXT], // brands that make clothes; retailers carry LinkedIn's 'retail'
  ['architecture & planning', null],
  ['arts & crafts', null],
  ['automotive', AUTO],
  ['aviation & aerospace', AERO],
  ['banking', null],
  ['biotechnology', PHARMA], // drug makers on coded records (README)
  ['broadcast media', null],
  ['building materials', METAL],
  ['business supplies & equipment', null], // office-equipment dealers as often as makers: keywords decide
  ['capital markets', null],
  ['chemicals', CHEM],
  ['civic & social organization', null],
  ['civil engineering', null],
  ['commercial real estate', null],
  ['computer & network security', null], // security software and services
  ['computer games', null],
  ['computer hardware', ELEC],
  ['computer networking', ELEC],
  ['computer software', null],
  ['construction', null],
  ['consumer electronics', ELEC],
  ['consumer goods', CONS],
  ['consumer services', null],
  ['cosmetics', CONS],
  ['dairy', FOOD],
  ['defense & space', AERO],
  ['design', null],
  ['e-learning', null],
  ['education management', null],
  ['electrical/electronic manufacturing', ELEC],
  ['entertainment', null],
  ['environmental services', null],
  ['events services', null],
  ['executive office', null],
  ['facilities services', null],
  ['farming', null],
  ['financial services', null],
  ['fine art', null],
  ['fishery', null],
  ['food & beverages', FOOD],
  ['food production', FOOD],
  ['fund-raising', null],
  ['furniture', CONS],
  ['gambling & casinos', null],
  ['glass, ceramics & concrete', METAL],
  ['government administration', null],
  ['government relations', null],
  ['graphic design', null],
  ['health, wellness & fitness', null],
  ['higher education', null],
  ['hospital & health care', null],
  ['hospitality', null],
  ['human resources', null],
  ['import & export', null],
  ['individual & family services', null],
  ['industrial automation', MACH],
  ['information services', null],
  ['information technology & services', null],
  ['insurance', null],
  ['international affairs', null],
  ['international trade & development', null],
  ['internet', null],
  ['investment banking', null],
  ['investment management', null],
  ['judiciary', null],
  ['law enforcement', null],
  ['law practice', null],
  ['legal services', null],
  ['legislative office', null],
  ['leisure, travel & tourism', null],
  ['libraries', null],
  ['logistics & supply chain', null],
  ['luxury goods & jewelry', CONS],
  ['machinery', MACH],
  ['management consulting', null],
  ['maritime', null],
  ['market research', null],
  ['marketing & advertising', null],
  ['mechanical or industrial engineering', null], // an engineering trade by its name: keywords or a description decide
  ['media production', null],
  ['medical devices', ELEC], // nearest listed sector
  ['medical practice', null],
  ['mental health care', null],
  ['military', null],
  ['mining & metals', METAL], // the steelmakers' label (miners read as mining elsewhere)
  ['motion pictures & film', null],
  ['museums & institutions', null],
  ['music', null],
  ['nanotechnology', null], // research as often as making: the description decides
  ['newspapers', null],
  ['nonprofit organization management', null],
  ['oil & energy', null], // producers and utilities; refiners are no listed sector
  ['online media', null],
  ['outsourcing/offshoring', null],
  ['package/freight delivery', null],
  ['packaging & containers', PACK],
  ['paper & forest products', PACK], // nearest listed sector
  ['performing arts', null],
  ['pharmaceuticals', PHARMA],
  ['philanthropy', null],
  ['photography', null],
  ['plastics', PLAS],
  ['political organization', null],
  ['primary/secondary education', null],
  ['printing', PACK], // printers are makers (SIC 27); nearest listed sector
  ['professional training & coaching', null],
  ['program development', null],
  ['public policy', null],
  ['public relations & communications', null],
  ['public safety', null],
  ['publishing', null],
  ['railroad manufacture', MACH],
  ['ranching', null],
  ['real estate', null],
  ['recreational facilities & services', null],
  ['religious institutions', null],
  ['renewables & environment', null], // project developers and services as often as makers
  ['research', null],
  ['restaurants', null],
  ['retail', null],
  ['security & investigations', null],
  ['semiconductors', ELEC],
  ['shipbuilding', MACH],
  ['sporting goods', CONS],
  ['staffing & recruiting', null],
  ['supermarkets', null],
  ['telecommunications', null],
  ['textiles', TEXT],
  ['think tanks', null],
  ['tobacco', CONS],
  ['translation & localization', null],
  ['transportation/trucking/railroad', null],
  ['utilities', null],
  ['venture capital & private equity', null],
  ['veterinary', null],
  ['warehousing', null],
  ['wholesale', null],
  ['wine & spirits', FOOD],
  ['wireless', null],
  ['writing & editing', null],
];

/** Crunchbase's categories where the lookalike is at stake. */
const CRUNCHBASE: [string, Want][] = [
  ['biotechnology', PHARMA],
  ['semiconductor', ELEC],
  ['hardware', [ELEC, METAL]], // computer hardware to Crunchbase, builders' hardware to SIC
  ['manufacturing', '*'],
  ['games & video', null],
  ['software', null],
  ['enterprise software/IT', null],
  ['e-commerce', null],
  ['advertising', null],
];

/** Coarse sectors alone (Fortune, GICS level 1, Yahoo sectors) say nothing about making things. */
const COARSE = [
  'Industrials',
  'Materials',
  'Basic Materials',
  'Technology',
  'Information Technology',
  'Health Care',
  'Healthcare',
  'Consumer Discretionary',
  'Consumer Cyclical',
  'Consumer Staples',
  'Consumer Defensive',
  'Energy',
  'Financials',
];

function check(label: string, want: Want) {
  const d = decideIndustry({ industry: label }, industries);
  if (want === null) {
    expect(d.matched, d.reason).toBeNull();
    expect(d.industryMatch).toBe(false);
  } else if (want === '*') {
    expect(d.industryMatch, d.reason).toBe(true);
  } else {
    const ok = typeof want === 'string' ? [want] : want;
    expect(ok, d.reason).toContain(d.matched);
  }
}

const show = (w: Want) => (w === null ? 'not a maker' : typeof w === 'string' ? w : w.join(' | '));

describe('Yahoo Finance / Morningstar industries', () => {
  it.each(YAHOO.map(([l, w]) => [l, show(w), w] as const))('%s → %s', (label, _s, want) =>
    check(label, want),
  );
});

describe('GICS sub-industries, bare and with the sector prefix', () => {
  it.each(GICS.map(([sector, l, w]) => [l, show(w), w, sector] as const))(
    '%s → %s',
    (label, _s, want, sector) => {
      check(label, want);
      check(`${sector} / ${label}`, want);
      check(`${sector} / ${label} (GICS)`, want);
    },
  );
});

describe("LinkedIn's V2 names near manufacturing and their lookalikes", () => {
  it.each(LINKEDIN_V2.map(([l, w]) => [l, show(w), w] as const))('%s → %s', (label, _s, want) =>
    check(label, want),
  );
});

describe("LinkedIn's older list, as Apollo returns it", () => {
  it.each(APOLLO_LINKEDIN_V1.map(([l, w]) => [l, show(w), w] as const))('%s → %s', (label, _s, want) =>
    check(label, want),
  );
});

describe("ZoomInfo's industries", () => {
  it.each(ZOOMINFO.map(([l, w]) => [l, show(w), w] as const))('%s → %s', (label, _s, want) =>
    check(label, want),
  );
});

describe('Crunchbase categories', () => {
  it.each(CRUNCHBASE.map(([l, w]) => [l, show(w), w] as const))('%s → %s', (label, _s, want) => {
    check(label, want);
    check(`${label} (Crunchbase category)`, want);
  });
});

describe('coarse sectors alone stay out', () => {
  it.each(COARSE)('%s', (label) => check(label, null));
});
