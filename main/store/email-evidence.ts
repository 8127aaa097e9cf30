/** The email waterfall's rows: each lead's final email status and evidence, and Hunter's part per campaign. */
import { HELD_PREFIX, RELEASED_PREFIX, type EmailEvidence, type EmailStep } from '../domain/email';
import { FINAL_EMAIL_STATUSES, type BounceRisk, type FinalEmailStatus } from '../shared/shapes';
import { fromJson, isoNow, stmt, toJson, type Db } from './sql';

/** Whether Hunter took part in a campaign: on, off (Apollo alone by setting), or why it stopped. */
export type HunterState = 'on' | 'off' | 'no_key' | 'quota_exhausted' | 'bad_key';

/** Saves what the waterfall decided for a lead (a lead saved without evidence keeps Apollo's status). */
export function saveLeadEmail(db: Db, leadId: number, e: EmailEvidence | undefined): void {
  if (!e) return;
  stmt(
    db,
    `INSERT INTO lead_emails (lead_id, status, bounce_risk, address_from, catch_all, checked_at, steps_json)
     VALUES (@leadId, @status, @risk, @from, @catchAll, @checkedAt, @steps)
     ON CONFLICT (lead_id) DO UPDATE SET status = excluded.status, bounce_risk = excluded.bounce_risk,
       address_from = excluded.address_from, catch_all = excluded.catch_all, checked_at = excluded.checked_at,
       steps_json = excluded.steps_json`,
  ).run({
    leadId,
    status: e.status,
    risk: e.bounceRisk,
    from: e.addressFrom,
    catchAll: e.catchAll === null ? null : e.catchAll ? 1 : 0,
    checkedAt: e.checkedAt,
    steps: toJson(e.steps),
  });
}

export interface LeadEmailRow {
  status: FinalEmailStatus;
  bounceRisk: BounceRisk;
  addressFrom: 'apollo' | 'hunter' | null;
  catchAll: boolean | null;
  checkedAt: string | null;
  steps: EmailStep[];
}

export function leadEmail(db: Db, leadId: number): LeadEmailRow | null {
  const r = stmt(db, 'SELECT * FROM lead_emails WHERE lead_id = ?').get(leadId) as
    | {
        status: FinalEmailStatus;
        bounce_risk: BounceRisk;
        address_from: 'apollo' | 'hunter' | null;
        catch_all: number | null;
        checked_at: string | null;
        steps_json: string;
      }
    | undefined;
  if (!r) return null;
  return {
    status: r.status,
    bounceRisk: r.bounce_risk,
    addressFrom: r.address_from,
    catchAll: r.catch_all === null ? null : r.catch_all === 1,
    checkedAt: r.checked_at,
    steps: fromJson<EmailStep[]>(r.steps_json),
  };
}

/**
 * SQL for a lead's final status and bounce risk (leads from before the waterfall: Apollo's status;
 * no address is high risk, any other medium), for the leads table's columns and filters.
 */
export const LEAD_FINAL_STATUS_SQL =
  'COALESCE((SELECT e.status FROM lead_emails e WHERE e.lead_id = leads.id), leads.email_status)';
export const LEAD_BOUNCE_RISK_SQL = `COALESCE((SELECT e.bounce_risk FROM lead_emails e WHERE e.lead_id = leads.id),
  CASE leads.email_status WHEN 'unavailable' THEN 'high' ELSE 'medium' END)`;

/** Saved leads per final email status. */
export function emailCounts(db: Db, campaignId: number): Record<FinalEmailStatus, number> {
  const out = Object.fromEntries(FINAL_EMAIL_STATUSES.map((s) => [s, 0])) as Record<FinalEmailStatus, number>;
  const rows = stmt(
    db,
    `SELECT ${LEAD_FINAL_STATUS_SQL} AS status, COUNT(*) AS n FROM leads WHERE campaign_id = ? GROUP BY 1`,
  ).all(campaignId) as { status: FinalEmailStatus; n: number }[];
  for (const r of rows) out[r.status] = r.n;
  return out;
}

