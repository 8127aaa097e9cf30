import type { CampaignProgress, CampaignSummary, CreditEstimate, PauseReason } from '../shared/shapes';
import { AppError } from '../shared/errors';
import type { Icp, Tier } from '../domain/icp';
import type { CampaignStatus } from '../domain/types';
import { sourcesOf, transitionError } from '../domain/campaign-state';
import { bool, fromJson, isoNow, stmt, toJson, type Db } from './sql';

export interface CampaignRow {
  id: number;
  name: string;
  icpId: number | null;
  icp: Icp;
  status: CampaignStatus;
  budget: number | null;
  sandbox: boolean;
  sandboxSeed: number | null;
  estimate: CreditEstimate | null;
  progress: CampaignProgress | null;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
  error: string | null;
  /** Why a paused campaign stopped (null: not paused, or paused before this was recorded). */
  pauseReason: PauseReason | null;
  /** When a campaign paused by a rate window may go on (ISO). */
  resumeAt: string | null;
}

export interface NewCampaign {
  icp: Icp;
  icpId?: number;
  budget: number | null;
  sandbox: boolean;
  sandboxSeed: number | null;
  estimate: CreditEstimate | null;
}

interface Row {
  id: number;
  name: string;
  icp_id: number | null;
  icp_json: string;
  status: CampaignStatus;
  budget: number | null;
  sandbox: number;
  sandbox_seed: number | null;
  estimate_json: string | null;
  progress_json: string | null;
  error: string | null;
  created_at: string;
  started_at: string | null;
  completed_at: string | null;
  pause_reason: PauseReason | null;
  resume_at: string | null;
}

const toCampaign = (r: Row): CampaignRow => ({
  id: r.id,
  name: r.name,
  icpId: r.icp_id,
  icp: fromJson<Icp>(r.icp_json),
  status: r.status,
  budget: r.budget,
  sandbox: r.sandbox === 1,
  sandboxSeed: r.sandbox_seed,
  estimate: estimateFromRow(r.estimate_json),
  progress: progressFromRow(r),
  createdAt: r.created_at,
  startedAt: r.started_at,
  completedAt: r.completed_at,
  error: r.error,
  pauseReason: r.pause_reason,
  resumeAt: r.resume_at,
});

/** The last snapshot, with the row's status: the row is the truth (a snapshot saved just before a crash says running). */
function progressFromRow(r: Row): CampaignProgress | null {
  const p = fromJson<CampaignProgress>(r.progress_json);
  return p && p.status !== r.status ? { ...p, status: r.status } : p;
}

/** Row → domain: estimates stored before the directory had its own line counted it inside the tiers (0 here). */
function estimateFromRow(json: string | null): CreditEstimate | null {
  const e = fromJson<CreditEstimate>(json);
  return e ? { ...e, directory: e.directory ?? 0 } : null;
}

/** Creates a draft campaign. The ICP JSON is the truth; the flat filter columns mirror it for queries. */
export function createCampaign(db: Db, c: NewCampaign): number {
  const now = isoNow();
  const { icp } = c;
  const res = stmt(
    db,
    `INSERT INTO campaigns (name, icp_id, icp_json, status, t1_target, t2_target, t3_target, industries, locations,
       t1_titles, t2_titles, t3_titles, size_min, size_max, min_validation_score, budget, sandbox, sandbox_seed,
       estimate_json, created_at, updated_at)
     VALUES (@name, @icpId, @icpJson, 'draft', @t1, @t2, @t3, @industries, @locations, @t1Titles, @t2Titles, @t3Titles,
       @sizeMin, @sizeMax, @minScore, @budget, @sandbox, @seed, @estimate, @now, @now)`,
  ).run({
    name: icp.name,
    icpId: c.icpId ?? null,
    icpJson: toJson(icp),
    t1: icp.tiers.T1.target,
    t2: icp.tiers.T2.target,
    t3: icp.tiers.T3.target,
    industries: toJson(icp.industries),
    locations: toJson(icp.locations),
    t1Titles: toJson(icp.tiers.T1.titles),
    t2Titles: toJson(icp.tiers.T2.titles),
    t3Titles: toJson(icp.tiers.T3.titles),
    sizeMin: icp.companySize.min,
    sizeMax: icp.companySize.max,
    minScore: icp.minValidationScore,
    budget: c.budget,
    sandbox: bool(c.sandbox),
    seed: c.sandboxSeed,
    estimate: c.estimate === null ? null : toJson(c.estimate),
    now,
  });
  return Number(res.lastInsertRowid);
}

export function getCampaign(db: Db, id: number): CampaignRow | null {
  const row = stmt(db, 'SELECT * FROM campaigns WHERE id = ?').get(id) as Row | undefined;
  return row ? toCampaign(row) : null;
}

interface SummaryRow {
  id: number;
  name: string;
  status: CampaignStatus;
  t1_target: number;
  t2_target: number;
  t3_target: number;
  saved_t1: number;
  saved_t2: number;
  saved_t3: number;
  credits_used: number;
  avg_validation: number | null;
  created_at: string;
  completed_at: string | null;
  sandbox: number;
  pause_reason: PauseReason | null;
  resume_at: string | null;
}

