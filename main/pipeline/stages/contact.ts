/**
 * The email waterfall (issue 12), after the reveal and before the score: Apollo's address → if
 * none, Hunter's finder (domain + name) → if the best address is not proved, Hunter's verifier.
 * Each step's source, date and answer is kept as evidence; the final status and bounce risk go with
 * the contact. A lead whose only address is proved invalid is not saved: its room in the tier goes
 * to the next candidate in the queue, so targets are still met.
 */
import { unrevealedPerson } from '../../domain/blank';
import {
  HELD_PREFIX,
  RELEASED_PREFIX,
  apolloStatus,
  bounceRisk,
  contactStatusOf,
  verifierStatus,
  type EmailEvidence,
  type EmailStep,
  type FinalEmailStatus,
  unverifiedAllowance,
  type WaterfallSettings,
} from '../../domain/email';
import type { Tier } from '../../domain/icp';
import type { RevealedPerson } from '../../domain/types';
import type { HunterClient } from '../../providers/hunter';
import { getCached, setCandidateState } from '../../store';
import { setHunterState, tierVerified } from '../../store/email-evidence';
import { EmailGate } from '../email-gate';
import { mapLimit } from '../map-limit';
import type { BatchContext, Pending } from './context';

/** What the runner is given: which Hunter (null: Apollo alone) and the waterfall's settings. */
export interface EmailWaterfallInit {
  client: HunterClient | null;
  /** How the activity log names it ("the built-in sandbox Hunter (synthetic data)"…). */
  via: string;
  /** Cache source for Hunter's answers. */
  source: string;
  settings: WaterfallSettings;
}

export interface EmailWaterfall {
  gate: EmailGate | null;
  settings: WaterfallSettings;
  via: string;
  sandbox: boolean;
  /** Said in the activity log which Hunter the campaign uses / that it stopped. */
  announced: boolean;
  stopReported: boolean;
}

export function createWaterfall(
  init: EmailWaterfallInit,
  o: { db: BatchContext['db']; campaignId: number; signal?: AbortSignal },
): EmailWaterfall {
  const on = init.client !== null && init.settings.steps.length > 0;
  return {
    gate: on ? new EmailGate({ ...o, hunter: init.client!, source: init.source }) : null,
    settings: init.settings,
    via: init.via,
    sandbox: init.source.endsWith('sandbox'),
    announced: false,
    stopReported: false,
  };
}

/** What the waterfall reads of a batch's context. */
export type ContactContext = Pick<
  BatchContext,
  'db' | 'campaignId' | 'concurrency' | 'providerName' | 'email' | 'log' | 'icp'
>;

/** Pending leads with their contact's final address; invalid-only leads are left out. */
export interface Contacted {
  pending: Pending[];
  people: RevealedPerson[];
}

export async function contactStage(
  ctx: ContactContext,
  searchTier: Tier,
  pending: Pending[],
  revealed: (RevealedPerson | null)[],
): Promise<Contacted> {
  const w = ctx.email;
  if (w) announce(ctx, w);
  const people = await mapLimit(pending, ctx.concurrency, (p, i) =>
    contactOne(ctx, w, searchTier, p, revealed[i] ?? null),
  );
  if (w) reportStop(ctx, w);
  const out: Contacted = { pending: [], people: [] };
  const shares = new Map<Tier, { saved: number; verified: number }>(); // per lead tier, as the batch goes
  const shareOf = (t: Tier) => shares.get(t) ?? shares.set(t, tierShare(ctx, t)).get(t)!;
  pending.forEach((p, i) => {
    const person = people[i]!;
    if (person.emailEvidence?.status === 'invalid') {
      setCandidateState(ctx.db, ctx.campaignId, p.cand.providerPersonId, {
        state: 'skipped',
        reason: 'no deliverable email: the only address was proved invalid',
      });
      ctx.log(
        'info',
        `${p.tier}: ${person.firstName} ${person.lastName} at ${p.company.name} not saved: the only address bounces (${lastSource(person)}).`,
      );
      return;
    }
    const share = shareOf(p.tier);
    if (shouldHold(w, p, person, share, ctx.icp.tiers[p.tier].target)) {
      setCandidateState(ctx.db, ctx.campaignId, p.cand.providerPersonId, {
        state: 'skipped',
        reason: `${HELD_PREFIX}${person.emailEvidence!.status} email; saved only if ${p.tier} cannot be filled with verified ones`,
      });
      return;
    }
    out.pending.push(p);
    out.people.push(person);
    share.saved += 1;
    if (person.emailEvidence?.status === 'verified') share.verified += 1;
  });
  return out;
}

