/**
 * Vocabulary for reading a company's industry from what vendors call it: LinkedIn's older list
 * (Apollo: "machinery", "food & beverages"), LinkedIn's newer names ("Motor Vehicle
 * Manufacturing"), other vendors' ("Auto Manufacturers", "Packaged Foods"), GICS, SIC/NAICS titles,
 * and plain descriptions. Words and stems, never whole labels: a label nobody listed still reads.
 * Patterns are tested on the label lower-cased, with "&"/"and"/punctuation folded to spaces.
 */

export interface SectorDef {
  key: string;
  /** Whether companies of this sector make things (a manufacturing ICP accepts only these). */
  makes: boolean;
  /** For a maker in no listed sector: the listed sector a manufacturing ICP most likely means. */
  nearest?: string;
  /** Word patterns (regex source, word-bounded) that name the sector. */
  words: string[];
}

/**
 * What a business that is NOT the maker is called: whatever product it names, a retailer,
 * distributor, staffing agency, software house, airline or restaurant is that, first.
 */
export const TRADE_SECTORS: SectorDef[] = [
  {
    key: 'retail',
    makes: false,
    words: [
      'retail\\w*',
      'stores?',
      'dealers?',
      'dealerships?',
      'e ?commerce',
      'supermarkets?',
      'grocer(y|ies)',
      'gasoline stations?',
      'mail order',
      'nonstore',
      'department stores?',
    ],
  },
  {
    key: 'wholesale',
    makes: false,
    words: [
      'wholesal\\w*',
      'distribut(or|ors|ion)',
      'trading compan(y|ies)',
      'import (and )?export',
      'resellers?',
    ],
  },
  {
    key: 'staffing',
    makes: false,
    words: [
      'staffing',
      'recruit\\w*',
      'employment (agenc\\w+|services)',
      'help supply',
      'human resources? (services|and employment)',
      'executive search',
      'outsourcing',
      'temporary help',
      'workforce solutions',
    ],
  },
  {
    key: 'software',
    makes: false,
    words: [
      'software',
      'saas',
      'it services',
      'it consulting',
      'information technology (and )?services',
      'internet',
      'data processing',
      'computer programming',
      'computer (consultancy|facilities management|disaster recovery|training)',
      'computer integrated systems design',
      'cloud',
      // LinkedIn's "Computer & Network Security": security software and services firms, not makers
      // of the computers the product words below name
      'network security',
      'cyber ?security',
      'information security',
      // Video game publishers (EA, Activision: Yahoo's "Electronic Gaming & Multimedia", GICS's
      // "Interactive Home Entertainment", LinkedIn's "Computer Games") write software; toy and
      // board-game makers keep "games" below.
      'electronic gaming',
      'video games?',
      'computer games?',
      'mobile gam\\w+',
      'multimedia',
      'interactive (home )?entertainment',
      'games (and )?video', // Crunchbase's "Games & Video": game studios and streaming
    ],
  },
  {
    // who rents, leases, repairs or stocks what makers make ("Steel Service Center", "Pharmacies")
    key: 'aftermarket',
    makes: false,
    words: [
      '(equipment )?rental',
      'leasing',
      'repair (and )?maintenance',
      'repair services?',
      // LinkedIn V2's "Footwear and Leather Goods Repair", "Commercial and Industrial Machinery
      // Maintenance": who mends what makers make ("repairing" in SIC's "Ship Building &
      // Repairing" is a different word and still reads as the builder). Only as the label's last
      // word, where those names put the trade: "Maintenance Products" still names a product.
      'repair(?= $)',
      'maintenance(?= $)',
      'service cent(er|re)s?',
      'pharmac(y|ies)',
      // who installs what makers make (ISIC's "Electrical installation", NIC's "Installation of
      // doors, windows…") and mends cars (NAICS's "Automotive Glass Replacement Shops")
      'installation(?= $)',
      '(repair|replacement|lubrication|body|tire|tyre) shops?',
      'oil change',
      'car wash\\w*',
    ],
  },
  { key: 'fintech', makes: false, words: ['financial technology', 'fintech', 'payments?'] },
  { key: 'healthtech', makes: false, words: ['health ?tech\\w*', 'health technology', 'digital health'] },
  {
    key: 'airline',
    makes: false,
    words: ['airlines?', 'air transportation', 'air freight', 'air courier', 'airports?'],
  },
  {
    key: 'restaurant',
    makes: false,
    words: [
      'restaurants?',
      'eating',
      'food services?',
      'food (and )?beverage services',
      'catering',
      'bars',
      'drinking places',
    ],
  },
  // An official class named as activities is a service ("Packaging activities", "Defence
  // activities", "Beverage serving activities"); makers' classes name the making first.
  { key: 'services', makes: false, words: ['services', 'activities(?= $)', 'fashion design'] },
];

