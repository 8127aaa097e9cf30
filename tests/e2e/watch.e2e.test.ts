// The watchlist in real Chromium against the real engine (issue 13): a small sandbox campaign made by
// the CLI; in the browser the Signals filter narrows the table, a lead is watched from its Buying
// signals section, the sandbox clock is moved N days in the alert inbox, Refresh watchlist raises
// the lead's alert (band change or ≥ 10 points), and Mark all read empties the inbox.
// Screenshots in tests/e2e/screenshots/watch-*.png.
//
// Which lead and how many days come from the sandbox world's signal timeline as the engine reads it:
// on a copy of the database, every company is watched and the clock moved 30 days at a time until a
// refresh alerts; the browser then repeats that for one alerted lead on the real database.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine } from '../../main/cli/open-engine';
import { isAlertWorthy } from '../../main/domain/lead-intent';
import type { Lead, LeadScore } from '../../main/domain/types';
import { runCli } from '../integration/cli-helpers';
import { ensureRendererBuilt, launchChromium, REPO, startRealDevHost, type RunningHost } from './support';

const SHOTS = join(REPO, 'tests', 'e2e', 'screenshots');
// Inside scripts/with-keyring.sh the CLI, the probe and the host share the throwaway keychain.
const THROWAWAY_KEYRING = process.env.LEAD_STUDIO_KEYRING_BUS === '1';

let host: RunningHost;
let browser: Browser;
let page: Page;
let dataDir: string;
let probeDir: string;
let leads = 0;
let withSignals = 0;
interface Target {
  name: string;
  days: number;
  old: LeadScore;
  next: LeadScore;
}
let target: Target;
const problems: string[] = [];
const shot = (name: string) => page.screenshot({ path: join(SHOTS, `watch-${name}.png`) });

/**
 * On a copy of the database: the first clock step (30 days at a time) after which some lead's score
 * differs from its day-0 score by a band or ≥ 10 points, as a refresh from day 0 would alert.
 */
async function probeAlert(dbFile: string): Promise<Target> {
  const copy = join(probeDir, 'lead-studio.db');
  copyFileSync(dbFile, copy);
  if (existsSync(`${dbFile}-wal`)) copyFileSync(`${dbFile}-wal`, `${copy}-wal`);
  const engine = await openEngine(copy, { forceSandbox: true });
  const list = async () => (await engine.handlers['leads/list']({ campaignId: 1, limit: 1000 })).rows;
  try {
    const start = await list();
    leads = start.length;
    withSignals = start.filter((l) => (l.signals ?? []).length > 0).length;
    const nameOf = (l: Lead) => `${l.contact.firstName} ${l.contact.lastName}`;
    // A name the table's search finds alone (two contacts may share one).
    const unique = start.filter((l) => start.filter((m) => nameOf(m) === nameOf(l)).length === 1);
    for (const l of unique) await engine.handlers['watch/add']({ leadId: l.id });
    for (let days = 30; days <= 180; days += 30) {
      await engine.handlers['sandbox/advanceClock']({ days: 30 });
      await engine.handlers['watch/refresh']();
      const now = new Map((await list()).map((l) => [l.id, l.score]));
      const hit = unique.find((l) => isAlertWorthy(l.score, now.get(l.id)!));
      if (hit) return { name: nameOf(hit), days, old: hit.score, next: now.get(hit.id)! };
    }
    throw new Error('No lead alerts within 180 sandbox days: the world has no signal changes to show.');
  } finally {
    await engine.close();
  }
}

beforeAll(async () => {
  ensureRendererBuilt();
  mkdirSync(SHOTS, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'ls-e2e-watch-'));
  probeDir = mkdtempSync(join(tmpdir(), 'ls-e2e-watch-probe-'));
  const db = join(dataDir, 'lead-studio.db');
  const r = await runCli(
    [
      'run',
      '--icp',
      'tests/fixtures/small-manufacturing.yaml',
      '--sandbox',
      '--sandbox-limits',
      'off',
      '--no-semantic-filter',
      '--db',
      db,
    ],
    { env: { LEAD_STUDIO_DATA: dataDir } },
  );
  expect(r.json, r.stderr).toMatchObject({ campaignId: 1, status: 'completed' });
  target = await probeAlert(db);
  host = await startRealDevHost(dataDir, ['--sandbox', ...(THROWAWAY_KEYRING ? [] : ['--no-keychain'])]);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon/.test(m.location().url)) problems.push(`console: ${m.text()}`);
  });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  for (const d of [dataDir, probeDir]) if (d) rmSync(d, { recursive: true, force: true });
});

