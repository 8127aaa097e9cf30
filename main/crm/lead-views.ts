/**
 * What the lead view and the exports read from the store: BANT, the deal brief (with the lead's
 * colleagues at the same company), sequences; and outreach events, which move the lead's status
 * and its score's "previous interaction" in the same transaction as they are stored.
 */
import { assessBant, type Bant } from '../domain/bant';
import { dealBrief, dealBriefs, type BriefInput } from '../domain/brief';
import {
  foldOutreach,
  parseOutreachCsv,
  type ImportError,
  type OutreachEvent,
  type OutreachState,
} from '../domain/outreach';
import { scoreWithOutreach } from '../domain/outreach-score';
import type { Tier } from '../domain/icp';
import type { Lead } from '../domain/types';
import { AppError } from '../shared/errors';
import { addOutreachEvents, applyOutreach, leadIdByEmail, outreachEvents } from '../store/crm';
import { allLeads, getLead } from '../store/leads';
import type { Db } from '../store/sql';

export function leadOrThrow(db: Db, leadId: number): Lead {
  const lead = getLead(db, leadId);
  if (!lead) throw new AppError('NOT_FOUND', `No lead with id ${leadId}.`);
  return lead;
}

export function bantOf(lead: Lead, now = new Date()): Bant {
  return assessBant({
    tier: lead.tier,
    company: lead.company,
    contact: lead.contact,
    validation: lead.validation,
    now,
  });
}

function briefInput(lead: Lead, sameCampaign: Lead[], now: Date): BriefInput {
  const colleagues = sameCampaign
    .filter((l) => l.id !== lead.id && l.company.domain && l.company.domain === lead.company.domain)
    .map((l) => ({ name: `${l.contact.firstName} ${l.contact.lastName}`.trim(), title: l.contact.title }));
  return {
    lead,
    bant: bantOf(lead, now),
    mail: { catchAll: lead.contact.emailDomainCatchall === true },
    colleagues,
    now,
  };
}

export function briefOf(db: Db, lead: Lead, now = new Date()): string {
  return dealBrief(briefInput(lead, allLeads(db, lead.campaignId), now));
}

/** One lead's brief, or every brief of a campaign (or one of its tiers), best score first per tier. */
export function briefsFor(
  db: Db,
  target: { leadId?: number; campaignId?: number; tier?: Tier },
  now = new Date(),
): { markdown: string; leads: number } {
  if (target.leadId !== undefined)
    return { markdown: briefOf(db, leadOrThrow(db, target.leadId), now), leads: 1 };
  const all = allLeads(db, target.campaignId!);
  const chosen = target.tier ? all.filter((l) => l.tier === target.tier) : all;
  if (!chosen.length)
    throw new AppError(
      'NOT_FOUND',
      `Campaign ${target.campaignId} has no leads${target.tier ? ` in ${target.tier}` : ''} to brief.`,
    );
  return { markdown: dealBriefs(chosen.map((l) => briefInput(l, all, now))), leads: chosen.length };
}

/** Re-reads the lead's events and writes its status and score (inside the caller's transaction). */
function refold(db: Db, leadId: number): { lead: Lead; state: OutreachState } {
  const lead = leadOrThrow(db, leadId);
  const state = foldOutreach(outreachEvents(db, leadId), lead.status);
  applyOutreach(db, leadId, state.status, scoreWithOutreach(lead.score, state));
  return { lead: leadOrThrow(db, leadId), state };
}

export function logOutreach(db: Db, event: OutreachEvent): { lead: Lead; state: OutreachState } {
  leadOrThrow(db, event.leadId);
  return db.transaction(() => {
    addOutreachEvents(db, [event], 'manual');
    return refold(db, event.leadId);
  })();
}

/** Good rows go in (one transaction), bad ones come back with their row and field. */
export async function importOutreach(
  db: Db,
  campaignId: number,
  csv: string,
): Promise<{ imported: number; leads: number; errors: ImportError[] }> {
  const ours = new Set(allLeads(db, campaignId).map((l) => l.id));
  const { events, errors } = await parseOutreachCsv(csv, ({ leadId, email }) => {
    if (/^\d+$/.test(leadId) && ours.has(Number(leadId))) return Number(leadId);
    return email ? leadIdByEmail(db, campaignId, email) : null;
  });
  const touched = [...new Set(events.map((e) => e.leadId))];
  db.transaction(() => {
    addOutreachEvents(db, events, 'import');
    for (const id of touched) refold(db, id);
  })();
  return { imported: events.length, leads: touched.length, errors };
}
