import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../integration/cli-helpers';

/** The privacy commands through the real CLI process (real SQLite, the keychain when there is one). */
describe('privacy CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ls-privacy-cli-'));
  const db = join(dir, 'lead-studio.db');

  it('erases (an unknown person is still suppressed: an opt-out), dry-runs retention, and audits both', async () => {
    const erase = await runCli(['erase', '--email', 'Opt.Out@Example.com', '--db', db]);
    expect(erase.code, erase.stderr).toBe(0);
    expect(erase.json).toMatchObject({ erased: { leads: 0, contacts: 0, suppressed: 1 } });

    const dry = await runCli(['retention', '--dry-run', '--days', '30', '--db', db]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.json).toMatchObject({ retention: { dryRun: true, days: 30, contacts: 0 } });

    const status = await runCli(['privacy-status', '--db', db]);
    expect(status.json).toMatchObject({ suppressed: 1, retentionDays: 30 });

    const out = join(dir, 'audit.jsonl');
    const audit = await runCli(['audit', '--db', db, '--out', out]);
    expect(audit.code, audit.stderr).toBe(0);
    const actions = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).action);
    expect(actions).toEqual(expect.arrayContaining(['key.created', 'erase.person', 'retention.setting']));
    // Only a keyed hash of the address is kept.
    expect(readFileSync(db).toString('latin1').toLowerCase()).not.toContain('opt.out@example.com');
  });

  it('names the missing or bad field', async () => {
    const none = await runCli(['erase', '--db', db]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/one of email, linkedinUrl, providerId or leadId is required/);
    const bad = await runCli(['erase', '--email', 'not-an-address', '--db', db]);
    expect(bad.stderr).toMatch(/email: email must look like name@example.com/);
    const days = await runCli(['retention', '--days', '0', '--db', db]);
    expect(days.stderr).toMatch(/days: days must be at least 1/);
  });
});
