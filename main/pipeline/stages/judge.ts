/** Validation (6-point checklist, tier from title, room in the tier) and the lead score. */
import { unrevealedPerson } from '../../domain/blank';
import { inLocations, validateCompany } from '../../domain/checklist';
import type { Tier } from '../../domain/icp';
import { scoreLead } from '../../domain/score';
import type { Company, RevealedPerson, TitleMatch, Validation } from '../../domain/types';
import { countLeadsByTier, setCandidateState, upsertCompany, type CandidateRow } from '../../store';
import { companyKey } from '../paid-gate';
import type { CompanyFacts } from './buy';
import { roomIn, type BatchContext, type Pending, type Scored } from './context';
import { planRoom } from './room';

/** Why a company fails the ICP (null: it passes), with the checklist when one was run. */
export function companyVerdict(
  ctx: BatchContext,
  company: Company,
): { validation: Validation; failure: string | null } {
  const validation = validateCompany(company, ctx.icp);
  if (!inLocations(company, ctx.icp))
    return {
      validation,
      failure: `${company.country ?? 'Unknown country'} is not one of the ICP's locations`,
    };
  if (!validation.accepted)
    return {
      validation,
      failure: validation.failedRequired.length
        ? `failed required check(s): ${validation.failedRequired.join(', ')}`
        : `validation ${validation.score}/6 is below ${ctx.icp.minValidationScore}`,
    };
  return { validation, failure: null };
}

/**
 * Tier from title, checklist, room in the tier — in queue order, one transaction each. Returns
 * the contacts to reveal; each holds room in its tier until saved. The lead that fills the search
 * tier ends the tier: what follows it in the queue is never looked at, whichever step it falls in.
 */
export function validateStage(
  ctx: BatchContext,
  searchTier: Tier,
  kept: CandidateRow[],
  facts: CompanyFacts,
): Pending[] {
  const saved = countLeadsByTier(ctx.db, ctx.campaignId);
  const { waiting } = planRoom(ctx, kept);
  const pending: Pending[] = [];
  for (const cand of kept) {
    if (waiting.has(cand.providerPersonId)) continue; // the next batch takes it, in queue order
    const company = facts.get(companyKey(cand.companyRef)) ?? null;
    const p = ctx.db.transaction(() => validateOne(ctx, cand, company, saved))();
    if (p) {
      ctx.reserved[p.tier]++;
      pending.push(p);
    }
    if (roomIn(ctx, searchTier, saved) <= 0) break;
  }
  return pending;
}

function validateOne(
  ctx: BatchContext,
  cand: CandidateRow,
  company: Company | null,
  saved: Record<Tier, number>,
): Pending | null {
  const { db, campaignId } = ctx;
  const match: TitleMatch = ctx.classifier.classify(cand.person.title);
  const set = (state: 'rejected' | 'skipped' | 'enriched', reason: string | null, extra: object = {}) =>
    setCandidateState(db, campaignId, cand.providerPersonId, {
      state,
      reason,
      similarity: cand.similarity,
      companySimilarity: cand.companySimilarity,
      titleTier: match.tier,
      ...extra,
    });
  const titleMiss = () =>
    `Title "${cand.person.title}" is not a target title${match.reason ? ` (${match.reason})` : ''}`;
  if (!company) {
    // Nothing is bought for a company whose candidates here cannot become leads (room.ts).
    if (!match.tier) set('rejected', titleMiss(), { validation: null, companyId: null });
    else if (roomIn(ctx, match.tier, saved) <= 0)
      set('skipped', `${match.tier} is full`, { validation: null, companyId: null });
    else
      set('rejected', `Company "${cand.companyRef.name}" not found by the provider`, {
        validation: null,
        companyId: null,
      });
    return null;
  }
  const companyId = upsertCompany(db, company, ctx.providerName);
  if (!match.tier) {
    set('rejected', titleMiss(), { validation: null, companyId });
    return null;
  }
  const { validation, failure } = companyVerdict(ctx, company);
  if (failure) {
    set('rejected', failure, { validation, companyId });
    return null;
  }
  if (roomIn(ctx, match.tier, saved) <= 0) {
    set('skipped', `${match.tier} is full`, { validation, companyId });
    return null;
  }
  if (cand.state === 'new') set('enriched', null, { validation, companyId });
  return { cand, tier: match.tier, company, companyId, validation };
}

/** The contact as a lead keeps it: the company nested in the reveal answer lives in its own record. */
function withoutOrganization(p: RevealedPerson & { organization?: unknown }): RevealedPerson {
  const { organization: _organization, ...person } = p;
  return person;
}

/**
 * Scores each lead in queue order. Colleagues count the leads saved before it, this step's
 * included (the save stage keeps the campaign-wide count).
 */
export function scoreStage(
  ctx: BatchContext,
  pending: Pending[],
  people: (RevealedPerson | null)[],
): Scored[] {
  const extra = new Map<string, number>();
  return pending.map((p, i) => {
    const person = withoutOrganization(people[i] ?? unrevealedPerson(p.cand.person));
    const domain = p.company.domain;
    const score = scoreLead({
      icp: ctx.icp,
      company: p.company,
      person,
      validation: p.validation,
      colleaguesFound: (ctx.colleagues.get(domain) ?? 0) + (extra.get(domain) ?? 0),
    });
    extra.set(domain, (extra.get(domain) ?? 0) + 1);
    return { ...p, person, score };
  });
}
