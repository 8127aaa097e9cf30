import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../shared/errors';
import {
  findModelDir,
  missingModelFiles,
  KNOWN_MODEL_SHA256,
  MODEL_FILE_SHA256,
  MODEL_ID,
  MODEL_WEIGHTS,
  REQUIRED_MODEL_FILES,
  type ModelLocation,
} from './model-files';
import { cacheRoot } from './paths';

/**
 * The Hugging Face revision whose small files are byte-identical to the committed copy
 * (resources/models/…/SOURCES.md); pinning it keeps the sha256 checks meaningful.
 */
export const MODEL_REVISION = '751bff37182d3f1213fa05d7196b954e230abad9';
export const DEFAULT_MODEL_MIRROR = 'https://huggingface.co';

export interface ModelDownloadProgress {
  file: string;
  /** 1-based position of `file` among the files fetched. */
  index: number;
  files: number;
  receivedBytes: number;
  /** From Content-Length (plus what a resumed .part already held); null when the server omits it. */
  totalBytes: number | null;
}

export interface ModelDownloadOptions {
  /** Base URL laid out like the hub (`<mirror>/<model id>/resolve/<revision>/<file>`; default the hub). */
  mirror?: string;
  /** Models root to install into (default: the user cache's, see cacheDir). */
  root?: string;
  /** The per-user cache whose models/ folder is the default root. */
  cacheDir?: string;
  onProgress?: (p: ModelDownloadProgress) => void;
  signal?: AbortSignal;
  /** Per-request idle timeout (no bytes for this long aborts), ms. */
  idleTimeoutMs?: number;
}

export interface ModelDownloadResult {
  root: string;
  weightsSha256: string;
  weightsSource: string;
  bytes: number;
}

/** The models root a download installs into. */
export function modelCacheRoot(cacheDir?: string): string {
  return path.join(cacheRoot(cacheDir), 'models');
}

/** The models root in use, or where a download installs it (the user's modelDir wins over the cache). */
export function localModel(o: ModelLocation = {}): { ready: boolean; root: string } {
  const found = findModelDir(o);
  if (found && missingModelFiles(found).length === 0) return { ready: true, root: found };
  const explicit = o.modelDir?.trim();
  return { ready: false, root: explicit ? path.resolve(explicit) : modelCacheRoot(o.cacheDir) };
}