/** What makers make, most specific first. */
export const PRODUCT_SECTORS: SectorDef[] = [
  {
    key: 'aerospace',
    makes: true,
    words: [
      'aerospace',
      'aircraft',
      'aeronautical',
      'aviation',
      'defen[cs]e',
      'space vehicles?',
      'guided missiles?',
      'ordnance',
      'ammunition',
      'navigation',
      'military vehicles?',
    ],
  },
  {
    key: 'automotive',
    makes: true,
    words: [
      'motor vehicles?',
      'automotive',
      'auto (parts|manufacturers?)',
      'automobiles?',
      'passenger cars?',
      'car bodies',
      'truck (bus )?bodies',
      'truck trailers?',
      'trailers?',
      'motorcycles?',
      'motor homes?',
      // Yahoo's "Recreational Vehicles": Polaris, Thor, Winnebago, Harley-Davidson (SIC 3716/3799)
      'recreational vehicles?',
      'vehicle parts',
      'electric vehicles?',
    ],
  },
  {
    key: 'pharma',
    makes: true,
    words: [
      // "Integrated Biopharma", "XTL Biopharmaceuticals": 17 of 19 so named file under SIC 2000-3999.
      '(bio)?pharma\\w*',
      'drug manufacturers?',
      'drugs',
      'medicinal',
      'botanical',
      'biological products',
      'diagnostic substances',
      'vaccines?',
      // Biotechnology companies make drugs and biologics: on coded records 88% of those labelled
      // biotechnology file under SIC 2834/2836. LinkedIn's "Biotechnology Research" (research labs)
      // stays out because "research", named last, decides.
      'biotech\\w*',
      // What a drug developer calls itself ("Esperion Therapeutics", "Sangamo Biosciences"): on
      // coded records 74 of 77 so named and 35 of 39 "Bioscience(s)" file under SIC 2000-3999.
      // Digital therapeutics are apps.
      '(?<!digital )(bio)?therapeutics',
      'bio ?sciences?',
      'biologics',
    ],
  },
  {
    key: 'medical',
    makes: true,
    nearest: 'electronics',
    words: [
      'medical (devices?|equipment|instruments?|supplies)',
      'surgical',
      'orthop(a)?edic',
      'prosthetic',
      'dental (equipment|supplies|laborator(y|ies))', // NAICS 339116: dental labs make dentures
      'ophthalmic',
      'electromedical',
      'biomedical', // "Lifecore Biomedical", "Calypte Biomedical": 5 of 6 so named make devices or tests
      'x ray',
      'health ?care (equipment|supplies|devices)', // PitchBook's "Healthcare Devices and Supplies"
      'life sciences tools',
    ],
  },
  {
    key: 'packaging',
    makes: true,
    words: ['packaging', 'containers?', 'metal cans', 'boxes', 'bags'],
  },
  {
    key: 'plastics',
    makes: true,
    words: ['plastics?', 'rubber', 'tires?', 'tyres?', 'polymers?', 'elastomers', 'foam products', 'gaskets'],
  },
  {
    key: 'chemicals',
    makes: true,
    words: [
      'chemicals?',
      'petrochemicals?',
      'paints?',
      'varnishes',
      'coatings?',
      'adhesives?',
      'sealants',
      'fertili[sz]ers?',
      'industrial gases',
      'soaps?',
      'detergents?',
      'cleaning (preparations|products?)', // ZoomInfo's "Manufacturing > Cleaning Products"
      'polishing',
      'inks?',
      'explosives',
      'petroleum refining',
      'refining',
      'refiner(y|ies)',
      'petroleum (and )?coal',
      // LinkedIn V2's "Oil and Coal Product Manufacturing" (refiners, SIC 29)
      'oil (and )?coal products?',
      // Yahoo's "Agricultural Inputs": fertilizer and crop-protection makers (CF, Mosaic, Corteva)
      'agricultural inputs',
      'agrochemicals?',
      'crop protection',
      'resins?',
      // fuel ethanol and biodiesel plants are chemical makers (NAICS 325193, 325199)
      'ethanol',
      'biodiesel',
      'biofuels?',
    ],
  },
  {
    key: 'electronics',
    makes: true,
    words: [
      'electronics?',
      'semiconductors?',
      // What chip and computer makers call themselves ("Sun Microsystems", "Netlogic Microsystems"):
      // all 7 coded records so named file under SIC 3500-3899.
      'micro ?electronics',
      'microsystems',
      'photonics',
      'circuit',
      'electrical',
      'computer (hardware|peripheral|storage|terminals|communications)',
      'electronic computers',
      'computers?',
      'office equipment',
      'communications? equipment', // Yahoo says "Communication Equipment" (Cisco, Motorola)
      'telecommunications? equipment', // ZoomInfo's "Manufacturing > Telecommunication Equipment"
      'telephone (and )?telegraph apparatus',
      'audio (and )?video equipment',
      'consumer electronics',
      'appliances?',
      'lighting',
      'wiring',
      'batter(y|ies)',
      'motors (and )?generators',
      'transformers',
      'switchgear',
      'connectors',
      'coils',
      'recording media',
      'technology hardware',
      // Yahoo's "Solar": panel and inverter makers (First Solar, Enphase; SIC 3674). Solar power
      // producers read as utilities ("Solar Electric Power Generation").
      'solar',
    ],
  },
  {
    key: 'instruments',
    makes: true,
    nearest: 'electronics',
    words: [
      'instruments?',
      'measuring',
      'measurement', // ZoomInfo's "Manufacturing > Test & Measurement Equipment"
      'controlling devices',
      'laboratory (apparatus|analytical)',
      'optical',
      'optics', // "Inrad Optics", "Precision Optics": 4 of 4 coded records so named
      'photographic',
      'lenses',
      'meters?', // LinkedIn V2's "Smart Meter Manufacturing"
      'controls',
    ],
  },
  {
    key: 'machinery',
    makes: true,
    words: [
      'machinery',
      'machine tools?',
      'machines',
      'industrial automation',
      'automation machinery',
      'engines?',
      'turbines?',
      'pumps?',
      'compressors?',
      'bearings',
      'fans',
      'blowers',
      'hvac',
      'air cond\\w*',
      'refrigeration',
      'heating equip\\w*',
      'tractors?',
      'elevators?',
      'industrial equipment',
      'industrial trucks',
      'robotics?',
      'robots?', // LinkedIn V2's "Robot Manufacturing"
      '(power|cutting) tools?',
      'heavy electrical equipment',
      'electrical (components|equipment)',
    ],
  },
  {
    key: 'transport_equipment',
    makes: true,
    nearest: 'machinery',
    words: [
      'ship (and boat )?building',
      'shipbuilding',
      'boat building',
      // ZoomInfo's "Manufacturing > Boats & Submarines" (Brunswick, General Dynamics Electric Boat)
      'boats',
      'submarines',
      'railroad (equipment|manufacture)',
      'rolling stock',
      'transportation equipment',
    ],
  },
  {
    key: 'metals',
    makes: true,
    words: [
      'steel',
      'metals?',
      'alumin(i)?um',
      'copper',
      'iron',
      'nonferrous',
      'foundr(y|ies)',
      'forgings?',
      'stampings?',
      'fabricated',
      'fabrication',
      'sheet metal',
      'wire',
      'bolts',
      'screws',
      'cutlery',
      'handtools?',
      'hand tools?',
      // Yahoo's "Tools & Accessories": Snap-on, Stanley Black & Decker, Kennametal (SIC 342/354)
      'tools (and )?accessories',
      // LinkedIn V2's "Turned Products and Fastener Manufacturing" (screw machine products)
      'fasteners?',
      'turned products',
      'hardware',
      'pipe',
      'tubes',
      'smelting',
      'rolling mills',
      'roll forming',
      'blast furnaces',
    ],
  },
  {
    key: 'food',
    makes: true,
    words: [
      'foods?',
      'beverages?',
      'meats?',
      'poultry',
      'chicken',
      'beef',
      'pork',
      'seafoods?',
      'bakery',
      'cookies',
      'crackers',
      'confection\\w*',
      'candy',
      'sugar',
      'snacks?',
      'grain mill\\w*',
      'rice mill\\w*',
      'oilseeds?',
      'fruits?',
      'vegetables?',
      'spices?',
      'cheese',
      'dair(y|ies)',
      'canning',
      'flour',
      'fats (and )?oils',
      'soft drinks',
      'bottled',
      'canned',
      'malt',
      'brew\\w*',
      'beer',
      'wines?',
      'winer(y|ies)',
      'distill\\w*',
      'spirits',
      'ice cream',
      'frozen desserts',
      'preserves',
      'kindred products',
      'sausages',
      'meat packing',
      'vintners',
      // LinkedIn V2's "Baked Goods", "Animal Feed" manufacturing
      'baked goods',
      'animal feeds?',
      'pet foods?',
      // Yahoo's "Farm Products", GICS's "Agricultural Products & Services": processors first (ADM,
      // Bunge, Tyson, Darling; SIC 20xx); growers are "Farming"/"Crops", traders "Wholesale Raw
      // Farm Products".
      'farm products',
      'agricultural products',
    ],
  },
  {
    key: 'textiles',
    makes: true,
    words: [
      'textiles?',
      'apparel',
      'garments?',
      'clothing',
      'cloth\\w*',
      'outerwear',
      'undergarments',
      // "Home Furnishings" (SIC 2392: curtains, linens); LinkedIn V2's "Furniture and Home
      // Furnishings Manufacturing" names furniture makers first
      '(?<!furniture home )furnishings',
      'knit\\w*',
      'fabrics?',
      'yarn',
      'broadwoven',
      'carpets?',
      'rugs?',
      'curtains?',
      'linens?',
      'tailor\\w*',
      'footwear',
      // what apparel brands name: "designs and markets jeans, casual wear"
      'jeans',
      'denim',
      '(sports|active|work|swim|casual |knit|inner|night|intimate |children s |kids )wear',
      'hosiery',
      'lingerie',
      'leather',
      'fashion',
      'handbags?', // LinkedIn V2's "Women's Handbag Manufacturing"
      'mill products',
    ],
  },
  {
    key: 'paper',
    makes: true,
    nearest: 'packaging',
    words: [
      'paper\\w*',
      'pulp',
      'forest products?',
      'business forms',
      'blankbooks',
      'printing',
      'greeting cards',
    ],
  },
  {
    key: 'building_materials',
    makes: true,
    nearest: 'metals',
    words: [
      'cement',
      'concrete',
      'gypsum',
      'plaster',
      'glass\\w*',
      'clay',
      'pottery',
      'ceramics?',
      'stone',
      'abrasives?',
      'asbestos',
      'nonmetallic mineral',
      'asphalt',
      'roofing',
      'building (materials|products)',
      // GICS defines "Construction Materials" as manufacturers of cement, aggregates and bricks
      'construction materials',
    ],
  },
  {
    key: 'consumer',
    makes: true,
    words: [
      'consumer (goods|products)',
      'household',
      'personal care',
      'cosmetics?',
      'perfumes?',
      'toilet preparations',
      'toys?',
      'games',
      'dolls',
      'sporting',
      'athletic goods',
      'leisure products',
      'jewel(le)?ry',
      'silverware',
      'watches',
      'clocks',
      'musical instruments',
      'pens',
      'pencils',
      'furniture',
      'fixtures',
      'housewares',
      'tobacco',
      'cigarettes',
      'luxury goods',
      'lawn (and )?garden',
      'office machines',
      'lumber',
      'wood',
      'sawmills',
      'plywood',
      'millwood',
      'veneer',
      'mobile homes',
      'novelties',
      'bicycles',
      'mattress\\w*', // LinkedIn V2's "Mattress and Blinds Manufacturing"
      'blinds',
      // Yahoo's "Business Equipment & Supplies": office furniture, supplies and machines (HNI,
      // Steelcase, ACCO Brands)
      'business equipment',
      'office supplies',
    ],
  },
  {
    key: 'manufacturing',
    makes: true,
    words: ['manufactur\\w*', 'mfg', 'industrial conglomerates', 'factor(y|ies)', 'makers?'],
  },
];

