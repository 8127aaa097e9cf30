/**
 * The paid-call gate for Hunter, the email waterfall's second provider: cache first (by email, and
 * by domain + name — across campaigns), then the call, then the ledger entry in the same
 * transaction as the cached answer. Hunter's credits are its own currency: they go in the ledger
 * under provider "hunter" and never count against the Apollo budget.
 *
 * A used-up monthly quota (429) or a refused key (401) switches Hunter off for the rest of the
 * campaign; the stage goes on with Apollo alone and says why.
 */
import { isProviderError } from '../providers/errors';
import {
  HUNTER_DEFAULT_COSTS,
  type EmailVerification,
  type FinderQuery,
  type FoundEmail,
  type HunterClient,
} from '../providers/hunter';
import type { CallContext, Paid } from '../providers/types';
import type { Tier } from '../domain/icp';
import { getCached, putCached, recordPaidCall, type Db } from '../store';
import { blindOf } from '../store/field-cipher';
import type { HunterState } from '../store/email-evidence';

export const HUNTER_LEDGER = 'hunter';

export interface Answer<T> {
  data: T;
  /** When Hunter gave this answer (a cached one keeps its first date). */
  at: string;
  /** Credits this ask cost now (0 from the cache). */
  credits: number;
}

export interface EmailGateOptions {
  db: Db;
  hunter: HunterClient;
  /** The cache's source ("hunter" or "hunter-sandbox": sandbox answers never serve real campaigns). */
  source: string;
  campaignId: number;
  signal?: AbortSignal;
}

export class EmailGate {
  /** Why Hunter is off for this campaign (null: still on). */
  stopped: { state: HunterState; message: string } | null = null;
  calls = 0;

  constructor(private readonly o: EmailGateOptions) {}

  /** Most a finder ask can cost (1 when it finds an address), per Hunter's cost table. */
  readonly finderCost = HUNTER_DEFAULT_COSTS.finderEmail;
  readonly verifyCost = HUNTER_DEFAULT_COSTS.verification;

  find(q: FinderQuery, personKey: string, tier: Tier): Promise<Answer<FoundEmail | null> | null> {
    const key = blindOf(
      this.o.db,
      'provider',
      `${q.domain.trim().toLowerCase()}|${q.firstName.trim().toLowerCase()}|${q.lastName.trim().toLowerCase()}`,
    )!;
    return this.ask('hunter_finder', key, personKey, tier, (ctx) => this.o.hunter.findEmail(q, ctx));
  }

  verify(email: string, personKey: string, tier: Tier): Promise<Answer<EmailVerification> | null> {
    const key = blindOf(this.o.db, 'email', email)!;
    // An answer Hunter never finished is not kept: the next campaign asks again.
    const keep = (v: EmailVerification) => v.unresolved !== 'still_verifying';
    return this.ask(
      'hunter_verifier',
      key,
      personKey,
      tier,
      (ctx) => this.o.hunter.verifyEmail(email, ctx),
      keep,
    );
  }

  /** null: Hunter is off for this campaign (quota, key); nothing was asked. */
  private async ask<T>(
    entity: 'hunter_finder' | 'hunter_verifier',
    key: string,
    personKey: string,
    tier: Tier,
    fetch: (ctx: CallContext) => Promise<Paid<T>>,
    keep: (data: T) => boolean = () => true,
  ): Promise<Answer<T> | null> {
    const { db, source, campaignId } = this.o;
    const hit = getCached<T>(db, entity, key, source);
    if (hit) return { data: hit.data, at: hit.fetchedAt, credits: 0 };
    if (this.stopped) return null;
    let res: Paid<T>;
    try {
      res = await fetch({ campaignId, signal: this.o.signal });
    } catch (e) {
      if (isProviderError(e, 'QUOTA_EXHAUSTED')) return this.stop('quota_exhausted', e.message);
      if (isProviderError(e, 'AUTH'))
        return this.stop(
          'bad_key',
          `Hunter refused the API key (401): ${e.message} Check Settings → API keys → Hunter.`,
        );
      throw e;
    }
    const at = new Date().toISOString();
    db.transaction(() => {
      for (const call of res.calls)
        recordPaidCall(db, {
          provider: HUNTER_LEDGER,
          endpoint: call.endpoint,
          credits: call.credits,
          expectedCredits: call.expectedCredits ?? null,
          reportedCredits: call.reportedCredits ?? null,
          campaignId,
          // The person the call was for: erasing them anonymises this line like their reveal's.
          entityKey: personKey,
          tier,
        });
      if (keep(res.data)) putCached(db, { entity, key, source, data: res.data });
    })();
    this.calls += res.calls.length;
    return { data: res.data, at, credits: res.credits };
  }

  private stop(state: HunterState, message: string): null {
    this.stopped ??= { state, message };
    return null;
  }
}
