import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelStatus } from '../../main/contract';
import { createEngine } from '../../main/engine';
import { AppError } from '../../main/shared/errors';
import { createEmbedder } from '../../main/intel/embedder';
import { downloadModel } from '../../main/intel/model-download';
import { MODEL_ID, MODEL_WEIGHTS, missingModelFiles } from '../../main/intel/model-files';
import { repoRoot } from '../../main/intel/paths';
import { cosine } from '../../main/intel/vector';
import { runCli } from '../integration/cli-helpers';
import { startMirror, type Mirror } from './model-mirror';
import { fp32Reference } from './fixtures';

/**
 * The one-time model download, over real HTTP from a mirror laid out like the hub (a local server
 * serving the provisioned files), into real folders, loaded by the real embedder afterwards.
 */
const PINNED = '8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6';
const SOURCE = path.join(repoRoot(), 'resources', 'models', MODEL_ID);

const tmp: string[] = [];
const tmpDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'model-dl-'));
  tmp.push(d);
  return d;
};
let mirror: Mirror;
beforeAll(async () => {
  mirror = await startMirror();
});
afterAll(async () => {
  await mirror.close();
  for (const d of tmp) fs.rmSync(d, { recursive: true, force: true });
});

describe('one-time model download', () => {
  it('installs through the engine with progress events, and the embedder loads the result', async () => {
    const models = tmpDir();
    // What LEAD_STUDIO_MODEL_DIR and LEAD_STUDIO_MODEL_MIRROR give an engine at its entry point.
    const engine = await createEngine({
      dataDir: tmpDir(),
      forceSandbox: true,
      modelDir: models,
      modelMirror: mirror.url,
    });
    try {
      const before = await engine.handlers['model/status']();
      expect(before).toMatchObject({ state: 'missing', dir: path.join(models, MODEL_ID), error: null });
      const events: ModelStatus[] = [];
      engine.on('model/progress', (s) => events.push(s));
      const after = await engine.handlers['model/download']();
      expect(after).toMatchObject({ state: 'ready', dir: path.join(models, MODEL_ID), progress: null });
      expect(missingModelFiles(models)).toEqual([]);
      await new Promise((r) => setTimeout(r, 250)); // the throttle's trailing event
      const during = events.filter((e) => e.state === 'downloading' && e.progress?.file === MODEL_WEIGHTS);
      expect(during.length).toBeGreaterThan(0);
      expect(during.at(-1)!.progress!.totalBytes).toBe(fs.statSync(path.join(SOURCE, MODEL_WEIGHTS)).size);
      expect(events.at(-1)!.state).toBe('ready');
      expect(fs.existsSync(path.join(models, '.download'))).toBe(false);
    } finally {
      await engine.close();
    }
    const embedder = await createEmbedder({ modelDir: models });
    try {
      expect(embedder.info.sha256).toBe(PINNED);
      // The downloaded copy embeds like the genuine fp32 model.
      const ref = fp32Reference();
      const got = await embedder.embed(ref.map((r) => r.text));
      ref.forEach((r, i) => expect(cosine(got[i]!, r.embedding), r.text).toBeGreaterThan(0.995));
    } finally {
      await embedder.close();
    }
  });

  it('continues a dropped download where it stopped instead of starting over', async () => {
    const root = tmpDir();
    mirror.requests.length = 0;
    mirror.cutWeightsAt = 5_000_000;
    const first = await downloadModel({ root, mirror: mirror.url }).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(AppError);
    expect((first as AppError).code).toBe('MODEL_DOWNLOAD_FAILED');
    expect((first as AppError).message).toMatch(/try again to continue/);
    // Nothing half-written is installed: the model does not count as present.
    expect(missingModelFiles(root)).toContain(MODEL_WEIGHTS);

    const r = await downloadModel({ root, mirror: mirror.url });
    expect(r.weightsSha256).toBe(PINNED);
    const weights = mirror.requests.filter((q) => q.file === MODEL_WEIGHTS);
    expect(weights).toHaveLength(2);
    expect(weights[0]!.range).toBeNull();
    const resumedAt = Number(/bytes=(\d+)-/.exec(weights[1]!.range ?? '')?.[1]);
    expect(resumedAt).toBeGreaterThan(0);
    expect(resumedAt).toBeLessThanOrEqual(5_000_000);
    expect(missingModelFiles(root)).toEqual([]);
  });

  it('refuses a file whose sha256 is not a known copy, and installs nothing', async () => {
    const root = tmpDir();
    mirror.corrupt = true;
    try {
      const e = await downloadModel({ root, mirror: mirror.url }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('MODEL_CHECKSUM');
      expect((e as AppError).message).toContain(MODEL_WEIGHTS);
      expect((e as AppError).message).toMatch(/Nothing was installed/);
    } finally {
      mirror.corrupt = false;
    }
    expect(missingModelFiles(root)).toEqual(expect.arrayContaining([MODEL_WEIGHTS, 'config.json']));
  });

  it('says which address failed when the mirror does not have the model', async () => {
    const e = await downloadModel({ root: tmpDir(), mirror: `${mirror.url}/nothing-here` }).catch(
      (x: unknown) => x,
    );
    expect((e as AppError).code).toBe('MODEL_DOWNLOAD_FAILED');
    expect((e as AppError).message).toMatch(/answered 404 for http:\/\/127\.0\.0\.1:\d+\/nothing-here\//);
  });

  it('is one CLI command, which prints progress and is a no-op once installed', async () => {
    const models = tmpDir();
    const env = { LEAD_STUDIO_MODEL_DIR: models };
    const r = await runCli(['fetch-model', '--mirror', mirror.url], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toMatchObject({ model: 'ready', dir: path.join(models, MODEL_ID), sha256: PINNED });
    expect(r.stderr).toMatch(/\[4\/4\] onnx\/model_quantized\.onnx: 22\.9 MB 100%/);
    const again = await runCli(['fetch-model', '--mirror', mirror.url], { env });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/already installed/);
  });
});