/** Businesses that are not makers even when their label names a material ("Metal Mining"). */
export const OTHER_SECTORS: SectorDef[] = [
  {
    key: 'finance',
    makes: false,
    words: [
      'banks?',
      'banking',
      'savings',
      'credit',
      'insurance',
      'invest\\w*',
      'brokers?',
      'real estate',
      'reits?',
      'holding',
      'blank checks',
      'finance',
      'financial',
      'capital markets',
      'lessors',
      'leasing',
      'rental',
    ],
  },
  {
    key: 'extraction',
    makes: false,
    words: [
      'mining',
      'ores',
      'quarrying',
      'coal',
      'crude petroleum',
      'natural gas',
      'oil (and )?gas',
      'drilling',
      'oil (and )?energy',
      'oil royalty',
      // GICS's "Precious Metals & Minerals": miners; "Nonmetallic Minerals Manufacturing" still
      // reads as a maker by its product head.
      'minerals',
    ],
  },
  {
    key: 'logistics',
    makes: false,
    words: [
      'transportation',
      'trucking',
      'logistics',
      'freight',
      'shipping',
      'warehousing',
      'pipe lines',
      'railroads?',
      'supply chain',
      'storage',
      'towing',
      'transit',
      'cruises?',
    ],
  },
  {
    key: 'health_services',
    makes: false,
    words: [
      'hospitals?',
      'health care',
      'healthcare',
      'clinics?',
      'nursing',
      'home health',
      'medical practice',
      'laboratories',
      '(surgical|emergency) cent(er|re)s',
      'wellness',
    ],
  },
  {
    key: 'other_services',
    makes: false,
    words: [
      'construction',
      '(?<!apparel )contractors?',
      'electrical work',
      'builders',
      'utilit(y|ies)',
      'electric services',
      'power generation', // LinkedIn V2's "Solar Electric Power Generation": power producers
      'water supply',
      'telecom\\w*',
      'telephone communications',
      'radiotelephone',
      'broadcasting',
      'television',
      'publishing',
      'newspapers',
      'motion picture',
      'entertainment',
      'advertising',
      'marketing',
      'consulting',
      'education\\w*',
      'schools?',
      'parks',
      'zoos?', // LinkedIn V2's "Zoos and Botanical Gardens": the garden is no botanical-drug maker
      'botanical gardens?',
      'aquariums?',
      'campgrounds?',
      'camping',
      '(steam|gas|electricity|water) (air conditioning )?supply',
      'hotels?',
      'motels',
      'hospitality',
      'casinos?',
      'farming',
      'crops',
      'livestock',
      'agricultural (production|services)',
      'ranching',
      'fishery',
      'fishing',
      'hunting',
      'trapping',
      'forestry',
      'waste management',
      'non operating',
      'research',
      'engineering services',
      'repair',
      'government',
    ],
  },
];

