/** A campaign the CLI runs: progress lines on stderr while it runs, one JSON result when it stops. */
import { resolve } from 'node:path';
import type { CampaignProgress } from '../contract';
import { TIERS } from '../domain/icp';
import type { Engine } from '../engine';
import { err, out } from './io';

function fmtMs(ms: number | null): string {
  if (ms === null) return '?';
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

function progressLine(p: CampaignProgress): string {
  const tiers = TIERS.map((t) => {
    const c = p.tiers[t];
    return `${t} ${c.saved}/${c.target} (found ${c.found}, filtered ${c.filtered}, enriched ${c.enriched}, rejected ${c.rejected})`;
  }).join(' | ');
  return `[${p.stage}] ${tiers} | credits ${p.creditsUsed} | ETA ${fmtMs(p.etaMs)}`;
}

export async function runAndReport(
  engine: Engine,
  campaignId: number,
  started: number,
  opts: { exportPath?: string },
) {
  let last = 0;
  engine.on('campaign/progress', (p) => {
    if (p.campaignId !== campaignId) return;
    const now = Date.now();
    if (now - last >= 1000 || p.status !== 'running') {
      last = now;
      err(progressLine(p));
    }
  });
  engine.on('campaign/activity', (a) => {
    if (a.campaignId === campaignId && a.level !== 'info') err(`${a.level}: ${a.message}`);
  });
  const onSignal = () => {
    err('Pausing: finishing the current step (Ctrl-C again to quit at once)…');
    process.removeListener('SIGINT', onSignal);
    void engine.handlers['campaign/pause']({ campaignId });
  };
  process.on('SIGINT', onSignal);
  const status = await engine.handlers['campaign/wait']({ campaignId });
  process.removeListener('SIGINT', onSignal);
  let exported: string | null = null;
  if (opts.exportPath) {
    const r = await engine.handlers['export/workbook']({ campaignId, path: resolve(opts.exportPath) });
    exported = r.path;
    err(`Exported ${r.rows} leads to ${r.path}`);
  }
  const report = await engine.handlers['campaign/report']({ campaignId });
  const estimate = report.creditsEstimated;
  if (estimate !== null) err(`Credits: estimated ${estimate}, used ${report.creditsUsed}.`);
  err(
    `Spent on people who did not become leads: ${report.wasted.people}; on companies without a lead: ` +
      `${report.wasted.companies} (waste ratio ${report.wasteRatio ?? '–'}).`,
  );
  if (report.hunter && report.hunter.state !== 'on') err(`Email waterfall: ${report.hunter.message}`);
  const result = {
    campaignId,
    status,
    ...(status === 'paused' ? { pauseReason: report.pauseReason, resumeAt: report.resumeAt } : {}),
    leads: report.leads,
    creditsUsed: report.creditsUsed,
    creditsEstimated: estimate,
    filtered: report.filtered,
    creditsSavedEstimate: report.creditsSavedEstimate,
    requests: report.requests,
    elapsedMs: Date.now() - started,
    export: exported,
    precision: report.precision,
    wasteRatio: report.wasteRatio,
    wasted: report.wasted,
    emails: report.emails,
    emailPrecision: report.emailPrecision,
    creditsByProvider: report.creditsByProvider,
    bands: report.bands,
    intentAuc: report.intentAuc,
  };
  out(result);
  return status;
}
