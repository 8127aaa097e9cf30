import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineEnv } from '../../main/engine';
import { startChroma, type ChromaHandle } from '../../main/intel/chroma';
import {
  companyId,
  count,
  getEmbeddings,
  icpId,
  queryByEmbedding,
  resetCollection,
  upsertCompanies,
  upsertIcps,
  withNamespace,
  type HandleLike,
} from '../../main/intel/collections';
import { createEmbedder, type Embedder } from '../../main/intel/embedder';
import { companyProfile, icpProfile } from '../../main/intel/profiles';
import { cosine } from '../../main/intel/vector';
import { parseIcpText } from '../../main/domain/icp-io';
import { repoRoot } from '../../main/intel/paths';
import { testChromaUrl } from '../setup/chroma';
import { APP, FORGE, PLASTICS } from './companies';

const tmpDirs: string[] = [];
let embedder: Embedder;
let shared: ChromaHandle;
let ns: HandleLike;

beforeAll(async () => {
  embedder = await createEmbedder();
  shared = await startChroma({ dataDir: os.tmpdir(), url: testChromaUrl() });
  ns = withNamespace(shared, `intel-test-${process.pid}-${Date.now()}`);
});
afterAll(async () => {
  for (const name of ['companies', 'contacts', 'icps'] as const) {
    await shared?.client.deleteCollection({ name: `${ns.namespace}-${name}` }).catch(() => {});
  }
  await embedder?.close();
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

function manufacturingIcp() {
  const file = path.join(repoRoot(), 'resources', 'icp', 'manufacturing-staffing.yaml');
  const r = parseIcpText(fs.readFileSync(file, 'utf8'), 'yaml');
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.icp;
}

describe('collections on a real Chroma server', () => {
  it('upserts companies with our embeddings and finds the ICP-like ones first', async () => {
    const companies = [FORGE, PLASTICS, APP];
    const vectors = await embedder.embed(companies.map(companyProfile));
    await upsertCompanies(
      ns,
      companies.map((c, i) => ({
        id: companyId(c.domain),
        embedding: vectors[i]!,
        document: companyProfile(c),
        metadata: { name: c.name, country: c.country, employees: c.employees, fundingStage: c.fundingStage },
      })),
    );
    expect(await count(ns, 'companies')).toBe(3);

    const [icpVec] = await embedder.embed([icpProfile(manufacturingIcp())]);
    const hits = await queryByEmbedding(ns, 'companies', icpVec!, { n: 3 });
    expect(hits.map((h) => h.id)).toHaveLength(3);
    expect(hits[2]!.id).toBe('snapfeed.example');
    expect(hits[0]!.id).toBe(companyId(hits[0]!.id)); // stored ids are normalized domains
    // Chroma's cosine distance agrees with ours.
    const forgeHit = hits.find((h) => h.id === 'bharatforgings.example')!;
    expect(forgeHit.similarity).toBeCloseTo(cosine(icpVec!, vectors[0]!), 4);
    expect(forgeHit.document).toBe(companyProfile(FORGE));
    expect(forgeHit.metadata).toEqual({ name: FORGE.name, country: 'India', employees: 2400 }); // nulls left out

    const inIndia = await queryByEmbedding(ns, 'companies', icpVec!, { n: 3, where: { country: 'India' } });
    expect(inIndia.map((h) => h.id)).toEqual(['bharatforgings.example']);
    const big = await queryByEmbedding(ns, 'companies', icpVec!, {
      n: 3,
      where: { employees: { $gte: 500 } },
    });
    expect(big.map((h) => h.id).sort()).toEqual(['bharatforgings.example', 'midwestmolding.example']);
  });

  it('replaces by id on upsert and returns stored embeddings', async () => {
    const [a, b] = await embedder.embed(['Job titles: Plant Head.', 'Job titles: Recruiter.']);
    await upsertIcps(ns, [
      { id: icpId(7, 'T1'), embedding: a!, document: 'first', metadata: { campaignId: 7, tier: 'T1' } },
    ]);
    await upsertIcps(ns, [
      { id: icpId(7, 'T1'), embedding: b!, document: 'second', metadata: { campaignId: 7, tier: 'T1' } },
    ]);
    expect(await count(ns, 'icps')).toBe(1);
    const stored = await getEmbeddings(ns, 'icps', ['7:T1', '7:T2']);
    expect([...stored.keys()]).toEqual(['7:T1']);
    expect(cosine(stored.get('7:T1')!, b!)).toBeGreaterThan(0.9999);
    await resetCollection(ns, 'icps');
    expect(await count(ns, 'icps')).toBe(0);
  });

  it('refuses vectors of the wrong size', async () => {
    await expect(
      upsertCompanies(ns, [{ id: 'x.example', embedding: [1, 2, 3], document: 'x' }]),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });

  it('uses an external server as is and says when none answers', async () => {
    const ext = await startChroma({ dataDir: os.tmpdir(), url: testChromaUrl() });
    expect(ext.managed).toBe(false);
    expect(ext.pid).toBeNull();
    await ext.stop(); // no-op: the shared server keeps running
    expect(await shared.client.heartbeat()).toBeGreaterThan(0);
    await expect(startChroma({ dataDir: os.tmpdir(), url: 'http://127.0.0.1:9' })).rejects.toMatchObject({
      code: 'CHROMA_UNAVAILABLE',
    });
  });
});

describe('Chroma supervisor', () => {
  it('spawns a server, restarts it when it is killed, keeps its data, and stops it', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'intel-chroma-'));
    tmpDirs.push(dataDir);
    let handle: ChromaHandle | undefined;
    try {
      // Its own server, not the shared one: CHROMA_URL (set for the test run) reaches only entry points.
      const { cacheDir, chromaBin } = engineEnv();
      handle = await startChroma({ dataDir, cacheDir, chromaBin });
      expect(handle.managed).toBe(true);
      const [v] = await embedder.embed(['Plant Head']);
      await upsertIcps(handle, [{ id: icpId(1, 'T1'), embedding: v!, document: 'plant head' }]);

      const firstPid = handle.pid!;
      process.kill(firstPid, 'SIGKILL');
      for (let i = 0; i < 600 && handle.restarts === 0; i++) await new Promise((r) => setTimeout(r, 100));
      await handle.ready();
      expect(handle.restarts).toBe(1);
      expect(handle.pid).not.toBe(firstPid);

      const hits = await queryByEmbedding(handle, 'icps', v!, { n: 1 });
      expect(hits.map((h) => h.id)).toEqual(['1:T1']);

      const pid = handle.pid!;
      await handle.stop();
      expect(() => process.kill(pid, 0)).toThrow();
    } finally {
      await handle?.stop();
    }
  });
});