/** A tier's saved leads, and how many of them have a verified address (reachable first's share). */
export function tierVerified(db: Db, campaignId: number, tier: string): { saved: number; verified: number } {
  const r = stmt(
    db,
    `SELECT COUNT(*) AS saved, COALESCE(SUM(${LEAD_FINAL_STATUS_SQL} = 'verified'), 0) AS verified
       FROM leads WHERE campaign_id = ? AND tier = ?`,
  ).get(campaignId, tier) as { saved: number; verified: number };
  return r;
}

/** A campaign's credits per provider (each provider's own currency). */
export function creditsByProvider(db: Db, campaignId: number): Record<string, number> {
  const rows = stmt(
    db,
    'SELECT provider, SUM(credits) AS c FROM credit_ledger WHERE campaign_id = ? GROUP BY provider',
  ).all(campaignId) as { provider: string; c: number }[];
  return Object.fromEntries(rows.map((r) => [r.provider, r.c]));
}

/** A campaign's credits per provider and endpoint (the README's table by step). */
export function creditsByStep(
  db: Db,
  campaignId: number,
): { provider: string; endpoint: string; calls: number; credits: number }[] {
  return stmt(
    db,
    `SELECT provider, endpoint, COUNT(*) AS calls, SUM(credits) AS credits FROM credit_ledger
     WHERE campaign_id = ? GROUP BY provider, endpoint ORDER BY provider, credits DESC`,
  ).all(campaignId) as { provider: string; endpoint: string; calls: number; credits: number }[];
}

export function setHunterState(db: Db, campaignId: number, state: HunterState, message: string): void {
  stmt(
    db,
    `INSERT INTO email_waterfall_state (campaign_id, hunter, message, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (campaign_id) DO UPDATE SET hunter = excluded.hunter, message = excluded.message,
       updated_at = excluded.updated_at`,
  ).run(campaignId, state, message, isoNow());
}

export function hunterState(db: Db, campaignId: number): { state: HunterState; message: string } | null {
  const r = stmt(db, 'SELECT hunter, message FROM email_waterfall_state WHERE campaign_id = ?').get(
    campaignId,
  ) as { hunter: HunterState; message: string } | undefined;
  return r ? { state: r.hunter, message: r.message } : null;
}

/**
 * Lets the leads the waterfall held back in a search tier's queue back in, in queue order (the
 * search is exhausted: they are now the best there is). Returns how many.
 */
export function releaseHeld(db: Db, campaignId: number, tier: string): number {
  return stmt(
    db,
    `UPDATE campaign_candidates SET state = 'revealed', reason = @released || substr(reason, @cut), updated_at = @now
     WHERE campaign_id = @campaignId AND tier = @tier AND state = 'skipped' AND substr(reason, 1, @len) = @held`,
  ).run({
    released: RELEASED_PREFIX,
    held: HELD_PREFIX,
    len: HELD_PREFIX.length,
    cut: HELD_PREFIX.length + 1,
    campaignId,
    tier,
    now: isoNow(),
  }).changes;
}

/**
 * Company domains whose mail server is known to accept every address: a saved contact's reveal
 * said so (any campaign), or a candidate was held for an accept-all address there.
 */
export function catchAllDomains(db: Db): Set<string> {
  const rows = stmt(
    db,
    `SELECT co.domain AS d FROM contacts ct JOIN companies co ON co.id = ct.company_id
       WHERE ct.email_domain_catchall = 1 AND co.domain IS NOT NULL
     UNION
     SELECT co.domain FROM campaign_candidates cc JOIN companies co ON co.id = cc.company_id
       WHERE cc.state = 'skipped' AND substr(cc.reason, 1, @len) = @held AND co.domain IS NOT NULL`,
  ).all({ len: `${HELD_PREFIX}accept_all`.length, held: `${HELD_PREFIX}accept_all` }) as { d: string }[];
  return new Set(rows.map((r) => r.d));
}
