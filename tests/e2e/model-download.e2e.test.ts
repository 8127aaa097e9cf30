// First run without the matching model: Settings offers the one-time download, shows its progress and
// ends "Installed". Real Chromium, the real engine (main/host/dev.ts) and a real HTTP model mirror.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingModelFiles, MODEL_ID } from '../../main/intel/model-files';
import { startMirror, type Mirror } from '../intel/model-mirror';
import { ensureRendererBuilt, launchChromium, REPO, startRealDevHost, type RunningHost } from './support';

let host: RunningHost;
let browser: Browser;
let page: Page;
let mirror: Mirror;
const dirs: string[] = [];
const tmp = (p: string) => {
  const d = mkdtempSync(join(tmpdir(), p));
  dirs.push(d);
  return d;
};
let models = '';

beforeAll(async () => {
  ensureRendererBuilt();
  mirror = await startMirror();
  models = tmp('ls-e2e-models-');
  host = await startRealDevHost(tmp('ls-e2e-model-data-'), ['--no-keychain'], {
    LEAD_STUDIO_MODEL_DIR: models,
    LEAD_STUDIO_MODEL_MIRROR: mirror.url,
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await mirror?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('the matching model in Settings', () => {
  it('downloads once with progress, then shows it installed', async () => {
    mirror.cutWeightsAt = 8_000_000;
    await page.goto(host.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    const card = page.getByRole('region', { name: /Matching model/ });
    // The card shows "Not installed" only once model/status has answered, and with it the folder.
    await expect.poll(() => card.getByText('Not installed', { exact: true }).count()).toBe(1);
    expect(await card.locator('code').textContent()).toBe(join(models, MODEL_ID));

    // The mirror drops the first transfer: the card says so and a second click continues it.
    await card.getByRole('button', { name: /Download model/ }).click();
    const alert = card.getByRole('alert');
    await expect.poll(() => alert.count(), { timeout: 60_000 }).toBe(1);
    expect(await alert.textContent()).toMatch(/try again to continue/);
    await page.screenshot({ path: join(REPO, 'tests', 'e2e', 'screenshots', 'settings-model-retry.png') });

    mirror.bytesPerSecond = 5_000_000;
    await card.getByRole('button', { name: /Download model/ }).click();
    const bar = card.getByRole('progressbar', { name: 'Model download' });
    await expect.poll(() => bar.count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(8_000_000);
    expect(await card.getByText('Downloading', { exact: true }).count()).toBe(1);
    expect(await card.getByRole('button', { name: /Download model/ }).isDisabled()).toBe(true);
    await page.screenshot({ path: join(REPO, 'tests', 'e2e', 'screenshots', 'settings-model-progress.png') });
    await expect
      .poll(() => card.getByText('Installed', { exact: true }).count(), { timeout: 60_000 })
      .toBe(1);
    expect(await card.getByRole('button', { name: /Download model/ }).count()).toBe(0);
    expect(missingModelFiles(models)).toEqual([]);
    const weights = mirror.requests.filter((r) => r.file.endsWith('.onnx'));
    expect(weights.map((r) => r.range === null)).toEqual([true, false]);
    await page.screenshot({ path: join(REPO, 'tests', 'e2e', 'screenshots', 'settings-model.png') });
  });
});
