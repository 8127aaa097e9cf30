/**
 * Canonical roles of the sandbox's people. A person's ground truth is their role: they are a
 * true tier-t lead when one of the role's canonical names equals one of the ICP's tier-t titles
 * (see truth.ts). Titles shown to clients are drawn from the role's canonical names, variants
 * (abbreviations, misspellings, extra words) and local-language forms, so the same role appears
 * under many strings, and lookalike roles (Operations Analyst, HR Intern…) share words with
 * target titles without being targets.
 *
 * Real titles: a role may name ESCO occupations (`esco`); the labels ESCO files under them join the
 * role's variants, and every other ESCO occupation whose development tier is "none" becomes a
 * lookalike role of its own (resources/sandbox/titles.json.gz, scripts/build-sandbox-titles.ts).
 * Where ESCO files a title the ICP lists and a lookalike's title under ONE occupation (operations
 * managers and operations directors; HR officers and HR executives), the two are one role for
 * ground truth: the role's canonical names include the listed title. Truth thus follows the data's
 * occupations, never what our classifier reads from a title.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { SectorGroup } from './sectors';

export type RoleFamily =
  | 'executive'
  | 'operations'
  | 'hr_leadership'
  | 'hr_practice'
  | 'engineering_leadership'
  | 'product'
  | 'engineering'
  | 'production'
  | 'quality'
  | 'supply_chain'
  | 'sales'
  | 'marketing'
  | 'finance'
  | 'it'
  | 'admin'
  | 'clinical'
  | 'education'
  | 'science'
  | 'legal'
  | 'support';

export type Seniority =
  | 'owner'
  | 'founder'
  | 'c_suite'
  | 'partner'
  | 'vp'
  | 'head'
  | 'director'
  | 'manager'
  | 'senior'
  | 'entry'
  | 'intern';

export type LocalLang = 'es' | 'de' | 'fr' | 'pt';

export interface RoleDef {
  key: string;
  /** Canonical names; ground truth compares ICP titles against these (case/space-insensitive). */
  canonical: readonly string[];
  family: RoleFamily;
  /** The tier seed 000 (or the SaaS template) puts it in; documentation only. */
  seedTier: 'T1' | 'T2' | 'T3' | 'SaaS' | null;
  seniority: Seniority;
  departments: readonly string[];
  /** Relative frequency among a company's people, by sector group. */
  weight: Readonly<Record<SectorGroup, number>>;
  /** Extra multiplier in specific sectors (e.g. recruiters at staffing firms). */
  sectorBoost?: Readonly<Record<string, number>>;
  /** At most one per company (COO, CHRO…). */
  unique?: boolean;
  /** Only at companies at least this big. */
  minEmployees?: number;
  /** English variants: abbreviations, misspellings, seniority and extra words. */
  variants: readonly string[];
  /** Local-language titles, used mostly at companies in that language's countries. */
  local?: Readonly<Partial<Record<LocalLang, readonly string[]>>>;
  /** ESCO occupations this role is; their labels (with the occupation's head noun) join the variants. */
  esco?: readonly string[];
}

const W = (manufacturing: number, tech: number, health: number, other: number) => ({
  manufacturing,
  tech,
  health,
  other,
});

const OPS = ['master_operations'];
const HR = ['master_human_resources'];
const CSUITE = ['c_suite'];

