// The dev host over real HTTP + WebSocket on 127.0.0.1, driving an in-memory engine: what is tested
// here is the transport (framing, method validation, errors, events, static files, origin/host checks).
import { request } from 'node:http';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startDevHost, type DevHost } from '../../main/host/ws-host';
import { createFakeEngine, type FakeEngine } from './fake-engine';

let host: DevHost;
let engine: FakeEngine;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ls-host-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(tmpdir(), 'ls-host-secret.txt'), 'secret');
  engine = createFakeEngine({ tickMs: 5 });
  host = await startDevHost({ engine, staticDir: dir });
});

afterAll(async () => {
  await host.close();
  engine.close();
  rmSync(dir, { recursive: true, force: true });
});

function connect(headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((ok, fail) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/rpc`, { headers });
    ws.once('open', () => ok(ws));
    ws.once('error', fail);
  });
}

function rpc(ws: WebSocket, frame: unknown): Promise<Record<string, unknown>> {
  const id = (frame as { id?: unknown }).id;
  return new Promise((ok) => {
    const onMsg = (data: WebSocket.RawData) => {
      const msg = JSON.parse(data.toString()) as Record<string, unknown>;
      if ('event' in msg) return;
      if (msg.id === (typeof id === 'number' ? id : -1)) {
        ws.off('message', onMsg);
        ok(msg);
      }
    };
    ws.on('message', onMsg);
    ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  });
}

describe('static files', () => {
  it('serves the built renderer on 127.0.0.1 with a CSP header', async () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
    const res = await fetch(host.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const js = await fetch(`${host.url}assets/app.js`);
    expect(js.headers.get('content-type')).toContain('text/javascript');
  });

  it('refuses paths outside the static dir and unknown hosts', async () => {
    const escaped = await fetch(`${host.url}..%2fls-host-secret.txt`);
    expect(escaped.status).toBe(404);
    expect(await escaped.text()).not.toContain('secret');
    const missing = await fetch(`${host.url}nope.js`);
    expect(missing.status).toBe(404);
    // fetch() will not forge Host; node:http will, as a DNS-rebinding page effectively does.
    const status = await new Promise<number | undefined>((ok, fail) =>
      request(host.url, { headers: { host: `attacker.example:${host.port}` } }, (res) => {
        res.resume();
        ok(res.statusCode);
      })
        .on('error', fail)
        .end(),
    );
    expect(status).toBe(421);
  });
});

describe('rpc', () => {
  let ws: WebSocket;
  beforeAll(async () => {
    ws = await connect();
  });
  afterAll(() => ws.close());

  it('answers a contract method with its result', async () => {
    const reply = await rpc(ws, { id: 1, method: 'settings/get' });
    expect(reply).toMatchObject({ id: 1, result: { sandbox: true, keys: { apollo: { present: false } } } });
  });

  it('sends null for void handlers so the reply still carries `result`', async () => {
    const reply = await rpc(ws, { id: 2, method: 'keys/delete', arg: { provider: 'apollo' } });
    expect(reply).toEqual({ id: 2, result: null });
  });

  it('rejects methods outside the contract', async () => {
    const reply = await rpc(ws, { id: 3, method: 'fs/readFile', arg: { path: '/etc/passwd' } });
    expect(reply.error).toMatchObject({ code: 'UNKNOWN_METHOD' });
    expect((reply.error as { message: string }).message).toContain('fs/readFile');
  });

  it('turns handler errors into wire errors with their code', async () => {
    const reply = await rpc(ws, { id: 4, method: 'campaign/get', arg: { campaignId: 999 } });
    expect(reply.error).toEqual({ name: 'AppError', code: 'NOT_FOUND', message: 'No campaign with id 999.' });
  });

  it('reports malformed frames as BAD_REQUEST', async () => {
    expect((await rpc(ws, '{not json')).error).toMatchObject({ code: 'BAD_REQUEST' });
    expect((await rpc(ws, { method: 'settings/get' })).error).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('pushes engine events to connected clients', async () => {
    const events: string[] = [];
    const done = new Promise<void>((ok) => {
      ws.on('message', (data) => {
        const msg = JSON.parse(data.toString()) as { event?: string; payload?: { status?: string } };
        if (msg.event) events.push(msg.event);
        if (msg.event === 'campaign/progress' && msg.payload?.status === 'completed') ok();
      });
    });
    const icp = (await rpc(ws, { id: 5, method: 'icp/templates' })).result as { icp: { tiers: object } }[];
    const small = {
      ...icp[0]!.icp,
      name: 'Events',
      tiers: {
        T1: { target: 2, titles: ['COO'] },
        T2: { target: 1, titles: ['CHRO'] },
        T3: { target: 0, titles: ['Recruiter'] },
      },
    };
    const started = await rpc(ws, { id: 6, method: 'campaign/start', arg: { icp: small } });
    expect(started.result).toMatchObject({ campaignId: expect.any(Number) });
    await done;
    expect(events).toContain('campaign/activity');
    expect(events).toContain('campaign/progress');
  });
});

describe('websocket upgrade', () => {
  it('refuses a page from another origin', async () => {
    await expect(connect({ origin: 'https://evil.example' })).rejects.toThrow(/403/);
  });

  it('accepts the page it served', async () => {
    const ws = await connect({ origin: `http://127.0.0.1:${host.port}` });
    ws.close();
  });

  it('refuses other paths', async () => {
    await expect(
      new Promise((ok, fail) => {
        const ws = new WebSocket(`ws://127.0.0.1:${host.port}/other`);
        ws.once('open', ok);
        ws.once('error', fail);
      }),
    ).rejects.toThrow(/403/);
  });
});
