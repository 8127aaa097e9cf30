/**
 * Hunter v2's JSON shapes (providers.md; field names as Hunter's API documents them), built from
 * the world's mail facts. Everything a real answer can leave null is null here too.
 */
import { WORLD_REFERENCE_DATE, type World, type WorldCompany, type WorldPerson } from '../world';
import { isCatchAllDomain, mailboxAlive, personAddress, unitHash, type MailPattern } from './mail';

const REF_MS = Date.parse(`${WORLD_REFERENCE_DATE}T00:00:00Z`);
const DAY = 86_400_000;

export type VerifyStatus = 'valid' | 'invalid' | 'accept_all' | 'webmail' | 'disposable' | 'unknown';

export function hunterError(
  id: string,
  code: number,
  details: string,
): { errors: { id: string; code: number; details: string }[] } {
  return { errors: [{ id, code, details }] };
}

function daysBefore(days: number): string {
  return new Date(REF_MS - days * DAY).toISOString().slice(0, 10);
}

/** Share of people Hunter has seen on the public web (so it knows their address and position). */
export const SOURCED_SHARE = 0.45;

export function isSourced(world: World, person: WorldPerson): boolean {
  return unitHash(world, `sourced:${person.id}`) < SOURCED_SHARE;
}

export function sourcesOf(
  world: World,
  person: WorldPerson,
  company: WorldCompany,
): Record<string, unknown>[] {
  if (!isSourced(world, person)) return [];
  const n = 1 + Math.floor(unitHash(world, `sources-n:${person.id}`) * 3);
  return Array.from({ length: n }, (_, i) => {
    const seen = Math.floor(unitHash(world, `source-seen:${person.id}:${i}`) * 300);
    return {
      domain: company.primary_domain,
      uri: `http://${company.primary_domain}/${['team', 'contact', 'news', 'about-us'][i % 4]}`,
      extracted_on: daysBefore(seen + 30 + i * 40),
      last_seen_on: daysBefore(seen),
      still_on_page: seen < 120,
    };
  });
}

/**
 * What Hunter last knew about a sourced address: valid when the mailbox lived (a mailbox that
 * has since died may still carry an old "valid"), accept_all on a catch-all domain.
 */
function knownVerification(
  world: World,
  person: WorldPerson,
  company: WorldCompany,
): { date: string | null; status: string | null } {
  if (!isSourced(world, person)) return { date: null, status: null };
  const age = Math.floor(unitHash(world, `verified-age:${person.id}`) * 200);
  if (isCatchAllDomain(world, company.primary_domain)) return { date: daysBefore(age), status: 'accept_all' };
  if (mailboxAlive(world, person)) return { date: daysBefore(age), status: 'valid' };
  return unitHash(world, `stale:${person.id}`) < 0.5
    ? { date: daysBefore(200 + age), status: 'valid' }
    : { date: null, status: null };
}

export interface FinderParams {
  domain: string;
  firstName: string;
  lastName: string;
}

export function finderBody(
  params: FinderParams,
  found: { email: string; score: number; person: WorldPerson | null; company: WorldCompany } | null,
  world: World,
): Record<string, unknown> {
  const sourced = found?.person && isSourced(world, found.person) ? found.person : null;
  return {
    data: {
      first_name: params.firstName,
      last_name: params.lastName,
      email: found?.email ?? null,
      score: found?.score ?? null,
      domain: params.domain,
      accept_all: found ? isCatchAllDomain(world, found.company.primary_domain) : null,
      position: sourced?.title ?? null,
      twitter: null,
      linkedin_url: sourced?.linkedin_url ?? null,
      phone_number: null,
      company: found?.company.name ?? null,
      sources: sourced && found ? sourcesOf(world, sourced, found.company) : [],
      verification:
        sourced && found ? knownVerification(world, sourced, found.company) : { date: null, status: null },
    },
    meta: {
      params: {
        first_name: params.firstName,
        last_name: params.lastName,
        full_name: null,
        domain: params.domain,
        company: null,
        max_duration: null,
      },
    },
  };
}

export interface VerifierFacts {
  email: string;
  status: VerifyStatus;
  score: number;
  regexp: boolean;
  webmail: boolean;
  disposable: boolean;
  mxRecords: boolean;
  smtpServer: boolean;
  smtpCheck: boolean;
  acceptAll: boolean;
}

const RESULT: Record<VerifyStatus, string> = {
  valid: 'deliverable',
  invalid: 'undeliverable',
  accept_all: 'risky',
  webmail: 'risky',
  disposable: 'risky',
  unknown: 'risky',
};

export function verifierBody(f: VerifierFacts): Record<string, unknown> {
  return {
    data: {
      status: f.status,
      result: RESULT[f.status],
      _deprecation_notice: 'Using result is deprecated, use status instead',
      score: f.score,
      email: f.email,
      regexp: f.regexp,
      gibberish: false,
      disposable: f.disposable,
      webmail: f.webmail,
      mx_records: f.mxRecords,
      smtp_server: f.smtpServer,
      smtp_check: f.smtpCheck,
      accept_all: f.acceptAll,
      block: false,
      sources: [],
    },
    meta: { params: { email: f.email } },
  };
}

/** A 202: the verification goes on; nothing in `data` yet. */
export function verifierPendingBody(email: string): Record<string, unknown> {
  return { data: {}, meta: { params: { email } } };
}

export function domainSearchBody(
  world: World,
  domain: string,
  company: WorldCompany | null,
  pattern: MailPattern | null,
  people: readonly WorldPerson[],
  page: { total: number; limit: number; offset: number },
): Record<string, unknown> {
  return {
    data: {
      domain,
      disposable: false,
      webmail: false,
      accept_all: company ? isCatchAllDomain(world, domain) : false,
      pattern,
      organization: company?.name ?? null,
      description: company?.short_description ?? null,
      industry: company?.industry ?? null,
      country: null,
      headcount: null,
      emails: people.map((p) => ({
        value: personAddress(world, p),
        type: 'personal',
        confidence: 80 + Math.floor(unitHash(world, `confidence:${p.id}`) * 20),
        sources: company ? sourcesOf(world, p, company) : [],
        first_name: p.first_name,
        last_name: p.last_name,
        position: p.title,
        seniority: null,
        department: null,
        linkedin: p.linkedin_url,
        twitter: null,
        phone_number: null,
        verification: company ? knownVerification(world, p, company) : { date: null, status: null },
      })),
      linked_domains: [],
    },
    meta: {
      results: page.total,
      limit: page.limit,
      offset: page.offset,
      params: { domain, company: null, type: null },
    },
  };
}

export function accountBody(
  plan: { name: string; searches: number; verifications: number },
  usage: { searches: number; verifications: number },
  resetDate: string,
): Record<string, unknown> {
  return {
    data: {
      first_name: 'Sandbox',
      last_name: 'User',
      email: 'sandbox@example.com',
      plan_name: plan.name,
      plan_level: 0,
      reset_date: resetDate,
      team_id: 0,
      requests: {
        searches: { used: usage.searches, available: plan.searches },
        verifications: { used: usage.verifications, available: plan.verifications },
      },
    },
  };
}
