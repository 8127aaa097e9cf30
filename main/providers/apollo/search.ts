/** Apollo's searches: people (free), one page of the company universe (paid per page), and the key check. */
import type {
  CallContext,
  CompanySearchPage,
  CompanySearchQuery,
  Paid,
  PeopleSearchPage,
  PeopleSearchQuery,
} from '../types';
import { MAX_PAGES, searchPage, type ApolloApi } from './api';
import { organizationFilterBody, peopleNarrowingBody } from './bodies';
import { toCompanySummary } from './company-summary';
import { paidCall } from './limits';
import { toCandidate } from './map';
import { CompanySearchPageResponseSchema, PeopleSearchResponseSchema } from './schemas';

export interface ConnectionCheck {
  ok: boolean;
  message: string;
}

export async function searchPeople(
  api: ApolloApi,
  query: PeopleSearchQuery,
  ctx: CallContext,
): Promise<PeopleSearchPage> {
  const { page, perPage } = searchPage(query);
  const body: Record<string, unknown> = {
    person_titles: query.titles,
    include_similar_titles: query.includeSimilarTitles,
    page,
    per_page: perPage,
  };
  Object.assign(body, organizationFilterBody(query), peopleNarrowingBody(query));
  const res = await api.http.request({
    method: 'POST',
    path: '/mixed_people/api_search',
    body,
    schema: PeopleSearchResponseSchema,
    signal: ctx.signal,
  });
  const totalEntries = res.total_entries ?? res.pagination?.total_entries ?? res.people.length;
  return {
    people: res.people.map(toCandidate),
    page,
    perPage,
    totalEntries,
    totalPages: Math.min(Math.ceil(totalEntries / perPage), MAX_PAGES),
  };
}

/** One page of the ICP's company universe, with the people search's organisation filters. */
export async function searchCompanies(
  api: ApolloApi,
  query: CompanySearchQuery,
  ctx: CallContext,
): Promise<Paid<CompanySearchPage>> {
  const { page, perPage } = searchPage(query);
  const body: Record<string, unknown> = { page, per_page: perPage };
  Object.assign(body, organizationFilterBody(query));
  const res = await api.http.request({
    method: 'POST',
    path: '/mixed_companies/search',
    body,
    schema: CompanySearchPageResponseSchema,
    signal: ctx.signal,
  });
  const orgs = [...(res.accounts ?? []), ...(res.organizations ?? [])];
  const totalEntries = res.pagination?.total_entries ?? (page - 1) * perPage + orgs.length;
  const call = paidCall(
    '/mixed_companies/search',
    orgs.length > 0 ? api.costs.companySearchPage : 0,
    res.credits_consumed,
  );
  return {
    data: {
      companies: orgs.map(toCompanySummary),
      page,
      perPage,
      totalEntries,
      totalPages: Math.min(Math.ceil(totalEntries / perPage), MAX_PAGES),
    },
    credits: call.credits,
    calls: [call],
  };
}

export async function testConnection(api: ApolloApi, signal?: AbortSignal): Promise<ConnectionCheck> {
  try {
    const res = await api.http.request({
      method: 'POST',
      path: '/mixed_people/api_search',
      body: { page: 1, per_page: 1 },
      schema: PeopleSearchResponseSchema,
      signal,
    });
    const total = res.total_entries ?? res.pagination?.total_entries;
    return {
      ok: true,
      message:
        total === undefined || total === null
          ? 'Connected to Apollo: the key works for people search.'
          : `Connected to Apollo: the key works for people search (${total.toLocaleString('en-US')} people searchable).`,
    };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}
