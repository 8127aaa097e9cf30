// Starts the shared real services (Chroma server) once for the whole test run; see tests/setup/*.
import type { TestProject } from 'vitest/node';
import { startTestChroma } from './chroma';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const teardown: (() => Promise<void>)[] = [];
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
