/**
 * The dev/test host: serves the built renderer and carries the contract over one WebSocket (/rpc),
 * so a plain browser can drive the real engine without Electron. Loopback only; the Host and
 * Origin checks stop other web pages (or DNS rebinding) from reaching the engine through it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { EVENTS, METHODS, type Method } from '../contract';
import { validateArg } from '../contract-args';
import { AppError, toWireError } from '../shared/errors';
import { RPC_PATH, type EngineLike, type RpcPush, type RpcReply } from './bridge';

export interface DevHostOptions {
  engine: EngineLike;
  /** 0 or absent = any free port. */
  port?: number;
  /** The built renderer (vite build output, e.g. dist/renderer). */
  staticDir?: string;
}

export interface DevHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const MAX_FRAME_BYTES = 8 * 1024 * 1024;
// A slow tab should not make the engine buffer progress snapshots without bound; newer ones follow.
const PROGRESS_BACKLOG_BYTES = 1024 * 1024;

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:*; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

const methodSet: ReadonlySet<string> = new Set(METHODS);

export function isMethod(m: unknown): m is Method {
  return typeof m === 'string' && methodSet.has(m);
}

export async function startDevHost(opts: DevHostOptions): Promise<DevHost> {
  const { engine } = opts;
  const staticRoot = opts.staticDir ? resolve(opts.staticDir) : null;
  let port = 0;

  const allowedHosts = () => new Set([`${HOST}:${port}`, `localhost:${port}`]);
  const hostOk = (req: IncomingMessage) => allowedHosts().has(req.headers.host ?? '');
  // Browsers always send Origin on WebSocket upgrades; non-browser clients (tests, scripts) may not.
  const originOk = (req: IncomingMessage) => {
    const origin = req.headers.origin;
    return (
      origin === undefined || origin === `http://${HOST}:${port}` || origin === `http://localhost:${port}`
    );
  };

  const server = createServer((req, res) => {
    if (!hostOk(req)) return plain(res, 421, 'Unknown host: open the address the dev host printed.');
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Only GET is served here.');
    serveStatic(staticRoot, req, res).catch((err: unknown) => plain(res, 500, toWireError(err).message));
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== RPC_PATH || !hostOk(req) || !originOk(req)) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket) => {
    ws.on('message', (data, isBinary) => {
      if (isBinary) return reply(ws, { id: -1, error: badRequest('frames must be JSON text') });
      void handleFrame(engine, ws, data.toString());
    });
    ws.on('error', () => ws.terminate());
  });

  const unsubscribe = EVENTS.map((event) =>
    engine.on(event, (payload) => {
      const frame = JSON.stringify({ event, payload } satisfies RpcPush);
      for (const client of wss.clients) {
        if (client.readyState !== client.OPEN) continue;
        if (event === 'campaign/progress' && client.bufferedAmount > PROGRESS_BACKLOG_BYTES) continue;
        client.send(frame);
      }
    }),
  );

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, HOST, () => {
      server.off('error', fail);
      ok();
    });
  });
  port = (server.address() as AddressInfo).port;

  let closed = false;
  return {
    url: `http://${HOST}:${port}/`,
    port,
    async close() {
      if (closed) return;
      closed = true;
      for (const off of unsubscribe) off();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((ok) => wss.close(() => ok()));
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

async function handleFrame(engine: EngineLike, ws: WebSocket, text: string): Promise<void> {
  let msg: unknown;
  try {
    msg = JSON.parse(text);
  } catch {
    return reply(ws, { id: -1, error: badRequest('frame is not valid JSON') });
  }
  const { id, method, arg } = (msg ?? {}) as { id?: unknown; method?: unknown; arg?: unknown };
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) {
    return reply(ws, { id: -1, error: badRequest('"id" must be an integer') });
  }
  if (!isMethod(method)) {
    const err = new AppError(
      'UNKNOWN_METHOD',
      `Unknown method ${JSON.stringify(method)}: expected one of ${METHODS.join(', ')}.`,
    );
    return reply(ws, { id, error: toWireError(err) });
  }
  try {
    const handler = engine.handlers[method] as (a: unknown) => Promise<unknown>;
    const result = await handler(validateArg(method, arg));
    reply(ws, { id, result: result === undefined ? null : result });
  } catch (err) {
    reply(ws, { id, error: toWireError(err) });
  }
}

function reply(ws: WebSocket, frame: RpcReply): void {
  if (ws.readyState !== ws.OPEN) return;
  let text: string;
  try {
    text = JSON.stringify(frame);
  } catch (err) {
    text = JSON.stringify({ id: frame.id, error: toWireError(err) } satisfies RpcReply);
  }
  ws.send(text);
}

function badRequest(why: string) {
  return toWireError(new AppError('BAD_REQUEST', `Bad request to the dev host: ${why}.`));
}

function plain(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
  res.end(text);
}

async function serveStatic(root: string | null, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  if (!root) return notBuilt(res);
  const rel = urlPath === '/' ? 'index.html' : urlPath.replace(/^\/+/, '');
  const file = resolve(join(root, rel));
  if (file !== root && !file.startsWith(root + sep)) return plain(res, 404, 'Not found.');
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    if (rel === 'index.html') return notBuilt(res);
    return plain(res, 404, 'Not found.');
  }
  const body = await readFile(file);
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': body.length,
    'cache-control': rel === 'index.html' ? 'no-store' : 'no-cache',
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function notBuilt(res: ServerResponse): void {
  plain(
    res,
    503,
    'The renderer is not built yet: run `npx vite build` (npm run build:renderer), then reload.',
  );
}