/** The mirror a download uses: the one given (LEAD_STUDIO_MODEL_MIRROR at the entry points), else the hub. */
export function modelMirror(explicit?: string): string {
  const m = explicit?.trim() || DEFAULT_MODEL_MIRROR;
  return m.replace(/\/+$/, '');
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

/**
 * Fetches one file into `<dest>.part`, continuing a previous partial download with a Range
 * request (a 23 MB file on a flaky connection should not start over), then renames it to `dest`.
 */
async function fetchFile(
  url: string,
  dest: string,
  report: (received: number, total: number | null) => void,
  o: ModelDownloadOptions,
): Promise<void> {
  const part = `${dest}.part`;
  const have = fs.existsSync(part) ? fs.statSync(part).size : 0;
  const idle = new AbortController();
  const signal = o.signal ? AbortSignal.any([o.signal, idle.signal]) : idle.signal;
  const idleMs = o.idleTimeoutMs ?? 30_000;
  let timer = setTimeout(() => idle.abort(), idleMs);
  const touch = () => {
    clearTimeout(timer);
    timer = setTimeout(() => idle.abort(), idleMs);
  };
  try {
    const res = await fetch(url, { signal, headers: have > 0 ? { Range: `bytes=${have}-` } : {} });
    if (res.status === 416 && have > 0) {
      // The .part is already whole (or the server disagrees): start over cleanly.
      fs.rmSync(part, { force: true });
      return await fetchFile(url, dest, report, o);
    }
    if (!res.ok || !res.body)
      throw new AppError('MODEL_DOWNLOAD_FAILED', `The model server answered ${res.status} for ${url}.`);
    const resumed = res.status === 206 && have > 0;
    const length = Number(res.headers.get('content-length'));
    const start = resumed ? have : 0;
    const total = Number.isFinite(length) && length > 0 ? start + length : null;
    let received = start;
    report(received, total);
    const out = fs.createWriteStream(part, { flags: resumed ? 'a' : 'w' });
    const body = Readable.fromWeb(res.body as import('node:stream/web').ReadableStream<Uint8Array>);
    body.on('data', (chunk: Buffer) => {
      received += chunk.length;
      touch();
      report(received, total);
    });
    await pipeline(body, out);
    if (total !== null && received !== total)
      throw new AppError(
        'MODEL_DOWNLOAD_FAILED',
        `The download of ${path.basename(dest)} stopped at ${received} of ${total} bytes; try again to continue it.`,
      );
    fs.renameSync(part, dest);
  } catch (e) {
    if (e instanceof AppError) throw e;
    const why = idle.signal.aborted
      ? `no data for ${idleMs / 1000} s`
      : e instanceof Error
        ? e.message
        : String(e);
    if (o.signal?.aborted) throw new AppError('CANCELLED', 'The model download was cancelled.');
    throw new AppError(
      'MODEL_DOWNLOAD_FAILED',
      `Could not download ${url}: ${why}. What arrived is kept; try again to continue, or install the model ` +
        'with `bash scripts/provision-model.sh`.',
    );
  } finally {
    clearTimeout(timer);
  }
}

/**
 * One-time download of the MiniLM model into the user cache, for installs that ship without it.
 * Every file is checked against its pinned sha256 before it is moved into place, and the weights
 * go in last, so a model folder is either complete and verified or absent (findModelDir skips it).
 */
export async function downloadModel(o: ModelDownloadOptions = {}): Promise<ModelDownloadResult> {
  const root = path.resolve(o.root ?? modelCacheRoot(o.cacheDir));
  const mirror = modelMirror(o.mirror);
  const staging = path.join(root, '.download', MODEL_ID);
  const finalDir = path.join(root, MODEL_ID);
  // Weights last: their presence is what marks the model as installed.
  const files = [...REQUIRED_MODEL_FILES.filter((f) => f !== MODEL_WEIGHTS), MODEL_WEIGHTS];
  let bytes = 0;
  let weightsSha256 = '';
  for (const [i, file] of files.entries()) {
    const staged = path.join(staging, file);
    fs.mkdirSync(path.dirname(staged), { recursive: true });
    const url = `${mirror}/${MODEL_ID}/resolve/${MODEL_REVISION}/${file}`;
    await fetchFile(
      url,
      staged,
      (receivedBytes, totalBytes) =>
        o.onProgress?.({ file, index: i + 1, files: files.length, receivedBytes, totalBytes }),
      o,
    );
    const sha = await sha256File(staged);
    const ok = file === MODEL_WEIGHTS ? sha in KNOWN_MODEL_SHA256 : MODEL_FILE_SHA256[file] === sha;
    if (!ok) {
      fs.rmSync(staged, { force: true });
      throw new AppError(
        'MODEL_CHECKSUM',
        `${file} from ${mirror} has sha256 ${sha}, which is not a known copy of ${MODEL_ID} ` +
          `(expected ${file === MODEL_WEIGHTS ? Object.keys(KNOWN_MODEL_SHA256).join(' or ') : MODEL_FILE_SHA256[file]}). ` +
          'Nothing was installed; check the mirror (LEAD_STUDIO_MODEL_MIRROR).',
        { file, sha },
      );
    }
    if (file === MODEL_WEIGHTS) weightsSha256 = sha;
    bytes += fs.statSync(staged).size;
  }
  for (const file of files) {
    const to = path.join(finalDir, file);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.renameSync(path.join(staging, file), to);
  }
  fs.rmSync(path.join(root, '.download'), { recursive: true, force: true });
  return { root, weightsSha256, weightsSource: KNOWN_MODEL_SHA256[weightsSha256]!, bytes };
}
