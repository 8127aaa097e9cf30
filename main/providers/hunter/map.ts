/** Hunter JSON → the client's plain data. */
import type { z } from 'zod';
import type { HunterCosts } from './limits';
import type {
  AccountResponseSchema,
  DomainSearchResponseSchema,
  EmailFinderResponseSchema,
  EmailVerifierResponse,
} from './schemas';
import type { DomainEmails, EmailVerification, FoundEmail, HunterAccount, KnownVerification } from './types';

function known(
  v: { date?: string | null; status?: string | null } | null | undefined,
): KnownVerification | null {
  if (!v || (!v.date && !v.status)) return null;
  return { date: v.date ?? null, status: v.status ?? null };
}

export function toFoundEmail(res: z.infer<typeof EmailFinderResponseSchema>): FoundEmail | null {
  const d = res.data;
  const email = d.email?.trim();
  if (!email) return null;
  return {
    email: email.toLowerCase(),
    score: d.score ?? null,
    acceptAll: d.accept_all ?? null,
    position: d.position ?? null,
    linkedinUrl: d.linkedin_url ?? null,
    sources: d.sources?.length ?? 0,
    verification: known(d.verification),
  };
}

/** The verification, or null while Hunter is still verifying (a 202's body has no status). */
export function toVerification(
  res: EmailVerifierResponse,
  email: string,
  checkedAt: string,
): EmailVerification | null {
  const d = res.data;
  if (!d || !('status' in d) || typeof d.status !== 'string') return null;
  const v = d as Extract<EmailVerifierResponse['data'], { status: string }>;
  return {
    email: (typeof v.email === 'string' && v.email ? v.email : email).toLowerCase(),
    status: v.status,
    score: v.score ?? null,
    acceptAll: v.accept_all ?? false,
    smtpCheck: v.smtp_check ?? false,
    mxRecords: v.mx_records ?? false,
    block: v.block ?? false,
    checkedAt,
  };
}

export function toDomainEmails(
  res: z.infer<typeof DomainSearchResponseSchema>,
  domain: string,
): DomainEmails {
  const d = res.data;
  return {
    domain: d.domain ?? domain,
    pattern: d.pattern ?? null,
    acceptAll: d.accept_all ?? null,
    emails: d.emails.map((e) => ({
      email: e.value.toLowerCase(),
      firstName: e.first_name ?? null,
      lastName: e.last_name ?? null,
      position: e.position ?? null,
      confidence: e.confidence ?? null,
      verification: known(e.verification),
    })),
    total: res.meta?.results ?? d.emails.length,
  };
}

export function toAccount(res: z.infer<typeof AccountResponseSchema>, costs: HunterCosts): HunterAccount {
  const { searches, verifications } = res.data.requests;
  return {
    plan: res.data.plan_name ?? null,
    resetDate: res.data.reset_date ?? null,
    searches: { used: searches.used, available: searches.available },
    verifications: { used: verifications.used, available: verifications.available },
    // Domain-search blocks count as searches and cost like a found email on Hunter's pricing.
    creditsUsed: searches.used * costs.finderEmail + verifications.used * costs.verification,
  };
}
