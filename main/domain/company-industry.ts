import {
  MAKER_VERBS,
  MAKER_PHRASES,
  MAKING_ACTIVITY,
  MAKING_ONLY_BEFORE_OF,
  NOT_MAKER_PHRASES,
  OTHER_ACTIVITY,
  OTHER_SECTORS,
  PRODUCT_HEADS,
  PRODUCT_SECTORS,
  TRADE_SECTORS,
  type SectorDef,
} from './company-vocab';

/**
 * The industry check, one decision for the pipeline, the checklist and `classify-companies`:
 * a company matches an ICP industry when what it is called (its industry label) or what it says
 * it does (its description) reads as that sector, and it is a maker when the ICP's industry is
 * one of makers. Lookalikes stay out because trade comes first: a retailer, distributor,
 * staffing agency, software house, airline or restaurant is that, whatever product it names.
 */

export interface CompanyFacts {
  name?: string | null;
  industry?: string | null;
  keywords?: readonly string[] | null;
  description?: string | null;
  employees?: number | null;
  country?: string | null;
}

/** One reading of a label or description: which sector, and whether the company makes things. */
export interface SectorReading {
  sector: string;
  makes: boolean;
  /** The words that decided it (for the evidence). */
  cue: string;
}

export type IndustryBasis = 'label' | 'description' | 'both';

export interface IndustryDecision {
  industryMatch: boolean;
  /** The ICP industry matched (null when none). */
  matched: string | null;
  /** MiniLM similarity of the description to the best ICP industry (null without model or text). */
  similarity: number | null;
  basis: IndustryBasis;
  /** A human sentence naming the deciding signal. */
  reason: string;
  /** Set when neither label nor description was read and the keywords or the name decided. */
  signal?: 'keywords' | 'name';
}

const SECTOR_BY_KEY = new Map(
  [...TRADE_SECTORS, ...PRODUCT_SECTORS, ...OTHER_SECTORS].map((s) => [s.key, s]),
);

const compiled = new Map<SectorDef, RegExp>();
function patternOf(s: SectorDef): RegExp {
  let re = compiled.get(s);
  if (!re) {
    re = new RegExp(`(^| )(${s.words.join('|')})( |$)`);
    compiled.set(s, re);
  }
  return re;
}

/** Lower case, accents and punctuation folded, "&"/"and" to spaces: "Food & Beverages" → "food beverages". */
export function foldLabel(text: string): string {
  return ` ${text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/services-/g, 'services ')
    .replace(/retail-/g, 'retail ')
    .replace(/wholesale-/g, 'wholesale ')
    .replace(/\(([^)]*)(gics|crunchbase category|inc\. 5000 industry|fortune sector)\)/g, ' ')
    .replace(/\bn\.?e\.?c\b\.?/g, ' ')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `.replace(/ and /g, ' ');
}

function firstMatch(text: string, sectors: SectorDef[]): { s: SectorDef; cue: string; end: number } | null {
  for (const s of sectors) {
    const m = patternOf(s).exec(text);
    if (m) return { s, cue: m[2]!.trim(), end: m.index + m[0].length };
  }
  return null;
}

/** Where the last mention of a sector's words ends ("hospitals … surgical hospitals" → the second). */
function lastEnd(text: string, s: SectorDef): number {
  let end = -1;
  for (let at = 0; at < text.length;) {
    const m = patternOf(s).exec(text.slice(at));
    if (!m) break;
    end = at + m.index + m[0].length;
    at = end - 1; // the trailing space may start the next match
  }
  return end;
}

/** In prose the first product named is what the company makes ("castings for pumps" → castings). */
function earliestMatch(text: string, sectors: SectorDef[]): { s: SectorDef; cue: string } | null {
  let best: { s: SectorDef; cue: string; at: number } | null = null;
  for (const s of sectors) {
    const m = patternOf(s).exec(text);
    if (m && (!best || m.index < best.at)) best = { s, cue: m[2]!.trim(), at: m.index };
  }
  return best;
}

/**
 * The activity an official class title opens with (MAKING_ACTIVITY, OTHER_ACTIVITY): the words
 * before its first "of" ("Processing and preserving of fish", "Sale, maintenance and repair of
 * motorcycles": a non-making one among them decides first), or, with no "of", a first word that
 * only names making ("Printing and service activities related to printing"). Null: no activity.
 */
