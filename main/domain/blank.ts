import type { CandidatePerson, Company, RevealedPerson } from './types';

/** A company with nothing known beyond what is given (what a directory summary or a test starts from). */
export function blankCompany(known: Partial<Company> & Pick<Company, 'name' | 'domain'>): Company {
  return {
    providerId: null,
    website: null,
    linkedinUrl: null,
    industry: null,
    industries: [],
    keywords: [],
    employees: null,
    rawAddress: null,
    city: null,
    state: null,
    country: null,
    description: null,
    annualRevenue: null,
    foundedYear: null,
    fundingStage: null,
    fundingDate: null,
    technologies: [],
    departmentHeadCount: {},
    locations: [],
    openJobs: null,
    ...known,
  };
}

/** A person as known from the free search only: what a lead keeps when a reveal finds nobody. */
export function unrevealedPerson(
  p: Pick<CandidatePerson, 'providerId' | 'firstName' | 'lastName' | 'title'>,
): RevealedPerson {
  return {
    providerId: p.providerId,
    firstName: p.firstName,
    lastName: p.lastName,
    title: p.title,
    email: null,
    emailStatus: 'unavailable',
    linkedinUrl: null,
    phone: null,
    city: null,
    country: null,
    seniority: null,
    departments: [],
  };
}
