/**
 * What both transports share: the engine as a host sees it, the preload's window object, and the
 * WebSocket frames. Types only, so the renderer, the preload and the host can all import it.
 */
import type { EventName, Events, Handlers, Method, Request, Response } from '../contract';
import type { WireError } from '../shared/errors';

/** The engine as any transport needs it: the contract's handlers plus one-way events. */
export interface EngineLike {
  handlers: Handlers;
  on<E extends EventName>(event: E, cb: (p: Events[E]) => void): () => void;
}

/**
 * `window.leadStudio`, exposed by electron/preload.ts through contextBridge.
 * invoke() rejects with a WireError-shaped object ({name, message, code}); the renderer also
 * copes with Electron's "Error invoking remote method …" wrapping if a plain Error gets through.
 */
export interface Bridge {
  invoke<M extends Method>(method: M, arg: Request<M>): Promise<Response<M>>;
  on<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void;
  /** Native save dialog; resolves to the chosen absolute path, or null when the user cancels. */
  saveDialog?(defaultName: string): Promise<string | null>;
}

/** Renderer → host over /rpc. */
export interface RpcRequest {
  id: number;
  method: Method;
  arg?: unknown;
}

/** Host → renderer: one reply per request id. */
export type RpcReply = { id: number; result: unknown } | { id: number; error: WireError };

/** Host → renderer: an engine event, pushed to every connected client. */
export interface RpcPush<E extends EventName = EventName> {
  event: E;
  payload: Events[E];
}

export const RPC_PATH = '/rpc';
