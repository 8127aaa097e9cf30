import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createEmbedder, type Embedder, type EmbedderOptions } from '../../main/intel/embedder';
import { contactProfile } from '../../main/intel/profiles';

/** A type alias (not an interface) so it also reads as Record<string, number> for bench/run.ts. */
export type EmbedBenchResult = {
  texts: number;
  batchSize: number;
  seconds: number;
  textsPerSecond: number;
  /** Main-thread event-loop delay p99 while the worker embeds (should stay near the 10 ms resolution). */
  eventLoopP99Ms: number;
  eventLoopMaxMs: number;
};

const TITLES = [
  'VP Operations',
  'Chief Operating Officer',
  'Plant Head',
  'Sr. HR Manager',
  'TA Head',
  'Talent Acquisition Specialist',
  'HRBP - Manufacturing',
  'Director, Supply Chain & Operations',
  'Software Engineer',
  'Regional Sales Manager (West)',
  'Senior Recruiter',
  'General Manager - Plant Operations',
];
const QUALIFIERS = ['', 'Senior ', 'Assistant ', 'Global ', 'Regional '];

/** Deterministic, varied contact titles like a people search returns. */
export function sampleContactTitles(n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const title = TITLES[i % TITLES.length]!;
    const q = QUALIFIERS[Math.floor(i / TITLES.length) % QUALIFIERS.length]!;
    return `${q}${title}${i % 7 === 0 ? ` (Unit ${i % 97})` : ''}`;
  });
}

/**
 * Embeds `count` contact profiles in one call (the queue batches them) and measures throughput
 * and the main thread's event-loop delay meanwhile. Measures only; asserts nothing.
 */
export async function benchEmbed(
  opts: { count?: number; embedder?: Embedder } & EmbedderOptions = {},
): Promise<EmbedBenchResult> {
  const count = opts.count ?? 10_000;
  const batchSize = opts.batchSize ?? 32;
  const embedder = opts.embedder ?? (await createEmbedder({ ...opts, batchSize }));
  try {
    const texts = sampleContactTitles(count).map((title) => contactProfile({ title }));
    await embedder.embed(texts.slice(0, batchSize)); // warm-up: first run allocates ONNX buffers
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const t0 = performance.now();
    await embedder.embed(texts);
    const seconds = (performance.now() - t0) / 1000;
    loop.disable();
    return {
      texts: count,
      batchSize,
      seconds: Number(seconds.toFixed(2)),
      textsPerSecond: Math.round(count / seconds),
      eventLoopP99Ms: Number((loop.percentile(99) / 1e6).toFixed(1)),
      eventLoopMaxMs: Number((loop.max / 1e6).toFixed(1)),
    };
  } finally {
    if (!opts.embedder) await embedder.close();
  }
}
