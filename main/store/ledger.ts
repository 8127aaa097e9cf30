import type { Tier } from '../domain/icp';
import { isoNow, stmt, type Db } from './sql';

export interface PaidCall {
  provider: string;
  endpoint: string;
  credits: number;
  campaignId: number | null;
  entityKey: string | null;
  /** The tier whose lead caused the call, for the per-tier credit forecast. */
  tier?: Tier | null;
  /** What the cost table expected, kept when the provider reported a different charge. */
  expectedCredits?: number | null;
  /** What the provider reported (`credits_consumed`), when it said. */
  reportedCredits?: number | null;
  now?: Date;
}

/** One billable HTTP call; returns the ledger row id. */
export function recordPaidCall(db: Db, c: PaidCall): number {
  if (!Number.isFinite(c.credits) || c.credits < 0) {
    throw new Error(`recordPaidCall: credits must be a number >= 0 (got ${c.credits})`);
  }
  const res = stmt(
    db,
    `INSERT INTO credit_ledger (provider, endpoint, credits, campaign_id, tier, entity_key, created_at,
       expected_credits, reported_credits)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    c.provider,
    c.endpoint,
    c.credits,
    c.campaignId,
    c.tier ?? null,
    c.entityKey,
    isoNow(c.now),
    c.expectedCredits ?? null,
    c.reportedCredits ?? null,
  );
  return Number(res.lastInsertRowid);
}

/**
 * The campaign's lead-provider credits (what the budget counts). Hunter's are another currency,
 * reported apart (store/email-evidence.ts: creditsByProvider).
 */
export function creditsUsed(db: Db, campaignId: number): number {
  const row = stmt(
    db,
    "SELECT COALESCE(SUM(credits), 0) AS c FROM credit_ledger WHERE campaign_id = ? AND provider <> 'hunter'",
  ).get(campaignId) as { c: number };
  return row.c;
}

/** Calls and credits per endpoint, most credits first. */
export function ledgerSummary(
  db: Db,
  campaignId: number,
): { endpoint: string; calls: number; credits: number }[] {
  return stmt(
    db,
    `SELECT endpoint, COUNT(*) AS calls, SUM(credits) AS credits FROM credit_ledger WHERE campaign_id = ?
     GROUP BY endpoint ORDER BY credits DESC, endpoint`,
  ).all(campaignId) as { endpoint: string; calls: number; credits: number }[];
}

/** Calls whose reported charge differs from the cost table's: what was expected and what was said. */
export function ledgerDiscrepancies(
  db: Db,
  campaignId: number,
): { endpoint: string; calls: number; expected: number; reported: number }[] {
  return stmt(
    db,
    `SELECT endpoint, COUNT(*) AS calls, SUM(expected_credits) AS expected, SUM(reported_credits) AS reported
     FROM credit_ledger WHERE campaign_id = ? AND reported_credits IS NOT NULL AND expected_credits IS NOT NULL
       AND reported_credits <> expected_credits
     GROUP BY endpoint ORDER BY endpoint`,
  ).all(campaignId) as { endpoint: string; calls: number; expected: number; reported: number }[];
}

/** Every ledger row of a campaign: what was bought, for which entity, at what charge. */
export function ledgerEntries(
  db: Db,
  campaignId: number,
): { endpoint: string; entityKey: string | null; credits: number }[] {
  return stmt(
    db,
    'SELECT endpoint, entity_key AS entityKey, credits FROM credit_ledger WHERE campaign_id = ? ORDER BY id',
  ).all(campaignId) as { endpoint: string; entityKey: string | null; credits: number }[];
}
