// Starts the shared real services (Chroma server) once for the whole test run; see tests/setup/*.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startTestChroma } from './chroma';

/**
 * One temporary root per run: every test's mkdtemp (data dirs with SQLite files, Chroma's store,
 * exports) lands under it through TMPDIR, which the test workers and their child processes
 * inherit, and the run removes it at the end — 19 test files used to leave their dirs behind
 * (≈ 140 MB a run). LEAD_STUDIO_KEEP_TEST_TMP=1 keeps it for a post-mortem.
 */
function runTempRoot(): () => Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'lead-studio-tests-'));
  process.env.TMPDIR = root;
  return async () => {
    if (process.env.LEAD_STUDIO_KEEP_TEST_TMP === '1') console.warn(`[global setup] kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const teardown: (() => Promise<void>)[] = [];
  teardown.push(runTempRoot());
  try {
    const chroma = await startTestChroma();
    process.env.CHROMA_URL = chroma.url; // inherited by the test workers
    project.provide('chromaUrl', chroma.url);
    teardown.push(() => chroma.stop());
  } catch (err) {
    // Tests that need Chroma fail with testChromaUrl()'s message; the others still run.
    console.warn(`[global setup] Chroma not started: ${err instanceof Error ? err.message : String(err)}`);
  }
  return async () => {
    for (const fn of teardown.reverse()) await fn();
  };
}
