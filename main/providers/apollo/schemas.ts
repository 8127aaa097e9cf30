/**
 * The parts of Apollo's answers we read. Unknown fields pass through untouched; anything we read
 * may be null or missing, because Apollo omits what it does not know.
 */
import { z } from 'zod';

const str = z.string().nullish();
const numeric = z.union([z.number(), z.string()]).nullish();
const credits = z.number().nullish();

export const SearchOrganizationSchema = z.looseObject({
  id: str,
  name: str,
  primary_domain: str,
  website_url: str,
});

export const SearchPersonSchema = z.looseObject({
  id: z.string(),
  first_name: str,
  last_name: str,
  last_name_obfuscated: str,
  title: str,
  has_email: z.boolean().nullish(),
  organization_id: str,
  organization: SearchOrganizationSchema.nullish(),
});

const PaginationSchema = z.looseObject({
  page: z.number().nullish(),
  per_page: z.number().nullish(),
  total_entries: z.number().nullish(),
  total_pages: z.number().nullish(),
});

export const PeopleSearchResponseSchema = z.looseObject({
  total_entries: z.number().nullish(),
  people: z.array(SearchPersonSchema),
  pagination: PaginationSchema.nullish(),
});

const TechnologySchema = z.looseObject({ uid: str, name: str, category: str });
const FundingEventSchema = z.looseObject({
  id: str,
  date: str,
  type: str,
  // A printed amount ("100M") on the real service; some sources send a number.
  amount: numeric,
  currency: str,
  investors: z.union([z.string(), z.array(z.string())]).nullish(),
  news_url: str,
});
const SuborganizationSchema = z.looseObject({ id: str, name: str, website_url: str, primary_domain: str });
/** Apollo's three organization_headcount_*_growth figures (numbers or null). */
const headcountGrowth = {
  organization_headcount_six_month_growth: numeric,
  organization_headcount_twelve_month_growth: numeric,
  organization_headcount_twenty_four_month_growth: numeric,
};
const LocationSchema = z.union([
  z.string(),
  z.looseObject({ kind: str, raw_address: str, city: str, state: str, country: str }),
]);

export const OrganizationSchema = z.looseObject({
  id: str,
  name: str,
  website_url: str,
  linkedin_url: str,
  primary_domain: str,
  industry: str,
  industries: z.array(z.string()).nullish(),
  keywords: z.array(z.string()).nullish(),
  estimated_num_employees: numeric,
  raw_address: str,
  city: str,
  state: str,
  country: str,
  short_description: str,
  annual_revenue: numeric,
  founded_year: numeric,
  latest_funding_stage: str,
  latest_funding_round_date: str,
  funding_events: z.array(FundingEventSchema).nullish(),
  current_technologies: z.array(TechnologySchema).nullish(),
  departmental_head_count: z.record(z.string(), z.number().nullable()).nullish(),
  secondary_industries: z.array(z.string()).nullish(),
  industry_tag_id: str,
  street_address: str,
  postal_code: str,
  retail_location_count: numeric,
  num_suborganizations: numeric,
  suborganizations: z.array(SuborganizationSchema).nullish(),
  ...headcountGrowth,
  // Not in the real ORG (recorded responses have neither): read when a source (the sandbox's
  // legacyKindShapes option) provides them, so older caches and test worlds still map.
  locations: z.array(LocationSchema).nullish(),
  office_locations: z.array(LocationSchema).nullish(),
  job_postings_count: numeric,
  num_open_jobs: numeric,
  open_jobs_count: numeric,
  job_postings: z.array(z.unknown()).nullish(),
});
export type ApolloOrganization = z.infer<typeof OrganizationSchema>;

// Apollo answers an unknown domain with {organization: null} or, on some accounts, a bare {}.
// Anything else without `organization` is a wrong shape, not a miss.
export const OrganizationEnrichResponseSchema = z
  .looseObject({ organization: OrganizationSchema.nullish(), credits_consumed: credits })
  .refine((o) => 'organization' in o || Object.keys(o).length === 0, {
    message: 'organization is missing',
    path: ['organization'],
  });

