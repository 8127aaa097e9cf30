/** JSON shapes of Apollo's responses, built from world records (see docs/providers.md). */
import { companyFacts, emailFacts, printMoney } from './facts';
import { Rng, hash32 } from './prng';
import { sandboxDate } from '../shared/sandbox-clock';
import type { World, WorldCompany, WorldPerson } from './world';

export function obfuscateLastName(last: string): string {
  const chars = [...last];
  if (chars.length <= 2) return `${chars[0] ?? ''}***`;
  return `${chars.slice(0, 2).join('')}***${chars[chars.length - 1]}`;
}

/** A person as mixed_people/api_search returns them: presence flags, no email/domain. */
export function searchPerson(world: World, p: WorldPerson) {
  const c = world.companies[p.companyIdx] as WorldCompany;
  return {
    id: p.id,
    first_name: p.first_name,
    last_name_obfuscated: obfuscateLastName(p.last_name),
    title: p.title,
    last_refreshed_at: p.last_refreshed_at,
    has_email: p.email !== null,
    has_city: Boolean(p.city),
    has_state: Boolean(p.state),
    has_country: Boolean(p.country),
    has_direct_phone: p.phone ? 'Yes' : 'Maybe: please request direct dial via people/bulk_match',
    organization: {
      name: c.name,
      has_industry: c.industry !== null,
      has_phone: c.phone !== null,
      has_city: Boolean(c.city),
      has_state: Boolean(c.state),
      has_country: Boolean(c.country),
      has_zip_code: Boolean(c.postal_code),
      has_revenue: c.annual_revenue !== null,
      has_employee_count: true,
    },
  };
}

/**
 * How the sandbox shapes answers. By default exactly the field sets of the real service's recorded
 * answers (providers.md); `legacyKindShapes` brings back what the real service never sends —
 * industry, size and place on company search organizations, `locations[]` and
 * `job_postings_count` on the ORG — for comparisons only. No default run uses it.
 */
export interface ShapeOptions {
  legacyKindShapes: boolean;
}
export const STRICT_SHAPES: ShapeOptions = { legacyKindShapes: false };

function primaryPhone(phone: string | null) {
  if (!phone) return {};
  return { number: phone, source: 'Account', sanitized_number: `+${phone.replace(/\D/g, '')}` };
}

/** An organization of mixed_companies/search as the recorded real answer has it: no industry, size or place. */
export function orgSearch(world: World, c: WorldCompany, opts: ShapeOptions = STRICT_SHAPES) {
  const f = companyFacts(world, c);
  const base = {
    id: c.id,
    name: c.name,
    website_url: c.website_url,
    linkedin_url: c.linkedin_url,
    primary_domain: c.primary_domain,
    phone: c.phone,
    primary_phone: primaryPhone(c.phone),
    founded_year: c.founded_year,
    linkedin_uid: f.linkedinUid,
    logo_url: `https://logos.sandbox.invalid/${c.id}/picture`,
    languages: f.languages,
    alexa_ranking: f.alexaRanking,
    publicly_traded_symbol: f.publiclyTraded?.symbol ?? null,
    publicly_traded_exchange: f.publiclyTraded?.exchange ?? null,
    owned_by_organization_id: null,
    organization_revenue: c.annual_revenue ?? 0,
    organization_revenue_printed: c.annual_revenue === null ? null : printMoney(c.annual_revenue),
    organization_headcount_six_month_growth: f.growth.six,
    organization_headcount_twelve_month_growth: f.growth.twelve,
    organization_headcount_twenty_four_month_growth: f.growth.twentyFour,
    intent_strength: null,
    show_intent: false,
  };
  if (!opts.legacyKindShapes) return base;
  return {
    ...base,
    industry: c.industry,
    estimated_num_employees: c.estimated_num_employees,
    city: c.city,
    state: c.state,
    country: c.country,
  };
}

/** The ORG of a person's organization: organizations/enrich's minus departmental head counts and insights. */
export function orgNested(world: World, c: WorldCompany, opts: ShapeOptions = STRICT_SHAPES) {
  const f = companyFacts(world, c);
  const org = {
    ...orgSearch(world, c, STRICT_SHAPES),
    industry: c.industry,
    industries: c.industries,
    secondary_industries: c.industries.filter((i) => i !== c.industry),
    industry_tag_id: f.industryTagId,
    industry_tag_hash: c.industry && f.industryTagId ? { [c.industry]: f.industryTagId } : {},
    keywords: c.keywords,
    estimated_num_employees: c.estimated_num_employees,
    raw_address: c.raw_address,
    street_address: c.street_address,
    city: c.city,
    state: c.state,
    postal_code: c.postal_code,
    country: c.country,
    short_description: c.short_description,
    annual_revenue: c.annual_revenue,
    retail_location_count: f.retailLocationCount,
    num_suborganizations: f.suborganizations.length,
    suborganizations: f.suborganizations,
    latest_funding_stage: c.latest_funding_stage,
    latest_funding_round_date: c.latest_funding_round_date,
    funding_events: c.funding_events,
    current_technologies: c.current_technologies,
    org_chart_root_people_ids: [],
    org_chart_sector: 'OrgChart::SectorHierarchy::Rules::Default',
    org_chart_removed: false,
    org_chart_show_department_filter: true,
  };
  if (!opts.legacyKindShapes) return org;
  return { ...org, job_postings_count: c.job_postings_count, locations: c.locations };
}

