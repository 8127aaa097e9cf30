/**
 * `npm run bench`: speed and memory figures, written to bench/results.json as one object of
 * named numbers (never asserted in tests). Each section runs on its own: one failing section is
 * reported in `errors` and the others still run. `npm run bench -- pipeline export` runs some.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';

type Figures = Record<string, number | string>;
const results: Figures = {};
const errors: Record<string, string> = {};
const only = process.argv.slice(2);
const out = resolve('bench/results.json');
const tmp = mkdtempSync(join(tmpdir(), 'ls-bench-'));

async function section(name: string, fn: () => Promise<Figures>) {
  if (only.length && !only.includes(name)) return;
  process.stderr.write(`bench: ${name}…\n`);
  const t = Date.now();
  try {
    Object.assign(results, await fn());
  } catch (e) {
    errors[name] = e instanceof Error ? e.message : String(e);
    process.stderr.write(`bench: ${name} failed: ${errors[name]}\n`);
  }
  process.stderr.write(`bench: ${name} done in ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
}

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

/** Time to issue n requests of one class under fixed per-minute/per-hour windows. */
function rateBoundMs(n: number, perMinute: number, perHour?: number): number {
  const byMinute = (n / perMinute) * 60_000;
  const byHour = perHour && n > perHour ? (n / perHour) * 3_600_000 : 0;
  return Math.max(byMinute, byHour);
}

await section('pipeline', async () => {
  const { createEngine, engineEnv } = await import('../main/engine');
  const { loadIcpFile } = await import('../main/domain/icp-io');
  const { APOLLO_PAID_LIMITS } = await import('../main/providers/apollo');
  const icpFile = process.env.BENCH_ICP ?? 'resources/icp/manufacturing-staffing.yaml';
  const r = await loadIcpFile(icpFile);
  if (!r.ok) throw new Error(`${icpFile} invalid`);
  const dir = join(tmp, 'pipeline');
  const engine = await createEngine({
    dataDir: dir,
    sandboxSeed: 42,
    sandboxLimits: 'paid',
    forceSandbox: true,
    ...engineEnv(),
  });
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const t0 = Date.now();
  const { campaignId } = await engine.handlers['campaign/start']({ icp: r.icp });
  const provider = await engine.providerFor(campaignId);
  const status = await engine.handlers['campaign/wait']({ campaignId });
  const wall = Date.now() - t0;
  loop.disable();
  const stats = provider.stats();
  const byClass = { enrichment: 0, other: 0 };
  const { apolloEndpointClass } = await import('../main/providers/apollo');
  for (const [endpoint, s] of Object.entries(stats.byEndpoint))
    byClass[apolloEndpointClass(endpoint)] += s.requests;
  const lim = APOLLO_PAID_LIMITS as unknown as Record<string, { perMinute: number; perHour?: number }>;
  const bound = Math.max(
    rateBoundMs(byClass.enrichment, lim.enrichment!.perMinute, lim.enrichment!.perHour),
    rateBoundMs(byClass.other, lim.other!.perMinute, lim.other!.perHour),
  );
  const detail = await engine.handlers['campaign/get']({ campaignId });
  const leads = detail.saved.T1 + detail.saved.T2 + detail.saved.T3;
  await engine.close();
  return {
    'pipeline.icp': icpFile,
    'pipeline.status': status,
    'pipeline.leads': leads,
    'pipeline.wallMs': wall,
    'pipeline.requests': stats.total.requests,
    'pipeline.requestsEnrichment': byClass.enrichment,
    'pipeline.requestsOther': byClass.other,
    'pipeline.rateBoundMs': Math.round(bound),
    'pipeline.wallOverRateBound': round(wall / bound),
    'pipeline.credits': detail.creditsUsed,
    'pipeline.creditsPerLead': round(detail.creditsUsed / Math.max(1, leads)),
    'ui.mainLoopP99Ms': round(loop.percentile(99) / 1e6),
  };
});