/** True while `pid` is a live process (a zombie waiting for init to reap it counts as gone). */
function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return false;
  }
}

describe.runIf(process.platform === 'linux')('Chroma server lifetime', () => {
  it('dies with an engine that was SIGKILLed (no exit handler ran)', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'intel-chroma-orphan-'));
    tmpDirs.push(dataDir);
    const env = { ...process.env };
    const script = `import('./main/intel/chroma.ts').then(async (m) => {
      const { LEAD_STUDIO_CACHE: cacheDir, LEAD_STUDIO_CHROMA_BIN: chromaBin } = process.env;
      const h = await m.startChroma({ dataDir: process.argv[1], cacheDir, chromaBin });
      console.log('PID ' + h.pid);
      setInterval(() => {}, 1000);
    });`;
    const engine = spawn(process.execPath, ['--import', 'tsx', '-e', script, dataDir], {
      cwd: repoRoot(),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let server = 0;
    engine.stdout.on('data', (d: Buffer) => (out += d.toString()));
    engine.stderr.on('data', (d: Buffer) => (out += d.toString()));
    try {
      await expect.poll(() => /PID (\d+)/.exec(out)?.[1], { timeout: 90_000, interval: 200 }).toBeDefined();
      server = Number(/PID (\d+)/.exec(out)![1]);
      expect(alive(server)).toBe(true);
      engine.kill('SIGKILL');
      await expect.poll(() => alive(server), { timeout: 20_000, interval: 200 }).toBe(false);
    } finally {
      engine.kill('SIGKILL');
      if (server && alive(server)) process.kill(server, 'SIGKILL'); // never leave one behind, even on failure
    }
  });
});
