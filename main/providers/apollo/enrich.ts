/** Apollo's paid company data: organisation enrichment (by domain, found by name if need be) and job postings. */
import type { Company } from '../../domain/types';
import { isProviderError } from '../errors';
import type { CallContext, CompanyRef, JobPostingsPage, JobPostingsQuery, Paid, PaidCall } from '../types';
import { JOB_POSTINGS_ENDPOINT, sumCredits, type ApolloApi } from './api';
import { paidCall } from './limits';
import { organizationDomain, toCompany, toJobPosting } from './map';
import {
  CompanySearchResponseSchema,
  JobPostingsResponseSchema,
  OrganizationEnrichResponseSchema,
} from './schemas';

export async function enrichCompany(
  api: ApolloApi,
  ref: CompanyRef,
  ctx: CallContext,
): Promise<Paid<Company | null>> {
  const calls: PaidCall[] = [];
  const domain = ref.domain?.trim().toLowerCase() || (await domainByName(api, ref, ctx, calls));
  const data = domain ? await enrichDomain(api, domain, ctx, calls) : null;
  return { data, credits: sumCredits(calls), calls };
}

/** A company without a domain: Apollo's best match for its name (and id), paid per record found. */
async function domainByName(
  api: ApolloApi,
  ref: CompanyRef,
  ctx: CallContext,
  calls: PaidCall[],
): Promise<string | null> {
  const name = ref.name.trim();
  if (!name) return null;
  const body: Record<string, unknown> = { q_organization_name: name, page: 1, per_page: 1 };
  if (ref.organizationId) body.organization_ids = [ref.organizationId];
  const found = await api.http.request({
    method: 'POST',
    path: '/mixed_companies/search',
    body,
    schema: CompanySearchResponseSchema,
    signal: ctx.signal,
  });
  const orgs = [...(found.organizations ?? []), ...(found.accounts ?? [])];
  calls.push(
    paidCall('/mixed_companies/search', orgs.length * api.costs.companySearchRecord, found.credits_consumed),
  );
  const match = orgs[0];
  return match ? organizationDomain(match) : null;
}

async function enrichDomain(
  api: ApolloApi,
  domain: string,
  ctx: CallContext,
  calls: PaidCall[],
): Promise<Company | null> {
  let org;
  try {
    const res = await api.http.request({
      method: 'GET',
      path: '/organizations/enrich',
      query: { domain },
      schema: OrganizationEnrichResponseSchema,
      signal: ctx.signal,
    });
    org = res.organization ?? null;
    const found = org && Object.keys(org).length > 0;
    calls.push(paidCall('/organizations/enrich', found ? api.costs.companyEnrich : 0, res.credits_consumed));
  } catch (err) {
    // Apollo answers an unknown domain with 404 on some accounts and {} on others: both mean no match.
    if (isProviderError(err) && err.status === 404) {
      calls.push(paidCall('/organizations/enrich', 0, null));
      return null;
    }
    throw err;
  }
  return org && Object.keys(org).length ? toCompany(org, domain) : null;
}

/** One page of a company's open jobs; charged per page that returns postings. */
export async function jobPostings(
  api: ApolloApi,
  query: JobPostingsQuery,
  ctx: CallContext,
): Promise<Paid<JobPostingsPage>> {
  const id = query.organizationId.trim();
  if (!id) throw new Error('job postings need the organization id Apollo gave the company');
  const perPage = Math.min(Math.max(1, Math.floor(query.perPage)), 100);
  const page = Math.max(1, Math.floor(query.page));
  const res = await postingsPage(api, id, page, perPage, ctx);
  const postings = res.organization_job_postings.map(toJobPosting);
  const totalEntries = res.pagination?.total_entries ?? (page - 1) * perPage + postings.length;
  const call = paidCall(
    JOB_POSTINGS_ENDPOINT,
    postings.length > 0 ? api.costs.jobPostingsPage : 0,
    res.credits_consumed,
  );
  return {
    data: {
      postings,
      page,
      perPage,
      totalEntries,
      totalPages: res.pagination?.total_pages ?? Math.ceil(totalEntries / perPage),
    },
    credits: call.credits,
    calls: [call],
  };
}

async function postingsPage(api: ApolloApi, id: string, page: number, perPage: number, ctx: CallContext) {
  try {
    return await api.http.request({
      method: 'GET',
      path: `/organizations/${encodeURIComponent(id)}/job_postings`,
      endpoint: JOB_POSTINGS_ENDPOINT,
      query: { page, per_page: perPage },
      schema: JobPostingsResponseSchema,
      signal: ctx.signal,
    });
  } catch (err) {
    // An organization Apollo does not know has no postings to sell: nothing charged.
    if (!(isProviderError(err) && err.status === 404)) throw err;
    return { organization_job_postings: [], pagination: { total_entries: 0, total_pages: 0 } };
  }
}
