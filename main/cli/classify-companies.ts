/**
 * `classify-companies`: JSON lines of companies in, one industry decision per line out — the
 * decision the engine makes in a campaign (domain/company-industry.ts), with MiniLM similarity of
 * the description to the ICP's industries when the model is installed. A bad line gets an error on
 * stderr naming its line number and what is wrong; the other lines go on.
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { decideIndustry, type SimilarityHint } from '../domain/company-industry';
import type { Icp } from '../domain/icp';
import { industryPrototypes } from '../domain/industries';
import { engineEnv } from '../engine';
import { createEmbedder, findModelDir, type Embedder } from '../intel/embedder';
import { cosine } from '../intel/vector';

const CompanyLine = z
  .object({
    name: z.string({ error: 'a string' }).nullish(),
    industry: z.string({ error: 'a string, e.g. "Motor Vehicle Manufacturing"' }).nullish(),
    keywords: z.array(z.string(), { error: 'a list of strings' }).nullish(),
    description: z.string({ error: 'a string' }).nullish(),
    employees: z.number({ error: 'a number of employees' }).nonnegative().nullish(),
    country: z.string({ error: 'a string' }).nullish(),
  })
  .strip();

type Company = z.output<typeof CompanyLine>;

/** A line → a company, or a sentence saying what is wrong with it. */
export function parseCompanyLine(line: string): Company | string {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (e) {
    return `not JSON (${(e as Error).message})`;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return 'expected a JSON object like {"name":"Acme","industry":"machinery"}';
  const r = CompanyLine.safeParse(raw);
  if (r.success) return r.data;
  return r.error.issues.map((i) => `"${i.path.join('.')}" must be ${i.message}`).join('; ');
}

export interface ClassifyCompaniesIo {
  input: Readable;
  out: (o: unknown) => void;
  err: (s: string) => void;
}

const BATCH = 64;

/** Runs the command; returns the number of bad lines. */
export async function classifyCompanies(
  icp: Icp,
  embedder: Embedder | null,
  io: ClassifyCompaniesIo,
): Promise<number> {
  const prototypes = embedder ? await embedder.embed(industryPrototypes(icp.industries)) : [];
  const hint = (v: Float32Array | undefined): SimilarityHint | null => {
    if (!v || !prototypes.length) return null;
    let best = 0;
    prototypes.forEach((p, i) => {
      if (cosine(v, p) > cosine(v, prototypes[best]!)) best = i;
    });
    return { industry: icp.industries[best]!, score: cosine(v, prototypes[best]!) };
  };
  let bad = 0;
  let batch: { n: number; c: Company }[] = [];
  const flush = async () => {
    const texts = batch.map((b) => b.c.description?.trim() ?? '').filter(Boolean);
    const vecs = embedder && texts.length ? await embedder.embed(texts) : [];
    let k = 0;
    for (const { c } of batch) {
      const v = c.description?.trim() ? vecs[k++] : undefined;
      const d = decideIndustry(c, icp.industries, hint(v), DESCRIPTION_THRESHOLD);
      io.out({
        name: c.name ?? null,
        industryMatch: d.industryMatch,
        matched: d.matched,
        similarity: d.similarity,
        basis: d.basis,
      });
    }
    batch = [];
  };
  let n = 0;
  for await (const line of createInterface({ input: io.input })) {
    n++;
    if (!line.trim()) continue;
    const c = parseCompanyLine(line);
    if (typeof c === 'string') {
      bad++;
      io.err(`line ${n}: ${c}`);
      continue;
    }
    batch.push({ n, c });
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return bad;
}

/**
 * Cosine of a description to its best "<industry> manufacturer" prototype above which the model
 * alone may say yes, when the rules read nothing (measured in tests/intel/company-similarity).
 */
export const DESCRIPTION_THRESHOLD = 0.45;

/** The CLI command: loads the ICP and, when installed, the model; says so when it is missing. */
export async function runClassifyCompanies(
  icp: Icp,
  io: ClassifyCompaniesIo = {
    input: process.stdin,
    out: (o) => process.stdout.write(JSON.stringify(o) + '\n'),
    err: (s) => process.stderr.write(s + '\n'),
  },
): Promise<number> {
  const model = engineEnv();
  const embedder = findModelDir(model) ? await createEmbedder(model) : null;
  if (!embedder)
    io.err(
      'The MiniLM model is missing: deciding on labels and description rules only (npm run cli -- fetch-model).',
    );
  try {
    const bad = await classifyCompanies(icp, embedder, io);
    if (bad) io.err(`${bad} line(s) could not be read (see above); the others were classified.`);
    return bad ? 1 : 0;
  } finally {
    await embedder?.close();
  }
}
