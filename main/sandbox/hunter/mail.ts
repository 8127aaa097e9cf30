/**
 * The mail facts of the synthetic world that an email finder / verifier can discover: each
 * company's address pattern, whether its mail server accepts every address (catch-all), and whether
 * a person's mailbox truly exists. Pure functions of the world (no state); the catch-all and mailbox
 * truth itself lives in ../mail-truth.ts, which the Apollo sandbox reads too.
 *
 * The pattern is read back from the addresses the world already gives people (world.ts picks one
 * per company), so Apollo's revealed emails and Hunter's guesses always agree.
 */
import { isCatchAllDomain, mailboxAlive, normalizeEmailDomain, unitHash } from '../mail-truth';
import { asciiFold, type World, type WorldCompany, type WorldPerson } from '../world';

// The world's mail truth (catch-all, live mailboxes) is decided once, for both sandboxes.
export {
  CATCH_ALL_SHARE,
  MAILBOX_ALIVE,
  isCatchAllDomain,
  mailboxAlive,
  normalizeEmailDomain,
  unitHash,
} from '../mail-truth';

/** Hunter's pattern notation (domain-search `pattern`). */
export type MailPattern = '{first}.{last}' | '{f}{last}' | '{first}' | '{first}{l}' | '{first}_{last}';
export const MAIL_PATTERNS: readonly MailPattern[] = [
  '{first}.{last}',
  '{f}{last}',
  '{first}',
  '{first}{l}',
  '{first}_{last}',
];
/** Used only for a company whose people carry no address to read the pattern from. */
const FALLBACK_WEIGHTS = [60, 15, 8, 5, 12];

/** Share of domains whose SMTP server will not answer a verifier (greylisting, timeouts). */
export const SMTP_SILENT_SHARE = 0.03;
const WEBMAIL = new Set([
  'gmail.com',
  'yahoo.com',
  'hotmail.com',
  'outlook.com',
  'aol.com',
  'icloud.com',
  'gmx.de',
]);
const DISPOSABLE = new Set([
  'mailinator.com',
  'yopmail.com',
  'guerrillamail.com',
  '10minutemail.com',
  'trashmail.com',
]);

/** Lower-case ASCII name part, exactly as world.ts builds addresses. */
export function nameSlug(text: string): string {
  return asciiFold(text)
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '');
}

export function renderLocal(pattern: MailPattern, first: string, last: string): string {
  const f = nameSlug(first);
  const l = nameSlug(last);
  switch (pattern) {
    case '{first}.{last}':
      return `${f}.${l}`;
    case '{f}{last}':
      return `${f.slice(0, 1)}${l}`;
    case '{first}':
      return f;
    case '{first}{l}':
      return `${f}${l.slice(0, 1)}`;
    case '{first}_{last}':
      return `${f}_${l}`;
  }
}

interface MailIndex {
  peopleByCompany: Map<number, WorldPerson[]>;
  personByEmail: Map<string, WorldPerson>;
  patterns: Map<number, MailPattern>;
}

const indexes = new WeakMap<World, MailIndex>();

function mailIndex(world: World): MailIndex {
  let index = indexes.get(world);
  if (!index) {
    const peopleByCompany = new Map<number, WorldPerson[]>();
    const personByEmail = new Map<string, WorldPerson>();
    for (const p of world.people) {
      let list = peopleByCompany.get(p.companyIdx);
      if (!list) peopleByCompany.set(p.companyIdx, (list = []));
      list.push(p);
      if (p.email) personByEmail.set(p.email.toLowerCase(), p);
    }
    index = { peopleByCompany, personByEmail, patterns: new Map() };
    indexes.set(world, index);
  }
  return index;
}

