import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  METHODS,
  type CampaignProgress,
  type EventName,
  type Events,
  type Handlers,
} from '../../main/contract';
import type { EngineLike } from '../../main/host/bridge';
import { eventChannel, SAVE_DIALOG_CHANNEL } from '../../electron/channels';
import { registerIpc, withXlsx } from '../../electron/ipc';
import { shellPaths } from '../../electron/paths';

const { appUrl } = shellPaths('/app/dist/electron');
type Handler = (e: IpcMainInvokeEvent, arg: unknown) => Promise<unknown>;

function setup(opts: { dialogPath?: string | null } = {}) {
  const registered = new Map<string, Handler>();
  const ipcMain = {
    handle: (channel: string, fn: Handler) => void registered.set(channel, fn),
    removeHandler: (channel: string) => void registered.delete(channel),
  };
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  const engine: EngineLike = {
    handlers: {
      'campaign/list': async () => [],
      'export/workbook': async ({ path }: { path: string }) => ({ path, rows: 3 }),
    } as unknown as Handlers,
    on: (event, cb) => {
      const set = listeners.get(event) ?? new Set();
      set.add(cb as (p: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(cb as (p: unknown) => void);
    },
  };
  const emit = <E extends EventName>(event: E, payload: Events[E]) =>
    listeners.get(event)?.forEach((cb) => cb(payload));
  const sent: { channel: string; payload: unknown }[] = [];
  const win = {
    isDestroyed: () => false,
    webContents: { send: (channel: string, payload: unknown) => sent.push({ channel, payload }) },
  } as unknown as BrowserWindow;
  const dialogCalls: unknown[] = [];
  const dialog = {
    showSaveDialog: async (...args: unknown[]) => {
      dialogCalls.push(args.at(-1));
      const filePath = opts.dialogPath ?? undefined;
      return { canceled: filePath === undefined, filePath: filePath ?? '' };
    },
  };
  const reg = registerIpc({
    ipcMain,
    dialog: dialog as never,
    engine,
    appUrl,
    getWindow: () => win,
    defaultDir: () => '/home/me/Documents',
  });
  const call = (channel: string, arg: unknown, url = appUrl) =>
    registered.get(channel)!({ senderFrame: { url } } as unknown as IpcMainInvokeEvent, arg);
  return { registered, reg, emit, sent, call, listeners, dialogCalls };
}

const progress = (n: number): CampaignProgress =>
  ({ campaignId: 1, status: 'running', stage: 'searching', requests: n }) as unknown as CampaignProgress;

describe('registerIpc', () => {
  it('registers one handler per contract method plus the save dialog, and removes them all on dispose', () => {
    const { registered, reg, listeners } = setup();
    expect([...registered.keys()].sort()).toEqual([...METHODS, SAVE_DIALOG_CHANNEL].sort());
    reg.dispose();
    expect(registered.size).toBe(0);
    expect([...listeners.values()].every((s) => s.size === 0)).toBe(true);
  });

  it('routes a call through validation to the engine and back as an envelope', async () => {
    const { call } = setup();
    expect(await call('campaign/list', undefined)).toEqual({ ok: true, result: [] });
    expect(await call('campaign/list', undefined, 'https://evil.example/')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
  });

  it('forwards every event as it comes (the engine bus is the one throttle on progress)', () => {
    const { emit, sent, reg } = setup();
    const line = { campaignId: 1, at: '2025-01-01T00:00:00Z', level: 'info' as const, message: 'hi' };
    emit('campaign/activity', line);
    for (let n = 1; n <= 3; n++) emit('campaign/progress', progress(n));
    expect(sent).toEqual([
      { channel: eventChannel('campaign/activity'), payload: line },
      ...[1, 2, 3].map((n) => ({ channel: eventChannel('campaign/progress'), payload: progress(n) })),
    ]);
    reg.dispose();
    emit('campaign/progress', progress(4));
    expect(sent).toHaveLength(4);
  });

  it('save dialog: returns the chosen path with .xlsx, null on cancel, and refuses paths as names', async () => {
    const chosen = setup({ dialogPath: '/home/me/Documents/q3 leads' });
    expect(await chosen.call(SAVE_DIALOG_CHANNEL, 'q3 leads.xlsx')).toEqual({
      ok: true,
      result: '/home/me/Documents/q3 leads.xlsx',
    });
    expect(chosen.dialogCalls[0]).toMatchObject({ defaultPath: '/home/me/Documents/q3 leads.xlsx' });
    const cancelled = setup({ dialogPath: null });
    expect(await cancelled.call(SAVE_DIALOG_CHANNEL, 'x.xlsx')).toEqual({ ok: true, result: null });
    expect(await cancelled.call(SAVE_DIALOG_CHANNEL, '../../x.xlsx')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await cancelled.call(SAVE_DIALOG_CHANNEL, 'x.xlsx', 'https://evil.example/')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
  });

  it('exports only to a path the user chose in the save dialog', async () => {
    const { call } = setup({ dialogPath: '/home/me/Documents/q3.xlsx' });
    const typed = { campaignId: 1, path: '/home/me/.bashrc.xlsx' };
    expect(await call('export/workbook', typed)).toMatchObject({
      ok: false,
      error: { code: 'EXPORT_PATH_NOT_CHOSEN' },
    });
    const chosen = (await call(SAVE_DIALOG_CHANNEL, 'q3.xlsx')) as { result: string };
    expect(await call('export/workbook', { campaignId: 1, path: chosen.result })).toEqual({
      ok: true,
      result: { path: '/home/me/Documents/q3.xlsx', rows: 3 },
    });
  });

  it('withXlsx adds the extension only when missing', () => {
    expect(withXlsx('/a/b')).toBe('/a/b.xlsx');
    expect(withXlsx('/a/b.XLSX')).toBe('/a/b.XLSX');
  });
});
