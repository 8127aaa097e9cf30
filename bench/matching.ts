/**
 * Matching throughput with the model (bench/run.ts, section "matching"): real titles (the
 * sandbox's ESCO labels) through the title classifier plus MiniLM similarity to the tier's titles,
 * and real company names/sectors/descriptions (the sandbox company extract) through
 * classify-companies' decision with description similarity. Rules-only figures alongside.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { classifyCompanies } from '../main/cli/classify-companies';
import { parseIcpText } from '../main/domain/icp-io';
import { TIERS } from '../main/domain/icp';
import { createTitleClassifier } from '../main/domain/titles';
import { createEmbedder } from '../main/intel/embedder';
import { contactProfile, icpTitleProfiles } from '../main/intel/profiles';
import { cosine } from '../main/intel/vector';
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

  const embedder = await createEmbedder();
  try {
    const tierVecs = Object.fromEntries(
      await Promise.all(TIERS.map(async (t) => [t, await embedder.embed(icpTitleProfiles(icp, t))] as const)),
    );
    t0 = performance.now();
    for (let i = 0; i < titles.length; i += 100) {
      const chunk = titles.slice(i, i + 100);
      const vecs = await embedder.embed(chunk.map((title) => contactProfile({ title })));
      chunk.forEach((t, j) => {
        const m = classifier.classify(t);
        Math.max(...tierVecs[m.tier ?? 'T1']!.map((v) => cosine(vecs[j]!, v)));
      });
    }
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
