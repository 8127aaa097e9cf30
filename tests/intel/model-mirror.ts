import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { MODEL_REVISION } from '../../main/intel/model-download';
import { MODEL_ID, MODEL_WEIGHTS } from '../../main/intel/model-files';
import { repoRoot } from '../../main/intel/paths';

/**
 * A model mirror laid out like the hub (`/<model id>/resolve/<revision>/<file>`), serving the
 * provisioned files over real HTTP, with Range support and two faults to drill.
 */
const SOURCE = path.join(repoRoot(), 'resources', 'models', MODEL_ID);

export interface Mirror {
  url: string;
  requests: { file: string; range: string | null }[];
  /** Cut the next weights response after this many bytes (a dropped connection). */
  cutWeightsAt: number | null;
  /** Serve weights with one byte flipped. */
  corrupt: boolean;
  /** Pace the weights at about this many bytes a second (null: as fast as loopback goes). */
  bytesPerSecond: number | null;
  close(): Promise<void>;
}

export async function startMirror(): Promise<Mirror> {
  const prefix = `/${MODEL_ID}/resolve/${MODEL_REVISION}/`;
  const m: Mirror = {
    url: '',
    requests: [],
    cutWeightsAt: null,
    corrupt: false,
    bytesPerSecond: null,
    close: () => new Promise((r) => server.close(() => r())),
  };
  const server = http.createServer((req, res) => {
    const url = req.url ?? '';
    const file = url.startsWith(prefix) ? decodeURIComponent(url.slice(prefix.length)) : '';
    const range = req.headers.range ?? null;
    m.requests.push({ file, range });
    const full = path.join(SOURCE, file);
    if (!file || file.includes('..') || !fs.existsSync(full)) {
      res.writeHead(404).end('Entry not found');
      return;
    }
    let body = fs.readFileSync(full);
    if (m.corrupt && file === MODEL_WEIGHTS) {
      body = Buffer.from(body);
      body[1000] = body[1000]! ^ 0xff;
    }
    const start = range ? Number(/bytes=(\d+)-/.exec(range)?.[1] ?? 0) : 0;
    const part = body.subarray(start);
    res.writeHead(range ? 206 : 200, {
      'content-length': part.length,
      ...(range ? { 'content-range': `bytes ${start}-${body.length - 1}/${body.length}` } : {}),
    });
    if (file === MODEL_WEIGHTS && m.cutWeightsAt !== null) {
      const cut = m.cutWeightsAt;
      m.cutWeightsAt = null;
      res.write(part.subarray(0, cut), () => res.destroy());
      return;
    }
    if (file === MODEL_WEIGHTS && m.bytesPerSecond) {
      const chunk = Math.ceil(m.bytesPerSecond / 10);
      let at = 0;
      const timer = setInterval(() => {
        if (res.destroyed) return clearInterval(timer);
        res.write(part.subarray(at, at + chunk));
        at += chunk;
        if (at >= part.length) {
          clearInterval(timer);
          res.end();
        }
      }, 100);
      return;
    }
    res.end(part);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  m.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return m;
}
