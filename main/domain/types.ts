import type { CheckId, Tier } from './icp';
import type { CampaignStatus, EmailStatus, FinalEmailStatus, LeadStatus } from '../shared/shapes';
import type { EmailEvidence } from './email';
import type { SignalKind } from './signals';

export type { CampaignStatus, EmailStatus, FinalEmailStatus, LeadStatus };
export type { EmailEvidence };
export type ScoreBand = 'hot' | 'warm' | 'nurture' | 'cold';

/** A person as a free search returns it: no email, few company facts. */
export interface CandidatePerson {
  providerId: string;
  firstName: string;
  lastName: string; // may be obfuscated ("S***h") until revealed
  title: string;
  organizationId: string | null;
  organizationName: string;
  organizationDomain: string | null;
  hasEmail: boolean;
}

/**
 * A company as a free search names it (no paid facts yet). Same shape as providers/types' CompanyRef,
 * which should re-export this one (providers/ is rewritten on another branch).
 */
export interface CompanyRef {
  name: string;
  domain: string | null;
  organizationId: string | null;
}

export interface Technology {
  uid: string;
  name: string;
  category: string;
}

/** A company after (paid, cached) enrichment. */
export interface Company {
  providerId: string | null;
  name: string;
  domain: string;
  website: string | null;
  linkedinUrl: string | null;
  industry: string | null;
  industries: string[];
  keywords: string[];
  employees: number | null;
  rawAddress: string | null;
  city: string | null;
  state: string | null;
  country: string | null;
  description: string | null;
  annualRevenue: number | null;
  foundedYear: number | null;
  fundingStage: string | null;
  fundingDate: string | null; // ISO date
  technologies: Technology[];
  departmentHeadCount: Record<string, number>;
  /** Extra office/plant addresses when the provider lists them. */
  locations: string[];
  /** Open job postings when known; null = unknown. */
  openJobs: number | null;
  // Facts of Apollo's real ORG (providers.md). Optional: companies stored before they were read lack them.
  secondaryIndustries?: string[];
  streetAddress?: string | null;
  postalCode?: string | null;
  /** Subsidiaries Apollo knows (a multi-location signal). */
  suborganizations?: { id: string | null; name: string; domain: string | null }[];
  numSuborganizations?: number | null;
  retailLocationCount?: number | null;
  headcountGrowth?: { sixMonth: number | null; twelveMonth: number | null; twentyFourMonth: number | null };
  fundingEvents?: {
    date: string | null;
    type: string | null;
    amount: string | null;
    currency: string | null;
    investors: string | null;
  }[];
  /**
   * Which answer the facts came from: organizations/enrich carries departmental head counts, the
   * organization nested in people/match does not (departmentHeadCount is then {} for "unknown").
   */
  factsFrom?: 'organizations/enrich' | 'people/match';
}

/** A person after a paid reveal/enrichment. */
export interface RevealedPerson {
  providerId: string;
  firstName: string;
  lastName: string;
  title: string;
  email: string | null;
  emailStatus: EmailStatus;
  linkedinUrl: string | null;
  phone: string | null;
  city: string | null;
  country: string | null;
  seniority: string | null;
  departments: string[];
  /** The company's mail server accepts every address, so "verified" is weaker (null/absent: not said). */
  emailDomainCatchall?: boolean | null;
  /** What the email waterfall did for this address (absent: Apollo's reveal alone, before issue 12). */
  emailEvidence?: EmailEvidence;
  /**
   * The current role and the one before it, from the reveal's employment history (absent: not
   * said). Only what a leadership signal needs; read, never stored with the lead.
   */
  roles?: EmploymentRole[];
}

/** One role of a person's employment history (Apollo's employment_history[], minimal fields). */
export interface EmploymentRole {
  title: string;
  /** ISO day the role started (null: not said). */
  startDate: string | null;
  current: boolean;
  organizationId: string | null;
  organizationName: string | null;
}

export interface CheckResult {
  id: CheckId;
  label: string;
  passed: boolean;
  /** 'verified' = read from provider data; 'inferred' = from a stated assumption. */
  basis: 'verified' | 'inferred';
  evidence: string;
}

export interface Validation {
  score: number; // passed checks, 0..6
  max: number; // 6
  checks: CheckResult[];
  /** Required checks that failed (the lead is rejected whatever the score). */
  failedRequired: CheckId[];
  accepted: boolean;
}

export interface ScoreItem {
  component: 'intent' | 'fit' | 'accessibility';
  signal: string;
  points: number;
  evidence: string;
}

export interface LeadScore {
  total: number; // 0..100
  intent: number; // 0..100
  fit: number;
  accessibility: number;
  band: ScoreBand;
  breakdown: ScoreItem[];
  /** One line of the strongest buying signals ("Series B 3 weeks ago · 14 production openings"); absent before signals were read. */
  whyNow?: string;
}

export interface TitleMatch {
  tier: Tier | null;
  confidence: number; // 0..1
  matched: string | null; // the ICP title or rule that matched
  /** Why no tier takes the title ("rank \"operator\" is outside the tiers' ranks"); absent on a match. */
  reason?: string;
}

export interface Lead {
  id: number;
  campaignId: number;
  tier: Tier;
  company: Company;
  contact: RevealedPerson;
  /** The waterfall's final status (leads saved before it: Apollo's). */
  emailStatus: FinalEmailStatus;
  validation: Validation;
  score: LeadScore;
  /** The kinds of buying signal last read for the company (positive ones), for the table's column and filter. */
  signals?: SignalKind[];
  similarity: number | null;
  status: LeadStatus;
  notes: string;
  createdAt: string;
}