function patternOfCompany(world: World, company: WorldCompany): MailPattern {
  const index = mailIndex(world);
  const known = index.patterns.get(company.idx);
  if (known) return known;
  // The first pattern that renders every address the world gave this company's people
  // (a numeric suffix is world.ts telling namesakes apart).
  const locals = (index.peopleByCompany.get(company.idx) ?? [])
    .filter((p) => p.email)
    .map((p) => ({ p, local: (p.email as string).split('@')[0]!.replace(/\d+$/, '') }));
  let pattern = MAIL_PATTERNS.find(
    (candidate) =>
      locals.length > 0 &&
      locals.every(({ p, local }) => renderLocal(candidate, p.first_name, p.last_name) === local),
  );
  if (!pattern) {
    let r =
      unitHash(world, `pattern:${company.primary_domain}`) * FALLBACK_WEIGHTS.reduce((a, b) => a + b, 0);
    pattern = MAIL_PATTERNS[MAIL_PATTERNS.length - 1]!;
    for (let i = 0; i < FALLBACK_WEIGHTS.length; i++) {
      r -= FALLBACK_WEIGHTS[i]!;
      if (r < 0) {
        pattern = MAIL_PATTERNS[i]!;
        break;
      }
    }
  }
  index.patterns.set(company.idx, pattern);
  return pattern;
}

export function companyOfDomain(world: World, domain: string): WorldCompany | null {
  return world.companyByDomain.get(normalizeEmailDomain(domain)) ?? null;
}

/** The company's address pattern; null for a domain the world does not have. */
export function mailPattern(world: World, domain: string): MailPattern | null {
  const company = companyOfDomain(world, domain);
  return company ? patternOfCompany(world, company) : null;
}

/** Whether the domain's SMTP server refuses to talk to a verifier (it still delivers mail). */
export function isSmtpSilentDomain(world: World, domain: string): boolean {
  const d = normalizeEmailDomain(domain);
  return world.companyByDomain.has(d) && unitHash(world, `smtp-silent:${d}`) < SMTP_SILENT_SHARE;
}

export function isWebmailDomain(domain: string): boolean {
  return WEBMAIL.has(normalizeEmailDomain(domain));
}

export function isDisposableDomain(domain: string): boolean {
  return DISPOSABLE.has(normalizeEmailDomain(domain));
}

export function peopleAt(world: World, company: WorldCompany): readonly WorldPerson[] {
  return mailIndex(world).peopleByCompany.get(company.idx) ?? [];
}

/** The person's company address: the one the world gave them, else their company's pattern. */
export function personAddress(world: World, person: WorldPerson): string {
  if (person.email) return person.email.toLowerCase();
  const company = world.companies[person.companyIdx] as WorldCompany;
  return `${renderLocal(patternOfCompany(world, company), person.first_name, person.last_name)}@${company.primary_domain}`;
}

/** Who owns this address, if anyone: the world's own addresses, then pattern renderings. */
export function ownerOfAddress(world: World, email: string): WorldPerson | null {
  const lower = email.trim().toLowerCase();
  const byEmail = mailIndex(world).personByEmail.get(lower);
  if (byEmail) return byEmail;
  const [local, domain] = lower.split('@');
  const company = domain ? companyOfDomain(world, domain) : null;
  if (!company || !local) return null;
  return peopleAt(world, company).find((p) => !p.email && personAddress(world, p) === lower) ?? null;
}

export interface AddressTruth {
  email: string;
  domain: string;
  /** The domain belongs to a company of the world. */
  knownDomain: boolean;
  catchAll: boolean;
  pattern: MailPattern | null;
  personId: string | null;
  /** The server takes the message at SMTP time (no hard bounce): catch-all, or a live mailbox. */
  accepted: boolean;
  /** The message reaches a person: a live mailbox. */
  delivers: boolean;
}

export function addressTruth(world: World, email: string): AddressTruth {
  const lower = email.trim().toLowerCase();
  const domain = normalizeEmailDomain(lower.split('@')[1] ?? '');
  const knownDomain = world.companyByDomain.has(domain);
  const catchAll = isCatchAllDomain(world, domain);
  const owner = knownDomain ? ownerOfAddress(world, lower) : null;
  const delivers = owner !== null && mailboxAlive(world, owner);
  return {
    email: lower,
    domain,
    knownDomain,
    catchAll,
    pattern: knownDomain ? mailPattern(world, domain) : null,
    personId: owner?.id ?? null,
    accepted: knownDomain && (catchAll || delivers),
    delivers,
  };
}
