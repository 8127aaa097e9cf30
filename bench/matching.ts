/**
 * Matching throughput with the model (bench/run.ts, section "matching"): real titles (the
 * sandbox's ESCO labels) through the title classifier with MiniLM similarity (the titles the rules
 * match or cannot place are embedded, 256 at a time),
 * and real company names/sectors/descriptions (the sandbox company extract) through
 * classify-companies' decision with description similarity. Rules-only figures alongside.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { classifyCompanies } from '../main/cli/classify-companies';
import { parseIcpText } from '../main/domain/icp-io';
import { createTitleClassifier } from '../main/domain/titles';
import { engineEnv } from '../main/engine';
import { createEmbedder } from '../main/intel/embedder';
import { createModelTitleClassifier } from '../main/intel/title-similarity';
import { loadExtract } from '../main/sandbox/extract';

const gz = <T>(path: string) => JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as T;

export async function benchMatching(): Promise<Record<string, number>> {
  const r = parseIcpText(readFileSync('resources/icp/manufacturing-staffing.yaml', 'utf8'), 'yaml');
  if (!r.ok) throw new Error('template');
  const icp = r.icp;
  const { occupations } = gz<{ occupations: [string, string, string, string[]][] }>(
    'resources/sandbox/titles.json.gz',
  );
  const titles = occupations.flatMap((o) => [o[0], ...o[3]]).slice(0, 5000);
  const companies = loadExtract()
    .slice(0, 2000)
    .map((row) => JSON.stringify({ name: row[0], industry: row[2], description: row[10] || null }));
  const classifier = createTitleClassifier(icp);

  let t0 = performance.now();
  for (const t of titles) classifier.classify(t);
  const rulesTitlesPerSec = titles.length / ((performance.now() - t0) / 1000);

  const embedder = await createEmbedder(engineEnv());
  try {
    // The model classifier as classify-titles --model and the pipeline use it: a page at a time.
    const model = createModelTitleClassifier(icp, embedder);
    await model.classifyMany(titles.slice(0, 10)); // loads the ICP's vectors
    t0 = performance.now();
    for (let i = 0; i < titles.length; i += 256) await model.classifyMany(titles.slice(i, i + 256));
    const titlesPerSec = titles.length / ((performance.now() - t0) / 1000);

    const quiet = { out: () => {}, err: () => {} };
    t0 = performance.now();
    await classifyCompanies(icp, null, { input: Readable.from(companies.map((l) => l + '\n')), ...quiet });
    const rulesCompaniesPerSec = companies.length / ((performance.now() - t0) / 1000);
    t0 = performance.now();
    await classifyCompanies(icp, embedder, {
      input: Readable.from(companies.map((l) => l + '\n')),
      ...quiet,
    });
    const companiesPerSec = companies.length / ((performance.now() - t0) / 1000);
    return {
      'match.titlesPerSecond': Math.round(titlesPerSec),
      'match.titlesPerSecondRulesOnly': Math.round(rulesTitlesPerSec),
      'match.companiesPerSecond': Math.round(companiesPerSec),
      'match.companiesPerSecondRulesOnly': Math.round(rulesCompaniesPerSec),
      'match.titles': titles.length,
      'match.companies': companies.length,
    };
  } finally {
    await embedder.close();
  }
}