const BASE_ROLES: readonly RoleDef[] = [
  // ---------------- T1: operations decision makers ----------------
  {
    key: 'coo',
    canonical: ['COO', 'Chief Operating Officer'],
    family: 'executive',
    seedTier: 'T1',
    seniority: 'c_suite',
    departments: [...CSUITE, ...OPS],
    weight: W(0.54, 0.4, 0.5, 0.6),
    unique: true,
    minEmployees: 30,
    variants: [
      'Chief Operations Officer',
      'COO & Executive Vice President',
      'Chief Operating Officer (COO)',
      'EVP & Chief Operating Officer',
      'Cheif Operating Officer',
      'COO - India Operations',
      'Group COO',
    ],
    local: {
      es: ['Director General de Operaciones', 'Director de Operaciones (COO)'],
      de: ['Chief Operating Officer (COO)', 'Geschäftsführer Operations'],
      fr: ['Directeur Général des Opérations', "Directeur de l'Exploitation"],
      pt: ['Diretor de Operações (COO)', 'Diretor Executivo de Operações'],
    },
  },
  {
    key: 'vp_operations',
    canonical: [
      'VP Operations',
      'VP of Operations',
      'Vice President Operations',
      'Vice President of Operations',
    ],
    family: 'operations',
    seedTier: 'T1',
    seniority: 'vp',
    departments: OPS,
    weight: W(0.6, 0.3, 0.3, 0.5),
    minEmployees: 50,
    variants: [
      'VP, Ops',
      'VP Ops',
      'V.P. Operations',
      'Senior Vice President, Global Operations & Supply Chain',
      'SVP Operations',
      'Vice President - Operations',
      'VP Manufacturing Operations',
      'Vice President, Plant Operations',
      'AVP Operations',
      'Vice Presdient Operations',
    ],
    local: {
      es: ['Vicepresidente de Operaciones'],
      de: ['Vice President Operations', 'Bereichsleiter Operations'],
      fr: ['Vice-Président des Opérations'],
      pt: ['Vice-Presidente de Operações'],
    },
  },
  {
    key: 'director_operations',
    esco: ['operations manager'],
    canonical: ['Director Operations', 'Director of Operations', 'Operations Director'],
    family: 'operations',
    seedTier: 'T1',
    seniority: 'director',
    departments: OPS,
    weight: W(0.72, 0.4, 0.6, 0.7),
    variants: [
      'Dir. of Operations',
      'Dir Operations',
      'Director, Operations',
      'Director - Operations',
      'Sr. Director of Operations',
      'Director of Manufacturing Operations',
      'Director Operations & Continuous Improvement',
      'Directer of Operations',
    ],
    local: {
      es: ['Director de Operaciones', 'Directora de Operaciones'],
      de: ['Leiter Operations', 'Direktor Operations', 'Betriebsdirektor'],
      fr: ['Directeur des Opérations', 'Directrice des Opérations'],
      pt: ['Diretor de Operações', 'Diretora de Operações'],
    },
  },
  {
    key: 'plant_head',
    esco: [
      'manufacturing facility manager',
      'chemical plant manager',
      'wood factory manager',
      'foundry manager',
    ],
    canonical: ['Plant Head', 'Plant Manager', 'Head of Plant'],
    family: 'operations',
    seedTier: 'T1',
    seniority: 'head',
    departments: OPS,
    weight: W(0.96, 0, 0, 0.1),
    minEmployees: 50,
    variants: [
      'Plant Mgr',
      'Plant Mgr.',
      'Plant Manager - Chennai',
      'Senior Plant Manager',
      'Plant Head - Operations',
      'Head - Plant Operations',
      'Plant In-Charge',
      'Unit Head',
      'Site Leader',
      'Plant Manger',
      'Plant Director',
    ],
    local: {
      es: ['Jefe de Planta', 'Gerente de Planta', 'Director de Planta'],
      de: ['Werksleiter', 'Werkleiter', 'Standortleiter'],
      fr: ["Directeur d'Usine", "Directeur de l'Usine", 'Responsable de Site'],
      pt: ['Gerente de Planta', 'Gerente de Fábrica', 'Gerente Industrial'],
    },
  },
  {
    key: 'factory_manager',
    canonical: ['Factory Manager', 'Works Manager'],
    family: 'operations',
    seedTier: 'T1',
    seniority: 'manager',
    departments: OPS,
    weight: W(0.48, 0, 0, 0.05),
    minEmployees: 50,
    variants: [
      'Factory Mgr',
      'Factory Head',
      'Head of Factory',
      'Sr. Factory Manager',
      'Factory Manager (Unit II)',
      'Fatory Manager',
    ],
    local: {
      es: ['Gerente de Fábrica', 'Jefe de Fábrica'],
      de: ['Fabrikleiter', 'Betriebsleiter'],
      fr: ["Chef d'Usine", 'Responsable Usine'],
      pt: ['Gerente de Fábrica', 'Chefe de Fábrica'],
    },
  },
  {
    key: 'gm_operations',
    canonical: ['GM Operations', 'General Manager Operations', 'General Manager - Operations'],
    family: 'operations',
    seedTier: 'T1',
    seniority: 'director',
    departments: OPS,
    weight: W(0.42, 0.1, 0.2, 0.3),
    minEmployees: 100,
    variants: [
      'GM - Operations',
      'GM Ops',
      'General Manager, Operations',
      'Sr. GM Operations',
      'AGM Operations',
      'DGM - Operations',
      'General Manager (Operations)',
    ],
    local: {
      es: ['Gerente General de Operaciones'],
      de: ['Leiter Betrieb'],
      fr: ['Directeur Général Opérations'],
      pt: ['Gerente Geral de Operações'],
    },
  },
  {
    key: 'regional_manager',
    canonical: ['Regional Manager', 'Regional Operations Manager'],
    family: 'operations',
    seedTier: 'T1',
    seniority: 'manager',
    departments: OPS,
    weight: W(0.48, 0.2, 0.3, 0.9),
    minEmployees: 100,
    variants: [
      'Regional Mgr',
      'Regional Manager - North',
      'Regional Manager, Operations',
      'Regional Ops Manager',
      'Area Operations Manager',
    ],
    local: {
      es: ['Gerente Regional', 'Gerente Regional de Operaciones'],
      de: ['Regionalleiter'],
      fr: ['Directeur Régional', 'Responsable Régional'],
      pt: ['Gerente Regional'],
    },
  },

  // ---------------- T2: HR / TA leaders ----------------
  {
    key: 'hr_head',
    canonical: ['HR Head', 'Head of HR', 'Head of Human Resources', 'Head of People'],
    family: 'hr_leadership',
    seedTier: 'T2',
    seniority: 'head',
    departments: HR,
    weight: W(0.42, 0.6, 0.4, 0.6),
    unique: true,
    variants: [
      'Head - HR',
      'Head, Human Resources',
      'Head HR & Admin',
      'HR Head - Plant',
      'Head of People & Culture',
      'Head of Human Resouces',
    ],
    local: {
      es: ['Jefe de Recursos Humanos', 'Jefa de Recursos Humanos'],
      de: ['Personalleiter', 'Leiter Personal', 'Leiterin Personal'],
      fr: ['Responsable des Ressources Humaines', 'Responsable RH'],
      pt: ['Head de RH', 'Chefe de Recursos Humanos'],
    },
  },
  {
    key: 'vp_hr',
    canonical: [
      'VP HR',
      'VP Human Resources',
      'Vice President Human Resources',
      'Vice President of Human Resources',
    ],
    family: 'hr_leadership',
    seedTier: 'T2',
    seniority: 'vp',
    departments: HR,
    weight: W(0.3, 0.4, 0.3, 0.4),
    minEmployees: 150,
    variants: [
      'VP, HR',
      'VP - Human Resources',
      'SVP Human Resources',
      'VP of People',
      'Vice President, People & Culture',
      'VP HR & Admin',
      'AVP - HR',
      'Senior Vice President, Human Resources & Talent',
    ],
    local: {
      es: ['Vicepresidente de Recursos Humanos'],
      de: ['Vice President Personal'],
      fr: ['Vice-Président Ressources Humaines'],
      pt: ['Vice-Presidente de Recursos Humanos'],
    },
  },
  {
    key: 'chro',
    canonical: ['CHRO', 'Chief Human Resources Officer', 'Chief People Officer'],
    family: 'hr_leadership',
    seedTier: 'T2',
    seniority: 'c_suite',
    departments: [...CSUITE, ...HR],
    weight: W(0.24, 0.4, 0.3, 0.3),
    unique: true,
    minEmployees: 300,
    variants: [
      'Chief HR Officer',
      'CHRO & Head of Administration',
      'Chief Human Resource Officer',
      'Group CHRO',
      'Chief Talent Officer',
    ],
    local: {
      es: ['Director Corporativo de Recursos Humanos'],
      de: ['Personalvorstand', 'Chief Human Resources Officer (CHRO)'],
      fr: ['DRH Groupe'],
      pt: ['Diretor Executivo de Recursos Humanos'],
    },
  },
  {
    key: 'director_hr',
    canonical: ['Director HR', 'HR Director', 'Director of Human Resources', 'Human Resources Director'],
    family: 'hr_leadership',
    seedTier: 'T2',
    seniority: 'director',
    departments: HR,
    weight: W(0.48, 0.5, 0.6, 0.6),
    variants: [
      'Dir. HR',
      'Director - HR',
      'Director, Human Resources',
      'Sr. Director, HR',
      'Director of HR & Talent',
      'HR Directer',
      'Director HR (Manufacturing)',
    ],
    local: {
      es: ['Director de Recursos Humanos', 'Directora de Recursos Humanos', 'Director de RRHH'],
      de: ['Personaldirektor', 'Direktor Personal'],
      fr: ['Directeur des Ressources Humaines', 'DRH', 'Directrice des Ressources Humaines'],
      pt: ['Diretor de Recursos Humanos', 'Diretora de RH'],
    },
  },
  {
    key: 'hr_manager',
    esco: ['human resources manager'],
    canonical: ['HR Manager', 'Human Resources Manager'],
    family: 'hr_leadership',
    seedTier: 'T2',
    seniority: 'manager',
    departments: HR,
    weight: W(0.96, 0.8, 1.2, 1.3),
    variants: [
      'HR Mgr',
      'Sr. Manager - HR',
      'Manager, Human Resources',
      'Manager - HR',
      'Senior HR Manager',
      'HR Manager - Plant',
      'Human Resource Manager',
      'HR Manger',
      'Manager HR & IR',
    ],
    local: {
      es: ['Gerente de Recursos Humanos', 'Gerente de RRHH'],
      de: ['Personalmanager', 'HR Manager (m/w/d)'],
      fr: ['Responsable Ressources Humaines', 'Chargé RH Manager'],
      pt: ['Gerente de Recursos Humanos', 'Gerente de RH'],
    },
  },
  {
    key: 'ta_head',
    canonical: ['TA Head', 'Head of Talent Acquisition', 'Talent Acquisition Head'],
    family: 'hr_leadership',
    seedTier: 'T2',
    seniority: 'head',
    departments: HR,
    weight: W(0.24, 0.5, 0.3, 0.3),
    minEmployees: 200,
    variants: [
      'Head - Talent Acquisition',
      'Head of TA',
      'Head of Recruitment',
      'Head of Recruiting',
      'Global Head of Talent Acquisition',
      'Head, Talent Acqusition',
    ],
    local: {
      es: ['Jefe de Atracción de Talento', 'Jefe de Reclutamiento'],
      de: ['Leiter Recruiting', 'Head of Recruiting (m/w/d)'],
      fr: ['Responsable du Recrutement'],
      pt: ['Head de Aquisição de Talentos'],
    },
  },
  {
    key: 'ta_manager',
    canonical: ['TA Manager', 'Talent Acquisition Manager'],
    family: 'hr_leadership',
    seedTier: 'T2',
    seniority: 'manager',
    departments: HR,
    weight: W(0.42, 0.7, 0.5, 0.5),
    minEmployees: 100,
    variants: [
      'Talent Acquisition Mgr',
      'Manager, Talent Acquisition',
      'Sr. TA Manager',
      'Recruitment Manager',
      'Recruiting Manager',
      'Talent Aquisition Manager',
    ],
    local: {
      es: ['Gerente de Adquisición de Talento', 'Gerente de Reclutamiento'],
      de: ['Recruiting Manager', 'Teamleiter Recruiting'],
      fr: ['Responsable Acquisition de Talents'],
      pt: ['Gerente de Aquisição de Talentos', 'Gerente de Recrutamento'],
    },
  },
  {
    key: 'senior_hrbp',
    canonical: ['Senior HRBP', 'Senior HR Business Partner', 'Senior Human Resources Business Partner'],
    family: 'hr_leadership',
    seedTier: 'T2',
    seniority: 'senior',
    departments: HR,
    weight: W(0.36, 0.6, 0.4, 0.4),
    minEmployees: 150,
    variants: [
      'Sr. HRBP',
      'Sr HR Business Partner',
      'Lead HRBP',
      'Senior HR Business Partner - Manufacturing',
      'Senior People Partner',
      'Principal HR Business Partner',
    ],
    local: {
      es: ['HRBP Senior', 'Socio de Negocio de RRHH Senior'],
      de: ['Senior HR Business Partner (m/w/d)', 'Senior Personalreferent'],
      fr: ['HR Business Partner Senior'],
      pt: ['Business Partner de RH Sênior'],
    },
  },

  // ---------------- T3: HR practitioners ----------------
  {
    key: 'recruiter',
    esco: ['recruitment consultant'],
    canonical: ['Recruiter'],
    family: 'hr_practice',
    seedTier: 'T3',
    seniority: 'entry',
    departments: HR,
    weight: W(0.84, 1.6, 1.0, 1.0),
    sectorBoost: { 'Staffing & Recruiting': 10 },
    variants: [
      'Technical Recruiter',
      'Corporate Recruiter',
      'IT Recruiter',
      'Recruiter - Manufacturing',
      'Talent Recruiter',
      'Nurse Recruiter',
      'Recuiter',
    ],
    local: {
      es: ['Reclutador', 'Reclutadora'],
      de: ['Recruiter (m/w/d)', 'Personalbeschaffer'],
      fr: ['Chargé de Recrutement', 'Chargée de Recrutement'],
      pt: ['Recrutador', 'Recrutadora'],
    },
  },
  {
    key: 'senior_recruiter',
    canonical: ['Senior Recruiter'],
    family: 'hr_practice',
    seedTier: 'T3',
    seniority: 'senior',
    departments: HR,
    weight: W(0.42, 1.0, 0.4, 0.5),
    sectorBoost: { 'Staffing & Recruiting': 8 },
    variants: [
      'Sr. Recruiter',
      'Sr Recruiter',
      'Senior Technical Recruiter',
      'Senior Corporate Recruiter',
      'Lead Recruiter',
    ],
    local: {
      es: ['Reclutador Senior'],
      de: ['Senior Recruiter (m/w/d)'],
      fr: ['Chargé de Recrutement Senior'],
      pt: ['Recrutador Sênior'],
    },
  },
  {
    key: 'ta_specialist',
    canonical: ['TA Specialist', 'Talent Acquisition Specialist'],
    family: 'hr_practice',
    seedTier: 'T3',
    seniority: 'entry',
    departments: HR,
    weight: W(0.42, 0.8, 0.4, 0.5),
    sectorBoost: { 'Staffing & Recruiting': 4 },
    variants: [
      'Talent Acquisition Partner',
      'Sr. Talent Acquisition Partner',
      'Talent Acquisition Specialist II',
      'TA Partner',
      'Talent Acquisition Executive',
      'Talent Acquistion Specialist',
    ],
    local: {
      es: ['Especialista en Adquisición de Talento'],
      de: ['Talent Acquisition Specialist (m/w/d)'],
      fr: ['Chargée d’Acquisition de Talents'],
      pt: ['Especialista em Aquisição de Talentos', 'Analista de Recrutamento e Seleção'],
    },
  },
  {
    key: 'talent_specialist',
    canonical: ['Talent Specialist'],
    family: 'hr_practice',
    seedTier: 'T3',
    seniority: 'entry',
    departments: HR,
    weight: W(0.18, 0.3, 0.2, 0.2),
    variants: ['Talent Sourcing Specialist', 'Talent Sourcer', 'Talent Specialist - Hourly Hiring'],
    local: { es: ['Especialista de Talento'], pt: ['Especialista de Talentos'] },
  },
  {
    key: 'hrbp',
    canonical: ['HRBP', 'HR Business Partner', 'Human Resources Business Partner'],
    family: 'hr_practice',
    seedTier: 'T3',
    seniority: 'senior',
    departments: HR,
    weight: W(0.48, 0.6, 0.5, 0.6),
    variants: [
      'HR BP',
      'HR Business Partner - Plant',
      'People Partner',
      'HR Business Partner (Operations)',
      'Business Partner - HR',
    ],
    local: {
      es: ['Business Partner de Recursos Humanos', 'HRBP Planta'],
      de: ['Personalreferent', 'HR Business Partner (m/w/d)'],
      fr: ['HR Business Partner', 'Responsable RH de Proximité'],
      pt: ['Business Partner de RH', 'BP de RH'],
    },
  },
  {
    key: 'hr_executive',
    esco: ['human resources officer'],
    canonical: ['HR Executive', 'Human Resources Executive'],
    family: 'hr_practice',
    seedTier: 'T3',
    seniority: 'entry',
    departments: HR,
    weight: W(0.72, 0.3, 0.5, 0.7),
    variants: [
      'Executive - HR',
      'Sr. Executive - HR',
      'HR Exec',
      'Executive HR & Admin',
      'Senior HR Executive',
      'HR Executive (Recruitment)',
    ],
    local: {
      es: ['Ejecutivo de Recursos Humanos'],
      de: ['Sachbearbeiter Personal'],
      fr: ['Chargé des Ressources Humaines'],
      pt: ['Analista de RH', 'Executivo de RH'],
    },
  },
  {
    key: 'staffing_coordinator',
    canonical: ['Staffing Coordinator'],
    family: 'hr_practice',
    seedTier: 'T3',
    seniority: 'entry',
    departments: HR,
    weight: W(0.24, 0.1, 0.6, 0.3),
    sectorBoost: { 'Staffing & Recruiting': 8, Hospitals: 2 },
    variants: [
      'Staffing Coord.',
      'Staffing Specialist',
      'Workforce Staffing Coordinator',
      'Staffing Co-ordinator',
      'Contingent Staffing Coordinator',
    ],
    local: {
      es: ['Coordinador de Personal', 'Coordinadora de Contratación'],
      de: ['Koordinator Personaleinsatz'],
      fr: ['Coordinateur Intérim'],
      pt: ['Coordenador de Contratação'],
    },
  },

  // ---------------- SaaS template targets ----------------
  {
    key: 'cto',
    canonical: ['CTO', 'Chief Technology Officer'],
    family: 'engineering_leadership',
    seedTier: 'SaaS',
    seniority: 'c_suite',
    departments: [...CSUITE, 'master_engineering_technical'],
    weight: W(0.15, 0.8, 0.1, 0.2),
    unique: true,
    variants: [
      'Co-founder & CTO',
      'Chief Technical Officer',
      'CTO & Co-Founder',
      'Interim CTO',
      'Chief Technology Oficer',
    ],
    local: {
      es: ['Director de Tecnología'],
      de: ['Technischer Geschäftsführer'],
      fr: ['Directeur Technique'],
      pt: ['Diretor de Tecnologia'],
    },
  },
  {
    key: 'vp_engineering',
    canonical: ['VP Engineering', 'VP of Engineering', 'Vice President of Engineering'],
    family: 'engineering_leadership',
    seedTier: 'SaaS',
    seniority: 'vp',
    departments: ['master_engineering_technical'],
    weight: W(0.3, 1.0, 0.05, 0.2),
    minEmployees: 30,
    variants: [
      'VP, Engineering',
      'VP Eng',
      'SVP Engineering',
      'Vice President, Software Engineering',
      'VP Engineering & Infrastructure',
    ],
    local: {
      es: ['Vicepresidente de Ingeniería'],
      de: ['Leiter Softwareentwicklung'],
      fr: ["Vice-Président de l'Ingénierie"],
      pt: ['VP de Engenharia'],
    },
  },
  {
    key: 'head_of_product',
    canonical: ['Head of Product'],
    family: 'product',
    seedTier: 'SaaS',
    seniority: 'head',
    departments: ['master_product_management'],
    weight: W(0.05, 0.9, 0.05, 0.1),
    variants: [
      'Head of Product Management',
      'Head - Product',
      'Product Head',
      'Head of Product & Design',
      'Global Head of Product',
    ],
    local: {
      es: ['Jefe de Producto'],
      de: ['Leiter Produktmanagement'],
      fr: ['Responsable Produit'],
      pt: ['Head de Produto'],
    },
  },

  // ---------------- Non-target roles (many are lookalikes) ----------------
  nt(
    'ceo',
    ['CEO', 'Chief Executive Officer'],
    'executive',
    'c_suite',
    CSUITE,
    W(0.6, 0.7, 0.4, 0.7),
    ['Founder & CEO', 'President & CEO', 'Managing Director', 'MD & CEO'],
    {
      es: ['Director General'],
      de: ['Geschäftsführer'],
      fr: ['Président-Directeur Général', 'PDG'],
      pt: ['Diretor Presidente'],
    },
    true,
  ),
  nt(
    'cfo',
    ['CFO', 'Chief Financial Officer'],
    'finance',
    'c_suite',
    [...CSUITE, 'master_finance'],
    W(0.5, 0.5, 0.4, 0.6),
    ['Chief Finance Officer', 'VP Finance & CFO', 'Group CFO'],
    {
      es: ['Director de Finanzas'],
      de: ['Finanzvorstand'],
      fr: ['Directeur Financier'],
      pt: ['Diretor Financeiro'],
    },
    true,
  ),
  nt(
    'operations_manager',
    // One ESCO occupation ("operations manager") with the operations director: one role for truth.
    ['Operations Manager', 'Director Operations', 'Director of Operations', 'Operations Director'],
    'operations',
    'manager',
    OPS,
    W(3.0, 1.0, 1.0, 2.5),
    [
      'Ops Manager',
      'Operatons Manager',
      'Operations Mgr',
      'Manager, Operations',
      'Senior Operations Manager',
    ],
    {
      es: ['Gerente de Operaciones'],
      de: ['Betriebsleiter Logistik', 'Operations Manager (m/w/d)'],
      fr: ['Responsable des Opérations'],
      pt: ['Gerente de Operações'],
    },
  ),
  nt(
    'operations_analyst',
    ['Operations Analyst'],
    'operations',
    'entry',
    OPS,
    W(2.5, 1.2, 0.6, 1.5),
    [
      'Business Operations Analyst',
      'Sr. Operations Analyst',
      'Operations Data Analyst',
      'Plant Operations Analyst',
      'HR Operations Analyst',
    ],
    {
      es: ['Analista de Operaciones'],
      de: ['Operations Analyst (m/w/d)'],
      fr: ['Analyste des Opérations'],
      pt: ['Analista de Operações'],
    },
  ),
  nt(
    'operations_coordinator',
    ['Operations Coordinator'],
    'operations',
    'entry',
    OPS,
    W(2.0, 0.6, 0.8, 1.5),
    [
      'Operations Co-ordinator',
      'Ops Coordinator',
      'Operations Coordinator (Sales)',
      'Operations Assistant',
      'Operations Executive',
    ],
    { es: ['Coordinador de Operaciones'], pt: ['Coordenador de Operações'] },
  ),
  nt(
    'operations_intern',
    ['Operations Intern'],
    'operations',
    'intern',
    OPS,
    W(0.8, 0.4, 0.2, 0.4),
    [
      'Intern - Operations',
      'Summer Intern, Plant Operations',
      'Operations Trainee',
      'Graduate Engineer Trainee - Operations',
    ],
    {},
  ),
  nt(
    'production_manager',
    // ESCO's manufacturing/industrial production managers (development tier T1): the factory manager.
    ['Production Manager', 'Manufacturing Manager', 'Factory Manager'],
    'production',
    'manager',
    OPS,
    W(1.5, 0, 0, 0.2),
    ['Production Mgr', 'Manager - Production', 'Sr. Manager Production', 'Head of Production'],
    {
      es: ['Gerente de Producción', 'Jefe de Producción'],
      de: ['Produktionsleiter', 'Fertigungsleiter'],
      fr: ['Responsable de Production'],
      pt: ['Gerente de Produção'],
    },
  ),
  nt(
    'production_supervisor',
    ['Production Supervisor'],
    'production',
    'entry',
    OPS,
    W(4.0, 0, 0, 0.3),
    ['Shift Supervisor', 'Shift In-Charge', 'Line Supervisor', 'Production Lead', 'Assembly Supervisor'],
    {
      es: ['Supervisor de Producción'],
      de: ['Schichtleiter', 'Meister Produktion'],
      fr: ["Chef d'Équipe Production"],
      pt: ['Supervisor de Produção'],
    },
  ),
  nt(
    'machine_operator',
    ['Machine Operator'],
    'production',
    'entry',
    OPS,
    W(6.0, 0, 0, 0.3),
    [
      'CNC Operator',
      'Machine Operator II',
      'Production Operator',
      'Forklift Operator',
      'Press Operator',
      'Assembler',
    ],
    {
      es: ['Operador de Máquina', 'Operador de Producción'],
      de: ['Maschinenbediener', 'Produktionsmitarbeiter'],
      fr: ['Opérateur de Production'],
      pt: ['Operador de Máquinas', 'Operador de Produção'],
    },
  ),
  nt(
    'maintenance_manager',
    ['Maintenance Manager'],
    'production',
    'manager',
    OPS,
    W(1.2, 0, 0.3, 0.3),
    ['Maintenance Mgr', 'Head - Maintenance', 'Maintenance Supervisor', 'Reliability Manager'],
    {
      es: ['Jefe de Mantenimiento'],
      de: ['Instandhaltungsleiter'],
      fr: ['Responsable Maintenance'],
      pt: ['Gerente de Manutenção'],
    },
  ),
  nt(
    'quality_engineer',
    ['Quality Engineer'],
    'quality',
    'entry',
    ['master_engineering_technical'],
    W(3.0, 0.3, 0.2, 0.3),
    ['QA Engineer', 'Supplier Quality Engineer', 'Quality Assurance Engineer', 'Sr. Quality Engineer'],
    {
      es: ['Ingeniero de Calidad'],
      de: ['Qualitätsingenieur'],
      fr: ['Ingénieur Qualité'],
      pt: ['Engenheiro de Qualidade'],
    },
  ),
  nt(
    'quality_manager',
    ['Quality Manager'],
    'quality',
    'manager',
    ['master_engineering_technical'],
    W(1.2, 0.1, 0.3, 0.2),
    ['QA/QC Manager', 'Head of Quality', 'Quality Assurance Manager', 'Plant Quality Manager'],
    {
      es: ['Gerente de Calidad'],
      de: ['Qualitätsmanager', 'Leiter Qualitätssicherung'],
      fr: ['Responsable Qualité'],
      pt: ['Gerente de Qualidade'],
    },
  ),
  nt(
    'mechanical_engineer',
    ['Mechanical Engineer'],
    'engineering',
    'entry',
    ['master_engineering_technical'],
    W(4.0, 0.2, 0.1, 0.6),
    [
      'Design Engineer',
      'Sr. Mechanical Engineer',
      'Manufacturing Engineer',
      'Process Engineer',
      'Industrial Engineer',
      'Project Engineer',
    ],
    {
      es: ['Ingeniero Mecánico', 'Ingeniero de Procesos'],
      de: ['Maschinenbauingenieur', 'Konstrukteur'],
      fr: ['Ingénieur Mécanique'],
      pt: ['Engenheiro Mecânico', 'Engenheiro de Processos'],
    },
  ),
  nt(
    'ehs_manager',
    ['EHS Manager'],
    'operations',
    'manager',
    OPS,
    W(0.8, 0, 0.2, 0.3),
    ['Environment, Health & Safety Manager', 'Safety Manager', 'HSE Manager', 'EHS Lead'],
    {
      es: ['Gerente de Seguridad e Higiene'],
      de: ['Fachkraft für Arbeitssicherheit'],
      fr: ['Responsable HSE'],
      pt: ['Gerente de SSMA'],
    },
  ),
  nt(
    'supply_chain_manager',
    ['Supply Chain Manager'],
    'supply_chain',
    'manager',
    OPS,
    W(1.5, 0.2, 0.4, 1.0),
    [
      'Supply Chain Mgr',
      'Manager - Supply Chain',
      'Director of Supply Chain',
      'VP Supply Chain',
      'Head of Supply Chain',
    ],
    {
      es: ['Gerente de Cadena de Suministro'],
      de: ['Leiter Supply Chain'],
      fr: ['Responsable Supply Chain'],
      pt: ['Gerente de Supply Chain'],
    },
  ),
  nt(
    'purchasing_manager',
    ['Purchasing Manager'],
    'supply_chain',
    'manager',
    OPS,
    W(1.2, 0.1, 0.3, 0.7),
    ['Procurement Manager', 'Purchase Manager', 'Head - Procurement', 'Buyer', 'Senior Buyer'],
    {
      es: ['Gerente de Compras'],
      de: ['Einkaufsleiter', 'Einkäufer'],
      fr: ['Responsable Achats', 'Acheteur'],
      pt: ['Gerente de Compras', 'Comprador'],
    },
  ),
  nt(
    'logistics_coordinator',
    ['Logistics Coordinator'],
    'supply_chain',
    'entry',
    OPS,
    W(1.0, 0.1, 0.2, 1.5),
    [
      'Warehouse Supervisor',
      'Shipping Coordinator',
      'Dispatcher',
      'Warehouse Manager',
      'Logistics Executive',
    ],
    {
      es: ['Coordinador de Logística'],
      de: ['Lagerleiter', 'Disponent'],
      fr: ['Responsable Logistique'],
      pt: ['Coordenador de Logística'],
    },
    false,
    { Logistics: 6 },
  ),
  nt(
    'hr_intern',
    ['HR Intern'],
    'hr_practice',
    'intern',
    HR,
    W(1.3, 0.5, 0.4, 0.6),
    [
      'Human Resources Intern',
      'Intern - HR',
      'HR Trainee',
      'Talent Acquisition Intern',
      'Recruiting Intern',
      'People Ops Intern',
    ],
    {
      es: ['Practicante de Recursos Humanos'],
      de: ['Praktikant Personal'],
      fr: ['Stagiaire RH'],
      pt: ['Estagiário de RH'],
    },
  ),
  nt(
    'hr_generalist',
    // ESCO's "human resources officer" (development tier T3), as is the HR Executive of Indian usage.
    ['HR Generalist', 'HR Executive'],
    'hr_practice',
    'entry',
    HR,
    W(2.0, 0.6, 0.8, 0.9),
    [
      'Human Resources Generalist',
      'HR Associate',
      'HR Specialist',
      'People Operations Specialist',
      'HR Officer',
    ],
    {
      es: ['Generalista de Recursos Humanos'],
      de: ['HR Generalist (m/w/d)'],
      fr: ['Généraliste RH'],
      pt: ['Assistente de RH'],
    },
  ),
  nt(
    'hr_coordinator',
    ['HR Coordinator', 'HR Executive'],
    'hr_practice',
    'entry',
    HR,
    W(1.5, 0.5, 0.7, 0.8),
    [
      'Human Resources Coordinator',
      'HR Admin',
      'HR Assistant',
      'Onboarding Coordinator',
      'People Coordinator',
    ],
    {
      es: ['Auxiliar de Recursos Humanos'],
      de: ['Personalsachbearbeiter'],
      fr: ['Assistante RH'],
      pt: ['Auxiliar de RH'],
    },
  ),
  nt(
    'payroll_specialist',
    ['Payroll Specialist'],
    'hr_practice',
    'entry',
    [...HR, 'master_finance'],
    W(1.2, 0.4, 0.6, 0.7),
    [
      'Payroll Administrator',
      'Payroll & Benefits Specialist',
      'HR & Payroll Executive',
      'Compensation Analyst',
    ],
    {
      es: ['Especialista de Nómina'],
      de: ['Lohnbuchhalter'],
      fr: ['Gestionnaire de Paie'],
      pt: ['Analista de Folha de Pagamento'],
    },
  ),
  nt(
    'recruiting_coordinator',
    // ESCO's "recruitment consultant" (development tier T3), with the staffing coordinator.
    ['Recruiting Coordinator', 'Staffing Coordinator'],
    'hr_practice',
    'entry',
    HR,
    W(1.0, 0.8, 0.4, 0.6),
    ['Recruitment Coordinator', 'Interview Coordinator', 'Recruiting Operations Coordinator'],
    { es: ['Coordinador de Reclutamiento'], pt: ['Coordenador de Recrutamento'] },
    false,
    { 'Staffing & Recruiting': 4 },
  ),
  nt(
    'recruitment_marketing',
    ['Recruitment Marketing Designer'],
    'marketing',
    'entry',
    ['master_marketing'],
    W(0.12, 0.2, 0.1, 0.15),
    ['Recruitment Marketing Specialist', 'Employer Brand Designer', 'Talent Brand Manager'],
    {},
    false,
    { 'Staffing & Recruiting': 4 },
  ),
  nt(
    'training_manager',
    ['Training Manager'],
    'hr_practice',
    'manager',
    HR,
    W(0.8, 0.3, 0.5, 0.5),
    ['Learning & Development Manager', 'L&D Manager', 'Head of Training', 'Training & Development Lead'],
    {
      es: ['Gerente de Capacitación'],
      de: ['Leiter Weiterbildung'],
      fr: ['Responsable Formation'],
      pt: ['Gerente de Treinamento'],
    },
  ),
  nt(
    'ea_to_coo',
    ['Executive Assistant'],
    'admin',
    'entry',
    ['master_administrative'],
    W(0.4, 0.3, 0.3, 0.3),
    [
      'Executive Assistant to COO',
      'Executive Assistant to the CHRO',
      'EA to Plant Head',
      'Chief of Staff to the COO',
      'Executive Assistant to VP Operations',
    ],
    {},
  ),
  nt(
    'admin_assistant',
    ['Administrative Assistant'],
    'admin',
    'entry',
    ['master_administrative'],
    W(1.5, 0.8, 1.5, 1.8),
    ['Office Manager', 'Receptionist', 'Admin Executive', 'Office Administrator'],
    {
      es: ['Asistente Administrativo'],
      de: ['Sachbearbeiterin', 'Büroleiterin'],
      fr: ['Assistante Administrative'],
      pt: ['Assistente Administrativo'],
    },
  ),
  nt(
    'sales_rep',
    ['Sales Representative'],
    'sales',
    'entry',
    ['master_sales'],
    W(4.0, 2.0, 0.3, 4.0),
    [
      'Territory Sales Manager',
      'Sales Executive',
      'Inside Sales Representative',
      'Area Sales Manager',
      'Sales Engineer',
    ],
    {
      es: ['Representante de Ventas', 'Ejecutivo de Ventas'],
      de: ['Vertriebsmitarbeiter', 'Außendienstmitarbeiter'],
      fr: ['Commercial', 'Ingénieur Commercial'],
      pt: ['Representante Comercial', 'Vendedor'],
    },
  ),
  nt(
    'account_manager',
    ['Account Manager'],
    'sales',
    'manager',
    ['master_sales'],
    W(2.5, 3.0, 0.3, 3.0),
    [
      'Key Account Manager',
      'Account Executive',
      'Senior Account Executive',
      'Client Partner',
      'Business Development Manager',
    ],
    {
      es: ['Gerente de Cuenta'],
      de: ['Key Account Manager (m/w/d)'],
      fr: ['Chargé de Clientèle'],
      pt: ['Gerente de Contas'],
    },
    false,
    { 'Staffing & Recruiting': 3 },
  ),
  nt(
    'vp_sales',
    ['VP Sales', 'Vice President of Sales'],
    'sales',
    'vp',
    ['master_sales'],
    W(0.7, 0.8, 0.1, 0.8),
    [
      'VP, Sales',
      'SVP Sales & Marketing',
      'Vice President - Sales Operations',
      'VP Sales Operations',
      'Head of Sales',
    ],
    {
      es: ['Director Comercial'],
      de: ['Vertriebsleiter'],
      fr: ['Directeur Commercial'],
      pt: ['Diretor Comercial'],
    },
  ),
  nt(
    'sales_ops_manager',
    ['Sales Operations Manager'],
    'sales',
    'manager',
    ['master_sales'],
    W(0.5, 0.8, 0.1, 0.6),
    ['Sales Ops Manager', 'Revenue Operations Manager', 'Director of Sales Operations', 'RevOps Lead'],
    {},
  ),
  nt(
    'marketing_manager',
    ['Marketing Manager'],
    'marketing',
    'manager',
    ['master_marketing'],
    W(1.2, 2.0, 0.4, 1.5),
    [
      'Product Marketing Manager',
      'Digital Marketing Manager',
      'Head of Marketing',
      'Marketing Director',
      'Brand Manager',
    ],
    {
      es: ['Gerente de Mercadotecnia'],
      de: ['Marketingleiter'],
      fr: ['Responsable Marketing'],
      pt: ['Gerente de Marketing'],
    },
  ),
  nt(
    'finance_manager',
    ['Finance Manager'],
    'finance',
    'manager',
    ['master_finance'],
    W(1.5, 1.0, 0.8, 1.5),
    ['Financial Controller', 'Controller', 'Plant Controller', 'FP&A Manager', 'Director of Finance'],
    {
      es: ['Gerente de Finanzas', 'Contralor'],
      de: ['Controller (m/w/d)', 'Leiter Finanzen'],
      fr: ['Contrôleur de Gestion'],
      pt: ['Controller', 'Gerente Financeiro'],
    },
  ),
  nt(
    'accountant',
    ['Accountant'],
    'finance',
    'entry',
    ['master_finance'],
    W(2.5, 1.0, 1.0, 2.5),
    [
      'Senior Accountant',
      'Staff Accountant',
      'Accounts Executive',
      'Cost Accountant',
      'Accounts Payable Specialist',
    ],
    {
      es: ['Contador'],
      de: ['Buchhalter', 'Bilanzbuchhalter'],
      fr: ['Comptable'],
      pt: ['Contador', 'Analista Contábil'],
    },
  ),
  nt(
    'it_manager',
    ['IT Manager'],
    'it',
    'manager',
    ['master_information_technology'],
    W(1.2, 0.8, 0.8, 1.0),
    ['IT Head', 'Head of IT', 'IT Director', 'CIO', 'ERP Manager', 'IT Operations Manager'],
    {
      es: ['Gerente de TI', 'Gerente de Sistemas'],
      de: ['IT-Leiter'],
      fr: ['Responsable Informatique', 'DSI'],
      pt: ['Gerente de TI'],
    },
  ),
  nt(
    'software_engineer',
    ['Software Engineer'],
    'engineering',
    'entry',
    ['master_engineering_technical'],
    W(1.0, 18, 0.5, 1.5),
    [
      'Software Developer',
      'Senior Software Engineer',
      'Full Stack Developer',
      'Backend Engineer',
      'Frontend Engineer',
      'Software Engineer II',
      'Staff Engineer',
      'Sr. Software Engineer',
    ],
    {
      es: ['Ingeniero de Software', 'Desarrollador de Software'],
      de: ['Softwareentwickler'],
      fr: ['Développeur Logiciel', 'Ingénieur Logiciel'],
      pt: ['Engenheiro de Software', 'Desenvolvedor'],
    },
    false,
    { 'Software Consulting': 1.5 },
  ),
  nt(
    'engineering_manager',
    ['Engineering Manager'],
    'engineering',
    'manager',
    ['master_engineering_technical'],
    W(1.0, 2.5, 0.1, 0.5),
    [
      'Software Engineering Manager',
      'Director of Engineering',
      'Head of Engineering',
      'Engineering Lead',
      'Head of Platform',
    ],
    {
      es: ['Gerente de Ingeniería'],
      de: ['Leiter Entwicklung'],
      fr: ["Responsable de l'Ingénierie"],
      pt: ['Gerente de Engenharia'],
    },
  ),
  nt(
    'devops_engineer',
    ['DevOps Engineer'],
    'engineering',
    'entry',
    ['master_engineering_technical'],
    W(0.1, 2.0, 0.1, 0.3),
    ['Site Reliability Engineer', 'Cloud Engineer', 'Platform Engineer', 'SRE'],
    {},
  ),
  nt(
    'data_analyst',
    ['Data Analyst'],
    'engineering',
    'entry',
    ['master_information_technology'],
    W(0.8, 2.5, 0.5, 1.0),
    ['Data Scientist', 'Business Analyst', 'BI Analyst', 'Senior Data Scientist', 'Analytics Engineer'],
    {
      es: ['Analista de Datos'],
      de: ['Datenanalyst'],
      fr: ['Analyste de Données'],
      pt: ['Analista de Dados'],
    },
  ),
  nt(
    'product_manager',
    ['Product Manager'],
    'product',
    'manager',
    ['master_product_management'],
    W(0.5, 4.0, 0.2, 0.5),
    ['Senior Product Manager', 'Product Owner', 'Group Product Manager', 'Director of Product', 'VP Product'],
    {
      es: ['Gerente de Producto'],
      de: ['Produktmanager'],
      fr: ['Chef de Produit'],
      pt: ['Gerente de Produto'],
    },
  ),
  nt(
    'designer',
    ['Product Designer'],
    'product',
    'entry',
    ['master_arts_and_design'],
    W(0.3, 2.0, 0.1, 0.5),
    ['UX Designer', 'UI/UX Designer', 'Graphic Designer', 'Senior Product Designer'],
    {},
  ),
  nt(
    'customer_success',
    ['Customer Success Manager'],
    'support',
    'manager',
    ['master_support'],
    W(0.5, 3.0, 0.2, 1.0),
    [
      'Customer Support Specialist',
      'Customer Service Representative',
      'Support Engineer',
      'Client Services Manager',
    ],
    {
      es: ['Atención al Cliente'],
      de: ['Kundenbetreuer'],
      fr: ['Chargé de Clientèle'],
      pt: ['Atendimento ao Cliente'],
    },
  ),
  nt(
    'legal_counsel',
    ['Legal Counsel'],
    'legal',
    'senior',
    ['master_legal'],
    W(0.3, 0.3, 0.3, 0.5),
    ['General Counsel', 'Corporate Counsel', 'Company Secretary', 'Compliance Manager'],
    { es: ['Abogado Corporativo'], de: ['Syndikusanwalt'], fr: ['Juriste'], pt: ['Advogado'] },
  ),
  nt(
    'scientist',
    ['Research Scientist'],
    'science',
    'senior',
    ['master_engineering_technical'],
    W(0.6, 0.2, 0.3, 0.6),
    [
      'R&D Scientist',
      'Formulation Scientist',
      'Plant Biologist',
      'Chemist',
      'Lab Technician',
      'Microbiologist',
    ],
    { es: ['Químico'], de: ['Chemiker', 'Laborant'], fr: ['Chimiste'], pt: ['Químico'] },
    false,
    { 'Biotech Research': 10, Pharmaceuticals: 3, Chemicals: 2 },
  ),
  nt(
    'nurse',
    ['Registered Nurse'],
    'clinical',
    'entry',
    ['master_medical_health'],
    W(0, 0, 20, 0),
    ['RN', 'Staff Nurse', 'Charge Nurse', 'Nurse Manager', 'ICU Nurse', 'Nurse Practitioner'],
    {},
  ),
  nt(
    'physician',
    ['Physician'],
    'clinical',
    'senior',
    ['master_medical_health'],
    W(0, 0.2, 8, 0),
    ['Hospitalist', 'Attending Physician', 'Medical Director', 'Chief Medical Officer', 'Surgeon'],
    {},
  ),
  nt(
    'clinical_staff',
    ['Medical Assistant'],
    'clinical',
    'entry',
    ['master_medical_health'],
    W(0, 0.1, 6, 0),
    ['Pharmacist', 'Radiology Technologist', 'Physical Therapist', 'Patient Care Technician', 'Phlebotomist'],
    {},
  ),
  nt(
    'teacher',
    ['Teacher'],
    'education',
    'entry',
    ['master_education'],
    W(0, 0, 0, 0),
    ['Lecturer', 'Professor', 'Instructor', 'Principal', 'Dean of Students'],
    {},
    false,
    { Education: 12 },
  ),
  nt(
    'store_manager',
    ['Store Manager'],
    'sales',
    'manager',
    ['master_sales'],
    W(0, 0, 0, 0),
    ['Assistant Store Manager', 'Retail Store Manager', 'Shift Manager', 'Department Manager'],
    {},
    false,
    { Retail: 12, Hospitality: 8 },
  ),
  nt(
    'project_manager',
    ['Project Manager'],
    'operations',
    'manager',
    OPS,
    W(0.8, 1.0, 0.3, 1.0),
    ['Senior Project Manager', 'Site Engineer', 'Construction Manager', 'Program Manager', 'PMO Lead'],
    {},
    false,
    { Construction: 8, 'Industrial Automation Consulting': 4 },
  ),
  nt(
    'consultant',
    ['Consultant'],
    'operations',
    'senior',
    ['master_consulting'],
    W(0, 0.5, 0, 0.5),
    [
      'Senior Consultant',
      'Management Consultant',
      'Operations Consultant',
      'HR Consultant',
      'Manufacturing Consultant',
      'Associate Partner',
    ],
    {},
    false,
    { 'Professional Services': 10, 'Industrial Automation Consulting': 8, 'Software Consulting': 3 },
  ),
  nt(
    'banker',
    ['Relationship Manager'],
    'finance',
    'manager',
    ['master_finance'],
    W(0, 0, 0, 0),
    ['Branch Manager', 'Loan Officer', 'Financial Advisor', 'Investment Analyst', 'Credit Analyst'],
    {},
    false,
    { 'Financial Services': 10, FinTech: 1.5, 'Real Estate': 4 },
  ),
];

