/**
 * The renderer's one door to the engine: `api.call(method, arg)` and `api.on(event, cb)`, typed by
 * main/contract.ts. Inside Electron it goes through the preload's `window.leadStudio`; in a plain
 * browser (dev host, E2E) it speaks the same contract over a WebSocket to /rpc.
 */
import type { EventName, Events, Method, Request, Response } from '../main/contract';
import { isErrorCode, type ErrorCode, type WireError } from '../main/shared/errors';
import { RPC_PATH, type Bridge, type RpcPush, type RpcReply } from '../main/host/bridge';

declare global {
  interface Window {
    leadStudio?: Bridge;
  }
}

type Listener = (payload: never) => void;

export interface Transport {
  invoke(method: Method, arg: unknown): Promise<unknown>;
  on(event: EventName, cb: Listener): () => void;
  saveDialog?(defaultName: string): Promise<string | null>;
  readonly kind: 'electron' | 'websocket';
}

export interface Api {
  call<M extends Method>(
    method: M,
    ...arg: Request<M> extends undefined ? [] : [Request<M>]
  ): Promise<Response<M>>;
  on<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void;
  saveDialog(defaultName: string): Promise<string | null | undefined>;
  readonly kind: Transport['kind'];
}

/** Anything thrown by either transport becomes a WireError. */
export function asWireError(err: unknown): WireError {
  if (err && typeof err === 'object' && 'message' in err) {
    const e = err as { name?: unknown; message: unknown; code?: unknown };
    let message = String(e.message);
    let code: ErrorCode = isErrorCode(e.code) ? e.code : 'INTERNAL';
    // Electron wraps handler errors: "Error invoking remote method 'x': AppError: msg" (code lost).
    const wrapped = /^Error invoking remote method '[^']+': (?:\w+: )?(.*)$/s.exec(message);
    if (wrapped?.[1]) message = wrapped[1];
    const tagged = /^\[([A-Z_]+)\] (.*)$/s.exec(message);
    if (tagged?.[1] && tagged[2] !== undefined)
      [code, message] = [isErrorCode(tagged[1]) ? tagged[1] : 'INTERNAL', tagged[2]];
    return { name: typeof e.name === 'string' ? e.name : 'Error', message, code };
  }
  return { name: 'Error', message: String(err), code: 'INTERNAL' };
}

export class ApiError extends Error implements WireError {
  readonly code: ErrorCode;
  constructor(wire: WireError) {
    super(wire.message);
    this.name = wire.name;
    this.code = wire.code;
  }
}

function electronTransport(bridge: Bridge): Transport {
  return {
    kind: 'electron',
    invoke: (method, arg) => (bridge.invoke as (m: Method, a: unknown) => Promise<unknown>)(method, arg),
    on: (event, cb) => bridge.on(event, cb as (p: unknown) => void),
    saveDialog: bridge.saveDialog ? (name) => bridge.saveDialog!(name) : undefined,
  };
}

interface Pending {
  resolve(v: unknown): void;
  reject(e: WireError): void;
}

/** WebSocket transport with a send queue and reconnect-with-backoff; in-flight calls fail on a drop. */
export function websocketTransport(url: string): Transport {
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventName, Set<Listener>>();
  const queue: string[] = [];
  let nextId = 1;
  let socket: WebSocket | null = null;
  let retryMs = 250;

  const connect = () => {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      retryMs = 250;
      for (const frame of queue.splice(0)) ws.send(frame);
    };
    ws.onmessage = (ev) => {
      const msg = JSON.parse(String(ev.data)) as RpcReply | RpcPush;
      if ('event' in msg) {
        for (const cb of listeners.get(msg.event) ?? []) cb(msg.payload as never);
        return;
      }
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if ('error' in msg) p.reject(msg.error);
      else p.resolve(msg.result ?? undefined);
    };
    ws.onclose = () => {
      socket = null;
      for (const [id, p] of pending) {
        pending.delete(id);
        p.reject({
          name: 'TransportError',
          code: 'DISCONNECTED',
          message:
            'the connection to the Lead Studio engine dropped; it is reconnecting, try again in a moment',
        });
      }
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    };
  };

  return {
    kind: 'websocket',
    invoke(method, arg) {
      const id = nextId++;
      const frame = JSON.stringify({ id, method, arg });
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        if (!socket) connect();
        if (socket?.readyState === WebSocket.OPEN) socket.send(frame);
        else queue.push(frame);
      });
    },
    on(event, cb) {
      if (!socket) connect();
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(cb);
      return () => set.delete(cb);
    },
  };
}

/** `transport` may be a getter so nothing connects until the first call (and tests can import this file). */
export function createApi(transport: Transport | (() => Transport)): Api {
  const t = typeof transport === 'function' ? transport : () => transport;
  return {
    get kind() {
      return t().kind;
    },
    async call(method, ...arg) {
      try {
        return (await t().invoke(method, arg[0])) as never;
      } catch (err) {
        throw new ApiError(asWireError(err));
      }
    },
    on(event, cb) {
      return t().on(event, cb as Listener);
    },
    async saveDialog(defaultName) {
      const tr = t();
      return tr.saveDialog ? tr.saveDialog(defaultName) : undefined;
    },
  };
}

function defaultTransport(): Transport {
  if (typeof window !== 'undefined' && window.leadStudio) return electronTransport(window.leadStudio);
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return websocketTransport(`${proto}//${location.host}${RPC_PATH}`);
}

let shared: Transport | null = null;
export const api: Api = createApi(() => (shared ??= defaultTransport()));