function readActivity(text: string): SectorReading | null {
  const words = text.trim().split(' ');
  const of = words.indexOf('of');
  const made = (cue: string, within: string): SectorReading => {
    // what is made, else the making itself ("Processing and canning of cashew nuts": canning is food's)
    const product = firstMatch(within, PRODUCT_SECTORS) ?? firstMatch(text, PRODUCT_SECTORS);
    return product
      ? { sector: product.s.key, makes: true, cue: product.cue }
      : { sector: 'manufacturing', makes: true, cue };
  };
  if (of > 0 && of <= 8) {
    const lead = words.slice(0, of);
    const cue = lead.join(' ');
    const kinds = lead.flatMap((w) =>
      MAKING_ACTIVITY.test(w) ? ['making'] : OTHER_ACTIVITY.filter(([, re]) => re.test(w)).map(([k]) => k),
    );
    const making = kinds.includes('making');
    // The first activity named decides: "Manufacture and repair of pumps" makes them, "Sale,
    // maintenance and repair of motorcycles" sells them; "Activities related to saw milling and
    // planing of wood" are activities of making, so making.
    const first = kinds.find((k) => !(making && k === 'services'));
    if (!first) return null;
    if (first !== 'making') return { sector: first, makes: false, cue };
    const object = ` ${words.slice(of + 1).join(' ')} `;
    // Production is also a farm's or a studio's: "Production of television programmes" names a
    // setting before any product, so no making ("Slaughtering of livestock" is making whatever follows).
    const onlyProduction = lead.every((w) => !MAKING_ACTIVITY.test(w) || w === 'production');
    const setting = onlyProduction ? earliestMatch(object, OTHER_SECTORS) : null;
    const product = earliestMatch(object, PRODUCT_SECTORS);
    if (setting && (!product || object.indexOf(` ${setting.cue} `) < object.indexOf(` ${product.cue} `)))
      return { sector: setting.s.key, makes: false, cue: setting.cue };
    return made(cue, object);
  }
  const first = words[0] ?? '';
  if (!MAKING_ACTIVITY.test(first) || MAKING_ONLY_BEFORE_OF.has(first)) return null;
  // "Printing and Writing Paper Merchant Wholesalers", "Printing Services": a trade still decides
  // (but a making class's "service activities related to printing" is its own)
  const trade = firstMatch(text, TRADE_SECTORS);
  if (trade && trade.cue !== 'activities') return null;
  return made(first, text);
}

/** The eleven GICS sectors as data vendors print them before a sub-industry ("Energy / …"). */
const GICS_SECTOR_PREFIX =
  /^\s*(energy|materials|industrials|consumer discretionary|consumer staples|health care|financials|information technology|communication services|utilities|real estate)\s*\/\s*(?=\S)/i;

/** Reads one industry label ("Motor Vehicle Manufacturing", "Retail Apparel and Fashion", "machinery"). */
export function readIndustryLabel(label: string | null | undefined): SectorReading | null {
  if (!label || !label.trim()) return null;
  // "Materials / Diversified Metals & Mining": a GICS sector printed before the sub-industry says
  // nothing by itself (coarse sectors stay out) and its words ("materials") must not decide.
  const text = foldLabel(label.replace(GICS_SECTOR_PREFIX, ''));
  const explicitMaker = /(^| )(manufactur\w*|mfg)( |$)/.test(text);
  // LinkedIn's older list lumps steelmakers with miners; Apollo's steel companies carry it.
  if (/ mining metals /.test(text)) return { sector: 'metals', makes: true, cue: 'mining & metals' };
  // A label ending in bare "Copper" is the ore miners' (GICS defines Copper as copper ore mining;
  // Yahoo lists Freeport and Southern Copper there); copper products ("Copper Wire") still read.
  if (/ copper $/.test(text) && !PRODUCT_HEADS.test(text))
    return { sector: 'extraction', makes: false, cue: 'copper' };
  const activity = readActivity(text);
  if (activity) return activity;
  // "Life Sciences Tools & Services", "Agricultural Products & Services": the made thing named
  // first, the service second — the bare "services" does not make it a service firm.
  const madeThenServices = /(^| )(products|tools|equipment) services( |$)/.test(text);
  const trade = firstMatch(
    text,
    TRADE_SECTORS.filter((s) => !((explicitMaker || madeThenServices) && s.key === 'services')),
  );
  if (trade) return { sector: trade.s.key, makes: false, cue: trade.cue };
  const product = firstMatch(text, PRODUCT_SECTORS);
  const other = firstMatch(text, OTHER_SECTORS);
  // "Metal Mining", "Health Care / Pharmaceuticals": without a product head noun, the last word
  // decides — the setting's last mention ("Hospitals & Clinics > Medical & Surgical Hospitals").
  if (other && (!product || (!PRODUCT_HEADS.test(text) && lastEnd(text, other.s) > product.end)))
    return { sector: other.s.key, makes: false, cue: other.cue };
  if (product) return { sector: product.s.key, makes: true, cue: product.cue };
  return null;
}