function nt(
  key: string,
  canonical: string[],
  family: RoleFamily,
  seniority: Seniority,
  departments: readonly string[],
  weight: Record<SectorGroup, number>,
  variants: string[],
  local: Partial<Record<LocalLang, string[]>>,
  unique = false,
  sectorBoost?: Record<string, number>,
): RoleDef {
  return {
    key,
    canonical,
    family,
    seedTier: null,
    seniority,
    departments,
    weight,
    variants,
    local,
    unique,
    sectorBoost,
  };
}

/** ESCO occupations of the lookalike roles above (nt() takes none). */
const NT_ESCO: Readonly<Record<string, readonly string[]>> = {
  operations_manager: ['operations manager'],
  production_manager: [
    'manufacturing manager',
    'industrial production manager',
    'metal production manager',
    'chemical production manager',
    'food production manager',
    'leather production manager',
    'footwear production manager',
    'clothing operations manager',
  ],
  production_supervisor: [
    'production supervisor',
    'metal production supervisor',
    'electronics production supervisor',
  ],
  hr_generalist: ['human resources officer'],
  quality_manager: ['industrial quality manager'],
  purchasing_manager: ['purchasing manager'],
  store_manager: ['shop manager', 'supermarket manager', 'department store manager'],
  project_manager: ['project manager'],
};

