import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { replaceAll } from '../store/people';

/**
 * Rewrites text files (the engine log) with every needle replaced, via a temp file and a rename so
 * a crash never leaves half a log. Returns how many lines changed.
 */
export function scrubFiles(files: string[], needles: string[], by = '[erased person]'): number {
  const usable = needles.filter((n) => n.trim().length >= 3);
  let changed = 0;
  for (const file of files) {
    if (!existsSync(file) || usable.length === 0) continue;
    const lines = readFileSync(file, 'utf8').split('\n');
    const out = lines.map((line) => {
      const next = usable.reduce((l, n) => replaceAll(l, n, by), line);
      if (next !== line) changed++;
      return next;
    });
    if (out.every((l, i) => l === lines[i])) continue;
    writeFileSync(`${file}.scrub`, out.join('\n'));
    renameSync(`${file}.scrub`, file);
  }
  return changed;
}
