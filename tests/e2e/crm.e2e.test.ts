// From lead to conversation in real Chromium against the real engine: a small sandbox campaign made
// by the CLI, then in the browser a lead's BANT and deal brief, its sequence preview, a logged reply
// (status and score move), and "Sync to HubSpot" against the built-in sandbox HubSpot with its
// result and dead-letter list. Screenshots in tests/e2e/screenshots/crm-*.png.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../integration/cli-helpers';
import { ensureRendererBuilt, launchChromium, REPO, startRealDevHost, type RunningHost } from './support';

const SHOTS = join(REPO, 'tests', 'e2e', 'screenshots');
// Inside scripts/with-keyring.sh the CLI and the host share the throwaway keychain (the data key lives
// there); without one, both keep it in the database.
const THROWAWAY_KEYRING = process.env.LEAD_STUDIO_KEYRING_BUS === '1';

let host: RunningHost;
let browser: Browser;
let page: Page;
let dataDir: string;
let who = '';
const problems: string[] = [];
const shot = (name: string, fullPage = false) =>
  page.screenshot({ path: join(SHOTS, `crm-${name}.png`), fullPage });

beforeAll(async () => {
  ensureRendererBuilt();
  mkdirSync(SHOTS, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'ls-e2e-crm-'));
  const r = await runCli(
    [
      'run',
      '--icp',
      'tests/fixtures/small-manufacturing.yaml',
      '--sandbox',
      '--sandbox-limits',
      'off',
      '--db',
      join(dataDir, 'lead-studio.db'),
    ],
    { env: { LEAD_STUDIO_DATA: dataDir } },
  );
  expect(r.json, r.stderr).toMatchObject({ campaignId: 1, status: 'completed' });
  host = await startRealDevHost(dataDir, THROWAWAY_KEYRING ? [] : ['--no-keychain']);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon/.test(m.location().url)) problems.push(`console: ${m.text()}`);
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('CRM and outreach in the browser, real engine, sandbox HubSpot', () => {
  it('opens a lead: BANT beside the checklist, and its deal brief', async () => {
    await page.goto(`${host.url}#/results/1`);
    const table = page.getByRole('table', { name: 'Leads' });
    // The host's campaign may still be running on a busy machine: wait for it, not for a clock.
    await expect.poll(() => table.getAttribute('aria-rowcount'), { timeout: 180_000 }).toBe('76');
    const button = page.getByRole('button', { name: /^View checklist for / }).first();
    who = (await button.getAttribute('aria-label'))!.replace('View checklist for ', '');
    await button.click();
    const bant = page
      .getByRole('region', { name: `Checklist for ${who}` })
      .getByRole('region', { name: 'BANT' });
    await expect.poll(() => bant.locator('.bant > li').count()).toBe(4);
    await expect.poll(() => bant.textContent()).toMatch(/Budget.*(yes|no|unknown).*Timeline/s);

    const outreach = page.getByRole('region', { name: `Outreach for ${who}` });
    await outreach.getByRole('button', { name: 'Open brief' }).click();
    const brief = outreach.getByLabel('Brief text');
    await expect.poll(() => brief.textContent()).toMatch(/^# Deal brief: /);
    const text = (await brief.textContent())!;
    for (const part of ['## Why now', '## BANT', '## Checklist', '## Talking points', '## Risks'])
      expect(text).toContain(part);
    await outreach.getByRole('button', { name: 'Export PDF' }).click();
    // Any notice, success or error, so a failure shows what the app said instead of a locator timeout.
    const notices = outreach.getByLabel('Deal brief').locator('.notice');
    await expect.poll(() => notices.count(), { timeout: 120_000 }).toBeGreaterThan(0);
    expect((await notices.allTextContents()).join(' | ')).toMatch(/^Brief saved to .*brief-lead-\d+\.pdf$/);
    await brief.scrollIntoViewIfNeeded();
    await shot('brief');
  }, 240_000);

  it('previews the lead’s sequence: three emails and a LinkedIn step with its name in them', async () => {
    const outreach = page.getByRole('region', { name: `Outreach for ${who}` });
    await outreach.getByRole('button', { name: 'Preview sequence' }).click();
    const steps = outreach.getByRole('list', { name: 'Sequence steps' }).getByRole('listitem');
    await expect.poll(() => steps.count()).toBe(4);
    const all = (await steps.allTextContents()).join('\n');
    expect(all.match(/· Email/g)).toHaveLength(3);
    expect(all).toContain('· LinkedIn');
    expect(all).toContain(`Hi ${who.split(' ')[0]},`);
    expect(all).not.toMatch(/\{\{/);
    await steps.first().scrollIntoViewIfNeeded();
    await shot('sequence');
  });

  it('logs a reply: the lead turns "replied" and gains the previous-interaction points', async () => {
    const outreach = page.getByRole('region', { name: `Outreach for ${who}` });
    await outreach.getByRole('combobox', { name: 'Outreach event' }).selectOption('replied');
    await outreach.getByRole('button', { name: 'Log event' }).click();
    await expect
      .poll(() => outreach.getByRole('status').filter({ hasText: 'Logged' }).textContent())
      .toMatch(/Logged "replied"\. Status: replied/);
    await expect
      .poll(() => outreach.getByRole('list', { name: 'Logged events' }).textContent())
      .toMatch(/replied/);
    await expect
      .poll(() => page.getByRole('combobox', { name: `Status for ${who}`, exact: true }).inputValue())
      .toBe('replied');
    const breakdown = page
      .getByRole('region', { name: `Checklist for ${who}` })
      .getByRole('table', { name: 'Score breakdown' });
    await expect.poll(() => breakdown.textContent()).toContain('Previous interaction');
    await shot('reply');
  });

  it('syncs to the sandbox HubSpot and shows the result and the (empty) dead-letter list', async () => {
    const panel = page.getByRole('group', { name: 'HubSpot sync' });
    await panel.getByRole('button', { name: 'Sync to HubSpot' }).click();
    const result = panel.locator('.sync-result');
    await expect.poll(() => result.textContent(), { timeout: 240_000 }).toMatch(/\d+ created/);
    const line = (await result.textContent())!;
    expect(Number(/(\d+) created/.exec(line)![1]) + Number(/(\d+) merged/.exec(line)![1])).toBeGreaterThan(0);
    expect(line).toMatch(/ 0 failed/);
    expect(await panel.textContent()).toMatch(/built-in sandbox HubSpot/);
    expect(await panel.textContent()).toMatch(/None: every record that was pushed went through/);
    await panel.scrollIntoViewIfNeeded();
    await shot('sync');

    // A second sync has nothing to write.
    await panel.getByRole('button', { name: 'Sync to HubSpot' }).click();
    await expect
      .poll(() => result.textContent(), { timeout: 120_000 })
      .toMatch(/^0 created · 0 updated · 0 merged/);
  });

  it('shows the HubSpot card in Settings, in sandbox until a token is stored', async () => {
    await page.goto(`${host.url}#/settings`);
    const card = page.getByRole('region', { name: /CRM: HubSpot/ });
    await expect.poll(() => card.textContent()).toMatch(/Sandbox/);
    await expect.poll(() => card.getByRole('status').textContent()).toMatch(/built-in sandbox HubSpot/);
    expect(await card.getByRole('button', { name: 'Test connection' }).isDisabled()).toBe(true);
    await card.scrollIntoViewIfNeeded();
    await shot('settings');
    expect(problems).toEqual([]);
  });
});
