/**
 * Between the checklist and the reveal (reachable first): a candidate at a company whose mail
 * server is known to accept every address (a colleague's reveal or an earlier hold said so, in
 * this campaign or another) can only get an accept-all address, which reachable first holds once
 * the tier's allowance of unverified leads is used up. So it is not revealed: it waits as held,
 * unrevealed, and comes back (and is bought then) only if the tier cannot be filled otherwise.
 */
import { HELD_PREFIX, RELEASED_PREFIX, unverifiedAllowance } from '../../domain/email';
import type { Tier } from '../../domain/icp';
import { setCandidateState } from '../../store';
import { catchAllDomains, tierVerified } from '../../store/email-evidence';
import type { BatchContext, Pending } from './context';

export function deferStage(ctx: BatchContext, pending: Pending[]): Pending[] {
  const w = ctx.email;
  if (!w?.settings.reachableFirst || !w.gate || w.gate.stopped || pending.length === 0) return pending;
  const full = new Map<Tier, boolean>();
  const allowanceUsed = (t: Tier) => {
    if (!full.has(t)) {
      const s = tierVerified(ctx.db, ctx.campaignId, t);
      const allowed = unverifiedAllowance(ctx.icp.tiers[t].target, w.settings.minVerifiedShare);
      full.set(t, s.saved - s.verified >= allowed);
    }
    return full.get(t)!;
  };
  const known = catchAllDomains(ctx.db);
  const kept: Pending[] = [];
  const waiting: Pending[] = [];
  for (const p of pending) {
    const released = p.cand.reason?.startsWith(RELEASED_PREFIX) ?? false;
    if (!released && known.has(p.company.domain) && allowanceUsed(p.tier)) waiting.push(p);
    else kept.push(p);
  }
  if (waiting.length === 0) return pending;
  ctx.db.transaction(() => {
    for (const p of waiting) {
      ctx.reserved[p.tier]--; // the room validateStage held for its reveal
      setCandidateState(ctx.db, ctx.campaignId, p.cand.providerPersonId, {
        state: 'skipped',
        reason: `${HELD_PREFIX}accept_all email (catch-all domain, known before the reveal: not revealed); saved only if ${p.tier} cannot be filled with verified ones`,
      });
    }
  })();
  ctx.log(
    'info',
    `${waiting.length} candidate(s) at catch-all domains wait unrevealed (${waiting.map((p) => p.company.name).join(', ')}): ` +
      'their address could only be accept-all and the tier has its share of unverified leads.',
  );
  return kept;
}
