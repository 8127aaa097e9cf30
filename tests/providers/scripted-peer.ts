/**
 * A real HTTP server on 127.0.0.1 that answers from a script, for driving the HTTP layer through
 * exact sequences (503, 503, 200 …) deterministically. Test support only.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface ScriptedAnswer {
  status?: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; strings as they are. */
  body?: unknown;
  /** Answer after this many ms. */
  delayMs?: number;
  /** Drop the connection without answering. */
  destroy?: boolean;
}

export type Script = (req: SeenRequest, index: number) => ScriptedAnswer;

export interface ScriptedPeer {
  url: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

export async function startScriptedPeer(script: Script | ScriptedAnswer[]): Promise<ScriptedPeer> {
  const seen: SeenRequest[] = [];
  const answer: Script = Array.isArray(script)
    ? (_req, i) => script[Math.min(i, script.length - 1)] ?? { status: 500 }
    : script;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const r: SeenRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      const a = answer(r, seen.length);
      seen.push(r);
      const send = () => {
        if (a.destroy) return void req.socket.destroy();
        if (res.destroyed) return;
        const isText = typeof a.body === 'string';
        res.writeHead(a.status ?? 200, {
          'content-type': isText ? 'text/plain' : 'application/json',
          ...a.headers,
        });
        res.end(a.body === undefined ? '' : isText ? (a.body as string) : JSON.stringify(a.body));
      };
      if (a.delayMs) setTimeout(send, a.delayMs).unref();
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/v1`,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Avoid starting a window-sensitive test in the last moments of a fixed minute window. */
export async function awayFromMinuteBoundary(marginMs = 2_000): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < marginMs) await new Promise((r) => setTimeout(r, left + 50));
}
