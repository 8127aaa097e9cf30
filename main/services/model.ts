/**
 * The local matching model: where it is, and a one-time download whose progress the engine keeps (a
 * snapshot per chunk, no disk look each time) and streams as 'model/progress'.
 */
import { join } from 'node:path';
import type { ModelStatus } from '../contract';
import { downloadModel, localModel } from '../intel/model-download';
import { MODEL_ID } from '../intel/model-files';
import type { IntelSettings } from '../intel/settings';
import type { Logger } from '../secrets/redact';
import type { EventBus } from './event-bus';

export interface ModelService {
  status(): ModelStatus;
  /** Downloads once; concurrent callers share the job. Resolves when installed. */
  download(): Promise<ModelStatus>;
}

export function createModelService(o: {
  bus: EventBus;
  logger: Logger;
  /** Told when a new model is installed (the embedder must be loaded again). */
  onInstalled: () => void;
  /** Where the model is looked for and installed, and the mirror a download uses. */
  intel?: IntelSettings;
}): ModelService {
  const intel = o.intel ?? {};
  let job: Promise<ModelStatus> | null = null;
  let downloading: ModelStatus | null = null;
  let lastError: string | null = null;

  /** Where the model is, or where a download puts it (the user's modelDir, LEAD_STUDIO_MODEL_DIR, wins). */
  function status(): ModelStatus {
    if (downloading) return downloading;
    const { ready, root } = localModel(intel);
    return {
      state: ready ? 'ready' : 'missing',
      dir: join(root, MODEL_ID),
      progress: null,
      error: ready ? null : lastError,
    };
  }

  function start(): Promise<ModelStatus> {
    const { ready, root } = localModel(intel);
    if (ready) return Promise.resolve(status());
    const ended = (): ModelStatus => {
      job = null;
      downloading = null;
      const s = status();
      o.bus.emit('model/progress', s);
      return s;
    };
    downloading = { state: 'downloading', dir: join(root, MODEL_ID), progress: null, error: null };
    lastError = null;
    o.logger.info(`model download started into ${root}`);
    job = downloadModel({
      root,
      mirror: intel.modelMirror,
      onProgress: (progress) => {
        downloading = { ...downloading!, progress };
        o.bus.emit('model/progress', downloading);
      },
    }).then(
      (r) => {
        o.onInstalled();
        o.logger.info(`model installed in ${r.root} (${r.weightsSource}, ${r.bytes} bytes)`);
        return ended();
      },
      (e: unknown) => {
        lastError = e instanceof Error ? e.message : String(e);
        o.logger.error(`model download failed: ${lastError}`);
        ended();
        throw e;
      },
    );
    o.bus.emit('model/progress', downloading);
    return job;
  }

  return { status, download: () => job ?? start() };
}
