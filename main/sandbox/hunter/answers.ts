/**
 * What the sandbox Hunter answers to each endpoint, as pure functions of the world and the query.
 * Credits follow the cost table: nothing is charged when nothing is found.
 */
import type { World, WorldCompany, WorldPerson } from '../world';
import type { HunterCosts } from './limits';
import {
  companyOfDomain,
  isCatchAllDomain,
  isDisposableDomain,
  isSmtpSilentDomain,
  isWebmailDomain,
  mailPattern,
  mailboxAlive,
  nameSlug,
  normalizeEmailDomain,
  ownerOfAddress,
  peopleAt,
  personAddress,
  renderLocal,
  unitHash,
} from './mail';
import {
  domainSearchBody,
  finderBody,
  hunterError,
  isSourced,
  verifierBody,
  type FinderParams,
  type VerifierFacts,
} from './shapes';

export interface Answer {
  status: number;
  body: unknown;
  /** Monthly quota consumed (plan units) and credits, charged only when the answer is a 200. */
  searches?: number;
  verifications?: number;
  credits?: number;
}

/** Share of domains whose pattern Hunter has learnt; elsewhere it finds only people it has sources for. */
export const PATTERN_KNOWN_SHARE = 0.8;
/**
 * Share of dead mailboxes whose server still says yes at RCPT time and bounces later: the
 * verifier calls them valid. No verifier is right every time.
 */
export const LATE_BOUNCE_SHARE = 0.1;

export function knowsPattern(world: World, domain: string): boolean {
  return unitHash(world, `pattern-known:${normalizeEmailDomain(domain)}`) < PATTERN_KNOWN_SHARE;
}

const badParams = (details: string): Answer => ({
  status: 400,
  body: hunterError('wrong_params', 400, details),
});

function finderParams(q: URLSearchParams): FinderParams | Answer {
  const domain = normalizeEmailDomain(q.get('domain') ?? '');
  if (!domain) {
    return badParams(
      q.get('company')
        ? 'The sandbox finds emails by domain only: pass the domain parameter.'
        : 'You are missing the domain parameter.',
    );
  }
  let firstName = (q.get('first_name') ?? '').trim();
  let lastName = (q.get('last_name') ?? '').trim();
  const full = (q.get('full_name') ?? '').trim();
  if ((!firstName || !lastName) && full) {
    const cut = full.lastIndexOf(' ');
    if (cut > 0) [firstName, lastName] = [full.slice(0, cut).trim(), full.slice(cut + 1).trim()];
  }
  if (!firstName || !lastName)
    return badParams('You are missing the first_name and last_name (or full_name) parameters.');
  return { domain, firstName, lastName };
}

function findAddress(
  world: World,
  company: WorldCompany,
  params: FinderParams,
): { email: string; score: number; person: WorldPerson | null; company: WorldCompany } | null {
  const f = nameSlug(params.firstName);
  const l = nameSlug(params.lastName);
  if (!f || !l) return null;
  const person =
    peopleAt(world, company).find((p) => nameSlug(p.first_name) === f && nameSlug(p.last_name) === l) ?? null;
  const catchAll = isCatchAllDomain(world, company.primary_domain);
  const h = unitHash(world, `finder-score:${company.primary_domain}:${f}.${l}`);
  if (person && isSourced(world, person)) {
    return {
      email: personAddress(world, person),
      score: (catchAll ? 70 : 85) + Math.floor(h * 15),
      person,
      company,
    };
  }
  if (!knowsPattern(world, company.primary_domain)) return null;
  // A guess from the pattern: right for most people, wrong for namesakes the world numbered,
  // and an address on a catch-all domain whoever it names.
  const pattern = mailPattern(world, company.primary_domain)!;
  const email = `${renderLocal(pattern, params.firstName, params.lastName)}@${company.primary_domain}`;
  return { email, score: (catchAll ? 30 : 50) + Math.floor(h * 30), person, company };
}

export function answerFinder(world: World, q: URLSearchParams, costs: HunterCosts): Answer {
  const params = finderParams(q);
  if ('status' in params) return params;
  const company = companyOfDomain(world, params.domain);
  const found = company ? findAddress(world, company, params) : null;
  return {
    status: 200,
    body: finderBody(params, found, world),
    searches: found ? 1 : 0,
    credits: found ? costs.finderEmail : 0,
  };
}