type EscoOccupation = [name: string, isco: string, devTier: string, labels: string[]];

function defaultTitlesPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return resolve(join(here, '..', '..', 'resources', 'sandbox', 'titles.json.gz'));
}

function loadEscoOccupations(path = defaultTitlesPath()): EscoOccupation[] {
  let raw: Buffer;
  try {
    raw = readFileSync(path);
  } catch (err) {
    throw new Error(
      `sandbox title extract not found at ${path}: run "npx tsx scripts/build-sandbox-titles.ts" (${(err as Error).message})`,
      { cause: err },
    );
  }
  return (JSON.parse(gunzipSync(raw).toString('utf8')) as { occupations: EscoOccupation[] }).occupations;
}

const lastWord = (t: string) => t.toLowerCase().split(' ').pop()!.replace(/s$/, '');
const titleCase = (t: string) =>
  t.replace(/(^|[\s-])([a-z])/g, (_, a: string, b: string) => a + b.toUpperCase());

/**
 * The labels of an occupation that name its job, not a neighbour: ESCO's alternative labels can be
 * more or less senior than the occupation ("HR director" under human resources officer), so only
 * labels with the occupation's head noun are kept ("personnel officer", "HR officer").
 */
function sameJobLabels(o: EscoOccupation): string[] {
  const head = lastWord(o[0]);
  return o[3].filter((l) => lastWord(l) === head).map(titleCase);
}

