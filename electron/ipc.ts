/**
 * Wires the contract onto Electron IPC: one ipcMain.handle per method, the save dialog, and engine
 * events forwarded to the window as they come (the engine's event bus already throttles progress).
 */
import { join } from 'node:path';
import type { BrowserWindow, Dialog, IpcMain, IpcMainInvokeEvent } from 'electron';
import { EVENTS, METHODS, type EventName, type Events } from '../main/contract';
import type { EngineLike } from '../main/host/bridge';
import { eventChannel, methodChannel, SAVE_DIALOG_CHANNEL } from './channels';
import { createDispatcher, guarded, type DispatchOptions } from './dispatch';
import { saveDialogName } from './save-dialog';
import { AppError } from '../main/shared/errors';

export interface IpcDeps extends DispatchOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  dialog: Pick<Dialog, 'showSaveDialog'>;
  engine: EngineLike;
  getWindow: () => BrowserWindow | null;
  /** Where the save dialog opens (e.g. app.getPath('documents')). */
  defaultDir: () => string;
}

export interface IpcRegistration {
  dispose(): void;
}

const frameUrl = (e: IpcMainInvokeEvent) => e.senderFrame?.url;

export function withXlsx(path: string): string {
  return path.toLowerCase().endsWith('.xlsx') ? path : `${path}.xlsx`;
}

export function registerIpc(deps: IpcDeps): IpcRegistration {
  const { ipcMain, engine } = deps;
  // The page may only export to a file the user picked in the native dialog: a compromised page
  // cannot choose where on disk the main process writes.
  const chosenPaths = new Set<string>();
  const dispatch = createDispatcher(engine.handlers, {
    ...deps,
    authorize(method, arg) {
      deps.authorize?.(method, arg);
      if (method === 'export/workbook' && !chosenPaths.has((arg as { path: string }).path)) {
        throw new AppError(
          'EXPORT_PATH_NOT_CHOSEN',
          'Choose where to save the workbook in the Export dialog, then export again.',
        );
      }
    },
  });

  for (const method of METHODS) {
    ipcMain.handle(methodChannel(method), (e, arg: unknown) => dispatch(method, frameUrl(e), arg));
  }

  ipcMain.handle(SAVE_DIALOG_CHANNEL, (e, name: unknown) =>
    guarded(frameUrl(e), deps, SAVE_DIALOG_CHANNEL, async () => {
      const parsed = saveDialogName.safeParse(name);
      if (!parsed.success)
        throw new AppError(
          'INVALID_INPUT',
          `Invalid input for ${SAVE_DIALOG_CHANNEL}: ${parsed.error.issues[0]?.message}`,
        );
      const win = deps.getWindow();
      const options = {
        title: 'Export leads',
        defaultPath: join(deps.defaultDir(), parsed.data),
        filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'] as (
          'createDirectory' | 'showOverwriteConfirmation'
        )[],
      };
      const result = win
        ? await deps.dialog.showSaveDialog(win, options)
        : await deps.dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      const chosen = withXlsx(result.filePath);
      chosenPaths.add(chosen);
      return chosen;
    }),
  );

  const send = <E extends EventName>(event: E, payload: Events[E]) => {
    const win = deps.getWindow();
    if (win && !win.isDestroyed()) win.webContents.send(eventChannel(event), payload);
  };
  const unsubscribers = EVENTS.map((event) => engine.on(event, (p) => send(event, p)));

  return {
    dispose() {
      for (const off of unsubscribers) off();
      for (const method of METHODS) ipcMain.removeHandler(methodChannel(method));
      ipcMain.removeHandler(SAVE_DIALOG_CHANNEL);
    },
  };
}