/** The full ORG of organizations/enrich: no job_postings_count and no locations (recorded). */
export function orgFull(world: World, c: WorldCompany, opts: ShapeOptions = STRICT_SHAPES) {
  return {
    ...orgNested(world, c, opts),
    departmental_head_count: c.departmental_head_count,
    generic_org_insights: null,
  };
}

const PAST_TITLES = [
  'Manager',
  'Senior Associate',
  'Analyst',
  'Engineer',
  'Executive',
  'Supervisor',
  'Coordinator',
];

/** When a person's current role started, if the signal timeline says (ISO day), else null. */
export type RoleSince = (world: World, p: WorldPerson) => string | null;

/**
 * Share of people whose current role started within the last 12 months. US BLS "Employee Tenure"
 * (Jan 2024): median tenure with the employer ~3.9 years and ~20% of wage and salary workers at 12
 * months or less, lower for management occupations (~12%); a role is shorter than a stay at an
 * employer (promotions, internal moves), so ~15% for managers and above, ~22% for the rest.
 * Ordinary turnover like this marks no buying window: the truth does not read it.
 */
const NEW_IN_ROLE_SHARE = { senior: 0.15, other: 0.22 };
const SENIOR_RANKS = new Set(['manager', 'director', 'head', 'vp', 'c_suite', 'owner', 'founder', 'partner']);
/** Past the first year, tenure thins out roughly exponentially; a 6-year mean puts the median near BLS's ~4 years. */
const LONG_TENURE_MEAN_DAYS = 6 * 365;
const MAX_TENURE_DAYS = 30 * 365;

/**
 * When the person's current role started, absent a timeline date: drawn once per person from the
 * tenure spread above, counted back from the world's reference date, so it is an absolute date that
 * does not move with the sandbox clock (a later clock sees the same start, only older).
 */
export function ordinaryRoleStart(world: World, p: WorldPerson): string {
  const rng = new Rng(world.seed, hash32(`tenure:${p.id}`));
  const share = SENIOR_RANKS.has(p.seniority) ? NEW_IN_ROLE_SHARE.senior : NEW_IN_ROLE_SHARE.other;
  const days = rng.chance(share)
    ? rng.int(0, 364)
    : Math.min(MAX_TENURE_DAYS, 365 + Math.floor(-Math.log(1 - rng.next()) * LONG_TENURE_MEAN_DAYS));
  return sandboxDate(-days);
}

/**
 * The person's employment history: the current role (started on `since` when the timeline made
 * them a new leader, else on their ordinary tenure's start) and the role before it, which ended
 * the day the current one started.
 */
function employmentHistory(world: World, p: WorldPerson, c: WorldCompany, since: string | null) {
  const rng = new Rng(world.seed, hash32(`history:${p.id}`));
  const start = since ?? ordinaryRoleStart(world, p);
  const previous = world.companies[rng.int(0, world.companies.length - 1)] as WorldCompany;
  const history = [
    {
      id: rng.hexId(),
      organization_id: c.id,
      organization_name: c.name,
      title: p.title,
      start_date: start,
      end_date: null,
      current: true,
    },
    {
      id: rng.hexId(),
      organization_id: previous.id,
      organization_name: previous.name,
      title: rng.pick(PAST_TITLES),
      start_date: `${Number(start.slice(0, 4)) - rng.int(2, 8)}-${String(rng.int(1, 12)).padStart(2, '0')}-01`,
      end_date: start,
      current: false,
    },
  ];
  return { history, rng };
}

/** The person of people/match, with email and company. */
export function fullPerson(
  world: World,
  p: WorldPerson,
  revealPersonalEmails: boolean,
  opts: ShapeOptions = STRICT_SHAPES,
  roleSince: string | null = null,
) {
  const c = world.companies[p.companyIdx] as WorldCompany;
  const e = emailFacts(world, p);
  const { history: employment_history, rng } = employmentHistory(world, p, c, roleSince);
  const person: Record<string, unknown> = {
    id: p.id,
    first_name: p.first_name,
    last_name: p.last_name,
    name: `${p.first_name} ${p.last_name}`,
    linkedin_url: p.linkedin_url,
    title: p.title,
    headline: `${p.title} at ${c.name}`,
    email_status: p.email_status,
    email: p.email,
    photo_url: null,
    organization_id: c.id,
    seniority: p.seniority,
    departments: p.departments,
    subdepartments: p.departments,
    functions: p.departments.map((d) => d.replace(/^master_/, '')),
    city: p.city,
    state: p.state,
    country: p.country,
    twitter_url: null,
    github_url: null,
    facebook_url: null,
    email_domain_catchall: e.catchall,
    extrapolated_email_confidence: e.extrapolatedConfidence,
    revealed_for_current_team: true,
    intent_strength: null,
    show_intent: false,
    employment_history,
    organization: orgNested(world, c, opts),
  };
  if (revealPersonalEmails) {
    person.personal_emails = rng.chance(0.3)
      ? [
          `${p.first_name}.${p.last_name}${rng.int(1, 99)}@gmail.com`
            .toLowerCase()
            .normalize('NFKD')
            .replace(/[\u0300-\u036f]/g, ''),
        ]
      : [];
  }
  return person;
}
