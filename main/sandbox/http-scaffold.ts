/**
 * The HTTP scaffolding the sandbox servers (Apollo, Hunter, HubSpot, signals) share: a loopback
 * listener that turns a handler's crash into a 500, JSON/text replies with their lengths, the body
 * read whole, header and key lookups, counters, and the control endpoints' JSON bodies. What each
 * provider answers, and how it refuses, stays in its own server.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const JSON_TYPE = 'application/json; charset=utf-8';
export const HTML_TYPE = 'text/html; charset=utf-8';

export interface ReplyOptions {
  headers?: Record<string, string>;
  /** The content type whatever the body (e.g. RSS XML). */
  type?: string;
  /** The content type of a string body (default HTML: what most real services send with an error page). */
  textType?: string;
}

/** One reply: a string body goes as text, anything else as JSON. */
export function reply(res: ServerResponse, status: number, body: unknown, o: ReplyOptions = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': o.type ?? (typeof body === 'string' ? (o.textType ?? HTML_TYPE) : JSON_TYPE),
    'content-length': Buffer.byteLength(text),
    ...o.headers,
  });
  res.end(text);
}

/** A malformed-JSON fault: the first half of the JSON, cut mid-way, as a 200. */
export function replyTruncated(
  res: ServerResponse,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(200, { 'content-type': JSON_TYPE, ...headers });
  res.end(text.slice(0, Math.max(1, Math.floor(text.length / 2))));
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A request header's first value, trimmed ('' when absent). */
export const headerOf = (req: IncomingMessage, name: string): string => {
  const v = req.headers[name];
  return (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
};

/** The key in X-API-KEY, else a bearer token ('' when neither). */
export function apiKeyOf(req: IncomingMessage): string {
  const key = headerOf(req, 'x-api-key');
  if (key) return key;
  const auth = req.headers.authorization ?? '';
  return auth.toLowerCase().startsWith('bearer ') ? auth.slice(7).trim() : '';
}

/** Adds `by` to a named counter. */
export const bump = (into: Record<string, number>, key: string, by = 1) =>
  (into[key] = (into[key] ?? 0) + by);

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A path without its trailing slashes. */
export const trimPath = (path: string) => path.replace(/\/+$/, '');

/** A control endpoint's JSON body ({} when empty); undefined when it is not JSON (the caller answers 400). */
export function controlBody(raw: string): { body: unknown } | undefined {
  try {
    return { body: raw.trim() ? JSON.parse(raw) : {} };
  } catch {
    return undefined;
  }
}

export const NOT_JSON = { error: 'the request body must be JSON' };

export interface LoopbackServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Listens on the loopback (or `host`) with `handle` for every request; a handler that throws gets
 * a 500 naming the sandbox bug (or a dropped connection once the reply has begun).
 */
export async function serveLoopback(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  o: { port?: number; host?: string } = {},
): Promise<LoopbackServer> {
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) reply(res, 500, { error: `sandbox bug: ${(err as Error).message}` });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, o.host ?? '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
