import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Per-user cache shared by the provisioning scripts and the app (wheels, Chroma venv, models). */
export function cacheRoot(cacheDir?: string): string {
  return cacheDir && cacheDir.trim() ? cacheDir : path.join(os.homedir(), '.cache', 'lead-studio');
}

/** The repository (dev, tests, CLI): this file lives in <repo>/main/intel/. */
export function repoRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
}

/** Electron's packaged resources folder, when running inside a packaged app. */
export function packagedResources(): string | null {
  const p = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  return typeof p === 'string' && p ? p : null;
}