await section('db', async () => {
  const { openDb, createCampaign, insertLead, upsertCompany, upsertContact } = await import('../main/store');
  const { sampleLeads } = await import('./export/sample');
  const { loadIcpFile } = await import('../main/domain/icp-io');
  const r = await loadIcpFile('resources/icp/manufacturing-staffing.yaml');
  if (!r.ok) throw new Error('icp');
  const db = openDb(join(tmp, 'db.sqlite'));
  const campaignId = createCampaign(db, {
    icp: r.icp,
    budget: null,
    sandbox: true,
    sandboxSeed: 1,
    estimate: null,
  });
  const leads = sampleLeads(10_000, 3);
  const t0 = process.hrtime.bigint();
  for (const l of leads) {
    db.transaction(() => {
      const companyId = upsertCompany(db, l.company, 'bench');
      const contactId = upsertContact(db, { person: l.contact, companyId, source: 'bench' });
      insertLead(db, { ...l, campaignId, companyId, contactId });
    })();
  }
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  db.close();
  // The same with personal fields sealed (AES-256-GCM + blind indexes) and secure_delete, as the engine runs.
  const { openKeys } = await import('../main/privacy/keys');
  const { bindCipher } = await import('../main/store/field-cipher');
  const sealedDb = openDb(join(tmp, 'db-sealed.sqlite'));
  sealedDb.pragma('secure_delete = ON');
  bindCipher(sealedDb, (await openKeys(sealedDb, null, 'bench')).cipher);
  const sealedCampaign = createCampaign(sealedDb, {
    icp: r.icp,
    budget: null,
    sandbox: true,
    sandboxSeed: 1,
    estimate: null,
  });
  const t1 = process.hrtime.bigint();
  for (const l of leads) {
    sealedDb.transaction(() => {
      const companyId = upsertCompany(sealedDb, l.company, 'bench');
      const contactId = upsertContact(sealedDb, { person: l.contact, companyId, source: 'bench' });
      insertLead(sealedDb, { ...l, campaignId: sealedCampaign, companyId, contactId });
    })();
  }
  const s2 = Number(process.hrtime.bigint() - t1) / 1e9;
  sealedDb.close();
  // One transaction per lead, each with a company and a contact upsert: the pipeline's pattern.
  return {
    'db.insertsPerSecond': Math.round(leads.length / s),
    'db.insertsPerSecondSealed': Math.round(leads.length / s2),
    'db.leads': leads.length,
  };
});

await section('export', async () => {
  const { benchExport10k } = await import('./export/bench');
  mkdirSync(join(tmp, 'export'), { recursive: true });
  const r = await benchExport10k(join(tmp, 'export'));
  return { 'export.ms10k': r.ms, 'export.bytes10k': r.bytes, 'export.peakRssMb': r.peakRssMb };
});

await section('embed', async () => {
  const { engineEnv } = await import('../main/engine');
  const { modelDir, cacheDir } = engineEnv();
  const mod = (await import('./intel/bench')) as {
    benchEmbed: (o: { modelDir?: string; cacheDir?: string }) => Promise<Record<string, number>>;
  };
  const r = await mod.benchEmbed({ modelDir, cacheDir });
  return {
    'embed.textsPerSecond': round(r.textsPerSecond!),
    'embed.eventLoopP99Ms': round(r.eventLoopP99Ms!),
  };
});

await section('filter', async () => {
  const { engineEnv } = await import('../main/engine');
  const { modelDir, cacheDir } = engineEnv();
  const mod = (await import('../main/pipeline/semantic-filter')) as {
    benchFilter?: (o: { modelDir?: string; cacheDir?: string }) => Promise<Record<string, number>>;
  };
  if (!mod.benchFilter) throw new Error('semantic filter has no benchFilter()');
  return mod.benchFilter({ modelDir, cacheDir });
});

await section('matching', async () => (await import('./matching')).benchMatching());

await section('ui', async () => {
  const path = '../tests/e2e/bench-table';
  const mod = (await import(path)) as { benchTableRender10k: () => Promise<{ ms: number }> };
  const r = await mod.benchTableRender10k();
  return { 'ui.tableRender10kMs': r.ms };
});

mkdirSync('bench', { recursive: true });
const previous = existsSync(out) && only.length ? (JSON.parse(readFileSync(out, 'utf8')) as Figures) : {};
const merged: Figures = {
  ...previous,
  ...results,
  'meta.at': new Date().toISOString(),
  'meta.node': process.version,
};
delete merged['meta.errors'];
if (Object.keys(errors).length) merged['meta.errors'] = JSON.stringify(errors);
writeFileSync(out, JSON.stringify(merged, null, 2) + '\n');
process.stdout.write(JSON.stringify(merged, null, 2) + '\n');
process.exit(0);
