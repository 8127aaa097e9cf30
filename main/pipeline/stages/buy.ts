/** The paid stages of a batch: company facts, then the reveal of contacts that passed. */
import type { Tier } from '../../domain/icp';
import type { Company, RevealedPerson } from '../../domain/types';
import type { CandidateRow } from '../../store';
import { mapLimit } from '../map-limit';
import { companyKey } from '../paid-gate';
import type { BatchContext, Pending } from './context';

/** Company key → the company's facts (null: the provider does not know it). */
export type CompanyFacts = Map<string, Company | null>;

/** Enriches each company of `kept` once (paid, cached), in parallel. */
export async function enrichStage(
  ctx: BatchContext,
  searchTier: Tier,
  kept: CandidateRow[],
): Promise<CompanyFacts> {
  const refs = new Map<string, CandidateRow['companyRef']>();
  for (const c of kept) refs.set(companyKey(c.companyRef), c.companyRef);
  const keys = [...refs.keys()];
  const companies = await mapLimit(keys, ctx.concurrency, (k) => ctx.gate.company(refs.get(k)!, searchTier));
  await ctx.onCompanies?.(companies.filter((c): c is Company => c !== null));
  return new Map(keys.map((k, i) => [k, companies[i] ?? null]));
}

/**
 * Reveals each pending contact (paid, cached), in parallel; null where the provider finds nobody.
 * The room the pending leads held in their tiers is released whatever happens.
 */
export async function revealStage(
  ctx: BatchContext,
  searchTier: Tier,
  pending: Pending[],
): Promise<(RevealedPerson | null)[]> {
  try {
    return await mapLimit(pending, ctx.concurrency, (p) =>
      ctx.gate.person(
        {
          providerId: p.cand.providerPersonId,
          firstName: p.cand.person.firstName,
          lastName: p.cand.person.lastName,
          domain: p.company.domain,
        },
        searchTier,
      ),
    );
  } finally {
    for (const p of pending) ctx.reserved[p.tier]--;
  }
}