/**
 * Official classifications (ISIC, NACE, UK SIC, India's NIC, NAICS) name the activity first:
 * "Manufacture of…", "Processing and preserving of…", "Repair of…", "Growing of…", "Agents involved
 * in the sale of…". That activity decides whatever product follows — a repairer of machine tools is
 * no machine-tool maker, a processor of fruit is a food maker.
 */
export const MAKING_ACTIVITY =
  /^(manufactur\w*|process(ing)?|preserv(ing|ation)|canning|drying|dehydration|milling|grinding|refining|smelting|casting|forging|pressing|stamping|tanning|currying|dressing|dyeing|bleaching|spinning|weaving|knitting|finishing|printing|reproduction|sawmilling|planing|distilling|rectifying|blending|bottling|coating|machining|building|assembl\w*|striking|making|fabricat\w*|slaughter\w*|roasting|brewing|curing|tailoring|moulding|molding|galvani[sz]ing|plating|production)$/;
/** Activities that only sometimes open a maker's class ("Building of ships", but "Building Materials"): only before "of". */
export const MAKING_ONLY_BEFORE_OF = new Set([
  'building',
  'production',
  'making',
  'finishing',
  'dressing',
  'pressing',
  'casting',
  'coating',
]);
export const OTHER_ACTIVITY: [sector: string, words: RegExp][] = [
  [
    'aftermarket',
    /^(repair\w*|maintenance|renting|rental|leasing|hire|washing|cleaning|restoration|servicing|installation)$/,
  ],
  ['retail', /^(sale|sales|retail\w*)$/],
  ['wholesale', /^(wholesale\w*|agents?|distribution|trading)$/],
  ['extraction', /^(mining|quarrying|extraction|exploration)$/],
  [
    'other_services',
    /^(growing|raising|farming|breeding|gathering|logging|fishing|hunting|cultivation|construction|demolition|erection|disposal|collection|remediation)$/,
  ],
  ['logistics', /^(transport\w*|storage|warehousing|towing)$/],
  ['services', /^(support|activities)$/],
];

