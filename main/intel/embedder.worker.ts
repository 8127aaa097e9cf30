// Runs the MiniLM pipeline off the main thread: ONNX inference blocks its thread for tens of
// milliseconds per batch, which would stall IPC and progress events on the main one.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { env, pipeline } from '@huggingface/transformers';
import type { EmbedRequest, EmbedderWorkerData, WorkerMessage } from './embedder-protocol';

const data = workerData as EmbedderWorkerData;
const port = parentPort;
if (!port) throw new Error('embedder.worker.ts must run as a worker thread');

function send(msg: WorkerMessage, transfer: ArrayBuffer[] = []): void {
  port!.postMessage(msg, transfer);
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function init() {
  // Offline by construction: no hub, only the files provisioned under modelRoot.
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = data.modelRoot.endsWith(path.sep) ? data.modelRoot : data.modelRoot + path.sep;
  const [digest, extractor] = await Promise.all([
    sha256(path.join(data.modelRoot, data.modelId, data.weightsFile)),
    pipeline('feature-extraction', data.modelId, {
      dtype: 'q8',
      local_files_only: true,
      device: 'cpu',
      session_options: {
        ...(data.threads ? { intraOpNumThreads: data.threads } : {}),
        // Spinning idle ORT threads starve the main thread and everything else on a 2-core machine:
        // measured 171-353 texts/s and 36-80 ms event-loop p99 with it, 537-804 texts/s and 13-23 ms without.
        extra: { session: { intra_op: { allow_spinning: '0' } } },
      },
    }),
  ]);
  return { digest, extractor };
}

init().then(
  ({ digest, extractor }) => {
    port.on('message', async (req: EmbedRequest) => {
      try {
        const out = await extractor(req.texts, { pooling: 'mean', normalize: true });
        const dims = out.dims[out.dims.length - 1] ?? 0;
        // Copy into a fresh buffer we own so it can be transferred without touching the tensor.
        const vectors = Float32Array.from(out.data as Float32Array);
        out.dispose?.();
        send({ type: 'result', id: req.id, vectors, dims }, [vectors.buffer]);
      } catch (err) {
        send({ type: 'error', id: req.id, message: err instanceof Error ? err.message : String(err) });
      }
    });
    send({ type: 'ready', sha256: digest });
  },
  (err: unknown) => send({ type: 'init-error', message: err instanceof Error ? err.message : String(err) }),
);
