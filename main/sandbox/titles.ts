/**
 * Title matching for the sandbox's people search, imitating Apollo's behaviour:
 * - include_similar_titles=false: the title must contain the query phrase (after lower-casing,
 *   accent folding and punctuation removal), on word boundaries.
 * - include_similar_titles=true: also titles sharing the query's significant words once
 *   abbreviations, synonyms and other-language forms are expanded. This is deliberately loose,
 *   like Apollo's: "Plant Head" also finds "Plant Biologist", "Recruiter" finds "Recruitment
 *   Marketing Designer".
 */

export function normalizeTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Other-language phrases → English, applied to normalised titles (longest first). */
const PHRASES: readonly (readonly [string, string])[] = [
  ['director general de operaciones', 'chief operating officer'],
  ['directeur general des operations', 'chief operating officer'],
  ['diretor executivo de operacoes', 'chief operating officer'],
  ['directeur de l exploitation', 'director operations'],
  ['gerente general de operaciones', 'general manager operations'],
  ['gerente geral de operacoes', 'general manager operations'],
  ['vicepresidente de operaciones', 'vice president operations'],
  ['vice president des operations', 'vice president operations'],
  ['vice presidente de operacoes', 'vice president operations'],
  ['director de operaciones', 'director operations'],
  ['directora de operaciones', 'director operations'],
  ['directeur des operations', 'director operations'],
  ['directrice des operations', 'director operations'],
  ['diretor de operacoes', 'director operations'],
  ['diretora de operacoes', 'director operations'],
  ['gerente de operaciones', 'operations manager'],
  ['gerente de operacoes', 'operations manager'],
  ['responsable des operations', 'operations manager'],
  ['analista de operaciones', 'operations analyst'],
  ['analista de operacoes', 'operations analyst'],
  ['analyste des operations', 'operations analyst'],
  ['geschaftsfuhrer operations', 'chief operating officer'],
  ['bereichsleiter operations', 'vice president operations'],
  ['leiter operations', 'director operations'],
  ['direktor operations', 'director operations'],
  ['betriebsdirektor', 'director operations'],
  ['jefe de planta', 'plant head'],
  ['gerente de planta', 'plant manager'],
  ['director de planta', 'plant head'],
  ['gerente de fabrica', 'factory manager'],
  ['jefe de fabrica', 'factory manager'],
  ['chefe de fabrica', 'factory manager'],
  ['gerente industrial', 'plant manager'],
  ['directeur d usine', 'plant head'],
  ['directeur de l usine', 'plant head'],
  ['chef d usine', 'factory manager'],
  ['responsable usine', 'factory manager'],
  ['responsable de site', 'plant head'],
  ['werksleiter', 'plant manager'],
  ['werkleiter', 'plant manager'],
  ['standortleiter', 'plant head'],
  ['fabrikleiter', 'factory manager'],
  ['betriebsleiter', 'operations manager'],
  ['leiter betrieb', 'general manager operations'],
  ['gerente regional de operaciones', 'regional operations manager'],
  ['gerente regional', 'regional manager'],
  ['regionalleiter', 'regional manager'],
  ['directeur regional', 'regional manager'],
  ['responsable regional', 'regional manager'],
  ['vicepresidente de recursos humanos', 'vice president human resources'],
  ['vice president ressources humaines', 'vice president human resources'],
  ['vice presidente de recursos humanos', 'vice president human resources'],
  ['director corporativo de recursos humanos', 'chief human resources officer'],
  ['diretor executivo de recursos humanos', 'chief human resources officer'],
  ['personalvorstand', 'chief human resources officer'],
  ['drh groupe', 'chief human resources officer'],
  ['directeur des ressources humaines', 'director human resources'],
  ['directrice des ressources humaines', 'director human resources'],
  ['director de recursos humanos', 'director human resources'],
  ['directora de recursos humanos', 'director human resources'],
  ['diretor de recursos humanos', 'director human resources'],
  ['diretora de rh', 'director human resources'],
  ['director de rrhh', 'director human resources'],
  ['personaldirektor', 'director human resources'],
  ['direktor personal', 'director human resources'],
  ['drh', 'director human resources'],
  ['jefe de recursos humanos', 'head human resources'],
  ['jefa de recursos humanos', 'head human resources'],
  ['chefe de recursos humanos', 'head human resources'],
  ['responsable des ressources humaines', 'head human resources'],
  ['head de rh', 'head human resources'],
  ['personalleiter', 'head human resources'],
  ['leiterin personal', 'head human resources'],
  ['leiter personal', 'head human resources'],
  ['gerente de recursos humanos', 'human resources manager'],
  ['gerente de rrhh', 'human resources manager'],
  ['gerente de rh', 'human resources manager'],
  ['responsable ressources humaines', 'human resources manager'],
  ['personalmanager', 'human resources manager'],
  ['business partner de recursos humanos', 'human resources business partner'],
  ['socio de negocio de rrhh', 'human resources business partner'],
  ['business partner de rh', 'human resources business partner'],
  ['bp de rh', 'human resources business partner'],
  ['responsable rh de proximite', 'human resources business partner'],
  ['personalreferent', 'human resources business partner'],
  ['ejecutivo de recursos humanos', 'human resources executive'],
  ['charge des ressources humaines', 'human resources executive'],
  ['executivo de rh', 'human resources executive'],
  ['analista de rh', 'human resources executive'],
  ['sachbearbeiter personal', 'human resources executive'],
  ['jefe de atraccion de talento', 'head talent acquisition'],
  ['jefe de reclutamiento', 'head talent acquisition'],
  ['leiter recruiting', 'head talent acquisition'],
  ['responsable du recrutement', 'head talent acquisition'],
  ['head de aquisicao de talentos', 'head talent acquisition'],
  ['gerente de adquisicion de talento', 'talent acquisition manager'],
  ['gerente de aquisicao de talentos', 'talent acquisition manager'],
  ['responsable acquisition de talents', 'talent acquisition manager'],
  ['gerente de reclutamiento', 'recruitment manager'],
  ['gerente de recrutamento', 'recruitment manager'],
  ['teamleiter recruiting', 'recruitment manager'],
  ['especialista en adquisicion de talento', 'talent acquisition specialist'],
  ['especialista em aquisicao de talentos', 'talent acquisition specialist'],
  ['charge d acquisition de talents', 'talent acquisition specialist'],
  ['chargee d acquisition de talents', 'talent acquisition specialist'],
  ['analista de recrutamento e selecao', 'recruitment analyst'],
  ['especialista de talento', 'talent specialist'],
  ['especialista de talentos', 'talent specialist'],
  ['charge de recrutement', 'recruiter'],
  ['chargee de recrutement', 'recruiter'],
  ['personalbeschaffer', 'recruiter'],
  ['reclutadora', 'recruiter'],
  ['reclutador', 'recruiter'],
  ['recrutadora', 'recruiter'],
  ['recrutador', 'recruiter'],
  ['coordinador de personal', 'staffing coordinator'],
  ['coordinadora de contratacion', 'staffing coordinator'],
  ['coordenador de contratacao', 'staffing coordinator'],
  ['koordinator personaleinsatz', 'staffing coordinator'],
  ['coordinateur interim', 'staffing coordinator'],
  ['practicante de recursos humanos', 'human resources intern'],
  ['praktikant personal', 'human resources intern'],
  ['stagiaire rh', 'human resources intern'],
  ['estagiario de rh', 'human resources intern'],
  ['recursos humanos', 'human resources'],
  ['ressources humaines', 'human resources'],
  ['rrhh', 'human resources'],
  ['operaciones', 'operations'],
  ['operacoes', 'operations'],
  ['director de tecnologia', 'chief technology officer'],
  ['diretor de tecnologia', 'chief technology officer'],
  ['directeur technique', 'chief technology officer'],
  ['technischer geschaftsfuhrer', 'chief technology officer'],
  ['jefe de producto', 'head product'],
  ['head de produto', 'head product'],
  ['responsable produit', 'head product'],
  ['leiter produktmanagement', 'head product'],
];

