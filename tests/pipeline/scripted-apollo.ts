/**
 * A tiny Apollo world served over real HTTP by the scripted peer, answering with the real
 * services' field names (providers.md), for driving pipeline stages through the real client.
 */
import {
  startScriptedPeer,
  type ScriptedAnswer,
  type ScriptedPeer,
  type SeenRequest,
} from '../providers/scripted-peer';

export interface ScriptedOrg {
  id: string;
  name: string;
  domain: string;
  industry: string;
  employees: number;
  country: string;
  headCount?: Record<string, number>;
  /** Open jobs (GET /organizations/{id}/job_postings). */
  jobs?: number;
}

export interface ScriptedPerson {
  id: string;
  first: string;
  last: string;
  title: string;
  orgId: string;
  emailStatus?: 'verified' | 'unverified';
  /** The company's mail server accepts every address. */
  catchall?: boolean;
  /** Apollo's seniority (the people search's person_seniorities[] filter); 'director' unless told. */
  seniority?: string;
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** The people search's filters as the real service applies them (titles by words, ranges inclusive). */
function searchMatches(p: ScriptedPerson, o: ScriptedOrg | undefined, body: Record<string, unknown>) {
  if (!o) return false;
  const titles = list(body.person_titles).map((t) => t.toLowerCase());
  if (titles.length && !titles.some((t) => p.title.toLowerCase().includes(t))) return false;
  const ranges = list(body.organization_num_employees_ranges).map((r) => r.split(',').map(Number));
  if (ranges.length && !ranges.some(([lo, hi]) => o.employees >= lo! && o.employees <= hi!)) return false;
  const ids = list(body.organization_ids);
  if (ids.length && !ids.includes(o.id)) return false;
  const seniorities = list(body.person_seniorities);
  if (seniorities.length && !seniorities.includes(p.seniority ?? 'director')) return false;
  const statuses = list(body.contact_email_status);
  return !statuses.length || statuses.includes(p.emailStatus ?? 'verified');
}

function orgFull(o: ScriptedOrg, withHeadCount: boolean) {
  return {
    id: o.id,
    name: o.name,
    website_url: `http://www.${o.domain}`,
    linkedin_url: `http://www.linkedin.com/company/${o.id}`,
    primary_domain: o.domain,
    industry: o.industry,
    industries: [o.industry],
    secondary_industries: [],
    keywords: [o.industry.toLowerCase()],
    estimated_num_employees: o.employees,
    raw_address: `1 Main St, ${o.country}`,
    city: 'Springfield',
    state: null,
    country: o.country,
    short_description: `${o.name} makes things.`,
    founded_year: 1990,
    num_suborganizations: 0,
    suborganizations: [],
    retail_location_count: 0,
    current_technologies: [],
    funding_events: [],
    ...(withHeadCount
      ? { departmental_head_count: o.headCount ?? { human_resources: 5, operations: 20 } }
      : {}),
  };
}

/** Starts the peer; `fail` makes matching paths answer with an error instead. */
export async function startScriptedApollo(
  orgs: ScriptedOrg[],
  people: ScriptedPerson[],
  opts: { fail?: (req: SeenRequest) => ScriptedAnswer | null } = {},
): Promise<ScriptedPeer> {
  const byDomain = new Map(orgs.map((o) => [o.domain, o]));
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return startScriptedPeer((req) => {
    const failed = opts.fail?.(req);
    if (failed) return failed;
    const body = req.body ? (JSON.parse(req.body) as Record<string, unknown>) : {};
    if (req.path.endsWith('/mixed_companies/search')) {
      const page = Number(body.page ?? 1);
      const perPage = Number(body.per_page ?? 100);
      const named =
        typeof body.q_organization_name === 'string' ? body.q_organization_name.toLowerCase() : null;
      const listed = named ? orgs.filter((o) => o.name.toLowerCase() === named) : orgs;
      const slice = listed.slice((page - 1) * perPage, page * perPage);
      return {
        body: {
          breadcrumbs: [],
          accounts: [],
          organizations: slice.map((o) => ({
            id: o.id,
            name: o.name,
            website_url: `http://www.${o.domain}`,
            linkedin_url: null,
            primary_domain: o.domain,
            founded_year: 1990,
          })),
          model_ids: slice.map((o) => o.id),
          pagination: {
            page,
            per_page: perPage,
            total_entries: listed.length,
            total_pages: Math.ceil(listed.length / perPage),
          },
        },
      };
    }
    if (req.path.endsWith('/mixed_people/api_search')) {
      const page = Number(body.page ?? 1);
      const perPage = Number(body.per_page ?? 100);
      const found = people.filter((p) => searchMatches(p, byId.get(p.orgId), body));
      return {
        body: {
          total_entries: found.length,
          people: found.slice((page - 1) * perPage, page * perPage).map((p) => ({
            id: p.id,
            first_name: p.first,
            last_name_obfuscated: `${p.last[0]}***`,
            title: p.title,
            has_email: true,
            organization: { name: byId.get(p.orgId)!.name, has_industry: true, has_employee_count: true },
          })),
        },
      };
    }
    if (req.path.endsWith('/organizations/enrich')) {
      const o = byDomain.get(req.query.get('domain') ?? '');
      return { body: { organization: o ? orgFull(o, true) : null } };
    }
    const jobs = /\/organizations\/([^/]+)\/job_postings$/.exec(req.path);
    if (jobs) {
      const o = byId.get(jobs[1]!);
      const n = o?.jobs ?? 0;
      const perPage = Number(req.query.get('per_page') ?? 25);
      return {
        body: {
          organization_job_postings: Array.from({ length: Math.min(n, perPage) }, (_, i) => ({
            id: `${o!.id}-job-${i}`,
            title: 'Machine Operator',
            url: null,
            city: null,
            state: null,
            country: o!.country,
            posted_at: '2026-11-01T00:00:00.000+00:00',
            last_seen_at: '2026-11-20T00:00:00.000+00:00',
          })),
          pagination: { page: 1, per_page: perPage, total_entries: n, total_pages: Math.ceil(n / perPage) },
        },
      };
    }
    if (req.path.endsWith('/people/match')) {
      const p = people.find((x) => x.id === body.id);
      if (!p) return { body: { person: null } };
      const o = byId.get(p.orgId);
      if (!o) return { body: { person: null } };
      return {
        body: {
          person: {
            id: p.id,
            first_name: p.first,
            last_name: p.last,
            name: `${p.first} ${p.last}`,
            title: p.title,
            email: `${p.first}.${p.last}@${o.domain}`.toLowerCase(),
            email_status: p.emailStatus ?? 'verified',
            email_domain_catchall: p.catchall ?? false,
            linkedin_url: `http://www.linkedin.com/in/${p.id}`,
            seniority: 'director',
            departments: [],
            city: null,
            state: null,
            country: o.country,
            organization_id: o.id,
            organization: orgFull(o, false),
          },
        },
      };
    }
    return { status: 404, body: { error: `no route ${req.path}` } };
  });
}
