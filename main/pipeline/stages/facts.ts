/**
 * Company facts for the checklist, bought in the order that spends least (README, "Which order"):
 * enrich-first buys each company once (organizations/enrich, with departmental head counts);
 * reveal-first takes the organization nested in each revealed person (everything but the head
 * counts) and enriches only where the head counts can still change the decision. Then hiring:
 * job postings only where they can change a decision or a score.
 */
import { validateCompany } from '../../domain/checklist';
import type { Tier } from '../../domain/icp';
import type { Company } from '../../domain/types';
import { upsertCompany, type CandidateRow } from '../../store';
import { mapLimit } from '../map-limit';
import { companyKey } from '../paid-gate';
import { enrichStage, type CompanyFacts } from './buy';
import type { BatchContext, Pending } from './context';
import { planRoom } from './room';

export type FactsOrder = 'enrich-first' | 'reveal-first';

export async function factsStage(
  ctx: BatchContext,
  searchTier: Tier,
  kept: CandidateRow[],
): Promise<CompanyFacts> {
  if ((ctx.order ?? 'reveal-first') === 'enrich-first') {
    const facts = await enrichStage(ctx, searchTier, kept);
    await hiringStage(ctx, searchTier, facts);
    return facts;
  }
  const { facts, refs } = await factsFromReveals(ctx, searchTier, kept);
  await enrichWhere(ctx, searchTier, facts, refs, (c) => c === null); // no answer brought it
  // Hiring before head counts: whether the head counts can change the decision depends on it.
  await hiringStage(ctx, searchTier, facts);
  await enrichWhere(ctx, searchTier, facts, refs, (c) => c !== null && headCountsDecide(ctx, c));
  await ctx.onCompanies?.([...facts.values()].filter((c): c is Company => c !== null));
  return facts;
}

/** Whether the checklist's decision flips between two versions of what is unknown. */
function decides(ctx: BatchContext, low: Company, high: Company): boolean {
  return validateCompany(low, ctx.icp).accepted !== validateCompany(high, ctx.icp).accepted;
}

/** Head counts unknown (a person's nested organization) and able to change the decision. */
export function headCountsDecide(ctx: BatchContext, c: Company): boolean {
  if (Object.keys(c.departmentHeadCount).length > 0) return false;
  return decides(ctx, c, { ...c, departmentHeadCount: { human_resources: 1, operations: 1 } });
}

/**
 * Reveal-first: what is known of a company (an earlier reveal or enrichment) decides for free; for
 * a company not yet known, the first of its candidates is revealed (paid, cached for the reveal
 * stage: most become leads) and the organization nested in the answer gives its facts. A company
 * is enriched only where the head counts could still change the decision, or when no answer
 * brought it.
 */
async function factsFromReveals(
  ctx: BatchContext,
  searchTier: Tier,
  kept: CandidateRow[],
): Promise<{ facts: CompanyFacts; refs: Map<string, CandidateRow['companyRef']> }> {
  const firsts = new Map<string, CandidateRow>();
  for (const c of kept) if (!firsts.has(companyKey(c.companyRef))) firsts.set(companyKey(c.companyRef), c);
  const facts: CompanyFacts = new Map();
  const unknown: [string, CandidateRow][] = [];
  const { buyers } = planRoom(ctx, kept);
  for (const [k, c] of firsts) {
    const known = ctx.gate.knownCompany(c.companyRef);
    if (known) {
      facts.set(k, known);
      continue;
    }
    // The reveal that brings a company's facts goes to a candidate who can become a lead in this
    // batch; a company with none here is not bought for (its candidates wait or are refused by title).
    const buyer = kept.find((x) => companyKey(x.companyRef) === k && buyers.has(x.providerPersonId));
    if (buyer) unknown.push([k, buyer]);
  }
  const matches = await mapLimit(unknown, ctx.concurrency, ([, c]) =>
    ctx.gate.person(
      {
        providerId: c.providerPersonId,
        firstName: c.person.firstName,
        lastName: c.person.lastName,
        domain: c.companyRef.domain,
      },
      searchTier,
    ),
  );
  unknown.forEach(([k, c], i) => {
    const org = matches[i]?.organization ?? null;
    if (org) ctx.gate.rememberNested(c.companyRef, org);
    facts.set(k, org);
  });
  return { facts, refs: new Map([...firsts].map(([k, c]) => [k, c.companyRef])) };
}

