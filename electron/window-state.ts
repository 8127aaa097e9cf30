/**
 * Remembers the window's size, position and maximized state in a small JSON file in userData. What is
 * read back is distrusted: a bad or stale file (e.g. a monitor that is gone) yields a sane default.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Partial<Pick<Rect, 'x' | 'y'>> & Pick<Rect, 'width' | 'height'>;
  maximized: boolean;
}

export const MIN_SIZE = { width: 960, height: 640 } as const;
export const DEFAULT_STATE: WindowState = { bounds: { width: 1280, height: 820 }, maximized: false };
const MAX_DIMENSION = 16_384;
// How much of the title bar must land on a display for a saved position to be reused.
const VISIBLE_GRIP = { width: 120, height: 40 } as const;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function overlapsEnough(x: number, y: number, width: number, area: Rect): boolean {
  const left = Math.max(x, area.x);
  const right = Math.min(x + width, area.x + area.width);
  const top = Math.max(y, area.y);
  const bottom = Math.min(y + VISIBLE_GRIP.height, area.y + area.height);
  return right - left >= VISIBLE_GRIP.width && bottom - top >= VISIBLE_GRIP.height;
}

/** Turns whatever was stored into a usable state for the current displays' work areas. */
export function sanitizeWindowState(raw: unknown, workAreas: Rect[]): WindowState {
  if (!raw || typeof raw !== 'object') return DEFAULT_STATE;
  const r = raw as { bounds?: Record<string, unknown>; maximized?: unknown };
  const b = r.bounds ?? {};
  if (!finite(b.width) || !finite(b.height)) return DEFAULT_STATE;
  // Never larger than the biggest display (a saved 4K size on a laptop screen would hang off it).
  const maxW = workAreas.length ? Math.max(...workAreas.map((a) => a.width)) : MAX_DIMENSION;
  const maxH = workAreas.length ? Math.max(...workAreas.map((a) => a.height)) : MAX_DIMENSION;
  const clamp = (v: number, min: number, max: number) =>
    Math.round(Math.min(Math.max(v, min), Math.max(max, min)));
  const width = clamp(b.width, MIN_SIZE.width, Math.min(maxW, MAX_DIMENSION));
  const height = clamp(b.height, MIN_SIZE.height, Math.min(maxH, MAX_DIMENSION));
  const state: WindowState = { bounds: { width, height }, maximized: r.maximized === true };
  if (
    finite(b.x) &&
    finite(b.y) &&
    workAreas.some((a) => overlapsEnough(b.x as number, b.y as number, width, a))
  ) {
    state.bounds.x = Math.round(b.x);
    state.bounds.y = Math.round(b.y);
  }
  return state;
}

export async function loadWindowState(file: string, workAreas: Rect[]): Promise<WindowState> {
  try {
    return sanitizeWindowState(JSON.parse(await readFile(file, 'utf8')), workAreas);
  } catch {
    return DEFAULT_STATE; // missing or unreadable: first run, or a file we will overwrite on close
  }
}

/** Written beside and renamed over, so a crash mid-write never leaves a half file. */
export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(state)}\n`, 'utf8');
  await rename(tmp, file);
}
