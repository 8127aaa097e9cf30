import { readIndustryLabel } from './company-industry';
import type { Icp, Tier } from './icp';
import { TIERS } from './icp';
import { calibrated, matchConfidence, type MatchEvidence } from './title-calibration';
import type { TitleMatch } from './types';
import {
  ABBREVIATIONS,
  BLOCKING_SENIORITY,
  BROAD_FUNCTION_WORDS,
  COMMON_WORDS,
  COMPANION_CLASSES,
  FILLER,
  FUNCTION_CLASS,
  GERMAN_COMPOUND_HEADS,
  GERMAN_COMPOUND_RANKS,
  LEADER_ORDER,
  NON_LATIN_WORDS,
  NOT_TYPOS,
  OUTSIDE_CONTEXT,
  PLACE_NAMES,
  RAW_OUTPUTS,
  RANK_WORDS,
  REGION_WORDS,
  SCOPE_WORDS,
  SENIORITY,
  SPORTS_AND_CENSUS,
  TRANSLATIONS,
  WORD_TRANSLATIONS,
} from './title-vocab';

/**
 * A title read into its parts: which part of the business (function classes), at what rank, with
 * which seniority, where (scope), in which setting (context) and what else it says. Tiers are
 * matched on these parts, never on the string, so a title nobody listed still reads correctly.
 */
export interface TitleAnalysis {
  classes: Set<string>;
  /** Function words that name a place (plant, site, mill) rather than a function. */
  placeOnly: boolean;
  /** The only place word is a loose one (site, unit). */
  weakPlace: boolean;
  /** Rank of the head word: c, vp, director, gm, manager, practitioner, partner, lead, worker, junior, owner. */
  rank: string | null;
  rankWord: string | null;
  seniority: Set<string>;
  /** "Assistant Plant Manager", "Deputy HR Manager": works under the role, is not it. */
  blocked: boolean;
  scope: boolean;
  /** A regional/area scope ("Area Manager"), as opposed to a country or "global". */
  region: boolean;
  /** "Sales Operations", "IT Operations": operations of another function. */
  opsOf: string | null;
  /** "Production Quality", "Manufacturing Excellence": another function of operations. */
  ofOps: string | null;
  /** Settings outside the employers we sell to (airport, store, casting…). */
  context: string[];
  others: Set<string>;
  /** Recruiters are HR whatever they recruit for ("IT Recruiter"). */
  recruiter: boolean;
  /** "Recruitment Account Manager": a sales word after a recruiting word (an agency's seller). */
  sellsRecruiting: boolean;
  repaired: boolean;
  translated: boolean;
  /** "EA to the COO", "Chief of Staff to the Plant Head": works for the role, is not it. */
  assistantTo: boolean;
  /** "Operations & Engineering": engineering named as a second function beside another, not as a qualifier. */
  engineeringJoined: boolean;
  /**
   * "Enterprise Operations Manager", "Tourism Operations Manager": the word that qualifies a bare
   * "operations" when it is neither a known function, setting or scope nor something made.
   */
  opsOfUnknown: string | null;
  /** "Leasing Site Manager", "Collections Unit Manager": a loose place word another word names. */
  siteOfUnknown: string | null;
  /** The function words themselves ("talent", "acquisition"): which of a tier's titles is nearest. */
  functionWords: Set<string>;
}

/** Functions a plant has that are not running it: "Production Quality Manager" is a quality manager. */
const OPS_SPECIALTIES = new Set(['quality', 'maintenance', 'ehs', 'improvement', 'supply']);

/** Place words too loose to name a plant on their own (a site manager may run a building site). */
const WEAK_PLACES = new Set(['site', 'unit']);
const PLACE_WORDS = new Set([
  'plant',
  'factory',
  'factories',
  'works',
  'mill',
  'mills',
  'foundry',
  'refinery',
  'sawmill',
  'cannery',
  'smelter',
  'brewery',
  'distillery',
  'creamery',
  'steelworks',
  'ironworks',
  'glassworks',
  'abattoir',
  'slaughterhouse',
  'tannery',
  'dyehouse',
  'shipyard',
  'boatyard',
  'malthouse',
  'maltings',
  'site',
  'unit',
  // read like a place: an assembly's maintenance or quality manager is not its head
  'assembly',
]);
/** Words that say a farm's or well's output is processed: a poultry processing plant or an oil refinery makes food or fuel. */
const PROCESSING = new Set([
  'processing',
  'processor',
  'processors',
  'products',
  'packing',
  'juice',
  'feed',
  'refinery',
  'refining',
  'cannery',
  'canning',
  'factory',
  'mill',
]);

/**
 * A setting word before a product noun, in a title that names making or HR, is what is made, not
 * where the job is: "Medical Device Manufacturing Manager", "Wind Turbine Plant Manager", "Fire Truck
 * Assembly Manager" run a maker's plant; "Medical Center Operations Manager" does not.
 */
const MAKING = new Set([
  'brewing',
  'distilling',
  'milling',
  'manufacturing',
  'manufacture',
  'factory',
  'plant',
  'works',
  'assembly',
  'fabrication',
  'mill',
  'foundry',
  'production',
]);
const PRODUCT_NOUNS = new Set([
  'equipment',
  'apparatus',
  'machinery',
  'machine',
  'machines',
  'device',
  'devices',
  'instrument',
  'instruments',
  'products',
  'wares',
  'parts',
  'components',
  'tools',
  'engine',
  'engines',
  'turbine',
  'turbines',
  'panel',
  'panels',
  'module',
  'modules',
  'transformer',
  'transformers',
  'heater',
  'heaters',
  'truck',
  'trucks',
  'vehicle',
  'vehicles',
  'drinks',
  'beverages',
  'juice',
  'chips',
  'snacks',
  'sauce',
  'sauces',
  'paste',
  'supplies',
  'systems',
]);

const HEAD_WORDS = new Set(['head', 'chief', 'lead', 'leader']);
/**
 * Medicine's and care's words by their form, so a specialty nobody listed still reads as one:
 * cardiology, radiology, pediatrics, geriatric, psychiatric; healthcare, childcare, homecare.
 */
const CARE_FORMS = /^[a-z]{3,}(olog(y|ical|ist)|iatrics?|care)$/;
const NOT_CARE = new Set(['technology', 'technological', 'methodology', 'terminology']);
function careWord(w: string): boolean {
  return CARE_FORMS.test(w) && !NOT_CARE.has(w);
}

/** The setting words from i on lead to a product noun ("Fire Protection Equipment"). */
function namesProduct(words: string[], i: number): boolean {
  let j = i + 1;
  while (j < words.length && (OUTSIDE_CONTEXT.has(words[j]!) || careWord(words[j]!))) j++;
  return PRODUCT_NOUNS.has(words[j] ?? '');
}

/**
 * Casting is a film's setting ("Casting Director") but a foundry's process beside a making word or
 * a metal ("Die Casting Plant Manager", "Casting Production Manager", "Aluminium Casting Manager").
 */
const CAST_METALS = new Set([
  'die',
  'metal',
  'steel',
  'iron',
  'aluminium',
  'aluminum',
  'sand',
  'investment',
  'pressure',
]);
function metalCasting(words: string[], i: number, makes: boolean): boolean {
  return words[i] === 'casting' && (makes || CAST_METALS.has(words[i - 1] ?? ''));
}