/** Enriches the companies `needed` picks (paid, cached), keeping open jobs already bought. */
async function enrichWhere(
  ctx: BatchContext,
  searchTier: Tier,
  facts: CompanyFacts,
  refs: Map<string, CandidateRow['companyRef']>,
  needed: (c: Company | null) => boolean,
): Promise<void> {
  const unsettled = [...facts.entries()].filter(([, c]) => needed(c)).map(([k]) => k);
  const enriched = await mapLimit(unsettled, ctx.concurrency, (k) =>
    ctx.gate.company(refs.get(k)!, searchTier),
  );
  unsettled.forEach((k, i) => {
    const e = enriched[i];
    const had = facts.get(k);
    // Open jobs bought for the nested facts still hold for the enriched ones.
    facts.set(k, e ? { ...e, openJobs: e.openJobs ?? had?.openJobs ?? null } : (had ?? null));
  });
}

/**
 * Open jobs are bought (one page, cached per company) here only where they can change the decision
 * (the verified "Hiring cycles" check would flip it, with the head counts as known or as they may
 * yet be bought). Where they can only change the score of a company that passes, they wait until
 * one of its candidates is kept as a lead (hiringForLeads, after the email waterfall): a company
 * whose only candidate is held back or has no deliverable address then costs nothing more.
 * A company that fails either way keeps the inferred check, which says it is an assumption.
 */
async function hiringStage(ctx: BatchContext, searchTier: Tier, facts: CompanyFacts): Promise<void> {
  const worth = [...facts.entries()].filter(
    ([, c]) => c !== null && c.openJobs === null && c.providerId !== null && hiringDecides(ctx, c),
  );
  const pages = await mapLimit(worth, ctx.concurrency, ([, c]) =>
    ctx.gate.jobPostings(c!.providerId!, searchTier),
  );
  worth.forEach(([k, c], i) => facts.set(k, { ...c!, openJobs: pages[i]!.totalEntries }));
}

/** Unknown head counts are taken either way: they may yet be bought, and then hiring may decide. */
function withHeads(c: Company): Company[] {
  if (Object.keys(c.departmentHeadCount).length) return [c];
  return [c, { ...c, departmentHeadCount: { human_resources: 1, operations: 1 } }];
}

/** Whether the open jobs can flip the checklist's decision (so they are bought before it). */
export function hiringDecides(ctx: BatchContext, c: Company): boolean {
  return withHeads(c).some((h) => decides(ctx, { ...h, openJobs: 0 }, { ...h, openJobs: 1 }));
}

/** Whether the open jobs can change anything: the decision, or the score of a company that passes. */
export function hiringMatters(ctx: BatchContext, c: Company): boolean {
  return (
    hiringDecides(ctx, c) ||
    withHeads(c).some((h) => validateCompany({ ...h, openJobs: 1 }, ctx.icp).accepted)
  );
}

/**
 * The open jobs of the kept leads' companies, bought where they can change the score (cached per
 * company: a colleague's company costs nothing again), and each lead's checklist read again with
 * them, so its "Hiring cycles" check is verified. The decision cannot change here: where hiring
 * could flip it, the jobs were bought before it (hiringStage).
 */
export async function hiringForLeads(
  ctx: BatchContext,
  searchTier: Tier,
  kept: Pending[],
): Promise<Pending[]> {
  const open = kept.filter((p) => p.company.openJobs === null && p.company.providerId !== null);
  const ids = [
    ...new Set(open.filter((p) => hiringMatters(ctx, p.company)).map((p) => p.company.providerId!)),
  ];
  const pages = await mapLimit(ids, ctx.concurrency, (id) => ctx.gate.jobPostings(id, searchTier));
  const jobs = new Map(ids.map((id, i) => [id, pages[i]!.totalEntries]));
  return kept.map((p) => {
    const openJobs = p.company.providerId ? jobs.get(p.company.providerId) : undefined;
    if (openJobs === undefined) return p;
    const company = { ...p.company, openJobs };
    const companyId = upsertCompany(ctx.db, company, ctx.providerName);
    return { ...p, company, companyId, validation: validateCompany(company, ctx.icp) };
  });
}
