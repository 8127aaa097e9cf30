/** The last stage: contacts, leads and candidate states, one transaction per lead, in queue order. */
import { withColleagues } from '../../domain/score';
import type { RevealedPerson } from '../../domain/types';
import {
  getLead,
  insertLead,
  leadIdsAtCompany,
  setCandidateState,
  setContactCatchall,
  upsertContact,
} from '../../store';
import { saveLeadEmail } from '../../store/email-evidence';
import { rescoreLead } from '../../store/signals';
import { isSuppressed } from '../../store/suppression';
import type { BatchContext, Scored } from './context';

/** The person as saved: the employment history was read for signals only, it is not kept. */
function asSaved(person: RevealedPerson): RevealedPerson {
  const { roles: _roles, ...rest } = person;
  return rest;
}

/**
 * Every lead at a company this batch saved to gets "Multiple contacts found" once it has a
 * colleague, also the one saved first (scored when it had none). Runs before the score history
 * starts, so this batch's leads start it corrected; an earlier lead's rescoring is history.
 */
export function colleagueStage(ctx: BatchContext, scored: Scored[]): void {
  const companies = new Set(scored.map((s) => s.companyId));
  for (const companyId of companies) {
    const ids = leadIdsAtCompany(ctx.db, ctx.campaignId, companyId);
    if (ids.length < 2) continue;
    for (const id of ids) {
      const lead = getLead(ctx.db, id);
      if (!lead) continue;
      const next = withColleagues(lead.score, ids.length - 1, lead.company.name);
      if (next !== lead.score) rescoreLead(ctx.db, id, next);
    }
  }
}

/** Saves each scored lead; returns how many were saved (a duplicate contact is skipped). */
export function saveStage(ctx: BatchContext, scored: Scored[]): number {
  const { db, campaignId } = ctx;
  let saved = 0;
  for (const p of scored) {
    // A person erased while this step was in flight is never saved.
    if (isSuppressed(db, { ...p.person, providerId: p.cand.providerPersonId })) {
      setCandidateState(db, campaignId, p.cand.providerPersonId, {
        state: 'skipped',
        reason: 'erased person',
      });
      continue;
    }
    db.transaction(() => {
      const person = asSaved(p.person);
      const contactId = upsertContact(db, {
        person,
        companyId: p.companyId,
        source: ctx.providerName,
      });
      setContactCatchall(db, contactId, p.person.emailDomainCatchall);
      const leadId = insertLead(db, {
        campaignId,
        tier: p.tier,
        company: p.company,
        contact: person,
        emailStatus: p.person.emailStatus,
        validation: p.validation,
        score: p.score,
        similarity: p.cand.similarity,
        companyId: p.companyId,
        contactId,
      });
      setCandidateState(db, campaignId, p.cand.providerPersonId, {
        state: leadId === null ? 'skipped' : 'saved',
        reason: leadId === null ? 'duplicate contact' : null,
        validation: p.validation,
        companyId: p.companyId,
        contactId,
        similarity: p.cand.similarity,
        companySimilarity: p.cand.companySimilarity,
      });
      if (leadId === null) return;
      saveLeadEmail(db, leadId, p.person.emailEvidence);
      saved++;
      const domain = p.company.domain;
      ctx.colleagues.set(domain, (ctx.colleagues.get(domain) ?? 0) + 1);
      ctx.log(
        'info',
        `${p.tier} lead: ${p.person.firstName} ${p.person.lastName}, ${p.person.title} at ${p.company.name} ` +
          `(${p.validation.score}/6, score ${p.score.total} ${p.score.band}).`,
      );
    })();
  }
  return saved;
}
