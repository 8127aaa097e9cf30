/**
 * The one place the synthetic world decides its mail truth: whether a company's mail server accepts
 * every address (catch-all) and whether a person's mailbox exists. Both sandboxes read it — the
 * Apollo sandbox for `email_domain_catchall` and its bounce truth, the Hunter sandbox for its
 * finder and verifier answers — so no two answers about one address can disagree.
 * Pure functions of the world's seed (hashes, no state).
 */
import { hash32 } from './prng';
import type { EmailStatus, World, WorldCompany, WorldPerson } from './world';

/**
 * Share of company domains whose server accepts every address. Published B2B figures: Dropcontact's
 * 2025 benchmark puts catch-all domains at 15–28% of B2B domains, Cleanlist at 20–30%; 0.22 sits
 * inside both ranges. It is not lowered to make a verified-share target easier: no address on such
 * a domain can ever be proved deliverable, which caps what any waterfall can verify.
 */
export const CATCH_ALL_SHARE = 0.22;

/**
 * Chance that a person's mailbox exists. People leave, addresses are retired: even an address a
 * provider has seen recently can bounce. Apollo's own "verified" ones bounce least — where a check
 * could be made: on a catch-all domain no SMTP check can prove a mailbox, so an Apollo "verified"
 * there is as good as an unverified address (AT_CATCH_ALL).
 */
export const MAILBOX_ALIVE: Readonly<Record<EmailStatus, number>> = {
  verified: 0.97,
  'likely to engage': 0.9,
  unverified: 0.86,
  unavailable: 0.86,
};
const AT_CATCH_ALL: Readonly<Record<EmailStatus, number>> = { ...MAILBOX_ALIVE, verified: 0.86 };

/** A value in [0, 1) fixed by the world's seed and a label: the same question always gets the same answer. */
export function unitHash(world: World, label: string): number {
  return hash32(`${world.seed}:${label}`) / 4294967296;
}

export function normalizeEmailDomain(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/.*$/, '');
}

/** Whether the domain's server accepts every address (false for domains outside the world). */
export function isCatchAllDomain(world: World, domain: string): boolean {
  const d = normalizeEmailDomain(domain);
  return world.companyByDomain.has(d) && unitHash(world, `catchall:${d}`) < CATCH_ALL_SHARE;
}

/** Whether the person's mailbox exists (mail to it reaches them). */
export function mailboxAlive(world: World, person: WorldPerson): boolean {
  const company = world.companies[person.companyIdx] as WorldCompany;
  const table = isCatchAllDomain(world, company.primary_domain) ? AT_CATCH_ALL : MAILBOX_ALIVE;
  return unitHash(world, `mailbox:${person.id}`) < table[person.email_status];
}