const EMAIL_SYNTAX = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function verifierFacts(world: World, email: string): VerifierFacts {
  const lower = email.trim().toLowerCase();
  const domain = normalizeEmailDomain(lower.split('@')[1] ?? '');
  const base = { email: lower, regexp: true, webmail: false, disposable: false, acceptAll: false };
  if (isWebmailDomain(domain))
    return {
      ...base,
      status: 'webmail',
      score: 50,
      webmail: true,
      mxRecords: true,
      smtpServer: true,
      smtpCheck: false,
    };
  if (isDisposableDomain(domain))
    return {
      ...base,
      status: 'disposable',
      score: 0,
      disposable: true,
      mxRecords: true,
      smtpServer: true,
      smtpCheck: false,
    };
  const company = companyOfDomain(world, domain);
  if (!company)
    return { ...base, status: 'invalid', score: 0, mxRecords: false, smtpServer: false, smtpCheck: false };
  const h = unitHash(world, `verify-score:${lower}`);
  if (isSmtpSilentDomain(world, domain))
    return {
      ...base,
      status: 'unknown',
      score: 20 + Math.floor(h * 30),
      mxRecords: true,
      smtpServer: false,
      smtpCheck: false,
    };
  if (isCatchAllDomain(world, domain))
    return {
      ...base,
      status: 'accept_all',
      score: 70 + Math.floor(h * 15),
      acceptAll: true,
      mxRecords: true,
      smtpServer: true,
      smtpCheck: true,
    };
  const owner = ownerOfAddress(world, lower);
  if (owner && (mailboxAlive(world, owner) || unitHash(world, `late-bounce:${owner.id}`) < LATE_BOUNCE_SHARE))
    return {
      ...base,
      status: 'valid',
      score: 90 + Math.floor(h * 11),
      mxRecords: true,
      smtpServer: true,
      smtpCheck: true,
    };
  return {
    ...base,
    status: 'invalid',
    score: Math.floor(h * 15),
    mxRecords: true,
    smtpServer: true,
    smtpCheck: false,
  };
}

/** The verifier's final answer (the caller handles 202s). */
export function answerVerifier(world: World, email: string, costs: HunterCosts): Answer {
  if (!email.trim()) return badParams('You are missing the email parameter.');
  if (!EMAIL_SYNTAX.test(email.trim()))
    return { status: 400, body: hunterError('invalid_email', 400, 'The email address is invalid.') };
  return {
    status: 200,
    body: verifierBody(verifierFacts(world, email)),
    verifications: 1,
    credits: costs.verification,
  };
}

/** Whether this address's server is slow enough that a first ask gets a 202. */
export function isSlowToVerify(world: World, email: string, share: number): boolean {
  const domain = normalizeEmailDomain(email.trim().toLowerCase().split('@')[1] ?? '');
  return unitHash(world, `slow-verify:${domain}`) < share;
}

export function answerDomainSearch(
  world: World,
  q: URLSearchParams,
  costs: HunterCosts,
  maxLimit = 100,
): Answer {
  const domain = normalizeEmailDomain(q.get('domain') ?? '');
  if (!domain) return badParams('You are missing the domain parameter.');
  const limit = Number(q.get('limit') ?? 10);
  const offset = Number(q.get('offset') ?? 0);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    return badParams('limit must be a whole number from 1 to 100.');
  if (limit > maxLimit)
    return {
      status: 400,
      body: hunterError(
        'pagination_error',
        400,
        `Your plan allows up to ${maxLimit} emails per domain search.`,
      ),
    };
  if (!Number.isInteger(offset) || offset < 0)
    return badParams('offset must be a whole number of at least 0.');
  const company = companyOfDomain(world, domain);
  const known = company ? peopleAt(world, company).filter((p) => isSourced(world, p)) : [];
  const page = known.slice(offset, offset + limit);
  const blocks = Math.ceil(page.length / 10);
  return {
    status: 200,
    body: domainSearchBody(
      world,
      domain,
      company,
      company && knowsPattern(world, domain) ? mailPattern(world, domain) : null,
      page,
      {
        total: known.length,
        limit,
        offset,
      },
    ),
    searches: blocks,
    credits: blocks * costs.domainSearchPer10,
  };
}