export const CompanySearchResponseSchema = z
  .looseObject({
    organizations: z.array(OrganizationSchema).nullish(),
    accounts: z.array(OrganizationSchema).nullish(),
    credits_consumed: credits,
  })
  .refine((o) => Array.isArray(o.organizations) || Array.isArray(o.accounts), {
    message: 'neither organizations nor accounts is a list',
    path: ['organizations'],
  });

/** The ORG-lite of a company search page: what resolving names and a free pre-filter need. */
export const CompanySearchOrganizationSchema = z.looseObject({
  id: str,
  name: str,
  primary_domain: str,
  website_url: str,
  linkedin_url: str,
  founded_year: numeric,
  ...headcountGrowth,
  // Absent from the real service's search organizations (recorded); read when present.
  industry: str,
  estimated_num_employees: numeric,
  country: str,
});
export type ApolloCompanySearchOrganization = z.infer<typeof CompanySearchOrganizationSchema>;

// `accounts` are companies already saved in the user's Apollo CRM; they belong to the same result set.
export const CompanySearchPageResponseSchema = z
  .looseObject({
    organizations: z.array(CompanySearchOrganizationSchema).nullish(),
    accounts: z.array(CompanySearchOrganizationSchema).nullish(),
    pagination: PaginationSchema.nullish(),
    credits_consumed: credits,
  })
  .refine((o) => Array.isArray(o.organizations) || Array.isArray(o.accounts), {
    message: 'neither organizations nor accounts is a list',
    path: ['organizations'],
  });

export const MatchedPersonSchema = z.looseObject({
  id: z.string(),
  first_name: str,
  last_name: str,
  title: str,
  email: str,
  email_status: str,
  linkedin_url: str,
  city: str,
  state: str,
  country: str,
  seniority: str,
  departments: z.array(z.string()).nullish(),
  sanitized_phone: str,
  phone_numbers: z.array(z.looseObject({ sanitized_number: str, raw_number: str })).nullish(),
  email_domain_catchall: z.boolean().nullish(),
  extrapolated_email_confidence: numeric,
  revealed_for_current_team: z.boolean().nullish(),
  // Read for leadership signals only (start of the current role); a history we cannot read must not cost us the person.
  employment_history: z
    .array(
      z.looseObject({
        organization_id: str,
        organization_name: str,
        title: str,
        start_date: str,
        end_date: str,
        current: z.boolean().nullish(),
      }),
    )
    .nullish()
    .catch(null),
  // The person is what was paid for: an organization we cannot read must not cost us the person.
  organization: OrganizationSchema.nullish().catch(null),
});
export type ApolloMatchedPerson = z.infer<typeof MatchedPersonSchema>;

/** people/bulk_match: matches aligned with details (null where missing), and the credits it charged. */
export const PeopleBulkMatchResponseSchema = z.looseObject({
  matches: z.array(MatchedPersonSchema.nullable()),
  missing_records: z.number().nullish(),
  credits_consumed: credits,
});

const JobPostingSchema = z.looseObject({
  id: z.string(),
  title: str,
  url: str,
  city: str,
  state: str,
  country: str,
  posted_at: str,
  last_seen_at: str,
});

export const JobPostingsResponseSchema = z.looseObject({
  organization_job_postings: z.array(JobPostingSchema),
  pagination: PaginationSchema.nullish(),
  credits_consumed: credits,
});
export type ApolloJobPosting = z.infer<typeof JobPostingSchema>;

export const PeopleMatchResponseSchema = z.looseObject({
  // Required (null = no match): a body without it is a wrong shape, not a miss.
  person: MatchedPersonSchema.nullable(),
  credits_consumed: credits,
});