/** Word i names a setting outside the employers we sell to (not what a maker makes, nor its process). */
function namesSetting(words: string[], i: number, makes: boolean): boolean {
  const w = words[i]!;
  if (!OUTSIDE_CONTEXT.has(w) && !careWord(w)) return false;
  return !(makes && namesProduct(words, i)) && !metalCasting(words, i, makes);
}

/** Recruiters, and recruitment's consultants and specialists, are HR whatever they recruit for ("IT Recruitment Consultant"). */
const RECRUITER_WORDS = new Set([
  'recruiter',
  'recruiters',
  'sourcer',
  'headhunter',
  'recruitment',
  'recruiting',
]);
const has = <T>(o: Record<string, T>, k: string): T | undefined => (Object.hasOwn(o, k) ? o[k] : undefined);

const VOCABULARY = new Set<string>([
  ...Object.values(ABBREVIATIONS).flatMap((v) => v.split(' ')),
  ...Object.keys(FUNCTION_CLASS).filter((k) => !k.includes('_')),
  ...Object.keys(RANK_WORDS).filter((k) => !k.includes('_')),
  ...SENIORITY,
  ...BLOCKING_SENIORITY,
  ...COMMON_WORDS,
  ...SCOPE_WORDS,
  'vice',
  'president',
  'officer',
  'human',
  'resources',
  'acquisition',
  'general',
]);

/** Letters NFD does not take apart: Polish ł, Nordic ø, German ß, æ/œ ligatures, Turkish ı. */
const PLAIN_LETTERS: Record<string, string> = { ł: 'l', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', đ: 'd', ı: 'i' };

function stripAccents(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łøßæœđı]/g, (c) => PLAIN_LETTERS[c]!);
}

/** Edit distance counting a swap of two neighbouring letters as one edit ("cheif" → "chief"). */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, before[j - 2]! + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    before = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

const VOWELS = new Set('aeiouy');

/** A letter left out, doubled, swapped with its neighbour, or one vowel written for another. */
function plausibleSlip(word: string, fix: string): boolean {
  if (word.length !== fix.length) return true;
  const diff = [...word].flatMap((ch, i) => (ch === fix[i] ? [] : [i]));
  if (diff.length === 2) return true; // two neighbours swapped (editDistance allowed only that)
  const i = diff[0]!;
  return VOWELS.has(word[i]!) && VOWELS.has(fix[i]!);
}

const repairs = new WeakMap<Set<string>, { words: string[]; memo: Map<string, string | null> }>();

/**
 * A misspelt title word ("Manger", "Operatons") → the vocabulary word it is one slip from; null for
 * a vocabulary word, a setting or a real word (NOT_TYPOS). Exported for the dictionary audit test.
 */
export function repairSpelling(word: string, extra: Set<string> = new Set()): string | null {
  if (word.length < 5 || VOCABULARY.has(word) || extra.has(word)) return null;
  if (OUTSIDE_CONTEXT.has(word) || NOT_TYPOS.has(word)) return null;
  let r = repairs.get(extra);
  if (!r) {
    r = { words: [...VOCABULARY, ...extra].filter((v) => v.length >= 4), memo: new Map() };
    repairs.set(extra, r);
  }
  const hit = r.memo.get(word);
  if (hit !== undefined) return hit;
  // One slip only: on real titles two edits, or one consonant for another, more often reach a
  // different real word ("Protection", "Deployment", "Plans", "Assembler") than fix a typo.
  let best: string | null = null;
  for (const v of r.words) {
    if (editDistance(word, v, 1) <= 1 && plausibleSlip(word, v)) {
      best = v;
      break;
    }
  }
  const fixed = best;
  if (r.memo.size < 50_000) r.memo.set(word, fixed);
  return fixed;
}