/**
 * Lookalike people from ESCO's other occupations, by ISCO-08 sub-major group: who works at a
 * manufacturer, a software company, a hospital or elsewhere, roughly. Weights are relative within
 * a sector group; the whole ESCO share is ESCO_SHARE of the hand-written roles' weight.
 */
const ISCO_WEIGHTS: Readonly<Record<SectorGroup, Readonly<Record<string, number>>>> = {
  manufacturing: {
    '13': 1,
    '12': 0.5,
    '21': 1,
    '24': 0.5,
    '31': 1.5,
    '33': 0.8,
    '41': 0.5,
    '43': 0.8,
    '72': 1,
    '75': 0.8,
    '81': 1.5,
    '82': 1,
    '83': 0.5,
    '93': 0.5,
  },
  tech: { '25': 2, '35': 1, '21': 0.8, '24': 1, '12': 0.8, '13': 0.3, '33': 0.8, '41': 0.5, '26': 0.3 },
  health: { '22': 2, '32': 1.5, '13': 0.5, '53': 0.5, '41': 0.5, '24': 0.3 },
  other: {
    '14': 1,
    '52': 1.5,
    '33': 1,
    '24': 1,
    '12': 0.8,
    '41': 0.8,
    '51': 1,
    '26': 0.5,
    '13': 0.3,
    '42': 0.5,
  },
};
const ESCO_SHARE = 0.15;
const GROUPS: readonly SectorGroup[] = ['manufacturing', 'tech', 'health', 'other'];

