import { spawn, type ChildProcess } from 'node:child_process';
import Database from 'better-sqlite3';

export const CLI = ['--import', 'tsx', 'main/cli.ts'];

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  json: Record<string, unknown> | null;
}

/** Runs the real CLI in a child process (node + tsx), collecting its output. */
export function runCli(
  args: string[],
  opts: { input?: string; env?: NodeJS.ProcessEnv; onSpawn?: (p: ChildProcess) => void } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...CLI, ...args], {
      env: { ...process.env, ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const last = stdout.trim().split('\n').filter(Boolean).pop();
      let json: Record<string, unknown> | null;
      try {
        json = last ? JSON.parse(last) : null;
      } catch {
        json = null;
      }
      resolve({ code, signal, stdout, stderr, json });
    });
    // a child that exits before reading all its input (a test of early exits) closes the pipe
    child.stdin.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') reject(e);
    });
    child.stdin.end(opts.input ?? '');
    opts.onSpawn?.(child);
  });
}

/** Leads as (tier, person) pairs, sorted, for comparing runs. */
export function leadKeys(dbPath: string, campaignId: number): string[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    const rows = db
      .prepare(
        `SELECT l.tier AS tier, c.provider_id AS pid FROM leads l JOIN contacts c ON c.id = l.contact_id
         WHERE l.campaign_id = ? ORDER BY l.tier, c.provider_id`,
      )
      .all(campaignId) as { tier: string; pid: string }[];
    return rows.map((r) => `${r.tier}:${r.pid}`);
  } finally {
    db.close();
  }
}

export function countLeads(dbPath: string): number {
  try {
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM leads').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}
