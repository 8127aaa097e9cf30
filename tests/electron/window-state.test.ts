import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_STATE,
  loadWindowState,
  MIN_SIZE,
  sanitizeWindowState,
  saveWindowState,
} from '../../electron/window-state';

const laptop = [{ x: 0, y: 0, width: 1440, height: 900 }];
const dir = mkdtempSync(join(tmpdir(), 'lead-studio-window-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('window state', () => {
  it('round-trips through a real file, leaving no temp file behind', async () => {
    const file = join(dir, 'nested', 'window-state.json');
    const state = { bounds: { x: 100, y: 50, width: 1200, height: 800 }, maximized: true };
    await saveWindowState(file, state);
    expect(await loadWindowState(file, laptop)).toEqual(state);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['window-state.json']);
  });

  it('falls back to the default for a missing or corrupt file', async () => {
    expect(await loadWindowState(join(dir, 'absent.json'), laptop)).toEqual(DEFAULT_STATE);
    const corrupt = join(dir, 'corrupt.json');
    writeFileSync(corrupt, '{"bounds": {"width": 12');
    expect(await loadWindowState(corrupt, laptop)).toEqual(DEFAULT_STATE);
  });

  it('drops a position that is on no current display (an unplugged monitor)', () => {
    const s = sanitizeWindowState(
      { bounds: { x: 3000, y: 200, width: 1200, height: 800 }, maximized: false },
      laptop,
    );
    expect(s.bounds).toEqual({ width: 1200, height: 800 });
  });

  it('keeps a position on a second display', () => {
    const two = [...laptop, { x: 1440, y: 0, width: 1920, height: 1080 }];
    const s = sanitizeWindowState(
      { bounds: { x: 2000, y: 100, width: 1200, height: 800 }, maximized: false },
      two,
    );
    expect(s.bounds).toMatchObject({ x: 2000, y: 100 });
  });

  it('clamps sizes to the minimum and to the largest display', () => {
    expect(sanitizeWindowState({ bounds: { width: 10, height: 10 } }, laptop).bounds).toEqual(MIN_SIZE);
    expect(sanitizeWindowState({ bounds: { width: 5000, height: 3000 } }, laptop).bounds).toEqual({
      width: 1440,
      height: 900,
    });
  });

  it.each([null, 'x', { bounds: { width: 'wide', height: 800 } }, { bounds: { width: NaN, height: 1 } }])(
    'ignores malformed content %#',
    (raw) => {
      expect(sanitizeWindowState(raw, laptop)).toEqual(DEFAULT_STATE);
    },
  );
});
