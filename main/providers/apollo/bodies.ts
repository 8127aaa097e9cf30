/** Request bodies Apollo's endpoints take, built from our queries (empty lists left out). */
import type { CompanySearchQuery, PeopleSearchQuery, PersonRef } from '../types';

/** The organisation filters, as people and company searches both send them. */
export function organizationFilterBody(
  q: Omit<CompanySearchQuery, 'page' | 'perPage'>,
): Record<string, string[]> {
  const body: Record<string, string[]> = {};
  if (q.organizationLocations.length) body.organization_locations = q.organizationLocations;
  if (q.employeeRanges.length) body.organization_num_employees_ranges = q.employeeRanges;
  if (q.industryKeywords.length) body.q_organization_keyword_tags = q.industryKeywords;
  return body;
}

/** The free filters that narrow a people search before anything is paid. */
export function peopleNarrowingBody(q: PeopleSearchQuery): Record<string, string[]> {
  const body: Record<string, string[]> = {};
  if (q.organizationIds?.length) body.organization_ids = q.organizationIds;
  if (q.organizationDomains?.length) body.q_organization_domains_list = q.organizationDomains;
  if (q.seniorities?.length) body.person_seniorities = q.seniorities;
  if (q.emailStatuses?.length) body.contact_email_status = q.emailStatuses;
  return body;
}

/** A person to match: by Apollo's id when we have it, else by name and company domain. */
export function personBody(ref: PersonRef): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (ref.providerId) body.id = ref.providerId;
  else {
    if (ref.firstName) body.first_name = ref.firstName;
    if (ref.lastName) body.last_name = ref.lastName;
    if (ref.domain) body.domain = ref.domain;
  }
  return body;
}