/** Words that make a label about a made thing even when it names a setting ("Oil & Gas Field Machinery"). */
export const PRODUCT_HEADS =
  /\b(equipment|apparatus|machinery|devices?|instruments?|products|parts|components|chemicals|preparations|materials|goods|vehicles|bodies|containers|mills?|manufactur\w*|mfg|supplies|accessories|peripherals|tools)\b/;

/** Description phrases that say the company itself makes things. */
export const MAKER_PHRASES =
  /\b(manufactur(e|es|er|ers|ing)|maker of|makers of|produces?|producing|producer of|producers of|processors? of|(food|meat|poultry|dairy) process(ing|ors?)|production (plants?|facilit\w+|lines?)|factor(y|ies)|our plants?|\d+ plants|mills?|fabricat(es|or|ors|ion)|brew(s|ery|eries)?|winer(y|ies)|bottl(es|ing)|distill(s|ery|eries)|bakes|bakery|roasts|forges|casts|castings|foundry|molds|moulds|assembles|weaves|refines|formulates|tier[- ]?(1|2|one|two)( [\w-]+)? supplier|oem supplier)\b/;

/** Description phrases that say the company sells, places, serves or codes — it does not make. */
export const NOT_MAKER_PHRASES: Record<string, RegExp> = {
  retail:
    /\b(retailer|retail chain|online (store|shop|retailer)|e ?commerce|stores? (across|nationwide)|we sell|shop for|dealerships?|dealer group)\b|(^ |\bis )(an? |the )?([\w-]+ ){0,2}dealers?\b/,
  wholesale:
    /\b(distributor|distributes|distributing|distribution (of|company|companies|business|firm)|wholesaler|reseller|resells|supplier of (parts|components) from|brokerage|brokers?|trading (company|firm|house))\b/,
  staffing:
    /\b(staffing (agency|firm|company|services)|recruit(ment|ing) (agency|firm)|temporary (staff|workers|labou?r)|plac(e|es|ing) (candidates|workers|people|talent)|workforce solutions)\b/,
  // Robotic process automation is office software, and plugins are software: "robotic" and
  // "makers of" beside them name no made thing.
  software:
    /\b(software|saas|platform|cloud|app|apps|api|analytics|dashboards?|websites?|online|web|developers?|open source|marketplace|networking|(?<!toys,? |toys and |board |card )games?|it departments?|internet|social media|plugins|wordpress|robotic process automation)\b/,
  airline: /\b(airline|carrier flying|flights? to|passenger (flights|airline))\b/,
  restaurant: /\b(restaurants?|diners?|menu|dine|catering|quick service|fast food)\b/,
  services:
    /\b(consult(ing|ancy|ants?) (firm|company|services|group)|consulting firm|consultanc(y|ies)|advisory firm|engineering services|system integrators?|integrator and|repairs? and services?|we repair|rents?|rental|leases|freight forwarder|logistics provider|(design|advertising|marketing|creative) (agency|firm|studio|consultancy|company)|contract research|research organi[sz]ation|(inspection|testing|auditing|certification) services|recycling company)\b/,
};

/**
 * Weaker maker verbs ("we make", "builds", "tractor maker"): they count only beside the name of what
 * is made, so a decision maker or a market maker makes nothing.
 */
export const MAKER_VERBS =
  /\b(we make|makes|making|makers?|builds|machining|assembly of|producers?|designing|(designs|develops)((,| and|, and) (develops|engineers|markets|sells|distributes|manufactures|produces|licenses))*)\b(?! (it|them|us|you|sure|easy|the world))/g;
