/** Apollo's paid person reveal: one person (people/match) or up to 10 (people/bulk_match). */
import { ProviderError } from '../errors';
import type { CallContext, Paid, PersonRef, RevealedMatch } from '../types';
import type { ApolloApi } from './api';
import { personBody } from './bodies';
import { paidCall, type ApolloCosts } from './limits';
import { toRevealedMatch } from './map';
import {
  PeopleBulkMatchResponseSchema,
  PeopleMatchResponseSchema,
  type ApolloMatchedPerson,
} from './schemas';

const personCost = (costs: ApolloCosts, p: RevealedMatch | null) =>
  p ? costs.personRecord + (p.emailStatus === 'verified' ? costs.verifiedEmail : 0) : 0;

const matched = (p: ApolloMatchedPerson | null | undefined) => (p ? toRevealedMatch(p) : null);

export async function revealPerson(
  api: ApolloApi,
  ref: PersonRef,
  ctx: CallContext,
): Promise<Paid<RevealedMatch | null>> {
  const res = await api.http.request({
    method: 'POST',
    path: '/people/match',
    body: { ...personBody(ref), reveal_personal_emails: false },
    schema: PeopleMatchResponseSchema,
    signal: ctx.signal,
  });
  const person = matched(res.person);
  const call = paidCall('/people/match', personCost(api.costs, person), res.credits_consumed);
  return { data: person, credits: call.credits, calls: [call] };
}

export async function revealPeople(
  api: ApolloApi,
  refs: PersonRef[],
  ctx: CallContext,
): Promise<Paid<(RevealedMatch | null)[]>> {
  if (refs.length === 0) return { data: [], credits: 0, calls: [] };
  if (refs.length > 10) throw new Error(`people/bulk_match takes at most 10 people, got ${refs.length}`);
  const res = await api.http.request({
    method: 'POST',
    path: '/people/bulk_match',
    body: { details: refs.map(personBody), reveal_personal_emails: false },
    schema: PeopleBulkMatchResponseSchema,
    signal: ctx.signal,
  });
  if (res.matches.length !== refs.length)
    throw new ProviderError(
      'BAD_RESPONSE',
      `Apollo POST /people/bulk_match answered ${res.matches.length} matches for ${refs.length} people; resume later, and if it persists the API may have changed.`,
      { provider: 'Apollo', endpoint: '/people/bulk_match', status: 200 },
    );
  const people = res.matches.map(matched);
  const expected = people.reduce((n, p) => n + personCost(api.costs, p), 0);
  const call = paidCall('/people/bulk_match', expected, res.credits_consumed);
  return { data: people, credits: call.credits, calls: [call] };
}
