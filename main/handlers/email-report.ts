/** The email waterfall's part of a campaign report: statuses, sandbox precision, credits per provider. */
import type { CampaignReport } from '../contract';
import { allLeads, type CampaignRow } from '../store';
import { creditsByProvider, emailCounts, hunterState } from '../store/email-evidence';
import type { Services } from './services';

type EmailReport = Pick<CampaignReport, 'emails' | 'emailPrecision' | 'creditsByProvider' | 'hunter'>;

export async function emailReport(
  s: Pick<Services, 'db' | 'providers'>,
  c: CampaignRow,
): Promise<EmailReport> {
  const byProvider = creditsByProvider(s.db, c.id);
  return {
    emails: emailCounts(s.db, c.id),
    emailPrecision: await emailPrecision(s, c),
    creditsByProvider: { apollo: byProvider.apollo ?? 0, hunter: byProvider.hunter ?? 0, ...byProvider },
    hunter: hunterState(s.db, c.id),
  };
}

/**
 * Share of leads marked verified whose address truly reaches a person, from the sandbox Hunter's
 * ground truth (the world's one mail truth, shared with the Apollo sandbox).
 */
async function emailPrecision(s: Pick<Services, 'db' | 'providers'>, c: CampaignRow): Promise<number | null> {
  const origin = s.providers.hunterSandboxOrigin();
  if (!origin || !c.sandbox) return null;
  const emails = allLeads(s.db, c.id)
    .filter((l) => l.emailStatus === 'verified' && l.contact.email)
    .map((l) => l.contact.email!);
  if (emails.length === 0) return null;
  const res = await fetch(`${origin}/_sandbox/truth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ emails }),
  });
  const body = (await res.json()) as { emails: Record<string, { delivers: boolean }> };
  const delivers = emails.filter((e) => body.emails[e]?.delivers === true).length;
  return Math.round((delivers / emails.length) * 10_000) / 10_000;
}
