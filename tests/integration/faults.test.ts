import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leadKeys, runCli } from './cli-helpers';

/**
 * A whole campaign through the real client while the sandbox misbehaves: 5xx bursts, slow answers,
 * unreadable bodies and a 429 storm. Nothing may be lost or changed: the same leads as a clean run.
 */
const dir = mkdtempSync(join(tmpdir(), 'ls-faults-'));
const common = [
  '--icp',
  'tests/fixtures/small-manufacturing.yaml',
  '--sandbox',
  '--sandbox-seed',
  '13',
  '--sandbox-limits',
  'off',
];
const ns = (name: string) => ({
  LEAD_STUDIO_CHROMA_NAMESPACE: `faults-${name}-${process.pid}-${Date.now()}`,
});

describe('a campaign under provider faults', () => {
  it('ends with the same leads as a clean run, paying at most a little more', async () => {
    const clean = await runCli(['run', ...common, '--db', join(dir, 'clean.db')], { env: ns('clean') });
    expect(clean.code, clean.stderr).toBe(0);
    const faults = {
      seed: 3,
      errorRate: 0.05,
      slowRate: 0.03,
      slowMs: 300,
      malformedRate: 0.02,
      storm429: 6,
    };
    const rough = await runCli(
      ['run', ...common, '--db', join(dir, 'rough.db'), '--sandbox-faults', JSON.stringify(faults)],
      {
        env: ns('rough'),
      },
    );
    expect(rough.code, rough.stderr).toBe(0);
    expect(rough.json).toMatchObject({ status: 'completed', leads: { T1: 30, T2: 30, T3: 15 } });
    expect(rough.json!.requests as number).toBeGreaterThan(clean.json!.requests as number); // retries happened
    expect(leadKeys(join(dir, 'rough.db'), 1)).toEqual(leadKeys(join(dir, 'clean.db'), 1));
    // Unreadable paid answers may have been billed: they are recorded as likely charges, nothing more.
    const extra = (rough.json!.creditsUsed as number) - (clean.json!.creditsUsed as number);
    expect(extra).toBeGreaterThanOrEqual(0);
    expect(extra).toBeLessThanOrEqual((clean.json!.creditsUsed as number) * 0.1);
  });

  it('refuses a malformed fault spec with a clear message', async () => {
    const r = await runCli(['run', ...common, '--db', join(dir, 'x.db'), '--sandbox-faults', '{oops']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--sandbox-faults must be JSON/);
  });
});