/** The sectors that name a made thing (a bare "manufacturing" names none). */
const MADE_THINGS = PRODUCT_SECTORS.filter((s) => s.key !== 'manufacturing');

/** "Designs and builds CNC machine tools": a weak maker verb with a product named within a few words. */
function makerVerb(lower: string): RegExpExecArray | null {
  for (const m of lower.matchAll(MAKER_VERBS)) {
    const near = lower.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40);
    if (earliestMatch(foldLabel(near), MADE_THINGS)) return m as RegExpExecArray;
  }
  return null;
}

/**
 * "A leading home appliance company", "one of the largest food companies", "a toy and family
 * entertainment company": a company named by what it makes, the product right before the word
 * ("a food delivery company", "a steel trading company" name a service last, and stay unread).
 */
function productCompany(lower: string): SectorReading | null {
  for (const m of lower.matchAll(/\b(company|companies|brand|brands)\b/g)) {
    const before = lower.slice(Math.max(0, m.index - 40), m.index).replace(/ and [\w-]+( [\w-]+)? *$/, ' ');
    const last = ` ${foldLabel(before).trim().split(' ').slice(-2).join(' ')} `;
    for (const s of MADE_THINGS) {
      const p = patternOf(s).exec(last);
      if (p && p.index + p[0].length === last.length)
        return { sector: s.key, makes: true, cue: `${p[2]!.trim()} ${m[0]}` };
    }
  }
  return null;
}

/** A maker phrase that says what the company itself is ("a manufacturer of", "maker of"), not a market. */
const SELF_CLAIM = /manufactur(e|es|er|ers)\b|makers? of|producers? of/;

/**
 * "Designs, develops and distributes GPS devices", "designs, markets and distributes watches": a
 * brand that designs what it distributes is its maker (official codes file it by the product, as
 * SIC 3812 Garmin and 3873 Fossil), while a distributor distributes what others design.
 */
const DESIGN_CLAIM = /^(designs|develops)\b.*\b(distributes|markets|sells)$/;
const ownGoods = (maker: RegExpExecArray | null, sector: string) =>
  sector === 'wholesale' && !!maker && DESIGN_CLAIM.test(maker[0]);

