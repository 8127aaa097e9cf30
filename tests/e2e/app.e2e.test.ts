// The whole first-run journey in real Chromium against the real engine (sandbox, temp data dir), through
// main/host/dev.ts: set up an ICP, see the estimate, generate, watch progress, review, export, reopen.
// The renderer comes from dist/renderer: `npm test` builds it first; otherwise it is rebuilt when stale.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRendererBuilt, launchChromium, REPO, startRealDevHost, type RunningHost } from './support';

const SHOTS = join(REPO, 'tests', 'e2e', 'screenshots');
const NAME = 'E2E sandbox run';
// Inside scripts/with-keyring.sh the keychain is a throwaway one, so saving a key there is safe.
const THROWAWAY_KEYRING = process.env.LEAD_STUDIO_KEYRING_BUS === '1';

let host: RunningHost;
let browser: Browser;
let page: Page;
let dataDir: string;
let campaignUrl = '';
const problems: string[] = [];

const banner = () => page.getByRole('status').filter({ hasText: 'no Apollo key set; results are synthetic' });
const shot = (name: string, fullPage = false) =>
  page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });

beforeAll(async () => {
  ensureRendererBuilt();
  mkdirSync(SHOTS, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'ls-e2e-'));
  host = await startRealDevHost(dataDir, THROWAWAY_KEYRING ? [] : ['--no-keychain']);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) problems.push(`CSP: ${m.text()}`);
    else if (m.type() === 'error' && !/favicon/.test(m.location().url)) problems.push(`console: ${m.text()}`);
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('Lead Studio in the browser, real engine, sandbox', () => {
  it('opens on the setup form in sandbox mode with a template filled in', async () => {
    await page.goto(host.url);
    await expect.poll(() => banner().textContent()).toMatch(/^Sandbox mode/);
    await expect.poll(() => page.getByLabel('Campaign name').inputValue()).not.toBe('');
    await expect.poll(() => page.getByRole('checkbox', { checked: true }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('group', { name: 'Industries' }).getByRole('checkbox').count()).toBe(12);
  });

  it('imports an ICP file, exports it as YAML, and reloads the template', async () => {
    const fileInput = page.getByLabel('Import ICP file');
    await fileInput.setInputFiles(join(REPO, 'resources', 'icp', 'saas-growth.yaml'));
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Imported saas-growth.yaml' }).count())
      .toBe(1);
    const locations = page.getByRole('group', { name: 'Locations' });
    expect(await locations.getByRole('checkbox', { name: 'UK' }).isChecked()).toBe(true);
    const imported = await page.getByLabel('Campaign name').inputValue();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export YAML' }).click();
    const file = await (await download).path();
    const yaml = readFileSync(file, 'utf8');
    expect(yaml).toContain(`name: ${imported}`);
    expect(yaml).toMatch(/locations:\s*\n\s*- US/);

    await fileInput.setInputFiles({
      name: 'broken.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from('name: x\ntiers: 3\n'),
    });
    const alert = page.getByRole('alert').filter({ hasText: "Couldn't import broken.yaml" });
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.textContent()).toContain('tiers');

    await page.getByRole('combobox', { name: 'Template' }).selectOption('manufacturing-staffing');
    await page.getByRole('button', { name: 'Load template' }).click();
    await expect.poll(() => page.getByLabel('Campaign name').inputValue()).toMatch(/Manufacturing/);
    expect(await locations.getByRole('checkbox', { name: 'UK' }).count()).toBe(0);
    expect(await locations.getByRole('checkbox', { name: 'USA' }).isChecked()).toBe(true);
  });

  it('shows a field error beside the field and blocks Generate', async () => {
    const name = page.getByLabel('Campaign name');
    await name.fill('');
    await name.blur();
    const error = page.locator('#f-name-error');
    await expect.poll(() => error.textContent()).toMatch(/\w+/);
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => page.locator('#f-industries-error').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Generate leads' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-name');
    expect(page.url()).not.toContain('#/progress');
  });

  it('fills the form and shows the credit estimate before generating', async () => {
    await page.getByLabel('Campaign name').fill(NAME);
    await page.getByRole('button', { name: 'Select all' }).click();
    await page.getByLabel(/^T1 leads/).fill('10');
    await page.getByLabel(/^T2 leads/).fill('10');
    await page.getByLabel(/^T3 leads/).fill('5');
    await page.getByLabel('T1 titles', { exact: true }).fill('Plant Manager');
    await page.getByLabel('T1 titles', { exact: true }).press('Enter');
    expect(await page.getByRole('button', { name: 'Remove Plant Manager' }).count()).toBe(1);
    const estimate = page.getByRole('region', { name: 'Credit estimate' });
    const t3Leads = estimate.getByRole('row', { name: /^T3/ }).getByRole('cell').first();
    await expect.poll(() => t3Leads.textContent(), { timeout: 20_000 }).toBe('5');
    expect(
      Number((await estimate.locator('.estimate-total strong').textContent())?.replace(/,/g, '')),
    ).toBeGreaterThan(0);
    expect(await page.locator('.field-error').count()).toBe(0);
    await shot('setup', true);
  });

  it('generates and streams progress until the campaign completes', async () => {
    await page.getByRole('button', { name: 'Generate leads' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/progress\/\d+$/);
    campaignUrl = page.url().replace('#/progress/', '#/results/');
    const log = page.getByRole('log', { name: 'Activity log' });
    await expect.poll(() => log.getByRole('listitem').count(), { timeout: 120_000 }).toBeGreaterThan(2);
    await shot('progress');
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Campaign complete:' }).count(), {
        timeout: 240_000,
        interval: 1000,
      })
      .toBe(1);
    const overall = page.getByRole('progressbar', { name: 'Overall progress' });
    expect(await overall.getAttribute('aria-valuenow')).toBe('25');
    const t3 = page.getByRole('region', { name: 'T3 progress' });
    expect(await t3.textContent()).toContain('5 / 5 saved');
    expect(await log.textContent()).toMatch(/completed/i);
    await shot('progress-done');
  }, 300_000);

  it('shows results with summary, tier tabs and server-side filtering', async () => {
    await page.getByRole('button', { name: 'View results' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(NAME);
    const table = page.getByRole('table', { name: 'Leads' });
    const rows = table.getByRole('row').filter({ has: page.getByRole('cell') });
    // Virtualized: only the rows in view exist, so the total comes from aria-rowcount (rows + header).
    await expect.poll(() => table.getAttribute('aria-rowcount')).toBe('26');
    expect(await rows.count()).toBeGreaterThan(5);
    expect(await rows.count()).toBeLessThanOrEqual(25);
    const summary = page.getByRole('region', { name: 'Summary' });
    await expect.poll(() => summary.textContent()).toMatch(/Total leads25/);
    // Estimate vs actual after the run.
    await expect.poll(() => summary.textContent()).toMatch(/Credits used\d[\d,]*estimated \d/);
    await expect
      .poll(() => summary.getByRole('list', { name: 'Leads per score band' }).textContent())
      .toMatch(/\d/);
    await shot('results');

    await page.getByRole('tab', { name: /^T1/ }).click();
    await expect.poll(() => table.getAttribute('aria-rowcount')).toBe('11');
    await expect.poll(() => rows.count()).toBe(10);
    expect(await table.locator('.badge-tier').allTextContents()).toEqual(Array(10).fill('T1'));
    await page.getByRole('tab', { name: /^T3/ }).click();
    await expect.poll(() => table.getAttribute('aria-rowcount')).toBe('6');
    expect(await table.locator('.badge-tier').allTextContents()).toEqual(Array(5).fill('T3'));
    expect(await page.getByRole('tab', { name: /^T3/ }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('tab', { name: /^All/ }).click();
    await expect.poll(() => table.getAttribute('aria-rowcount')).toBe('26');
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /shown$/ })
          .textContent(),
      )
      .toBe('25 shown');
  });

  it('sorts and searches on the server', async () => {
    const table = page.getByRole('table', { name: 'Leads' });
    const companies = table.locator('[role="row"] [role="cell"]:nth-child(2) .strong');
    await page.getByRole('tab', { name: /^T1/ }).click();
    await expect.poll(() => table.getAttribute('aria-rowcount')).toBe('11');
    await page.getByRole('button', { name: /^Company/ }).click();
    const header = table.getByRole('columnheader', { name: /^Company/ });
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(() => companies.count()).toBe(10);
    const ascending = await companies.allTextContents();
    await page.getByRole('button', { name: /^Company/ }).click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    await expect.poll(() => companies.allTextContents()).toEqual([...ascending].reverse());

    const needle = ascending[0]!.split(' ')[0]!;
    await page.getByRole('searchbox', { name: 'Search leads' }).fill(needle);
    await expect.poll(async () => Number(await table.getAttribute('aria-rowcount'))).toBeLessThan(11);
    for (const name of await companies.allTextContents())
      expect(name.toLowerCase()).toContain(needle.toLowerCase());
    await page.getByRole('searchbox', { name: 'Search leads' }).fill('');
    await page.getByRole('button', { name: /^Lead score/ }).click();
    await page.getByRole('tab', { name: /^All/ }).click();
    await expect.poll(() => table.getAttribute('aria-rowcount')).toBe('26');
    await expect
      .poll(() => table.getByRole('columnheader', { name: /^Lead score/ }).getAttribute('aria-sort'))
      .toBe('descending');
  });

  it('opens a lead checklist with all six checks and the score breakdown', async () => {
    const button = page.getByRole('button', { name: /^View checklist for / }).first();
    const who = (await button.getAttribute('aria-label'))!.replace('View checklist for ', '');
    await button.click();
    const detail = page.getByRole('region', { name: `Checklist for ${who}` });
    await expect.poll(() => detail.isVisible()).toBe(true);
    const checks = detail.locator('.checklist > li');
    expect(await checks.count()).toBe(6);
    for (const text of await checks.allTextContents())
      expect(text).toMatch(/(passed|failed).*(verified|inferred)/);
    expect(
      await detail.getByRole('table', { name: 'Score breakdown' }).getByRole('row').count(),
    ).toBeGreaterThan(1);
    await shot('checklist');
  });

  it('changes a lead status and notes and keeps them after a reload', async () => {
    const select = page.getByRole('combobox', { name: /^Status for / }).nth(1);
    const label = (await select.getAttribute('aria-label'))!;
    await select.selectOption('contacted');
    await expect.poll(() => select.inputValue()).toBe('contacted');
    const who = label.replace('Status for ', '');
    await page.getByRole('button', { name: `View checklist for ${who}`, exact: true }).click();
    await page
      .getByRole('region', { name: `Checklist for ${who}` })
      .getByLabel('Notes')
      .fill('Call after the plant visit');
    await page.getByRole('button', { name: 'Save notes' }).last().click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /^Saved$/ })
          .count(),
      )
      .toBe(1);
    await page.reload();
    const again = page.getByRole('combobox', { name: label, exact: true });
    await expect.poll(() => again.inputValue(), { timeout: 20_000 }).toBe('contacted');
    await page.getByRole('button', { name: `View checklist for ${who}`, exact: true }).click();
    const notes = page.getByRole('region', { name: `Checklist for ${who}` }).getByLabel('Notes');
    expect(await notes.inputValue()).toBe('Call after the plant visit');
  });

  it('erases a person from the lead detail after a confirm; the campaign keeps its counts', async () => {
    const button = page.getByRole('button', { name: /^View checklist for / }).first();
    const who = (await button.getAttribute('aria-label'))!.replace('View checklist for ', '');
    await button.click();
    const detail = page.getByRole('region', { name: `Checklist for ${who}` });
    await detail.getByRole('button', { name: 'Erase this person…' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Confirm erasure' });
    expect(await confirm.textContent()).toContain(who);
    await confirm.getByRole('button', { name: 'Erase for good' }).click();
    await expect
      .poll(() => page.getByRole('button', { name: /^View checklist for \[erased\]/ }).count(), {
        timeout: 30_000,
      })
      .toBe(1);
    expect(await page.getByRole('button', { name: `View checklist for ${who}`, exact: true }).count()).toBe(
      0,
    );
    await expect
      .poll(() => page.getByRole('table', { name: 'Leads' }).getAttribute('aria-rowcount'))
      .toBe('26');
  });

  it('exports the campaign to an .xlsx file', async () => {
    await page.getByRole('button', { name: 'Export to Excel' }).click();
    const done = page.getByRole('status').filter({ hasText: /Saved \d+ leads to/ });
    await expect.poll(() => done.count(), { timeout: 60_000 }).toBe(1);
    expect(await done.textContent()).toContain('Saved 25 leads');
    const path = (await done.locator('code').textContent())!;
    expect(path.endsWith('.xlsx')).toBe(true);
    expect(path.startsWith(dataDir)).toBe(true);
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');
  });

  it('lists the campaign and reopens it from the saved data', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Campaigns' }).click();
    const row = page.getByRole('row', { name: new RegExp(NAME) });
    await expect.poll(() => row.textContent()).toMatch(/Completed/);
    expect(await row.textContent()).toMatch(/10 \/ 10.*10 \/ 10.*5 \/ 5/);
    await shot('campaigns');
    await page.getByRole('button', { name: `Open ${NAME}` }).click();
    await expect.poll(() => page.url()).toBe(campaignUrl);
    await expect
      .poll(() => page.getByRole('table', { name: 'Leads' }).getAttribute('aria-rowcount'))
      .toBe('26');
  });

  it('opens Settings with a password-only key field', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    const key = page.getByLabel('Apollo.io API key', { exact: true });
    expect(await key.getAttribute('type')).toBe('password');
    // Apollo's card (Hunter and HubSpot have their own, each with "No key" and "Save key").
    const card = page.locator('section.card', { has: key });
    expect(await card.getByText('No key', { exact: true }).count()).toBe(1);
    await shot('settings');
    const secret = 'e2e-not-a-real-key-7f3a9c';
    await key.fill(secret);
    await card.getByRole('button', { name: 'Save key' }).click();
    if (THROWAWAY_KEYRING) {
      await expect.poll(() => card.getByText('Key stored', { exact: true }).count()).toBe(1);
      expect(await key.inputValue()).toBe('');
      await expect.poll(() => banner().count()).toBe(0);
      await card.getByRole('button', { name: 'Delete' }).click();
      await expect.poll(() => banner().count()).toBe(1);
    } else {
      const alert = page.getByRole('alert').filter({ hasText: "Couldn't save the key" });
      await expect.poll(() => alert.count()).toBe(1);
      expect(await alert.textContent()).toMatch(/keychain/i);
    }
    expect(await page.content()).not.toContain(`>${secret}<`);
  });

  it('shows the privacy state and an audit log with the erasure and the export in Settings', async () => {
    const card = page.getByRole('region', { name: 'Privacy' });
    await expect.poll(() => card.getByRole('status').first().textContent()).toMatch(/encrypt|key/i);
    const log = card.getByRole('table', { name: 'Audit log' });
    await expect.poll(() => log.textContent()).toMatch(/Person erased/);
    expect(await log.textContent()).toMatch(/Workbook exported/);
    await card.getByRole('button', { name: 'Export' }).click();
    const saved = card.getByRole('status').filter({ hasText: /Saved \d+ audit entries to/ });
    await expect.poll(() => saved.count()).toBe(1);
    await shot('settings-privacy', true);
  });

  it('changes the email waterfall settings in Settings and keeps them', async () => {
    const card = page.getByRole('region', { name: 'Email waterfall' });
    const share = card.getByRole('slider', { name: 'Verified share to keep per tier' });
    await expect.poll(() => share.inputValue()).toBe('80'); // the default
    await share.fill('90');
    await card.getByRole('checkbox', { name: /Hunter finder/ }).uncheck();
    await card.getByRole('button', { name: 'Save email settings' }).click();
    const saved = card.getByRole('status').filter({ hasText: 'Email settings saved' });
    await expect.poll(() => saved.count()).toBe(1);
    await card.scrollIntoViewIfNeeded();
    await shot('settings-waterfall');
    // Read back from the engine, not the form's state.
    await page.reload();
    const again = page.getByRole('region', { name: 'Email waterfall' });
    await expect
      .poll(() => again.getByRole('slider', { name: 'Verified share to keep per tier' }).inputValue())
      .toBe('90');
    expect(await again.getByRole('checkbox', { name: /Hunter finder/ }).isChecked()).toBe(false);
    expect(await again.getByRole('checkbox', { name: /Hunter verifier/ }).isChecked()).toBe(true);
  });

  it('ran without page errors or CSP violations', () => {
    expect(problems).toEqual([]);
  });
});