function escoLookalikes(occupations: EscoOccupation[], base: readonly RoleDef[]): RoleDef[] {
  const linked = new Set(base.flatMap((r) => [...(r.esco ?? []), ...(NT_ESCO[r.key] ?? [])]));
  const pool = occupations.filter((o) => o[2] === 'none' && !linked.has(o[0]));
  const perGroup = new Map<string, number>();
  for (const o of pool) perGroup.set(o[1].slice(0, 2), (perGroup.get(o[1].slice(0, 2)) ?? 0) + 1);
  const baseTotal = (g: SectorGroup) => base.reduce((a, r) => a + r.weight[g], 0);
  const isco = (g: SectorGroup) => Object.values(ISCO_WEIGHTS[g]).reduce((a, b) => a + b, 0);
  const scale = Object.fromEntries(GROUPS.map((g) => [g, (ESCO_SHARE * baseTotal(g)) / isco(g)]));
  return pool.flatMap((o): RoleDef[] => {
    const sub = o[1].slice(0, 2);
    const weight = W(
      ...(GROUPS.map((g) => ((ISCO_WEIGHTS[g][sub] ?? 0) * scale[g]!) / perGroup.get(sub)!) as [
        number,
        number,
        number,
        number,
      ]),
    );
    if (GROUPS.every((g) => weight[g] === 0)) return [];
    const manager = o[1].startsWith('1');
    return [
      nt(
        `esco:${o[0]}`,
        [titleCase(o[0])],
        manager ? 'admin' : 'support',
        manager ? 'manager' : 'entry',
        [],
        weight,
        o[3].map(titleCase),
        {},
      ),
    ];
  });
}

