/** Messages between createEmbedder (main thread) and embedder.worker.ts. */

export interface EmbedderWorkerData {
  modelRoot: string;
  modelId: string;
  weightsFile: string; // relative to <modelRoot>/<modelId>, hashed for info.sha256
  threads?: number;
}

export interface EmbedRequest {
  type: 'embed';
  id: number;
  texts: string[];
}

export type WorkerMessage =
  | { type: 'ready'; sha256: string }
  | { type: 'init-error'; message: string }
  /** `vectors` holds texts.length * dims floats, row-major; its buffer is transferred. */
  | { type: 'result'; id: number; vectors: Float32Array; dims: number }
  | { type: 'error'; id: number; message: string };
