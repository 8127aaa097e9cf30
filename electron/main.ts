/**
 * The Electron main process: one instance, one hardened window, the engine behind IPC, and a shutdown
 * that pauses the running campaign and closes the database before the app exits.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, screen, session, shell } from 'electron';
import { createEngine, engineEnv, type Engine } from '../main/engine';
import { AppError } from '../main/shared/errors';
import { createKeychain } from '../main/secrets/keychain';
import { createLogger, redactSecrets } from '../main/secrets/redact';
import { registerIpc, type IpcRegistration } from './ipc';
import { menuTemplate } from './menu';
import { shellPaths } from './paths';
import { hardenContents, hardenSession, openExternalSafe } from './security';
import { loadWindowState, MIN_SIZE, saveWindowState } from './window-state';

const APP_NAME = 'Lead Studio';
// A shutdown that cannot finish (a stuck provider call) must not keep the app from quitting forever.
const SHUTDOWN_GRACE_MS = 10_000;

const paths = shellPaths(dirname(fileURLToPath(import.meta.url)));
const keychain = createKeychain(APP_NAME);
const log = createLogger({ secrets: () => keychain.knownSecrets() });
const dev = !app.isPackaged && process.env.LEAD_STUDIO_DEV === '1';

let engine: Engine | null = null;
let ipc: IpcRegistration | null = null;
let mainWindow: BrowserWindow | null = null;
let shutdown: 'running' | 'stopping' | 'done' = 'running';

const windowStateFile = () => join(app.getPath('userData'), 'window-state.json');
const workAreas = () => screen.getAllDisplays().map((d) => d.workArea);
const openLink = (url: string) => {
  openExternalSafe(shell, url).catch((err: unknown) => log.warn('could not open link', err));
};

async function createWindow(): Promise<BrowserWindow> {
  const state = await loadWindowState(windowStateFile(), workAreas());
  const win = new BrowserWindow({
    ...state.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: APP_NAME,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    const bounds = win.getNormalBounds();
    saveWindowState(windowStateFile(), { bounds, maximized: win.isMaximized() }).catch((err: unknown) =>
      log.warn('could not save the window state', err),
    );
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  await win.loadFile(paths.rendererIndex);
  return win;
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({ isMac: process.platform === 'darwin', appName: APP_NAME, dev, openLink }),
    ),
  );
  engine = await createEngine({
    dataDir: app.getPath('userData'),
    secrets: keychain,
    // Packaged: extraResources (models, icp, sandbox) sit in process.resourcesPath; unpackaged: the repo.
    resourcesDir: app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources'),
    ...engineEnv(),
  });
  // A watch refresh's alert (issue 13) as a desktop notification.
  engine.on('alerts/new', (a) => {
    if (Notification.isSupported())
      new Notification({
        title: `${a.lead}: ${a.new.band} (${a.new.total})`,
        body: a.whyNow || `was ${a.old.band} (${a.old.total})`,
      }).show();
  });
  ipc = registerIpc({
    ipcMain,
    dialog,
    engine,
    appUrl: paths.appUrl,
    getWindow: () => mainWindow,
    defaultDir: () => app.getPath('documents'),
    redact: (text) => redactSecrets(text, keychain.knownSecrets()),
    onInternalError: (method, err) => log.error(`${method} failed`, err),
  });
  mainWindow = await createWindow();
}

async function stopEngine(): Promise<void> {
  if (engine) {
    await engine.pauseRunning();
    await engine.close();
  }
  ipc?.dispose();
}

function fail(err: unknown): void {
  const message = err instanceof AppError || err instanceof Error ? err.message : String(err);
  log.error('startup failed', err);
  dialog.showErrorBox(`${APP_NAME} could not start`, redactSecrets(message, keychain.knownSecrets()));
  app.exit(1);
}

app.setName(APP_NAME);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => hardenContents(contents, paths.appUrl, shell));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (shutdown === 'running' && engine && BrowserWindow.getAllWindows().length === 0) {
      createWindow()
        .then((win) => (mainWindow = win))
        .catch(fail);
    }
  });

  // Quit waits for the engine: the running campaign is paused (so it resumes next time) and SQLite closed.
  app.on('before-quit', (event) => {
    if (shutdown === 'done') return;
    event.preventDefault();
    if (shutdown === 'stopping') return;
    shutdown = 'stopping';
    const grace = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
    Promise.race([stopEngine(), grace.then(() => log.warn('engine shutdown timed out; quitting anyway'))])
      .catch((err: unknown) => log.error('shutdown failed', err))
      .finally(() => {
        shutdown = 'done';
        app.quit();
      });
  });

  app.whenReady().then(start).catch(fail);
}
