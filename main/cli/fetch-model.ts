/** `fetch-model [--mirror <url>]`: the one-time download of the matching model into the user cache. */
import { join } from 'node:path';
import { engineEnv } from '../engine';
import { downloadModel, localModel, modelMirror } from '../intel/model-download';
import { MODEL_ID } from '../intel/model-files';
import type { CliArgs } from './options';
import { err, out } from './io';

export async function fetchModelCommand({ values }: CliArgs) {
  const env = engineEnv();
  const local = localModel(env);
  const mirror = values.mirror ?? env.modelMirror;
  const dir = join(local.root, MODEL_ID);
  if (local.ready) {
    err(`The model is already installed in ${dir}.`);
    out({ model: 'ready', dir });
    return 0;
  }
  err(`Downloading ${MODEL_ID} from ${modelMirror(mirror)} into ${dir} …`);
  let last = 0;
  const r = await downloadModel({
    root: local.root,
    mirror,
    onProgress: (p) => {
      const now = Date.now();
      if (now - last < 500 && p.receivedBytes !== p.totalBytes) return;
      last = now;
      const pct = p.totalBytes ? ` ${Math.floor((100 * p.receivedBytes) / p.totalBytes)}%` : '';
      err(`[${p.index}/${p.files}] ${p.file}: ${(p.receivedBytes / 1e6).toFixed(1)} MB${pct}`);
    },
  });
  err(`Installed and verified (${r.weightsSource}).`);
  out({ model: 'ready', dir, sha256: r.weightsSha256, bytes: r.bytes });
  return 0;
}
