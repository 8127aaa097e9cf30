import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../main/shared/errors';
import { createEmbedder, findModelDir, type Embedder } from '../../main/intel/embedder';
import { engineEnv } from '../../main/engine';
import {
  KNOWN_MODEL_SHA256,
  MODEL_ID,
  modelDirCandidates,
  REQUIRED_MODEL_FILES,
} from '../../main/intel/model-files';
import { repoRoot } from '../../main/intel/paths';
import { cosine } from '../../main/intel/vector';
import { fp32Reference } from './fixtures';

const tmpDirs: string[] = [];
function tmpDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'intel-embedder-'));
  tmpDirs.push(dir);
  return dir;
}

let embedder: Embedder;
beforeAll(async () => {
  embedder = await createEmbedder();
});
afterAll(async () => {
  await embedder?.close();
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('embedder with the real MiniLM model', () => {
  it('reproduces the fp32 embeddings of the genuine weights', async () => {
    const ref = fp32Reference();
    const got = await embedder.embed(ref.map((r) => r.text));
    ref.forEach((r, i) => {
      expect(got[i]).toHaveLength(384);
      expect(cosine(got[i]!, r.embedding), r.text).toBeGreaterThan(0.995);
    });
    // "This is an example sentence": fp32 starts 0.0677, 0.0635, 0.0487 (see resources/models/README.md).
    const first = Array.from(got[0]!.slice(0, 3));
    ref[0]!.head.slice(0, 3).forEach((want, i) => expect(Math.abs(first[i]! - want)).toBeLessThan(0.01));
  });

  it('returns unit vectors in input order, the same vector for the same text', async () => {
    const [a, b, a2] = await embedder.embed(['Plant Head', 'HR Intern', 'Plant Head']);
    for (const v of [a!, b!, a2!]) expect(Math.hypot(...v)).toBeCloseTo(1, 4);
    expect(cosine(a!, a2!)).toBeGreaterThan(0.9999);
    expect(cosine(a!, b!)).toBeLessThan(0.9);
    expect(await embedder.embed([])).toEqual([]);
  });

  it('puts similar titles closer than dissimilar ones', async () => {
    const [vp, vpLong, intern] = await embedder.embed([
      'VP Operations',
      'Vice President of Operations',
      'HR Intern',
    ]);
    expect(cosine(vp!, vpLong!)).toBeGreaterThan(cosine(vp!, intern!) + 0.2);
  });

  it('reports the model it loaded', () => {
    expect(embedder.info.dims).toBe(384);
    expect(fs.existsSync(embedder.info.modelPath)).toBe(true);
    expect(Object.keys(KNOWN_MODEL_SHA256)).toContain(embedder.info.sha256);
  });

  it('gives concurrent callers their own vectors, batched together', async () => {
    const big = Array.from({ length: 150 }, (_, i) => `Operations Manager, plant ${i}`);
    const small = ['Chief Human Resources Officer', 'Recruiter'];
    const alone = await embedder.embed([...small, big[0]!, big[149]!]);
    const [gotBig, gotSmall] = await Promise.all([embedder.embed(big), embedder.embed(small)]);
    expect(gotBig).toHaveLength(150);
    expect(gotSmall).toHaveLength(2);
    // Padding to other batch members changes float rounding only.
    expect(cosine(gotSmall[0]!, alone[0]!)).toBeGreaterThan(0.9999);
    expect(cosine(gotSmall[1]!, alone[1]!)).toBeGreaterThan(0.9999);
    expect(cosine(gotBig[0]!, alone[2]!)).toBeGreaterThan(0.9999);
    expect(cosine(gotBig[149]!, alone[3]!)).toBeGreaterThan(0.9999);
  });

  it('does not make a small request wait for a large one queued before it', async () => {
    const order: string[] = [];
    const big = embedder
      .embed(Array.from({ length: 640 }, (_, i) => `Plant Manager ${i}`))
      .then(() => order.push('big'));
    const small = embedder.embed(['Recruiter']).then(() => order.push('small'));
    await Promise.all([big, small]);
    expect(order).toEqual(['small', 'big']);
  });

  it('keeps the main event loop free while it embeds 2,000 texts', async () => {
    const texts = Array.from({ length: 2000 }, (_, i) => `Senior Talent Acquisition Partner ${i}`);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    try {
      const out = await embedder.embed(texts);
      expect(out).toHaveLength(2000);
    } finally {
      clearInterval(timer);
    }
    // Inference on this thread lets a timer fire only between batches (measured: 62 ticks for the
    // 63 batches of 32); in the worker it fires throughout (measured: ~600).
    const batches = Math.ceil(texts.length / 32);
    expect(ticks).toBeGreaterThan(3 * batches);
  });

  it('rejects calls after close()', async () => {
    const e = await createEmbedder({ batchSize: 8 });
    await e.close();
    await expect(e.embed(['x'])).rejects.toMatchObject({ code: 'EMBEDDER_CLOSED' });
  });
});

describe('model resolution', () => {
  it('fails with MODEL_MISSING naming the files and the fix when the folder is empty', async () => {
    const dir = tmpDir();
    const err = await createEmbedder({ modelDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('MODEL_MISSING');
    expect((err as AppError).message).toContain('onnx/model_quantized.onnx');
    expect((err as AppError).message).toContain('scripts/provision-model.sh');
  });

  it('fails with MODEL_LOAD_FAILED when the weights file is not a model', async () => {
    const dir = tmpDir();
    const modelDir = path.join(dir, MODEL_ID);
    fs.mkdirSync(path.join(modelDir, 'onnx'), { recursive: true });
    const bundled = path.join(repoRoot(), 'resources', 'models', MODEL_ID);
    for (const f of REQUIRED_MODEL_FILES.filter((f) => !f.endsWith('.onnx'))) {
      fs.copyFileSync(path.join(bundled, f), path.join(modelDir, f));
    }
    fs.writeFileSync(path.join(modelDir, 'onnx', 'model_quantized.onnx'), 'not an onnx file');
    await expect(createEmbedder({ modelDir: dir })).rejects.toMatchObject({ code: 'MODEL_LOAD_FAILED' });
  });

  it("resolves the user's folder (LEAD_STUDIO_MODEL_DIR at the entry points), then the bundled one, then the cache's", () => {
    const bundled = path.join(repoRoot(), 'resources', 'models');
    expect(findModelDir()).toBe(bundled);
    const chosen = tmpDir(); // empty: still the user's choice, so an error names it
    expect(engineEnv({ LEAD_STUDIO_MODEL_DIR: chosen }).modelDir).toBe(chosen);
    expect(findModelDir(engineEnv({ LEAD_STUDIO_MODEL_DIR: chosen }))).toBe(chosen);
    expect(findModelDir(engineEnv({ LEAD_STUDIO_MODEL_DIR: '  ' }))).toBe(bundled);
    const cache = tmpDir();
    expect(modelDirCandidates(engineEnv({ LEAD_STUDIO_CACHE: cache }).cacheDir).at(-1)).toBe(
      path.join(cache, 'models'),
    );
  });

  it('reads no environment below the entry points: the folder comes in as an option', () => {
    const saved = process.env.LEAD_STUDIO_MODEL_DIR;
    try {
      process.env.LEAD_STUDIO_MODEL_DIR = tmpDir();
      expect(findModelDir()).toBe(path.join(repoRoot(), 'resources', 'models'));
    } finally {
      if (saved === undefined) delete process.env.LEAD_STUDIO_MODEL_DIR;
      else process.env.LEAD_STUDIO_MODEL_DIR = saved;
    }
  });
});