/** Where a description names the manufacturers it serves: its customers or market, not the company. */
const CUSTOMER_MENTIONS = [
  // "…for manufacturers", "…for over 200,000 leading technology manufacturers", "…to food processors"
  /\b(for|to|serving|serves|helps?|helping|supporting|supports|with|among|connects|representing|represents) (the )?([\w,.'’-]+ ){0,4}(manufacturers|factories|processors|fabricators|oems)\b/g,
  // "…clients in manufacturing and 50 other industries", "serving the manufacturing sector"
  /\b(clients|customers|companies|businesses|organi[sz]ations|industries|sectors|markets)( such as| including| like| in| across)( the)? ([\w-]+ ){0,2}manufactur\w*/g,
  /\b(the )?manufacturing (industry|industries|sector|sectors|clients|customers|companies)\b/g,
];

/** Reads a description: who it says the company is, by the same vocabulary plus what it says it does. */
export function readDescription(text: string | null | undefined): SectorReading | null {
  if (!text || !text.trim()) return null;
  const folded = foldLabel(text);
  const lower = CUSTOMER_MENTIONS.reduce((t, re) => t.replace(re, ' '), ` ${text.toLowerCase()} `);
  const product = earliestMatch(folded, MADE_THINGS);
  const maker = MAKER_PHRASES.exec(lower) ?? (product ? makerVerb(lower) : null);
  for (const [sector, re] of Object.entries(NOT_MAKER_PHRASES)) {
    const m = re.exec(lower);
    // "Software for manufacturers", "a distributor of industrial parts": the business comes first,
    // unless the text also says the company itself manufactures.
    // ("…manufacturing talent" names a market, not a claim to make anything.)
    if (m && !(maker && SELF_CLAIM.test(maker[0]) && sector !== 'software') && !ownGoods(maker, sector))
      return { sector, makes: false, cue: m[0].trim() };
  }
  if (maker)
    return {
      sector: product?.s.key ?? 'manufacturing',
      makes: true,
      cue: `${maker[0].trim()}${product ? ` ${product.cue}` : ''}`,
    };
  return product ? productCompany(lower) : null;
}

/** The sector an ICP industry name means, read like a label ("Food & Beverage Manufacturing" → food). */
export function icpSector(icpIndustry: string): SectorReading | null {
  return readIndustryLabel(icpIndustry);
}

/** Which ICP industry a reading falls in: its own sector, or for a maker in none, its nearest listed one. */
export function icpIndustryFor(
  reading: SectorReading | null,
  icpIndustries: readonly string[],
): string | null {
  if (!reading) return null;
  const sectors = icpIndustries.map((i) => ({ industry: i, r: icpSector(i) }));
  const own = sectors.find((x) => x.r?.sector === reading.sector);
  if (own && (!own.r!.makes || reading.makes)) return own.industry;
  if (!reading.makes) return null;
  const nearest = SECTOR_BY_KEY.get(reading.sector)?.nearest;
  const near = nearest ? sectors.find((x) => x.r?.sector === nearest) : undefined;
  if (near) return near.industry;
  // "Manufacturing" alone: any of the ICP's maker sectors; the description or the model picks which.
  if (reading.sector === 'manufacturing') return sectors.find((x) => x.r?.makes)?.industry ?? null;
  return null;
}

/**
 * Keyword tags ("cnc machining", "metal fabrication", "distribution") read one by one like labels.
 * Trade first across the whole list: one tag that names a trade (retail, distribution, staffing,
 * software …) makes the company that trade, whatever products the other tags name — a distributor
 * tags the products it stocks, a software house the industries it serves.
 */
export function readKeywords(keywords: readonly string[] | null | undefined): SectorReading | null {
  const tags = (keywords ?? []).filter((k) => k && k.trim());
  if (!tags.length) return null;
  const readings = tags.map((k) => readIndustryLabel(k)).filter((r) => r !== null);
  const saysMakes = tags.some((k) => /(^| )(manufactur\w*|mfg)( |$)/.test(foldLabel(k)));
  // Only trades veto; a setting ("Health Care", "Oil & Gas") beside a product tag does not.
  const trade = readings.find(
    (r) => !r.makes && TRADE_KEYS.has(r.sector) && !(r.sector === 'services' && saysMakes),
  );
  if (trade) return trade;
  const maker =
    readings.find((r) => r.makes && r.sector !== 'manufacturing') ?? readings.find((r) => r.makes);
  if (maker) return maker;
  // Tags cut from one phrase ("telephone", "telegraph apparatus") read together.
  const joined = readIndustryLabel(tags.join(' '));
  return joined?.makes ? joined : (readings[0] ?? null);
}

const TRADE_KEYS = new Set(TRADE_SECTORS.map((s) => s.key));

/**
 * A company name read like a label ("Acme Steel Corp", "Midwest Plastics Inc", "Carolina Foods"):
 * trade and non-maker words first ("… Distributors", "… Bank", "… Stores"), a product word
 * otherwise. Only when nothing else is known, and never a bare "Manufacturing"-less brand.
 */
export function readName(name: string | null | undefined): SectorReading | null {
  if (!name) return null;
  const words = foldLabel(name)
    .trim()
    .split(' ')
    .filter((w) => w && !LEGAL_FORMS.test(w));
  const head = words.at(-1);
  // The head noun names what the company is: "Copper Basin Medical Center" is a center,
  // "Whole Foods Market" a market; a product word inside a place or brand name says nothing.
  if (!head || words.length < 2) return null;
  const reading = readIndustryLabel(words.slice(-3).join(' '));
  if (!reading) return null;
  const headReads = readIndustryLabel(head);
  if (reading.makes && !(headReads?.makes || PRODUCT_HEADS.test(head))) return null;
  return reading;
}

/** Legal-form and holding words a name ends with, which say nothing about the trade. */
const LEGAL_FORMS =
  /^(inc|incorporated|corp|corporation|co|company|companies|ltd|limited|llc|llp|lp|plc|group|holdings?|international|intl|the|usa|us|america|bvi|sa|ag|gmbh|nv|bv|ab|as|spa|srl|pvt|private|public)$/;

function fromKeywordsOrName(
  facts: CompanyFacts,
  icpIndustries: readonly string[],
  sim: number | null,
): IndustryDecision | null {
  for (const [signal, what, reading] of [
    ['keywords', 'Keywords', readKeywords(facts.keywords)],
    ['name', 'Name', readName(facts.name)],
  ] as const) {
    if (!reading) continue;
    const matched = icpIndustryFor(reading, icpIndustries);
    return {
      industryMatch: matched !== null,
      matched,
      similarity: sim,
      basis: 'label',
      signal,
      reason: matched
        ? `${what} read as ${matched} ("${reading.cue}")`
        : `${what} read as not a maker (${reading.sector}: "${reading.cue}")`,
    };
  }
  return null;
}

export interface SimilarityHint {
  /** Best ICP industry by MiniLM similarity of the description, and its cosine. */
  industry: string;
  score: number;
}

/**
 * "Biotechnology" names a field more than a trade: on coded records most companies so labelled
 * make drugs (SIC 2834/2836), but research labs and discovery start-ups carry it too. When the
 * company's own words (description, keyword tags) name research and no making, they decide.
 */
const FIELD_LABEL = /^biotech/;
const RESEARCH_WORDS =
  /\b(research(es|ing)?|drug discovery|discovery platform|clinical trials?|pre-?clinical|genomics|contract research|cro)\b/;

function researchOnly(label: SectorReading, facts: CompanyFacts): boolean {
  if (!FIELD_LABEL.test(label.cue)) return false;
  const said = [facts.description ?? '', ...(facts.keywords ?? [])].join(' ; ').toLowerCase();
  return RESEARCH_WORDS.test(said) && !MAKER_PHRASES.test(said);
}

/**
 * The decision. Label first (what the data vendor calls the company), then the description (what
 * it says it does), then MiniLM similarity of the description when neither reads. A label that
 * says "not a maker" is final: a description cannot talk a retailer into a manufacturer.
 */
export function decideIndustry(
  facts: CompanyFacts,
  icpIndustries: readonly string[],
  similarity: SimilarityHint | null = null,
  threshold = 0.6,
): IndustryDecision {
  const sim = similarity ? Math.round(similarity.score * 1000) / 1000 : null;
  const label = readIndustryLabel(facts.industry);
  const desc = readDescription(facts.description);
  const fromLabel = icpIndustryFor(label, icpIndustries);
  const fromDesc = icpIndustryFor(desc, icpIndustries);
  const said = (r: SectorReading) => `${r.makes ? 'a maker' : 'not a maker'} (${r.sector}: "${r.cue}")`;
  if (label && researchOnly(label, facts)) {
    return {
      industryMatch: false,
      matched: null,
      similarity: sim,
      basis: facts.description?.trim() ? 'both' : 'label',
      reason: `Industry "${facts.industry}" names a field, and what the company says it does is research, not making`,
      ...(facts.description?.trim() ? {} : { signal: 'keywords' as const }),
    };
  }
  if (label && label.sector !== 'manufacturing') {
    const both = !!desc && (fromDesc !== null) === (fromLabel !== null);
    return {
      industryMatch: fromLabel !== null,
      matched: fromLabel,
      similarity: sim,
      basis: both ? 'both' : 'label',
      reason: fromLabel
        ? `Industry "${facts.industry}" reads as ${fromLabel}`
        : `Industry "${facts.industry}" reads as ${said(label)}, not one of the ICP's industries`,
    };
  }
  // A generic "Manufacturing" label, or none: the description says which sector.
  if (desc) {
    // A maker of no sector the text names: the model's nearest industry, else the label's.
    const generic = desc.sector === 'manufacturing' && similarity ? similarity.industry : null;
    const matched = generic ?? (label && !fromDesc && desc.makes ? fromLabel : fromDesc);
    return {
      industryMatch: matched !== null,
      matched,
      similarity: sim,
      basis: label ? 'both' : 'description',
      reason: matched
        ? `Description reads as ${said(desc)} → ${matched}`
        : `Description reads as ${said(desc)}, not one of the ICP's industries`,
    };
  }
  if (similarity && facts.description?.trim()) {
    const ok = similarity.score >= threshold;
    const matched = ok ? similarity.industry : label ? fromLabel : null;
    return {
      industryMatch: matched !== null,
      matched,
      similarity: sim,
      basis: label ? 'both' : 'description',
      reason: ok
        ? `Description similar to ${similarity.industry} (${sim!.toFixed(2)} ≥ ${threshold})`
        : `Description similarity ${sim!.toFixed(2)} < ${threshold}` +
          (matched ? `; label "${facts.industry}" reads as ${matched}` : ''),
    };
  }
  if (!label) {
    const fallback = fromKeywordsOrName(facts, icpIndustries, sim);
    if (fallback) return fallback;
  }
  return {
    industryMatch: fromLabel !== null,
    matched: fromLabel,
    similarity: sim,
    basis: 'label',
    reason: fromLabel
      ? `Industry "${facts.industry}" reads as ${fromLabel}`
      : facts.industry?.trim()
        ? `Industry "${facts.industry}" is not one of the ICP's industries`
        : 'Industry unknown',
  };
}