const SUMMARY_SQL = `
  SELECT c.id, c.name, c.status, c.t1_target, c.t2_target, c.t3_target, c.created_at, c.completed_at, c.sandbox,
    c.pause_reason, c.resume_at,
    (SELECT COUNT(*) FROM leads l WHERE l.campaign_id = c.id AND l.tier = 'T1') AS saved_t1,
    (SELECT COUNT(*) FROM leads l WHERE l.campaign_id = c.id AND l.tier = 'T2') AS saved_t2,
    (SELECT COUNT(*) FROM leads l WHERE l.campaign_id = c.id AND l.tier = 'T3') AS saved_t3,
    (SELECT COALESCE(SUM(credits), 0) FROM credit_ledger g WHERE g.campaign_id = c.id AND g.provider <> 'hunter') AS credits_used,
    (SELECT AVG(validation_score) FROM leads l WHERE l.campaign_id = c.id) AS avg_validation
  FROM campaigns c`;

const toSummary = (r: SummaryRow): CampaignSummary => ({
  id: r.id,
  name: r.name,
  status: r.status,
  targets: { T1: r.t1_target, T2: r.t2_target, T3: r.t3_target } satisfies Record<Tier, number>,
  saved: { T1: r.saved_t1, T2: r.saved_t2, T3: r.saved_t3 },
  creditsUsed: r.credits_used,
  avgValidationScore: r.avg_validation === null ? null : Math.round(r.avg_validation * 100) / 100,
  createdAt: r.created_at,
  completedAt: r.completed_at,
  sandbox: r.sandbox === 1,
  pauseReason: r.pause_reason,
  resumeAt: r.resume_at,
});

/** Newest first. */
export function listCampaigns(db: Db): CampaignSummary[] {
  return (stmt(db, `${SUMMARY_SQL} ORDER BY c.id DESC`).all() as SummaryRow[]).map(toSummary);
}

export function getCampaignSummary(db: Db, id: number): CampaignSummary | null {
  const row = stmt(db, `${SUMMARY_SQL} WHERE c.id = ?`).get(id) as SummaryRow | undefined;
  return row ? toSummary(row) : null;
}

/**
 * Moves a campaign to `status` if the transition table allows it from the row's current status (one
 * atomic UPDATE, so two engines cannot both start the same campaign); otherwise throws a typed error.
 * Entering 'running' records this process as its runner, stamps started_at once (a resume keeps the
 * first start) and clears completed_at; entering a finished state (or failed) stamps completed_at.
 * `error` replaces the previous error (cleared when omitted). A pause records its reason and, for a
 * rate window, when it may go on; any other status clears both.
 */
export function setCampaignStatus(
  db: Db,
  id: number,
  status: CampaignStatus,
  error?: string,
  pause?: { reason: PauseReason; resumeAt?: string | null },
): void {
  const now = isoNow();
  const paused = status === 'paused' ? pause : undefined;
  const from = sourcesOf(status);
  const res = stmt(
    db,
    `UPDATE campaigns SET status = @status, error = @error, updated_at = @now,
       runner_pid = CASE WHEN @status = 'running' THEN @pid ELSE NULL END,
       started_at = CASE WHEN @status = 'running' THEN COALESCE(started_at, @now) ELSE started_at END,
       completed_at = CASE WHEN @stamp = 1 THEN @now WHEN @status = 'running' THEN NULL ELSE completed_at END,
       pause_reason = @pauseReason, resume_at = @resumeAt
     WHERE id = @id AND status IN (SELECT value FROM json_each(@from))`,
  ).run({
    id,
    status,
    error: error ?? null,
    now,
    pid: process.pid,
    pauseReason: paused?.reason ?? null,
    resumeAt: paused?.resumeAt ?? null,
    stamp: bool(STAMPS_COMPLETED.includes(status)),
    from: JSON.stringify(from),
  });
  if (res.changes > 0) return;
  const current = getCampaign(db, id);
  if (!current) throw new AppError('NOT_FOUND', `campaign ${id} does not exist`);
  throw transitionError(id, current.status, status);
}

const STAMPS_COMPLETED: readonly CampaignStatus[] = ['completed', 'failed', 'cancelled'];

/**
 * At engine start: every campaign left 'running' by a process that is gone (crash, kill -9) becomes
 * 'interrupted', with a line in its activity log. Campaigns a live process runs are left alone.
 * Returns the ids it interrupted.
 */
export function interruptOrphans(db: Db, isAlive: (pid: number) => boolean): number[] {
  const running = stmt(db, `SELECT id, runner_pid AS pid FROM campaigns WHERE status = 'running'`).all() as {
    id: number;
    pid: number | null;
  }[];
  const orphans = running.filter((r) => r.pid === null || !isAlive(r.pid)).map((r) => r.id);
  const mark = stmt(
    db,
    `UPDATE campaigns SET status = 'interrupted', runner_pid = NULL, updated_at = @now
     WHERE id = @id AND status = 'running'`,
  );
  db.transaction(() => {
    for (const id of orphans) mark.run({ id, now: isoNow() });
  })();
  return orphans;
}

/** Campaigns a rate window paused, soonest first: the engine resumes each at its time. */
export function rateLimitedCampaigns(db: Db): { id: number; resumeAt: string }[] {
  return stmt(
    db,
    `SELECT id, resume_at AS resumeAt FROM campaigns
     WHERE status = 'paused' AND pause_reason = 'rate-limit' AND resume_at IS NOT NULL ORDER BY resume_at, id`,
  ).all() as { id: number; resumeAt: string }[];
}

export function saveProgress(db: Db, id: number, progress: CampaignProgress): void {
  const res = stmt(db, 'UPDATE campaigns SET progress_json = ?, updated_at = ? WHERE id = ?').run(
    toJson(progress),
    isoNow(),
    id,
  );
  if (res.changes === 0) throw new AppError('NOT_FOUND', `campaign ${id} does not exist`);
}
