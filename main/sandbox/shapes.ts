/** JSON shapes of Apollo's responses, built from world records (see docs/providers.md). */
import { Rng, hash32 } from './prng';
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

/** Company fields mixed_companies/search returns. */
export function orgLite(c: WorldCompany) {
  return {
    id: c.id,
    name: c.name,
    website_url: c.website_url,
    linkedin_url: c.linkedin_url,
    primary_domain: c.primary_domain,
    industry: c.industry,
    estimated_num_employees: c.estimated_num_employees,
    city: c.city,
    state: c.state,
    country: c.country,
    founded_year: c.founded_year,
    phone: c.phone,
  };
}

/** The full ORG of organizations/enrich. `locations` is a sandbox extra (multi-site addresses). */
export function orgFull(c: WorldCompany) {
  return {
    ...orgLite(c),
    industries: c.industries,
    keywords: c.keywords,
    raw_address: c.raw_address,
    street_address: c.street_address,
    postal_code: c.postal_code,
    short_description: c.short_description,
    annual_revenue: c.annual_revenue,
    annual_revenue_printed: c.annual_revenue === null ? null : printMoney(c.annual_revenue),
    total_funding: c.total_funding,
    total_funding_printed: c.total_funding === null ? null : printMoney(c.total_funding),
    latest_funding_stage: c.latest_funding_stage,
    latest_funding_round_date: c.latest_funding_round_date,
    funding_events: c.funding_events,
    current_technologies: c.current_technologies,
    technology_names: c.current_technologies.map((t) => t.name),
    departmental_head_count: c.departmental_head_count,
    job_postings_count: c.job_postings_count,
    locations: c.locations,
  };
}

function printMoney(n: number): string {
  return n >= 1e9
    ? `${(n / 1e9).toFixed(1)}B`
    : n >= 1e6
      ? `${(n / 1e6).toFixed(1)}M`
      : `${Math.round(n / 1e3)}K`;
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

/** The person of people/match, with email and company. Employment history is derived from the id. */
export function fullPerson(world: World, p: WorldPerson, revealPersonalEmails: boolean) {
  const c = world.companies[p.companyIdx] as WorldCompany;
  const rng = new Rng(world.seed, hash32(`history:${p.id}`));
  const startYear = 2026 - rng.int(1, 12);
  const previous = world.companies[rng.int(0, world.companies.length - 1)] as WorldCompany;
  const employment_history = [
    {
      id: rng.hexId(),
      organization_id: c.id,
      organization_name: c.name,
      title: p.title,
      start_date: `${startYear}-${String(rng.int(1, 12)).padStart(2, '0')}-01`,
      end_date: null,
      current: true,
    },
    {
      id: rng.hexId(),
      organization_id: previous.id,
      organization_name: previous.name,
      title: rng.pick(PAST_TITLES),
      start_date: `${startYear - rng.int(2, 8)}-${String(rng.int(1, 12)).padStart(2, '0')}-01`,
      end_date: `${startYear}-01-01`,
      current: false,
    },
  ];
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
    city: p.city,
    state: p.state,
    country: p.country,
    employment_history,
    organization: orgFull(c),
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
