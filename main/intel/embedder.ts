import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { AppError } from '../shared/errors';
import { siblingModule, spawnModuleWorker } from '../threads/module-worker';
import { EmbedQueue, type Batch } from './embed-queue';
import type { EmbedderWorkerData, WorkerMessage } from './embedder-protocol';
import { MODEL_DIMS, MODEL_ID, MODEL_WEIGHTS, resolveModelDir, type ModelLocation } from './model-files';

export { findModelDir } from './model-files';

export interface EmbedderOptions extends ModelLocation {
  /** Texts per inference call; 32 keeps padding waste and latency for small callers low. */
  batchSize?: number;
  /** ONNX Runtime intra-op threads; default: ONNX Runtime's choice (all cores). */
  threads?: number;
}

export interface EmbedderInfo {
  modelPath: string; // the .onnx file in use
  sha256?: string;
  dims: typeof MODEL_DIMS;
}

export interface Embedder {
  /** One 384-d unit vector per text (mean pooling, L2-normalized), in input order. */
  embed(texts: string[]): Promise<Float32Array[]>;
  close(): Promise<void>;
  readonly info: EmbedderInfo;
}

/** Resolves with the weights' sha256 once the worker has loaded the model. */
function waitReady(worker: Worker, modelPath: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const done = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (msg: WorkerMessage) => {
      if (msg.type === 'ready') {
        done();
        resolve(msg.sha256);
      } else if (msg.type === 'init-error') {
        done();
        reject(
          new AppError(
            'MODEL_LOAD_FAILED',
            `Could not load ${modelPath}: ${msg.message}. Fix: re-run \`bash scripts/provision-model.sh\` (it re-checks the sha256).`,
          ),
        );
      }
    };
    const onError = (err: unknown) => {
      done();
      reject(
        new AppError(
          'MODEL_LOAD_FAILED',
          `Embedder worker failed: ${err instanceof Error ? err.message : String(err)}`,
        ),
      );
    };
    const onExit = (code: number) => {
      done();
      reject(
        new AppError('MODEL_LOAD_FAILED', `Embedder worker exited (code ${code}) while loading the model`),
      );
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}

/** The inference worker, once it has loaded and checked the model. */
async function startEmbedderWorker(opts: EmbedderOptions) {
  const modelRoot = resolveModelDir(opts);
  const modelPath = path.join(modelRoot, MODEL_ID, MODEL_WEIGHTS);
  // Inference runs in a worker thread: a batch blocks its thread for tens of milliseconds.
  const workerData: EmbedderWorkerData = {
    modelRoot,
    modelId: MODEL_ID,
    weightsFile: MODEL_WEIGHTS,
    threads: opts.threads,
  };
  const worker = spawnModuleWorker(siblingModule(import.meta.url, 'embedder.worker'), { workerData });

  const sha256 = await waitReady(worker, modelPath).catch(async (err) => {
    await worker.terminate();
    throw err;
  });
  return { worker, modelPath, sha256 };
}

export async function createEmbedder(opts: EmbedderOptions = {}): Promise<Embedder> {
  const batchSize = opts.batchSize ?? 32;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new AppError('INVALID_ARGUMENT', `batchSize must be a whole number >= 1 (got ${batchSize})`);
  }
  const { worker, modelPath, sha256 } = await startEmbedderWorker(opts);

  const queue = new EmbedQueue();
  let inFlight: { id: number; batch: Batch } | null = null;
  let nextId = 1;
  let dead: AppError | null = null;

  // The worker holds the process open only while it has work: a forgotten close() must not hang a CLI.
  worker.unref();

  const pump = () => {
    if (inFlight || dead) return;
    const batch = queue.take(batchSize);
    if (!batch) {
      worker.unref();
      return;
    }
    inFlight = { id: nextId++, batch };
    worker.ref();
    worker.postMessage({ type: 'embed', id: inFlight.id, texts: batch.texts });
  };

  worker.on('message', (msg: WorkerMessage) => {
    if (!inFlight || !('id' in msg) || msg.id !== inFlight.id) return;
    const { batch } = inFlight;
    inFlight = null;
    if (msg.type === 'result') {
      const vectors = batch.texts.map((_, i) => msg.vectors.subarray(i * msg.dims, (i + 1) * msg.dims));
      queue.complete(batch, vectors);
    } else if (msg.type === 'error') {
      queue.fail(batch, new AppError('EMBED_FAILED', `Embedding failed: ${msg.message}`));
    }
    pump();
  });
  const die = (err: AppError) => {
    if (dead) return;
    dead = err;
    inFlight = null;
    queue.failAll(err);
  };
  worker.on('error', (err: unknown) =>
    die(
      new AppError(
        'EMBEDDER_FAILED',
        `Embedder worker crashed: ${err instanceof Error ? err.message : String(err)}`,
      ),
    ),
  );
  worker.on('exit', (code) => die(new AppError('EMBEDDER_FAILED', `Embedder worker exited (code ${code})`)));

  return {
    info: { modelPath, sha256, dims: MODEL_DIMS },
    embed(texts) {
      if (dead) return Promise.reject(dead);
      if (!Array.isArray(texts) || texts.some((t) => typeof t !== 'string')) {
        return Promise.reject(new AppError('INVALID_ARGUMENT', 'embed() takes an array of strings'));
      }
      if (texts.length === 0) return Promise.resolve([]);
      return new Promise((resolve, reject) => {
        queue.add(texts, resolve, reject);
        pump();
      });
    },
    async close() {
      if (dead) return;
      die(new AppError('EMBEDDER_CLOSED', 'The embedder was closed'));
      await worker.terminate();
    },
  };
}