/** The tier's leads so far and how many are verified (saved ones; this batch adds as it goes). */
function tierShare(ctx: ContactContext, tier: Tier): { saved: number; verified: number } {
  return tierVerified(ctx.db, ctx.campaignId, tier);
}

/**
 * Reachable first: a lead without a proved address waits, unless it was let back in already or
 * the tier's allowance of such leads (its target less the verified share) still has room.
 */
function shouldHold(
  w: EmailWaterfall | undefined,
  p: Pending,
  person: RevealedPerson,
  share: { saved: number; verified: number },
  target: number,
): boolean {
  if (!w?.settings.reachableFirst || !w.gate || w.gate.stopped) return false;
  if (p.cand.reason?.startsWith(RELEASED_PREFIX)) return false;
  if (person.emailEvidence?.status === 'verified') return false;
  return share.saved - share.verified + 1 > unverifiedAllowance(target, w.settings.minVerifiedShare);
}

function announce(ctx: ContactContext, w: EmailWaterfall): void {
  if (w.announced) return;
  w.announced = true;
  const steps = w.settings.steps.map((s) => `Hunter ${s}`).join(' → ');
  if (w.gate) {
    setHunterState(ctx.db, ctx.campaignId, 'on', `Hunter via ${w.via}`);
    ctx.log('info', `Email waterfall: Apollo → ${steps}, via ${w.via}.`);
  } else if (w.settings.steps.length === 0) {
    setHunterState(ctx.db, ctx.campaignId, 'off', 'The waterfall settings run Apollo alone.');
    ctx.log('info', 'Email waterfall: Apollo alone (no Hunter steps in the settings).');
  } else {
    setHunterState(ctx.db, ctx.campaignId, 'no_key', `Apollo alone: ${w.via}.`);
    ctx.log('warn', `Email waterfall: Apollo alone: ${w.via}.`);
  }
}

function reportStop(ctx: ContactContext, w: EmailWaterfall): void {
  const stopped = w.gate?.stopped;
  if (!stopped || w.stopReported) return;
  w.stopReported = true;
  setHunterState(ctx.db, ctx.campaignId, stopped.state, stopped.message);
  ctx.log(
    stopped.state === 'bad_key' ? 'error' : 'warn',
    `${stopped.message} The campaign goes on with Apollo alone.`,
  );
}

const lastSource = (p: RevealedPerson) =>
  p.emailEvidence?.steps.findLast((s) => s.step === 'hunter-verifier')?.source ?? 'Apollo';

/** The address as the waterfall goes: what is known of it so far. */
interface Address {
  email: string | null;
  status: FinalEmailStatus;
  catchAll: boolean | null;
  addressFrom: 'apollo' | 'hunter' | null;
  checkedAt: string | null;
  sources: number | null;
  spent: number;
  steps: EmailStep[];
}

async function contactOne(
  ctx: ContactContext,
  w: EmailWaterfall | undefined,
  tier: Tier,
  p: Pending,
  revealed: RevealedPerson | null,
): Promise<RevealedPerson> {
  const person = revealed ?? unrevealedPerson(p.cand.person);
  const a = fromApollo(ctx, w, person, revealed !== null);
  const gate = w?.gate;
  if (gate && w) {
    const personKey = `p:${p.cand.providerPersonId}`;
    const query = finderQuery(p, person);
    if (!a.email && query && w.settings.steps.includes('finder'))
      await find(gate, w, a, query, personKey, tier);
    await verify(gate, w, a, personKey, tier);
    // Apollo's address proved invalid: Hunter may know a better one.
    if (
      a.status === 'invalid' &&
      a.addressFrom === 'apollo' &&
      query &&
      w.settings.steps.includes('finder')
    ) {
      const before = a.email;
      await find(gate, w, a, query, personKey, tier);
      if (a.email !== before) await verify(gate, w, a, personKey, tier);
      else a.status = 'invalid';
    }
  }
  const evidence: EmailEvidence = {
    status: a.status,
    bounceRisk: bounceRisk({ ...a, now: new Date() }),
    addressFrom: a.addressFrom,
    catchAll: a.catchAll,
    checkedAt: a.checkedAt,
    steps: a.steps,
  };
  return {
    ...person,
    email: a.email,
    emailStatus: contactStatusOf(a.status),
    emailDomainCatchall: a.catchAll,
    emailEvidence: evidence,
  };
}

