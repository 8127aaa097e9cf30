import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where the shell finds its parts, relative to the built main script (dist/electron/main.js). */
export function shellPaths(electronDir: string) {
  const rendererIndex = join(electronDir, '..', 'renderer', 'index.html');
  return {
    rendererIndex,
    preload: join(electronDir, 'preload.cjs'),
    /** The only URL allowed to call the engine (see sender.ts). */
    appUrl: pathToFileURL(rendererIndex).href,
  };
}