/** Abbreviations and synonyms, token → expansion. */
const TOKENS: Readonly<Record<string, string>> = {
  vp: 'vice president',
  svp: 'senior vice president',
  evp: 'executive vice president',
  avp: 'assistant vice president',
  dir: 'director',
  directer: 'director',
  mgr: 'manager',
  manger: 'manager',
  sr: 'senior',
  jr: 'junior',
  gm: 'general manager',
  agm: 'assistant general manager',
  dgm: 'deputy general manager',
  md: 'managing director',
  hr: 'human resources',
  hrbp: 'human resources business partner',
  bp: 'business partner',
  chro: 'chief human resources officer',
  coo: 'chief operating officer',
  ceo: 'chief executive officer',
  cfo: 'chief financial officer',
  cto: 'chief technology officer',
  cio: 'chief information officer',
  ta: 'talent acquisition',
  ops: 'operations',
  exec: 'executive',
  coord: 'coordinator',
  mfg: 'manufacturing',
  people: 'human resources',
  personnel: 'human resources',
  factory: 'plant',
  fatory: 'plant',
  works: 'plant',
  usine: 'plant',
  planta: 'plant',
  fabrica: 'plant',
  operatons: 'operations',
  operating: 'operations',
  operational: 'operations',
  recruiting: 'recruitment',
  recuiter: 'recruiter',
  acqusition: 'acquisition',
  aquisition: 'acquisition',
  acquistion: 'acquisition',
  resouces: 'resources',
  resource: 'resources',
  cheif: 'chief',
  presdient: 'president',
};

