/**
 * One real Chroma server for the whole test run (started by tests/setup/global.ts). Test files
 * reach it through process.env.CHROMA_URL (inherited by the test workers) or inject('chromaUrl').
 * Each test file should use its own collection namespace (withNamespace) so files can run in parallel.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { engineEnv } from '../../main/engine';
import { startChroma, type ChromaHandle } from '../../main/intel/chroma';

declare module 'vitest' {
  export interface ProvidedContext {
    chromaUrl: string;
  }
}

export interface TestChroma {
  url: string;
  stop(): Promise<void>;
}

/** Starts the shared server (or adopts CHROMA_URL if the caller already runs one). */
export async function startTestChroma(log: (line: string) => void = () => {}): Promise<TestChroma> {
  if (process.env.CHROMA_URL) {
    const handle = await startChroma({ dataDir: os.tmpdir(), url: process.env.CHROMA_URL });
    return { url: handle.url, stop: () => handle.stop() };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lead-studio-test-chroma-'));
  let handle: ChromaHandle;
  try {
    const { cacheDir, chromaBin } = engineEnv(); // the provisioned venv (LEAD_STUDIO_CACHE) or LEAD_STUDIO_CHROMA_BIN
    handle = await startChroma({ dataDir, log, cacheDir, chromaBin });
  } catch (err) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    url: handle.url,
    async stop() {
      await handle.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** For test files: the shared server's URL, or a clear failure saying how to get one. */
export function testChromaUrl(): string {
  const url = process.env.CHROMA_URL;
  if (!url) {
    throw new Error(
      'No test Chroma server: tests/setup/global.ts could not start one. Run `bash scripts/provision-chroma.sh` ' +
        '(or set CHROMA_URL to a running server) and re-run the tests.',
    );
  }
  return url;
}
