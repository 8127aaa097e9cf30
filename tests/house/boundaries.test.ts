import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The folder boundaries of eslint.config.js, exercised on fixtures: a wrong-way import fails lint with
 * the boundary's message, the right-way import beside it passes (so the test can fail both ways).
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('folder boundaries (eslint no-restricted-imports)', () => {
  it.each([
    ['main/store/fixture.ts', "import type { Handlers } from '../contract';", /store\/ maps rows/],
    ['main/store/fixture.ts', "import { CampaignRunner } from '../pipeline/runner';", /store\/ maps rows/],
    ['main/domain/fixture.ts', "import { openDb } from '../store';", /domain\/ is pure/],
    ['main/shared/fixture.ts', "import { TIERS } from '../domain/icp';", /dependency-free/],
    [
      'main/secrets/fixture.ts',
      "import type { Provider } from '../contract';",
      /secrets\/ may import shared/,
    ],
    [
      'main/pipeline/fixture.ts',
      "import { createHandlers } from '../handlers';",
      /pipeline\/ may not reach up/,
    ],
    ['main/services/fixture.ts', "import { createEngine } from '../engine';", /services\/ are composed/],
    ['main/host/ws-host.ts', "import { listLeads } from '../store';", /A transport serves the contract/],
    ['main/intel/fixture.ts', "import type { Electron } from 'electron';", /no Electron in main/],
    ['renderer/fixture.ts', "import { openDb } from '../main/store';", /only through the contract/],
    ['electron/fixture.ts', "import { listLeads } from '../main/store';", /electron\/ only wires/],
  ])('%s: %s is refused', async (file, code, message) => {
    const messages = await restricted(file, `${code}\nexport {};\n`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
  });

  it.each([
    ['main/store/fixture.ts', "import type { CampaignProgress } from '../shared/shapes';"],
    ['main/domain/fixture.ts', "import { AppError } from '../shared/errors';"],
    ['main/handlers/fixture.ts', "import { listLeads } from '../store';"],
    ['renderer/fixture.ts', "import type { Handlers } from '../main/contract';"],
    ['electron/fixture.ts', "import { createEngine } from '../main/engine';"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await restricted(file, `${code}\nexport {};\n`)).toEqual([]);
  });
});
