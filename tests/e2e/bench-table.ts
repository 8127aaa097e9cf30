/**
 * Benchmark helper (not a test): how long the Results screen takes to show a 10,000-lead campaign in
 * Chromium. The host is the real dev host over a fake EngineLike holding bench/export/sample.ts leads,
 * so the number is the renderer's (first page over the socket + virtualized render), not SQLite's.
 *   npx tsx tests/e2e/bench-table.ts      → prints {"ms":…,"scrollToEndMs":…,"rows":10000}
 */
import { pathToFileURL } from 'node:url';
import { sampleLeads } from '../../bench/export/sample';
import { startDevHost } from '../../main/host/ws-host';
import { createFakeEngine } from '../ui/fake-engine';
import { ensureRendererBuilt, launchChromium, RENDERER_OUT } from './support';

export interface TableBench {
  /** Click "Open" on the campaign → first rows of real data rendered in the virtual table. */
  ms: number;
  /** Jump to the bottom → the last lead rendered (fetches that page on demand). */
  scrollToEndMs: number;
  rows: number;
}

export async function benchTableRender10k(rows = 10_000): Promise<TableBench> {
  ensureRendererBuilt();
  const engine = createFakeEngine();
  const name = `Bench ${rows} leads`;
  engine.seedCampaign(name, rows, sampleLeads(rows));
  const host = await startDevHost({ engine, staticDir: RENDERER_OUT });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${host.url}#/campaigns`);
    const open = page.getByRole('button', { name: `Open ${name}` });
    await open.waitFor();
    // Page scripts are passed as strings: tsx's keepNames helpers (__name) do not exist in the page.
    const ms = await page.evaluate<number>(`(async () => {
      performance.clearMarks('leads-table-first-rows');
      const button = document.querySelector('button[aria-label="Open ${name}"]');
      const t0 = performance.now();
      button.click();
      const mark = await new Promise((ok) => {
        const poll = () => {
          const m = performance.getEntriesByName('leads-table-first-rows')[0];
          if (m) ok(m);
          else requestAnimationFrame(poll);
        };
        poll();
      });
      return mark.startTime - t0;
    })()`);
    const scrollToEndMs = await page.evaluate<number>(`(async () => {
      const scroller = document.querySelector('.leads-scroll');
      const t0 = performance.now();
      scroller.scrollTop = scroller.scrollHeight;
      await new Promise((ok) => {
        const poll = () => {
          const last = document.querySelector('[role="row"][aria-rowindex="${rows + 1}"]');
          if (last && !last.classList.contains('placeholder')) ok();
          else requestAnimationFrame(poll);
        };
        poll();
      });
      return performance.now() - t0;
    })()`);
    return { ms: Math.round(ms), scrollToEndMs: Math.round(scrollToEndMs), rows };
  } finally {
    await browser.close();
    await host.close();
    engine.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchTableRender10k().then(
    (r) => console.log(JSON.stringify(r)),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