describe('watchlist and alerts in the browser, real engine, sandbox signals', () => {
  it('watches a lead from its Buying signals section', async () => {
    await page.goto(`${host.url}#/results/1`);
    const table = page.getByRole('table', { name: 'Leads' });
    await expect
      .poll(() => table.getAttribute('aria-rowcount'), { timeout: 180_000 })
      .toBe(String(leads + 1));
    // The Signals filter: "Has signals" keeps the leads whose company has a buying signal.
    expect(withSignals).toBeGreaterThan(0);
    await page.getByRole('combobox', { name: 'Signals' }).selectOption('any');
    await expect
      .poll(() => table.getAttribute('aria-rowcount'), { timeout: 60_000 })
      .toBe(String(withSignals + 1));
    await shot('filter');
    await page.getByRole('combobox', { name: 'Signals' }).selectOption('');
    await expect.poll(() => table.getAttribute('aria-rowcount'), { timeout: 60_000 }).toBe(String(leads + 1));
    await page.getByLabel('Search leads').fill(target.name);
    await expect.poll(() => table.getAttribute('aria-rowcount'), { timeout: 60_000 }).toBe('2');
    await page.getByRole('button', { name: `View checklist for ${target.name}`, exact: true }).click();
    const signals = page.getByRole('region', { name: `Buying signals for ${target.name}` });
    const watch = signals.getByRole('button', { name: 'Watch' });
    await watch.click();
    await expect
      .poll(() => signals.getByRole('button', { name: 'Unwatch' }).getAttribute('aria-pressed'))
      .toBe('true');
    await signals.scrollIntoViewIfNeeded();
    await shot('watched');
  }, 300_000);

  it(`moves the sandbox clock, refreshes, and shows the lead's alert`, async () => {
    const inbox = page.getByRole('region', { name: 'Alerts' });
    const clock = inbox.getByRole('group', { name: 'Sandbox clock' });
    await expect.poll(() => clock.getByRole('status').textContent()).toBe('Sandbox day 0 (2026-11-01)');
    await clock.getByLabel('Days to advance').fill(String(target.days));
    await clock.getByRole('button', { name: 'Advance clock' }).click();
    await expect
      .poll(() => clock.getByRole('status').textContent(), { timeout: 120_000 })
      .toMatch(new RegExp(`^Sandbox day ${target.days} \\(`));
    await inbox.getByRole('button', { name: 'Refresh watchlist' }).click();
    const items = inbox.locator('.alert-item');
    await expect.poll(() => items.count(), { timeout: 240_000 }).toBe(1);
    const text = (await items.first().textContent())!;
    const { old, next } = target;
    const band = (b: string) => b[0]!.toUpperCase() + b.slice(1);
    expect(text).toContain(`${target.name},`);
    expect(text).toContain(`${band(old.band)} ${old.total} → ${band(next.band)} ${next.total}`);
    expect(next.band !== old.band || Math.abs(next.total - old.total) >= 10).toBe(true);
    await inbox.scrollIntoViewIfNeeded();
    await shot('alert');
  }, 300_000);

  it('marks the alert read: the inbox is empty, and stays empty after a reload', async () => {
    const inbox = page.getByRole('region', { name: 'Alerts' });
    await inbox.getByRole('button', { name: 'Mark all read' }).click();
    await expect.poll(() => inbox.locator('.alert-item').count()).toBe(0);
    await expect.poll(() => inbox.getByRole('heading').textContent()).toBe('Alerts 0');
    await page.reload();
    await expect
      .poll(
        () =>
          page
            .getByRole('region', { name: 'Alerts' })
            .getByRole('group', { name: 'Sandbox clock' })
            .textContent(),
        {
          timeout: 120_000,
        },
      )
      .toMatch(new RegExp(`Sandbox day ${target.days} `));
    expect(await page.getByRole('region', { name: 'Alerts' }).locator('.alert-item').count()).toBe(0);
    await page.getByRole('region', { name: 'Alerts' }).scrollIntoViewIfNeeded();
    await shot('read');
    expect(problems).toEqual([]);
  }, 240_000);
});