function tokens(text: string): string[] {
  return text
    .replace(/[^a-z0-9&' ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

const COMPOUND = new RegExp(
  `^(${Object.keys(GERMAN_COMPOUND_HEADS).join('|')})s?(${Object.keys(GERMAN_COMPOUND_RANKS).join('|')})$`,
);

/** "Fertigungsleiter" → manufacturing head; "Schichtleiter" → shift head (a line rank, blocked). */
function germanCompound(token: string): { words: string[]; split: boolean } {
  const m = COMPOUND.exec(token);
  if (!m) return { words: [token], split: false };
  const head = GERMAN_COMPOUND_HEADS[m[1]!]!;
  const rank = GERMAN_COMPOUND_RANKS[m[2]!]!;
  // a team's leader is a team lead, not a head
  const words = head === 'team' ? ['lead'] : [...head.split(' ').filter(Boolean), rank];
  return { words, split: true };
}

const sameWordInflected = (a: string, b: string) => a + 's' === b || b + 's' === a;

const NON_LATIN_PATTERN = new RegExp(
  Object.keys(NON_LATIN_WORDS)
    .sort((a, b) => b.length - a.length)
    .join('|'),
  'gu',
);

/** Chinese, Japanese, Korean, Russian and Ukrainian title words → spaced English words. */
function nonLatinWords(lower: string): string {
  return lower.replace(NON_LATIN_PATTERN, (m) => ` ${NON_LATIN_WORDS[m]!} `);
}

/** Lower-cased, translated, abbreviations expanded, misspellings repaired: English words. */
function englishWords(raw: string, extra: Set<string>) {
  const lower = raw.toLowerCase();
  const read = nonLatinWords(lower);
  let text = stripAccents(read)
    .replace(/\((m|w|f|d)\/(m|w|f|d)(\/(m|w|f|d))?\)/g, ' ')
    // "Sr.Exe-HR": a dot between two words parts them; in "H.R." it only marks the letters
    .replace(/([a-z]{2,})\.(?=[a-z]{2,})/g, '$1 ')
    .replace(/\./g, '')
    // "HR&IR", "P&A": an ampersand parts the two names it joins
    .replace(/&/g, ' & ')
    .replace(/[()[\],/|\\:;_+-]+/g, ' ');
  let translated = read !== lower;
  for (const [re, english, synonym] of TRANSLATIONS) {
    if (re.test(text)) {
      text = text.replace(re, english);
      if (!synonym) translated = true;
    }
  }
  // French "d'" and "l'" ("Responsable d'exploitation") are articles, not a qualifier of what is
  // run; the phrases above that need them have already been read
  text = text.replace(/\b[dl]['’]\s?/g, ' ');
  let repaired = false;
  const words: string[] = [];
  const compounds = tokens(text).map(germanCompound);
  if (compounds.some((c) => c.split)) translated = true;
  for (const token of compounds.flatMap((c) => c.words)) {
    const foreign = has(WORD_TRANSLATIONS, token);
    if (foreign && foreign !== token) translated = true;
    const t = foreign ?? token;
    const abbr = t.includes(' ') ? t : has(ABBREVIATIONS, t);
    if (abbr) {
      words.push(...abbr.split(' '));
      continue;
    }
    const fixed = repairSpelling(t, extra);
    // "Human Resource Manager": a singular or plural is the same word, not a slip
    if (fixed && !sameWordInflected(t, fixed)) repaired = true;
    words.push(fixed ?? t);
  }
  return { text, words, translated, repaired };
}

/** Multi-word units read as one word before classifying ("vice president", "chief … officer"). */
const PHRASES: [RegExp, string][] = [
  [/ human resource(s)? /g, ' human_resources '],
  // "Human Res. Manager": the abbreviation only ever follows "human"
  [/ human res /g, ' human_resources '],
  [/ human capital /g, ' human_capital '],
  [/ (employee|industrial|labou?r) relations /g, ' $1_relations '],
  // "Human Relations" is an older name of HR in US employers; union relations are labour relations
  [/ human relations /g, ' human_resources '],
  [/ union relations /g, ' labour_relations '],
  // an Indian plant's labour officer (Factories Act) and its labour welfare/liaison work are HR
  [/ labou?r (welfare|liaison|management|law) /g, ' labour_welfare '],
  [/ labou?r officer /g, ' labour_welfare officer '],
  // a factory's welfare officer is the one the Factories Act makes an Indian plant employ
  [/ (employee|employees|staff|worker|workers|factory) welfare /g, ' labour_welfare '],
  // English "Industrial Director" is the Spanish/Portuguese "director industrial": manufacturing's
  // head ("Industrial Relations/Sales/Hygiene Manager" name another function first)
  [/ industrial (manager|director|superintendent) /g, ' manufacturing $1 '],
  // a UK "plant hire" lets machines out: a rental business, whose "new hire" is still HR's
  [/ (plant|equipment|tool|machinery|car|van) hire /g, ' rental '],
  // A team's, group's, line's or zone's leader is a line rank, and so is a production leader
  // (US plants' frontline lead); a leader of a function elsewhere ("Operations Leader") heads it.
  // So is the leader of a unit, flow, floor or area of making, wherever the part is named
  // ("Manufacturing Unit Leader", "Line Manufacturing Leader"): a plant's frontline, not its head.
  [
    / (team|group|line|shift|cell|zone|section|crew|production|assembly|unit|flow|floor) leader /g,
    ' $1 lead ',
  ],
  [/ (manufacturing|production|plant|mfg) area leader /g, ' $1 area lead '],
  [/ (line|area|unit|cell|floor|flow) (manufacturing|production|mfg) leader /g, ' $1 $2 lead '],
  // a leader among assemblers ("Leader Assembler") is one of them
  [/ leader (assembler|operator|fitter|welder|machinist)s? /g, ' lead $1 '],
  // after a plant or its production, "chief" is its head; after operations it is a grade
  // (military and government "Operations Chief")
  [/ (plant|works|factory|mill|foundry|production|manufacturing) chief /g, ' $1 head '],
  // sourcing of fabric, parts or materials is procurement, not recruiting
  [
    / (fabric|fabrics|material|materials|parts|component|components|commodity|commodities|supplier|vendor|yarn|leather|product|products) sourc(er|ers|ing) /g,
    ' $1 procurement ',
  ],
  // a supplier-diversity team buys from minority-owned suppliers; "D&I", "DE&I" are diversity's
  [/ (supplier|suppliers|vendor|business|procurement|purchasing) diversity /g, ' supplier procurement '],
  [/ (d|de|ed) & i /g, ' diversity '],
  // onboarding of clients, merchants or vendors is their account work, not a new hire's
  [
    / (client|clients|customer|customers|merchant|merchants|vendor|vendors|supplier|suppliers|partner|partners|patient|patients|member|members|seller|sellers|dealer|dealers|provider|providers|account|accounts|investor|investors|user|users|kyc) onboarding /g,
    ' $1 service ',
  ],
  // ("source" is a common word, never repaired: each form is named)
  [/ human sourc(e|es|er|ers) /g, ' humint '],
  [/ (sourc(e|es|er|ers)|signals) intelligence /g, ' humint '],
  [/ special operations /g, ' combat '],
  // a US site superintendent runs a building site
  [/ site superintendent /g, ' construction superintendent '],
  [/ (loss prevention|asset protection|plant protection) /g, ' security '],
  // "Employer Relations" is the UK's name for employee relations work (ONS codes it with HR officers)
  [/ employer relations /g, ' employee_relations '],
  // an Indian plant's P&A department is personnel and administration
  [/ p & a /g, ' personnel administration '],
  // places and trades that only look like a plant's or an HR team's
  [/ operating (room|theatre|theater)s? /g, ' hospital '],
  // a clean room is where chips, drugs and devices are made
  [/ clean rooms? /g, ' cleanroom '],
  [/ physical plant /g, ' facilities '],
  // Oracle's and SAP's "Recruiting Cloud" is software: its consultants implement it
  [/ recruit(ing|ment) cloud /g, ' hcm_software '],
  // plant culture is horticulture; a bulk plant is a fuel distributor's terminal
  [/ plant culture /g, ' farm culture '],
  [/ bulk plant /g, ' fuel terminal '],
  [/ site acquisition /g, ' estate acquisition '],
  [/ unit trusts? /g, ' fund '],
  [/ player personnel /g, ' sports personnel '],
  [/ bed placement /g, ' hospital placement '],
  // disability and welfare-to-work services help people into jobs elsewhere: social work
  [/ (supported employment|employment (rights|support)) /g, ' social employment '],
  // case managers and field placements are social work's; employment law is the lawyers'
  [/ case (manager|management|worker|coordinator)s? /g, ' social $1 '],
  [/ field placement /g, ' social placement '],
  [/ employment law /g, ' legal '],
  // a client's operations are account management (a client's HR manager is still HR)
  [/ client operations /g, ' customer operations '],
  // a staff officer is a military grade; a delivery suite is a maternity ward; work study is methods
  // engineering; "Supporting People" is a UK social-care programme; hotels run food & beverage
  [/ staff officer /g, ' military officer '],
  [/ delivery suite /g, ' hospital '],
  [/ works? study /g, ' improvement '],
  [/ supporting people /g, ' social care '],
  // a support worker is a care worker ("Placement Support Worker" places children, not employees)
  [/ support workers? /g, ' social worker '],
  [/ food (and|&) beverage operations /g, ' hospitality operations '],
  [/ talent solutions /g, ' sales solutions '],
  // a board mill makes paperboard; the board that owns a company sits elsewhere
  [/ board mill /g, ' paperboard mill '],
  // campus hiring recruits graduates for the employer ("Campus Hiring Manager"); a campus's own
  // operations stay a setting
  [/ campus (hiring|recruit\w*|relations|talent) /g, ' $1 '],
  // market research recruits consumers for panels, not employees
  [/ consumer recruit/g, ' participant recruit'],
  // a site's services are its facilities ("Site Services Manager")
  [/ site services /g, ' facilities '],
  [/ (dye|ship|boat|malt) (house|yard) /g, ' $1$2 '],
  // goods before their making are what is made ("Rubber Products Manufacturing Manager"), not
  // product management
  [/ (products|goods) (manufacturing|production|manufacture|plant|factory|mill) /g, ' wares $2 '],
  [/ equal (employment )?opportunit(y|ies) /g, ' compliance '],
  [/ temporary (labou?r|staffing|staff) /g, ' temporary_labour '],
  [/ research (and |& )?development /g, ' r_and_d '],
  [/ r ?& ?d /g, ' r_and_d '],
  [/ head hunt(er|ing) /g, ' headhunter '],
  [/ team lead(er)? /g, ' lead '],
  [/ (senior |executive |group )?vice president /g, ' $1vice_president '],
  // an Indian manufacturer's DGM/AGM/JGM grades are general managers, as their abbreviations read
  [/ (deputy|assistant|joint) general manager /g, ' general_manager '],
  [/ general manager /g, ' general_manager '],
  [/ business partner /g, ' partner '],
  // one token, so a title's function can be told from bare "talent" (a performer's agent, too)
  [/ talent acquisition /g, ' talent_acquisition '],
  [/ managing director /g, ' managing_director '],
  [/ chief executive( officer)? /g, ' chief ceo '],
  [/ chief operating officer /g, ' chief operations '],
  [/ chief (\w+) officer /g, ' chief $1 '],
  [/ chief of (\w+) /g, ' chief $1 '],
  [/ in charge /g, ' head '],
  // A shop of a plant (machine, melt, press shop) is a production area, not a store.
  [
    / (machine|melt|press|tool|weld|welding|fabrication|stamping|moulding|molding|forge|job|assembly) shop /g,
    ' $1 production ',
  ],
  [/ (back|front) office /g, ' backoffice '],
  // US occupational names of HR's own practitioners (O*NET files them with HR specialists): a job
  // or personnel interviewer screens candidates, a personnel counselor and a bare employee adviser
  // advise on employment, a bare selection specialist selects hires ("Site Selection Specialist"
  // picks real estate, a "Selection Manager" buys stock, a selection consultant designs tests for
  // a consultancy: only the bare in-house practitioner is read)
  [/ (job|personnel) interviewers? /g, ' employment interviewer '],
  [/ personnel counsell?ors? /g, ' personnel advisor '],
  [/^ employee advis[eo]rs? $/, ' employee_relations advisor '],
  [/^ selection (specialist|officer|advisor|adviser|coordinator)s? $/, ' recruitment $1 '],
  [/ talent (agent|scout|booker|manager of artists) /g, ' casting agent '],
  // "Lead HRBP", "Lead Sourcer": a senior practitioner, not a team lead.
  [
    / lead (human_resources |talent |talent_acquisition )?(partner|recruiter|specialist|generalist|consultant|sourcer) /g,
    ' senior $1$2 ',
  ],
];

function phraseWords(words: string[]): string[] {
  let joined = ` ${words.join(' ')} `;
  for (const [re, to] of PHRASES) joined = joined.replace(re, to);
  for (const [re, to] of PHRASES) joined = joined.replace(re, to);
  return workshops(joined.trim().split(/\s+/).filter(Boolean));
}

/**
 * Words before "shop" that make it a workshop that makes things ("Machine Shop", "Job Shop").
 * Paint and tool shops are left out: as often stores that sell paint and tools as plant sections.
 */
const MAKING_WORDS = new Set([
  'machine',
  'fabrication',
  'manufacturing',
  'production',
  'die',
  'press',
  'weld',
  'welding',
  'assembly',
  'metal',
  'job',
  'foundry',
  'cleanroom',
]);

/**
 * In US occupational titles a shop is often a factory floor ("Machine Shop Superintendent",
 * "Fabrication Shop Manager"), while alone it is a store ("Shop Manager", "Coffee Shop Manager").
 * A making word before it reads it as works; so does a superintendent of an unqualified shop
 * (stores have none), but a repair or body shop's superintendent still runs a service, not a plant.
 */
function workshops(words: string[]): string[] {
  if (!words.includes('shop')) return words;
  const superintendent = words.includes('superintendent');
  return words.map((w, i) => {
    if (w !== 'shop') return w;
    const before = words[i - 1];
    const unqualified =
      before === undefined || SENIORITY.has(before) || SCOPE_WORDS.has(before) || FILLER.has(before);
    return MAKING_WORDS.has(before ?? '') || (superintendent && unqualified) ? 'works' : w;
  });
}

function blankAnalysis(repaired: boolean, translated: boolean, assistantTo: boolean): TitleAnalysis {
  return {
    classes: new Set(),
    placeOnly: false,
    weakPlace: false,
    rank: null,
    rankWord: null,
    seniority: new Set(),
    blocked: false,
    scope: false,
    region: false,
    opsOf: null,
    ofOps: null,
    context: [],
    others: new Set(),
    recruiter: false,
    sellsRecruiting: false,
    repaired,
    translated,
    assistantTo,
    engineeringJoined: false,
    opsOfUnknown: null,
    siteOfUnknown: null,
    functionWords: new Set(),
  };
}

/** The rank of a title: its last rank word when that is not a leader, else its most senior leader word. */
function headRank(ranks: { word: string; rank: string; i: number }[]) {
  if (!ranks.length) return null;
  const last = ranks[ranks.length - 1]!;
  if (['junior', 'worker', 'lead', 'owner'].includes(last.rank)) return last;
  const leaders = ranks.filter((r) => (LEADER_ORDER as readonly string[]).includes(r.rank));
  if (leaders.length)
    return leaders.reduce((a, b) =>
      LEADER_ORDER.indexOf(b.rank as never) < LEADER_ORDER.indexOf(a.rank as never) ? b : a,
    );
  return ranks.find((r) => r.rank === 'partner') ?? last;
}

/** Operations words that name no place and no making: whose operations they are, the title must say. */
const BARE_OPS = new Set(['operations', 'operation', 'operating']);

/**
 * A word that says what is made or how ("Steel", "Polymer", "Bottling", "Welding", "Clean Room"):
 * the company vocabulary reads the made things.
 */
function madeThing(w: string): boolean {
  return PRODUCT_NOUNS.has(w) || MAKING_WORDS.has(w) || readIndustryLabel(w)?.makes === true;
}

/**
 * The unknown word right before a bare "operations", when every operations word of the title is
 * bare: "Enterprise", "Credit", "Tourism" Operations are some other trade's, while "Steel
 * Operations" are a mill's, "Mexico Operations" a country's, and a word of the ICP's own titles is
 * the ICP's.
 */
function unknownOpsQualifier(words: string[], others: Set<string>, extra: Set<string>): string | null {
  const ops = words.map((w, i) => [w, i] as const).filter(([w]) => has(FUNCTION_CLASS, w) === 'ops');
  if (!ops.length || !ops.every(([w]) => BARE_OPS.has(w))) return null;
  for (const [, i] of ops) {
    const q = words[i - 1];
    if (q && others.has(q) && !extra.has(q) && !PLACE_NAMES.has(q) && !madeThing(q)) return q;
  }
  return null;
}

/** What the setting and the operations' qualifier say, once every word is read. */
function readQualifiers(a: TitleAnalysis, words: string[], extra: Set<string>): void {
  // a farm's or well's output named with its processing is what a food or fuel plant makes
  if (a.context.length && a.context.every((c) => RAW_OUTPUTS.has(c)) && words.some((w) => PROCESSING.has(w)))
    a.context = [];
  a.opsOfUnknown = unknownOpsQualifier(words, a.others, extra);
  a.sellsRecruiting = salesAfterRecruiting(words);
  a.siteOfUnknown = a.placeOnly && a.weakPlace ? unknownSiteWord(a.others, extra) : null;
}

/**
 * A site or unit is a plant's only when nothing else names it: "Site Manager", "Site Director,
 * Pune" run the plant they work at, while a "Leasing Site Manager", "Nutrition Site Director",
 * "Collections Unit Manager" or "Site Contracts Manager" run some other site. Unlike a plant, a
 * site takes any word the rules cannot read as its kind (every real title set agrees: 51 of 53
 * such matches were wrong on ONS, O*NET and postings).
 */
function unknownSiteWord(others: Set<string>, extra: Set<string>): string | null {
  const known = (w: string) => extra.has(w) || PLACE_NAMES.has(w) || madeThing(w) || DRUG_UNITS.has(w);
  return [...others].find((w) => !known(w)) ?? null;
}

/** India's drug makers name a plant's units by what they make: "API Unit Head", "OSD Site Head". */
const DRUG_UNITS = new Set([
  'api',
  'apis',
  'bulk',
  'formulation',
  'formulations',
  'osd',
  'tablet',
  'tablets',
  'capsule',
  'capsules',
  'injectable',
  'injectables',
  'parenteral',
  'parenterals',
  'sterile',
  'biologics',
]);

/**
 * A compound's first word, when a function word itself, is kept too: "Talent Manager" shares
 * "talent" with "TA Manager" (talent_acquisition), so it stays the nearest ICP title.
 */
function addFunctionWord(a: TitleAnalysis, w: string): void {
  a.functionWords.add(w);
  const first = w.split('_')[0]!;
  if (first !== w && has(FUNCTION_CLASS, first)) a.functionWords.add(first);
}

export function analyzeTitle(raw: string, extraVocabulary: Set<string> = new Set()): TitleAnalysis {
  const { text, words: english, translated, repaired } = englishWords(raw, extraVocabulary);
  const words = phraseWords(english);
  const a = blankAnalysis(
    repaired,
    translated,
    /\bto( the)? \w/.test(text) || /\bchief of staff\b/.test(text),
  );
  const ranks: { word: string; rank: string; i: number }[] = [];
  let functionSeen = false;
  let places = 0;
  let functions = 0;
  let prevClass: string | null = null;
  let joinedAfter = -1;
  // what is made qualifies a maker's plant and a maker's HR alike ("HR Manager - Medical Devices")
  const makes = words.some((w) => MAKING.has(w) || has(FUNCTION_CLASS, w) === 'hr');
  words.forEach((w, i) => {
    // "Supply Chain & Operations" names two functions; "Supply Chain Operations" is one function's.
    if (w === 'and' || w === '&') {
      if (prevClass) joinedAfter = i;
      prevClass = null;
    }
    if (
      joinedAfter >= 0 &&
      has(FUNCTION_CLASS, w) &&
      (w === 'engineering' || words[joinedAfter - 1] === 'engineering')
    )
      a.engineeringJoined = true;
    if (FILLER.has(w)) return;
    if (SCOPE_WORDS.has(w)) {
      a.scope = true;
      if (REGION_WORDS.has(w)) a.region = true;
      return;
    }
    const laterRank = words.slice(i + 1).some((x) => has(RANK_WORDS, x) && !BLOCKING_SENIORITY.has(x));
    if (BLOCKING_SENIORITY.has(w) && (laterRank || shiftAfterRank(words, i))) {
      // "Associate Recruiter", "Junior HR Executive": a practitioner early in the career is one.
      if (!JUNIOR_PRACTITIONER.has(w) || !practitionerNext(words, i)) a.blocked = true;
      return;
    }
    if (SENIORITY.has(w) && (w !== 'executive' || laterRank)) {
      a.seniority.add(w);
      return;
    }
    // "Head Operator", "Mill Operator, Head": a head beside a worker's rank is the senior one of them
    if (
      HEAD_WORDS.has(w) &&
      [words[i - 1], words[i + 1]].some((x) => has(RANK_WORDS, x ?? '') === 'worker')
    ) {
      a.seniority.add('senior');
      return;
    }
    const cls = has(FUNCTION_CLASS, w);
    let rank = has(RANK_WORDS, w);
    // "Chief Operating Officer" is C-level; an "Operations Chief" runs a unit.
    if (w === 'chief' && functionSeen) rank = 'lead';
    if (rank) ranks.push({ word: w, rank, i });
    if (RECRUITER_WORDS.has(w)) a.recruiter = true;
    if (cls === 'ops' && !PLACE_WORDS.has(w) && prevClass && !['ops', 'business', 'hr'].includes(prevClass))
      a.opsOf = prevClass;
    if (cls && prevClass === 'ops' && OPS_SPECIALTIES.has(cls)) a.ofOps = cls;
    prevClass = cls ?? (rank ? null : prevClass);
    if (cls) {
      functionSeen = true;
      a.classes.add(cls);
      addFunctionWord(a, w);
      if (cls === 'ops' && PLACE_WORDS.has(w)) {
        places++;
        a.weakPlace = places === 1 && WEAK_PLACES.has(w);
      } else if (cls === 'ops') functions++;
    } else if (!rank) {
      if (namesSetting(words, i, makes)) a.context.push(w);
      else a.others.add(w);
    }
  });
  a.placeOnly = places > 0 && functions === 0;
  readQualifiers(a, words, extraVocabulary);
  const head = headRank(ranks);
  a.rank = head?.rank ?? null;
  a.rankWord = head?.word ?? null;
  if (a.recruiter) a.classes.add('hr');
  candidateSourcing(a, words);
  settleRanks(a);
  return a;
}

/** A sales word after a recruiting word: "Recruitment Account / Sales / Business Development". */
function salesAfterRecruiting(words: string[]): boolean {
  const from = words.findIndex((w) => RECRUITER_WORDS.has(w));
  if (from < 0) return false;
  return words.some(
    (w, i) =>
      i > from &&
      (has(FUNCTION_CLASS, w) === 'sales' || (w === 'development' && words[i - 1] === 'business')),
  );
}

/**
 * A shift's manager runs one shift of the plant, wherever the title puts the word ("Production
 * Manager - Shift", "Jefe de Turno de Producción"); the other blocking words block only before a rank.
 */
function shiftAfterRank(words: string[], i: number): boolean {
  return (
    words[i] === 'shift' &&
    words.slice(0, i).some((x) => has(RANK_WORDS, x) === 'manager' || HEAD_WORDS.has(x))
  );
}

/** Words before a practitioner rank that say early career, not someone's deputy. */
const JUNIOR_PRACTITIONER = new Set(['associate', 'junior', 'graduate']);

/** Whether the next rank word after position i is a practitioner's ("Associate HR Business Partner"). */
function practitionerNext(words: string[], i: number): boolean {
  const next = words.slice(i + 1).find((x) => has(RANK_WORDS, x) && !BLOCKING_SENIORITY.has(x));
  const rank = next ? has(RANK_WORDS, next) : undefined;
  return rank === 'practitioner' || rank === 'partner';
}

/** In HR, sourcing is finding candidates ("Sourcing Specialist - Talent Acquisition"), not buying. */
function candidateSourcing(a: TitleAnalysis, words: string[]): void {
  if (!a.classes.has('hr') || !a.classes.has('supply')) return;
  if (words.every((w) => has(FUNCTION_CLASS, w) !== 'supply' || w === 'sourcing')) a.classes.delete('supply');
}

/**
 * In HR a lead runs the team ("Talent Acquisition Lead", "HR Team Lead") while a supervisor
 * works in it ("HR Supervisor"); on a production line both are line ranks and stay out.
 */
function hrRanks(a: TitleAnalysis): void {
  if (!a.classes.has('hr')) return;
  // HR's assistants, associates and workers do its day-to-day work — screening, scheduling,
  // onboarding ("HR Assistant", "Talent Acquisition Associate", "Personnel Worker"): practitioners,
  // as the ICP's own development labels file them (ESCO's human resources assistant is T3). Its
  // clerks, secretaries, analysts, interns and trainees stay out.
  if ((a.rank === 'junior' || a.rank === 'worker') && HR_HANDS.has(a.rankWord ?? '')) a.rank = 'practitioner';
  // An assistant or deputy of an HR leader is one rank below: India's "Asst. Manager - HR" grade
  // and an "Assistant HR Manager" are the team's practitioners, a "Deputy CHRO" or an "Assistant
  // Director of HR" one of its managers.
  if (a.blocked && a.rank && (LEADER_ORDER as readonly string[]).includes(a.rank) && !a.assistantTo) {
    a.blocked = false;
    a.rank = ['manager', 'gm'].includes(a.rank) ? 'practitioner' : 'manager';
  }
  if (a.rank !== 'lead') return;
  a.rank = a.rankWord === 'lead' ? 'manager' : 'practitioner';
}

/**
 * The owner of a making place runs it ("Sawmill Owner", "Foundry Owner", "Textile Mill Owner"): the
 * ICP's decision maker, who owns the output and chooses vendors (ONS files them as production
 * managers). Only a place alone says so: a "Process Owner" or "Product Owner" owns a method, and
 * an owner of a setting ("Restaurant Owner") is out by the setting.
 */
function ownerOfWorks(a: TitleAnalysis): void {
  if (a.rankWord === 'owner' && a.placeOnly && !a.weakPlace && !a.context.length) a.rank = 'c';
}

/** Ranks that only the whole title settles: HR's own ranks, and a making place's owner. */
function settleRanks(a: TitleAnalysis): void {
  hrRanks(a);
  ownerOfWorks(a);
}

const HR_HANDS = new Set(['assistant', 'associate', 'worker']);

/** The class a title belongs to: HR wins over operations ("HR Operations Manager" is HR). */
function primaryClass(a: TitleAnalysis): string | null {
  if (a.classes.has('hr')) return 'hr';
  if (a.classes.has('ops')) return 'ops';
  if (a.classes.has('executive')) return 'executive';
  return a.classes.size === 1 ? [...a.classes][0]! : a.classes.size ? 'mixed' : null;
}

/**
 * "Recruitment Account Manager", "Recruitment Sales Manager", "Recruiting Business Development
 * Manager": a recruitment agency's sellers, whose clients are the HR buyers (as "Staffing Account
 * Manager" already read). A recruiter who works accounts ("Account Recruiter", "Sales Recruiter")
 * still recruits.
 */
function sellsRecruitment(a: TitleAnalysis): boolean {
  if (!a.sellsRecruiting || RECRUITER_WORDS.has(a.rankWord ?? '')) return false;
  // sellers are managers and account executives; a "Recruitment Sales Representative" is filed
  // with recruiters (O*NET 13-1071), and "Sales Recruitment" names whom they recruit
  return (LEADER_ORDER as readonly string[]).includes(a.rank ?? '') || a.rankWord === 'executive';
}

/** Whether a title's other function words only accompany its class ("Operations & Supply Chain"). */
function classesAgree(a: TitleAnalysis, primary: string): boolean {
  if (a.recruiter && primary === 'hr') return !sellsRecruitment(a);
  if (primary === 'ops' && (a.opsOf || a.ofOps)) return false;
  // A plant's quality or logistics manager is not the plant's head: companions need a function word.
  const companions = primary === 'ops' && a.placeOnly ? [] : (COMPANION_CLASSES[primary] ?? []);
  const allowed = new Set<string>([primary, ...companions]);
  // "VP Operations & Engineering" runs both; "Manufacturing Engineering Manager" is an engineer's manager.
  if (primary === 'ops' && a.engineeringJoined) allowed.add('tech');
  if (primary === 'hr') allowed.add('ops');
  return [...a.classes].every((c) => allowed.has(c));
}

/** What one ICP tier accepts, read from its titles. */
interface TierProfile {
  tier: Tier;
  titles: { title: string; a: TitleAnalysis; cls: string | null }[];
  classes: Set<string>;
  /** Most and least senior leader ranks among the tier's titles (indices into LEADER_ORDER). */
  leaderRange: [number, number] | null;
  practitionerClasses: Set<string>;
}

function tierProfile(tier: Tier, titles: string[], extra: Set<string>): TierProfile {
  const read = titles.map((title) => {
    const a = analyzeTitle(title, extra);
    return { title, a, cls: primaryClass(a) };
  });
  const leaderIdx = read.map((t) => LEADER_ORDER.indexOf(t.a.rank as never)).filter((i) => i >= 0 && true);
  return {
    tier,
    titles: read,
    classes: new Set(read.flatMap((t) => (t.cls ? [t.cls] : []))),
    leaderRange: leaderIdx.length ? [Math.min(...leaderIdx), Math.max(...leaderIdx)] : null,
    practitionerClasses: new Set(
      read
        .filter((t) => (t.a.rank === 'practitioner' || t.a.rank === 'partner') && t.a.seniority.size === 0)
        .flatMap((t) => (t.cls ? [t.cls] : [])),
    ),
  };
}

/** A principal is at least as senior as a senior ("Principal HRBP" meets "Senior HRBP"). */
const hasSeniority = (p: TitleAnalysis, s: string) =>
  p.seniority.has(s) || (s === 'senior' && p.seniority.has('principal'));

const sameSet = <T>(x: Set<T>, y: Set<T>) => x.size === y.size && [...x].every((v) => y.has(v));

/** A title with no function ("Regional Manager") matches only titles that say no more than it does. */
function matchesBare(p: TitleAnalysis, t: TitleAnalysis): boolean {
  return (
    p.classes.size === 0 &&
    p.rankWord === t.rankWord &&
    p.region === t.region &&
    [...p.others].every((w) => t.others.has(w)) &&
    [...t.seniority].every((s) => p.seniority.has(s))
  );
}

interface TierFit {
  tier: Tier;
  title: string;
  /** exact: an ICP title with the same parts; rank: same class and a rank within the tier's range. */
  kind: 'exact' | 'rank';
  spec: number;
  /** Function words shared with that title: breaks ties between equally specific titles only. */
  near?: number;
}

function fitTier(p: TitleAnalysis, cls: string | null, prof: TierProfile): TierFit | null {
  let best: TierFit | null = null;
  const consider = (f: TierFit) => {
    if (!best || f.spec > best.spec || (f.spec === best.spec && (f.near ?? 0) > (best.near ?? 0))) best = f;
  };
  for (const t of prof.titles) {
    if (!t.cls) {
      if (matchesBare(p, t.a)) consider({ tier: prof.tier, title: t.title, kind: 'exact', spec: 3 });
      continue;
    }
    if (t.cls !== cls || p.rankWord !== t.a.rankWord || p.rank !== t.a.rank) continue;
    if (![...t.a.seniority].every((s) => hasSeniority(p, s))) continue;
    consider({
      tier: prof.tier,
      title: t.title,
      kind: 'exact',
      spec: 2 + t.a.seniority.size + (sameSet(p.classes, t.a.classes) ? 1 : 0),
      // among equals, the title sharing the most function words explains the match ("Talent
      // Acquisition Manager" ~ "TA Manager", not "HR Manager")
      near: [...p.functionWords].filter((w) => t.a.functionWords.has(w)).length,
    });
  }
  if (best || !cls || !prof.classes.has(cls)) return best;
  const idx = LEADER_ORDER.indexOf(p.rank as never);
  // The tier's title nearest in rank explains the match ("Plant Superintendent" ~ "Factory Manager"),
  // and among those the one sharing most function words ("Staffing Officer" ~ "Staffing
  // Coordinator", "Talent Representative" ~ "TA Specialist"; both were "Recruiter").
  type IcpTitle = TierProfile['titles'][number];
  const gap = (t: IcpTitle) => (idx < 0 ? 0 : Math.abs(LEADER_ORDER.indexOf(t.a.rank as never) - idx));
  const shared = (t: IcpTitle) => [...p.functionWords].filter((w) => t.a.functionWords.has(w)).length;
  const nearer = (a: IcpTitle, b: IcpTitle) =>
    gap(b) < gap(a) || (gap(b) === gap(a) && shared(b) > shared(a));
  const sample = prof.titles.filter((t) => t.cls === cls).reduce((a, b) => (nearer(a, b) ? b : a));
  if (idx >= 0 && prof.leaderRange && idx >= prof.leaderRange[0] && idx <= prof.leaderRange[1])
    return { tier: prof.tier, title: sample.title, kind: 'rank', spec: 1 };
  if ((p.rank === 'practitioner' || p.rank === 'partner') && prof.practitionerClasses.has(cls))
    return { tier: prof.tier, title: sample.title, kind: 'rank', spec: 1 };
  return null;
}

/** Why a title cannot be any tier, before comparing it with the tiers (null: it may be one). */
function disqualified(p: TitleAnalysis, cls: string | null): string | null {
  if (p.assistantTo) return 'works for the role';
  if (p.blocked) return 'deputy or assistant';
  if (!p.rank) return 'no rank';
  if (cls === 'hr' && p.recruiter && sellsRecruitment(p)) return 'sells recruitment (an agency seller)';
  if (cls && cls !== 'mixed' && !classesAgree(p, cls)) return 'mixed functions';
  if (cls === 'mixed') return 'mixed functions';
  if (cls === 'ops' && p.opsOfUnknown) return `not a plant's operations (${p.opsOfUnknown})`;
  if (cls === 'ops' && p.siteOfUnknown) return `not a plant's site (${p.siteOfUnknown})`;
  if (p.context.length && !(p.recruiter && !p.context.some((c) => HR_OUTSIDE.has(c))))
    return `outside setting (${p.context.join(' ')})`;
  return null;
}

/** Settings that make even a recruiter not one of ours ("Casting Recruiter", "Seaman Recruit"). */
const HR_OUTSIDE = new Set([
  'casting',
  'model',
  'modelling',
  'sports',
  'sport',
  ...SPORTS_AND_CENSUS,
  'artist',
  'artists',
  'music',
  'film',
  'theatre',
  'theater',
  'television',
  'military',
  'army',
  'navy',
  'seaman',
  'stage',
  'admissions',
  'enrollment',
  'enrolment',
  // recruiters of people who are not hired: patients, donors, volunteers, members, participants
  'patient',
  'patients',
  'donor',
  'donors',
  'volunteer',
  'volunteers',
  'membership',
  'participant',
  'participants',
  'clinical',
  'trial',
  'trials',
  'church',
  'foster',
  'force',
  'guard',
  'marines',
  'marine',
  'corps',
  'police',
  'entertainment',
  'agency',
  'agencies',
]);

/** The rule score of a match, from what had to be assumed to make it (a summary; see MatchEvidence). */
function matchScore(p: TitleAnalysis, fit: TierFit): number {
  let c = fit.kind === 'exact' ? 0.97 : 0.93;
  c -= 0.03 * Math.min(3, p.others.size);
  if (p.placeOnly && p.weakPlace) c -= 0.12;
  if (p.repaired) c -= 0.1;
  if (p.translated) c -= 0.04;
  return Math.max(0.5, Math.round(c * 100) / 100);
}

/** The rule score of a rejection: lower the nearer the title is to a target class. */
function rejectScore(p: TitleAnalysis, cls: string | null, why: string | null): number {
  const near = cls === 'ops' || cls === 'hr';
  if (!near) return p.rank ? 0.97 : 0.85;
  if (why?.startsWith('outside')) return 0.85;
  return 0.8;
}

/** What the rules made of a title, before and after calibration. */
export interface TitleReading {
  /** The decision with its calibrated confidence (what `classify` returns). */
  match: TitleMatch;
  /**
   * The uncalibrated rule score: a rejection's confidence is read from it; a match's from its
   * evidence (title-calibration.ts), the score only summing up what the match had to assume.
   */
  score: number;
  /** The rules found no rank or no function to go on: a similarity signal may decide. */
  undecided: boolean;
  /** Why no tier takes the title (null when one does). */
  reason: string | null;
  /** What a match had to assume (null on a rejection): the calibration's features. */
  evidence: MatchEvidence | null;
  /** MiniLM similarity to the decided tier's nearest ICP title, when the model saw the title. */
  similarity?: number;
}

export interface TitleClassifier {
  classify(title: string): TitleMatch;
  explain(title: string): TitleReading;
  /** Reads these titles once ahead of classify (the model classifier embeds them; rules need not). */
  prime?(titles: string[]): Promise<void>;
}

interface RuleRead {
  /** Read from part of the title (the text before a qualifier, or one of two roles). */
  partial?: boolean;
  p: TitleAnalysis;
  cls: string | null;
  why: string | null;
  best: TierFit | null;
}

function noTierReason(r: RuleRead, tierClasses: Set<string>): string {
  if (r.why) return r.why;
  if (!r.cls) return 'no function word';
  if (!tierClasses.has(r.cls)) return `${r.cls} is no tier's function`;
  return `rank "${r.p.rankWord ?? '?'}" is outside the tiers' ranks`;
}

function evidenceOf(r: RuleRead, fit: TierFit): MatchEvidence {
  return {
    tier: fit.tier,
    exact: fit.kind === 'exact',
    others: Math.min(3, r.p.others.size),
    weakPlace: r.p.placeOnly && r.p.weakPlace,
    repaired: r.p.repaired,
    translated: r.p.translated,
    partial: r.partial === true,
    broad: !r.p.recruiter && [...r.p.functionWords].every((w) => BROAD_FUNCTION_WORDS.has(w)),
  };
}

function readingOf(r: RuleRead, tierClasses: Set<string>): TitleReading {
  if (r.best) {
    const score = matchScore(r.p, r.best);
    const evidence = evidenceOf(r, r.best);
    return {
      match: { tier: r.best.tier, confidence: matchConfidence(evidence, null), matched: r.best.title },
      score,
      undecided: false,
      reason: null,
      evidence,
    };
  }
  const score = rejectScore(r.p, r.cls, r.why);
  const undecided = r.why === 'no rank' || (!r.why && !r.cls && !NON_TARGET_RANKS.has(r.p.rank ?? ''));
  const reason = noTierReason(r, tierClasses);
  return {
    match: { tier: null, confidence: calibrated('reject', score), matched: null, reason },
    score,
    undecided,
    reason,
    evidence: null,
  };
}

/**
 * A title naming two roles ("COO & Co-Founder", "CHRO and Board Member", "Owner / Plant Manager"):
 * the person holds each, so the best-placed role decides. Only when every part has a rank of its
 * own — "Sales & Operations Manager" is one role of two functions, not a sales role and a manager.
 */
function bestRole(title: string, read: (t: string) => RuleRead): RuleRead | null {
  const parts = title.split(/\s+(?:&|and|und|y|et)\s+|\s*[/|]\s*/i).filter((x) => x.trim());
  if (parts.length < 2) return null;
  const reads = parts.map(read);
  if (reads.some((x) => !x.p.rank || x.p.repaired)) return null;
  const placed = reads.filter((x) => x.best);
  return placed.reduce<RuleRead | null>((a, b) => (!a || b.best!.spec > a.best!.spec ? b : a), null);
}

/**
 * "Sr. Manager - Plant Operations | Lean Six Sigma Black Belt", "Recruiter • Sourcing • Employer
 * Branding": a LinkedIn headline puts the role first and credentials, skills or the employer after
 * bars and bullets. When the first segment is a role of its own (a rank and a function), it alone
 * decides; the segments after it say nothing about the job. Otherwise the whole title is read.
 */
function headlineRole(title: string, read: (t: string) => RuleRead): RuleRead | null {
  const segments = title.split(/\s*\|\s*|\s+[•·]\s+/).filter((x) => x.trim());
  if (segments.length < 2) return null;
  const first = read(segments[0]!);
  if (!first.p.rank || !first.cls) return null;
  return first.best ? { ...first, partial: true } : first;
}

/**
 * "Chief People Officer (CPO)": an acronym in brackets that spells the words before it repeats
 * them; "Production Manager (IT)" names something else and stays.
 */
function dropRepeatedAcronyms(title: string): string {
  return title.replace(/\s*\(([A-Z]{2,6})\)/g, (whole: string, acronym: string, at: number) => {
    const before = title
      .slice(0, at)
      .split(/[\s-]+/)
      .filter(Boolean);
    const initials = before
      .slice(-acronym.length)
      .map((w) => w[0]!.toUpperCase())
      .join('');
    return initials === acronym ? '' : whole;
  });
}

/**
 * "Production Manager (IT)", "Operations Manager - Finance": production and operations are words
 * every function uses, so a function named in the qualifier says whose they are (as in "IT
 * Operations Manager"); a place or an operations companion ("(Plant 2)", "- Supply Chain") only
 * says where. HR titles are HR whatever they serve ("HR Manager (IT)"). Null: the qualifier is no
 * other function.
 */
function qualifierFunction(core: RuleRead, qualifier: TitleAnalysis): string | null {
  if (core.cls !== 'ops') return null;
  const allowed = new Set(['ops', ...(COMPANION_CLASSES.ops ?? [])]);
  return [...qualifier.classes].find((c) => !allowed.has(c)) ?? null;
}

/**
 * "Operations Manager - Warehouse", "Production Manager (Quality)": a specialty of operations alone
 * in the qualifier says which operations, as in "Warehouse Operations Manager"; beside operations
 * it only accompanies them ("- Operations & Logistics").
 */
function qualifierSpecialty(whole: RuleRead, qualifier: TitleAnalysis): string | null {
  if (whole.cls !== 'ops' || qualifier.classes.has('ops')) return null;
  return [...qualifier.classes].find((c) => OPS_SPECIALTIES.has(c)) ?? null;
}

const QUALIFIER_NAMES = 'the qualifier names another function';

/** Ranks that are never a tier's unless the ICP names them: the rules have decided. */
const NON_TARGET_RANKS = new Set(['worker', 'junior', 'owner']);

/** Builds a classifier for one ICP: the person's title is compared with every tier's titles. */
export function createTitleClassifier(icp: Pick<Icp, 'tiers'>): TitleClassifier {
  const extra = new Set<string>();
  for (const tier of TIERS)
    for (const t of icp.tiers[tier].titles)
      for (const w of tokens(stripAccents(t.toLowerCase()))) if (w.length >= 4) extra.add(w);
  const profiles = TIERS.map((tier) => tierProfile(tier, icp.tiers[tier].titles, extra));
  const tierClasses = new Set(profiles.flatMap((p) => [...p.classes]));
  const read = (title: string): RuleRead => {
    const p = analyzeTitle(title, extra);
    const cls = primaryClass(p);
    const why = disqualified(p, cls);
    let best: TierFit | null = null;
    if (!why)
      for (const prof of profiles) {
        const f = fitTier(p, cls, prof);
        if (f && (!best || f.spec > best.spec)) best = f;
      }
    return { p, cls, why, best };
  };
  const explain = (raw: string): TitleReading => {
    const title = dropRepeatedAcronyms(raw);
    const whole = readWhole(title);
    const headline = headlineRole(title, read);
    // the headline's role decides; the whole title's reading stands when it places the same tier,
    // or when a segment after the role names whose operations they are ("Operations Manager | Sales")
    const same = whole.best && whole.best.tier === headline?.best?.tier;
    if (!headline || same || whole.why?.startsWith(QUALIFIER_NAMES)) return readingOf(whole, tierClasses);
    return readingOf(headline, tierClasses);
  };
  const readWhole = (title: string): RuleRead => {
    let r = read(title);
    // "HR Manager - Plant", "Director HR (Manufacturing)": the qualifier says where, not what.
    const core = title.split(/\s[-–|]\s|[(,]/)[0]!;
    if (!r.best && core.trim() && core !== title && !r.p.context.length && !r.p.blocked) {
      const c = read(core);
      const q = read(title.slice(core.length)).p;
      const other = c.best ? (qualifierFunction(c, q) ?? qualifierSpecialty(c, q)) : null;
      if (other) r = { ...r, why: `${QUALIFIER_NAMES} (${other})` };
      else if (c.best) r = { ...c, partial: true };
    } else if (r.best && core.trim() && core !== title) {
      const specialty = qualifierSpecialty(r, read(title.slice(core.length)).p);
      if (specialty) r = { ...r, best: null, why: `${QUALIFIER_NAMES} (${specialty})` };
    }
    if (!r.best && !r.p.context.length && !r.p.assistantTo) {
      const role = bestRole(title, read);
      if (role) r = { ...role, partial: true };
    }
    return r;
  };
  return { explain, classify: (title) => explain(title).match };
}