/** Words that say how senior someone is, not what they do. */
const RANK = new Set(
  'vice president director head manager chief officer senior junior lead principal associate assistant deputy general executive specialist coordinator partner intern global group regional country area managing and of the to for in at de des du la el e y d l a an ii iii i m w senior staff sr unit'.split(
    ' ',
  ),
);

function stem(token: string): string {
  return token.length > 5 ? token.slice(0, 5) : token;
}

export function expandTitle(title: string): string[] {
  let text = ` ${normalizeTitle(title)} `;
  for (const [from, to] of PHRASES) {
    if (text.includes(` ${from} `)) text = text.split(` ${from} `).join(` ${to} `);
  }
  const out: string[] = [];
  for (const token of text.trim().split(' ')) {
    if (!token) continue;
    const expanded = Object.hasOwn(TOKENS, token) ? TOKENS[token] : undefined;
    if (expanded) out.push(...expanded.split(' '));
    else out.push(token);
  }
  return out;
}

/** Stemmed tokens that say what a job is about (operations, human resources, plant…). */
export function significantTokens(title: string): Set<string> {
  return new Set(
    expandTitle(title)
      .filter((t) => !RANK.has(t))
      .map(stem),
  );
}

export interface TitleMatcher {
  (title: string): boolean;
}

/** Per distinct title: its normalised text and stemmed expansion (every query reads them again). */
const readTitles = new Map<string, { padded: string; stems: Set<string> }>();
function readTitle(title: string) {
  let r = readTitles.get(title);
  if (!r) {
    r = { padded: ` ${normalizeTitle(title)} `, stems: new Set(expandTitle(title).map(stem)) };
    if (readTitles.size < 200_000) readTitles.set(title, r);
  }
  return r;
}

/** Builds a predicate for one query title. */
export function titleMatcher(query: string, includeSimilar: boolean): TitleMatcher {
  const phrase = ` ${normalizeTitle(query)} `;
  const exact = (title: string) => readTitle(title).padded.includes(phrase);
  if (!includeSimilar || phrase.trim() === '') return exact;
  let wanted = [...significantTokens(query)];
  if (wanted.length === 0)
    wanted = expandTitle(query)
      .filter((t) => !['and', 'of', 'the'].includes(t))
      .map(stem);
  return (title: string) => {
    if (exact(title)) return true;
    const have = readTitle(title).stems;
    return wanted.every((t) => have.has(t));
  };
}
