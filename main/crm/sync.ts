/**
 * One sync run over the store: leads → drafts → plan (against the stored sync state and dead
 * letters) → push → the outcome recorded in one transaction. `provider` keys the stored state, so
 * the sandbox HubSpot and a real account never share ids.
 */
import { assessBant } from '../domain/bant';
import type { HubSpotClient } from '../providers/hubspot';
import { openDeadLetters, recordPush, syncStates, type LeadRefs, type StoredDeadLetter } from '../store/crm';
import type { Db } from '../store/sql';
import { planSync, stateKey, type StateKey, type SyncPlan } from './plan';
import { pushToHubSpot, type PushOutcome, type PushOptions } from './push';
import { draftsFromLeads, type CrmRecordDraft, type SyncLead } from './records';

/** Stands in for the client when the plan pushes nothing: the push makes no call with an empty plan. */
const NO_CALLS = new Proxy({} as HubSpotClient, {
  get: (_t, name) => () => {
    throw new Error(`nothing to push, yet ${String(name)} was called`);
  },
});

export interface SyncRun {
  outcome: PushOutcome;
  /** Leads that cannot become CRM records (no email, no company, or a company without a domain). */
  unsyncable: number;
  deadLetters: StoredDeadLetter[];
}

/** Leads with what the CRM needs; the rest are counted, not pushed. */
export function syncLeadsOf(refs: LeadRefs[], now = new Date()): { leads: SyncLead[]; unsyncable: number } {
  const leads: SyncLead[] = [];
  let unsyncable = 0;
  for (const r of refs) {
    const { lead } = r;
    if (r.companyId === null || !lead.company.domain?.trim() || !lead.contact.email?.trim()) {
      unsyncable += 1;
      continue;
    }
    const bant = assessBant({
      tier: lead.tier,
      company: lead.company,
      contact: lead.contact,
      validation: lead.validation,
      now,
    });
    leads.push({ lead, contactId: r.contactId, companyId: r.companyId, bant });
  }
  return { leads, unsyncable };
}

function plansFor(
  db: Db,
  provider: string,
  drafts: { contacts: CrmRecordDraft[]; companies: CrmRecordDraft[] },
  only: ReadonlySet<StateKey> | null,
): { plans: { companies: SyncPlan; contacts: SyncPlan }; known: Map<number, string> } {
  const state = syncStates(db, provider);
  const dead = new Set(openDeadLetters(db, provider).map((d) => stateKey(d.entity, d.localId)));
  const domainOf = new Map(drafts.companies.map((d) => [d.localId, d.key]));
  const keep = (d: CrmRecordDraft) => !only || only.has(stateKey(d.entity, d.localId));
  const plans = {
    companies: planSync(drafts.companies.filter(keep), state, dead),
    contacts: planSync(drafts.contacts.filter(keep), state, dead, (id) => domainOf.get(id)),
  };
  const known = new Map(
    [...state].filter(([k]) => k.startsWith('company:')).map(([k, v]) => [Number(k.split(':')[1]), v.crmId]),
  );
  return { plans, known };
}

/**
 * Pushes the leads' records that are new, changed or dead-lettered (`only`: just these records)
 * and records the outcome. A failure before anything was written (a refused token) throws.
 */
export async function syncToHubSpot(
  db: Db,
  /** Opened only when there is something to push (the sandbox's world takes a while to build). */
  client: () => Promise<HubSpotClient>,
  provider: string,
  refs: LeadRefs[],
  options: PushOptions & { only?: ReadonlySet<StateKey> } = {},
): Promise<SyncRun> {
  const { leads, unsyncable } = syncLeadsOf(refs);
  const { plans, known } = plansFor(db, provider, draftsFromLeads(leads), options.only ?? null);
  const empty = !plans.companies.push.length && !plans.contacts.push.length;
  const outcome = await pushToHubSpot(empty ? NO_CALLS : await client(), plans, known, options);
  recordPush(db, provider, outcome);
  return { outcome, unsyncable, deadLetters: openDeadLetters(db, provider) };
}