function fromApollo(
  ctx: ContactContext,
  w: EmailWaterfall | undefined,
  person: RevealedPerson,
  found: boolean,
): Address {
  const at =
    getCached(ctx.db, 'person', `p:${person.providerId}`, ctx.providerName)?.fetchedAt ??
    new Date().toISOString();
  const catchAll = person.emailDomainCatchall ?? null;
  const status = apolloStatus(person.email, person.emailStatus, catchAll);
  const said = !found
    ? 'person not found'
    : person.email
      ? `${person.emailStatus}${catchAll ? ' (catch-all domain)' : ''}`
      : 'no email';
  return {
    email: person.email,
    status,
    catchAll,
    addressFrom: person.email ? 'apollo' : null,
    checkedAt: status === 'verified' ? at : null,
    sources: null,
    spent: 0,
    steps: [
      {
        step: 'apollo',
        source: `Apollo people/match${w?.sandbox ? ' (sandbox)' : ''}`,
        at,
        result: said,
        credits: 0,
      },
    ],
  };
}

/** The finder needs the real name (a search's "S***h" is no name) and the company's domain. */
function finderQuery(p: Pending, person: RevealedPerson) {
  const { firstName, lastName } = person;
  if (!p.company.domain || !firstName.trim() || !lastName.trim() || lastName.includes('*')) return null;
  return { domain: p.company.domain, firstName, lastName };
}

async function find(
  gate: EmailGate,
  w: EmailWaterfall,
  a: Address,
  query: { domain: string; firstName: string; lastName: string },
  personKey: string,
  tier: Tier,
): Promise<void> {
  if (a.spent + gate.finderCost > w.settings.maxHunterCreditsPerLead) return;
  const res = await gate.find(query, personKey, tier);
  if (!res) return; // Hunter is off
  a.spent += res.credits;
  const f = res.data;
  a.steps.push({
    step: 'hunter-finder',
    source: `Hunter email-finder${w.sandbox ? ' (sandbox)' : ''}`,
    at: res.at,
    result: f
      ? `found, score ${f.score ?? '–'}, ${f.sources} source(s)${f.acceptAll ? ', accept-all domain' : ''}`
      : 'nothing found',
    credits: res.credits,
  });
  if (!f || f.email.toLowerCase() === a.email?.toLowerCase()) return;
  a.email = f.email;
  a.addressFrom = 'hunter';
  a.sources = f.sources;
  a.catchAll = f.acceptAll ?? a.catchAll;
  a.status = f.acceptAll ? 'accept_all' : 'guessed';
  a.checkedAt = null;
}

/** Verifies the best address unless it is proved already or its domain takes every address. */
async function verify(
  gate: EmailGate,
  w: EmailWaterfall,
  a: Address,
  personKey: string,
  tier: Tier,
): Promise<void> {
  if (
    !a.email ||
    !w.settings.steps.includes('verifier') ||
    a.status === 'accept_all' ||
    a.status === 'invalid'
  )
    return;
  if (a.status === 'verified' && !(w.settings.verifyApolloVerified && a.addressFrom === 'apollo')) return;
  if (a.spent + gate.verifyCost > w.settings.maxHunterCreditsPerLead) return;
  const res = await gate.verify(a.email, personKey, tier);
  if (!res) return;
  a.spent += res.credits;
  const v = res.data;
  a.steps.push({
    step: 'hunter-verifier',
    source: `Hunter email-verifier${w.sandbox ? ' (sandbox)' : ''}`,
    at: res.at,
    result: v.unresolved
      ? `unknown (${v.unresolved.replace('_', ' ')})`
      : `${v.status}, score ${v.score ?? '–'}`,
    credits: res.credits,
  });
  const status = verifierStatus(v.status);
  if (!status) return; // unknown, webmail, disposable: nothing proved either way
  a.status = status;
  if (status === 'accept_all') a.catchAll = true;
  if (status === 'verified') a.checkedAt = res.at;
}
