/**
 * `classify-titles [--icp <file>] [--model]`: titles on stdin, one per line → one JSON line each,
 * `{"title","tier","confidence","matched","reason"}` — the campaign's title decision. With
 * `--model` (when installed) MiniLM similarity joins the rules (see main/intel/title-similarity.ts);
 * lines are read in batches so the model embeds many titles at once.
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Icp } from '../domain/icp';
import { createTitleClassifier, type TitleClassifier } from '../domain/titles';
import { engineEnv } from '../engine';
import { createEmbedder, findModelDir, type Embedder } from '../intel/embedder';
import { createModelTitleClassifier, type ModelTitleClassifier } from '../intel/title-similarity';

export interface ClassifyTitlesIo {
  input: Readable;
  out: (o: unknown) => void;
  err: (line: string) => void;
}

const BATCH = 256;

async function flush(
  batch: string[],
  classifier: TitleClassifier | ModelTitleClassifier,
  io: ClassifyTitlesIo,
) {
  await classifier.prime?.(batch);
  for (const title of batch) {
    const r = classifier.explain(title);
    io.out({
      title,
      tier: r.match.tier,
      confidence: r.match.confidence,
      matched: r.match.matched,
      reason: r.reason,
    });
  }
  batch.length = 0;
}

/** Classifies every non-empty line of the input, in order. */
export async function classifyTitles(
  icp: Icp,
  embedder: Embedder | null,
  io: ClassifyTitlesIo,
): Promise<void> {
  const classifier = embedder ? createModelTitleClassifier(icp, embedder) : createTitleClassifier(icp);
  const batch: string[] = [];
  for await (const line of createInterface({ input: io.input })) {
    const title = line.trim();
    if (title) batch.push(title);
    if (batch.length >= BATCH) await flush(batch, classifier, io);
  }
  await flush(batch, classifier, io);
}

export async function runClassifyTitles(
  icp: Icp,
  useModel: boolean,
  io: ClassifyTitlesIo = {
    input: process.stdin,
    out: (o) => process.stdout.write(JSON.stringify(o) + '\n'),
    err: (s) => process.stderr.write(s + '\n'),
  },
): Promise<number> {
  const model = engineEnv();
  const embedder = useModel && findModelDir(model) ? await createEmbedder(model) : null;
  if (useModel && !embedder)
    io.err('The MiniLM model is missing: classifying on title rules only (npm run cli -- fetch-model).');
  try {
    await classifyTitles(icp, embedder, io);
    return 0;
  } finally {
    await embedder?.close();
  }
}