function withEscoTitles(base: readonly RoleDef[]): RoleDef[] {
  const occupations = loadEscoOccupations();
  const byName = new Map(occupations.map((o) => [o[0], o]));
  const roles = base.map((r) => {
    const esco = [...(r.esco ?? []), ...(NT_ESCO[r.key] ?? [])];
    if (!esco.length) return r;
    const labels = esco.flatMap((name) => {
      const o = byName.get(name);
      if (!o) throw new Error(`sandbox role ${r.key}: no ESCO occupation "${name}"`);
      return sameJobLabels(o);
    });
    const known = new Set([...r.canonical, ...r.variants].map((t) => t.toLowerCase()));
    return {
      ...r,
      esco,
      variants: [...r.variants, ...new Set(labels.filter((l) => !known.has(l.toLowerCase())))],
    };
  });
  return [...roles, ...escoLookalikes(occupations, roles)];
}

export const ROLES: readonly RoleDef[] = withEscoTitles(BASE_ROLES);

export const ROLE_BY_KEY: ReadonlyMap<string, RoleDef> = new Map(ROLES.map((r) => [r.key, r]));

/** Case/space-insensitive key used to compare ICP titles with canonical names. */
export function titleKey(title: string): string {
  return title.trim().toLowerCase().replace(/\s+/g, ' ');
}
