/** What the Hunter client hands the email waterfall (plain data, no Hunter JSON). */

export type HunterVerifyStatus = 'valid' | 'invalid' | 'accept_all' | 'webmail' | 'disposable' | 'unknown';

export interface FinderQuery {
  domain: string;
  firstName: string;
  lastName: string;
}

/** Hunter's last check of an address, as the finder / domain search report it. */
export interface KnownVerification {
  date: string | null;
  status: string | null;
}

export interface FoundEmail {
  email: string;
  /** Hunter's confidence, 0–100. */
  score: number | null;
  /** The domain accepts every address, so no check can prove this one. */
  acceptAll: boolean | null;
  position: string | null;
  linkedinUrl: string | null;
  /** Public pages Hunter saw the address on; 0 means a guess from the domain's pattern. */
  sources: number;
  verification: KnownVerification | null;
}

export interface EmailVerification {
  email: string;
  status: HunterVerifyStatus;
  score: number | null;
  acceptAll: boolean;
  smtpCheck: boolean;
  mxRecords: boolean;
  block: boolean;
  /** When this answer was received (ISO), for the evidence trail. */
  checkedAt: string;
  /**
   * Why the status is `unknown` without a check: Hunter still verifying after every re-ask
   * (nothing charged), or the person asked Hunter not to process them (451).
   */
  unresolved?: 'still_verifying' | 'claimed';
}

export interface DomainSearchQuery {
  domain: string;
  /** 1–100, default 10. */
  limit?: number;
  offset?: number;
}

export interface DomainEmails {
  domain: string;
  /** Hunter's notation, e.g. "{first}.{last}"; null when it has not learnt one. */
  pattern: string | null;
  acceptAll: boolean | null;
  emails: {
    email: string;
    firstName: string | null;
    lastName: string | null;
    position: string | null;
    confidence: number | null;
    verification: KnownVerification | null;
  }[];
  /** All the emails Hunter has for the domain (the page may hold fewer). */
  total: number;
}

export interface UsedAvailable {
  used: number;
  available: number;
}

export interface HunterAccount {
  plan: string | null;
  /** When the monthly allowance resets ("2027-01-01"). */
  resetDate: string | null;
  searches: UsedAvailable;
  verifications: UsedAvailable;
  /** This month's credits, from the counters and the cost table. */
  creditsUsed: number;
}
