/**
 * The page's only door to the main process, exposed as `window.leadStudio`. It offers named functions,
 * never ipcRenderer itself, and only for the contract's methods and events plus the save dialog.
 * Built as CommonJS (dist/electron/preload.cjs): sandboxed preloads cannot load ES modules.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  EVENTS,
  METHODS,
  type EventName,
  type Events,
  type Method,
  type Request,
  type Response,
} from '../main/contract';
import type { Bridge } from '../main/host/bridge';
import { eventChannel, methodChannel, SAVE_DIALOG_CHANNEL } from './channels';
import { ipcFailure, unwrapEnvelope } from './envelope';

const methods: ReadonlySet<string> = new Set(METHODS);
const events: ReadonlySet<string> = new Set(EVENTS);

function call<T>(channel: string, arg: unknown): Promise<T> {
  return ipcRenderer.invoke(channel, arg).then(
    (reply: unknown) => unwrapEnvelope<T>(reply),
    (err: unknown) => Promise.reject(ipcFailure(err)),
  );
}

const bridge = {
  invoke<M extends Method>(method: M, arg: Request<M>): Promise<Response<M>> {
    if (!methods.has(method)) {
      return Promise.reject({
        name: 'AppError',
        message: `Unknown method "${String(method)}".`,
        code: 'UNKNOWN_METHOD',
      });
    }
    return call<Response<M>>(methodChannel(method), arg);
  },
  on<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void {
    if (!events.has(event)) throw new Error(`Unknown event "${String(event)}".`);
    if (typeof cb !== 'function') throw new Error('on() needs a callback function.');
    const channel = eventChannel(event);
    // The IPC event object stays here: handing it to the page would leak ipcRenderer-level access.
    const listener = (_e: IpcRendererEvent, payload: Events[E]) => cb(payload);
    ipcRenderer.on(channel, listener);
    return () => {
      ipcRenderer.removeListener(channel, listener);
    };
  },
  saveDialog(defaultName: string): Promise<string | null> {
    return call<string | null>(SAVE_DIALOG_CHANNEL, defaultName);
  },
} satisfies Bridge;

contextBridge.exposeInMainWorld('leadStudio', bridge);
