/** Hunter's endpoints, one function each over the HunterApi: finder, verifier, domain search, account. */
import { isProviderError, redact } from '../errors';
import type { CallContext, Paid } from '../types';
import { call, tableCall, wait, type HunterApi } from './api';
import { toAccount, toDomainEmails, toFoundEmail, toVerification } from './map';
import {
  AccountResponseSchema,
  DomainSearchResponseSchema,
  EmailFinderResponseSchema,
  EmailVerifierResponseSchema,
} from './schemas';
import type {
  DomainEmails,
  DomainSearchQuery,
  EmailVerification,
  FinderQuery,
  FoundEmail,
  HunterAccount,
} from './types';

export interface ConnectionCheck {
  ok: boolean;
  message: string;
}

export async function findEmail(
  api: HunterApi,
  q: FinderQuery,
  ctx: CallContext,
): Promise<Paid<FoundEmail | null>> {
  const endpoint = '/email-finder';
  const query = {
    domain: q.domain.trim().toLowerCase(),
    first_name: q.firstName.trim(),
    last_name: q.lastName.trim(),
  };
  const missing = Object.entries(query).find(([, v]) => !v);
  if (missing) throw new Error(`Hunter email finder needs ${missing[0]}: got an empty value.`);
  let found: FoundEmail | null;
  try {
    found = toFoundEmail(await call(api, endpoint, query, EmailFinderResponseSchema, ctx.signal));
  } catch (err) {
    if (isProviderError(err) && err.status === 451)
      found = null; // claimed: Hunter gives nothing
    else throw err;
  }
  const credits = found ? api.costs.finderEmail : 0;
  return { data: found, credits, calls: [tableCall(endpoint, credits)] };
}

/** Asks again while Hunter is still verifying (202), up to polls.max times; charged once, at the answer. */
export async function verifyEmail(
  api: HunterApi,
  email: string,
  ctx: CallContext,
): Promise<Paid<EmailVerification>> {
  const endpoint = '/email-verifier';
  const address = email.trim();
  if (!address) throw new Error('Hunter email verifier needs an email: got an empty value.');
  const now = () => new Date(api.settings.clock()).toISOString();
  for (let ask = 0; ; ask++) {
    let res;
    try {
      res = await call(api, endpoint, { email: address }, EmailVerifierResponseSchema, ctx.signal);
    } catch (err) {
      if (isProviderError(err) && err.status === 451)
        return { data: unresolved(address, 'claimed', now()), credits: 0, calls: [tableCall(endpoint, 0)] };
      throw err;
    }
    const verification = toVerification(res, address, now());
    if (verification)
      return {
        data: verification,
        credits: api.costs.verification,
        calls: [tableCall(endpoint, api.costs.verification)],
      };
    api.counters.verifyPolls += 1;
    if (ask >= api.polls.max)
      return {
        data: unresolved(address, 'still_verifying', now()),
        credits: 0,
        calls: [tableCall(endpoint, 0)],
      };
    await wait(api.polls.delayMs, endpoint, ctx.signal);
  }
}

function unresolved(email: string, why: 'still_verifying' | 'claimed', checkedAt: string): EmailVerification {
  return {
    email,
    status: 'unknown',
    score: null,
    acceptAll: false,
    smtpCheck: false,
    mxRecords: false,
    block: false,
    checkedAt,
    unresolved: why,
  };
}

export async function searchDomain(
  api: HunterApi,
  q: DomainSearchQuery,
  ctx: CallContext,
): Promise<Paid<DomainEmails>> {
  const endpoint = '/domain-search';
  const domain = q.domain.trim().toLowerCase();
  if (!domain) throw new Error('Hunter domain search needs a domain: got an empty value.');
  const limit = Math.min(Math.max(1, Math.floor(q.limit ?? 10)), 100);
  const offset = Math.max(0, Math.floor(q.offset ?? 0));
  const res = await call(api, endpoint, { domain, limit, offset }, DomainSearchResponseSchema, ctx.signal);
  const data = toDomainEmails(res, domain);
  const credits = Math.ceil(data.emails.length / 10) * api.costs.domainSearchPer10;
  return { data, credits, calls: [tableCall(endpoint, credits)] };
}

export async function account(api: HunterApi, signal?: AbortSignal): Promise<HunterAccount> {
  return toAccount(await call(api, '/account', {}, AccountResponseSchema, signal), api.costs);
}

export async function testConnection(
  api: HunterApi,
  apiKey: string,
  signal?: AbortSignal,
): Promise<ConnectionCheck> {
  try {
    const a = await account(api, signal);
    const left = Math.max(0, a.searches.available - a.searches.used);
    return {
      ok: true,
      message: `Connected to Hunter (${a.plan ?? 'plan unknown'}): ${left.toLocaleString('en-US')} of ${a.searches.available.toLocaleString('en-US')} searches left this month, ${a.creditsUsed} credits used${a.resetDate ? `; resets ${a.resetDate}` : ''}.`,
    };
  } catch (err) {
    return { ok: false, message: redact(err instanceof Error ? err.message : String(err), [apiKey]) };
  }
}
