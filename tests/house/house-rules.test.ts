import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { FUNCTION_LENGTH } from '../../eslint.config.js';

/**
 * The house's function-length rule (eslint.config.js): a function in main/ over the limit fails lint,
 * one at the limit passes, blank lines and comments do not count, and no file of main/ is exempt.
 */
const eslint = new ESLint({ cwd: process.cwd() });

const fn = (statements: number, filler = '') =>
  `export function f(): number {\n  let n = 0;\n${Array.from({ length: statements }, () => `  n += 1;\n${filler}`).join('')}  return n;\n}\n`;

async function tooLong(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'max-lines-per-function').length;
}

describe('no function in main/ over ~80 lines (eslint max-lines-per-function)', () => {
  it('refuses a long function and passes one at the limit', async () => {
    // signature + `let` + statements + return + closing brace
    expect(await tooLong('main/pipeline/fixture.ts', fn(FUNCTION_LENGTH.max - 4))).toBe(0);
    expect(await tooLong('main/pipeline/fixture.ts', fn(FUNCTION_LENGTH.max - 3))).toBe(1);
  });

  it('does not count blank lines and comments', async () => {
    expect(await tooLong('main/store/fixture.ts', fn(FUNCTION_LENGTH.max - 4, '\n  // why\n'))).toBe(0);
  });

  it('holds for every file in main/ (no file is exempt)', async () => {
    const strict = new ESLint({
      cwd: process.cwd(),
      overrideConfig: [
        { files: ['main/**/*.ts'], rules: { 'max-lines-per-function': ['error', FUNCTION_LENGTH] } },
      ],
    });
    const results = await strict.lintFiles(['main/**/*.ts']);
    expect(results.length).toBeGreaterThan(100);
    const long = results
      .filter((r) => r.messages.some((m) => m.ruleId === 'max-lines-per-function'))
      .map((r) => r.filePath.slice(process.cwd().length + 1));
    expect(long).toEqual([]);
  });
});

describe('only entry points read the environment (eslint no-restricted-properties)', () => {
  const envMessages = async (filePath: string) => {
    const [result] = await eslint.lintText('export const dir = process.env.LEAD_STUDIO_DATA;\n', {
      filePath,
    });
    return result!.messages.filter((m) => m.ruleId === 'no-restricted-properties').length;
  };
  it('refuses process.env in a module and allows it at an entry point', async () => {
    expect(await envMessages('main/pipeline/fixture.ts')).toBe(1);
    expect(await envMessages('main/services/fixture.ts')).toBe(1);
    // intel/ takes its folders, mirror and Chroma binary as IntelSettings: no file of it is exempt.
    for (const file of [
      'chroma.ts',
      'chroma-launchers.ts',
      'model-download.ts',
      'model-files.ts',
      'paths.ts',
    ])
      expect(await envMessages(`main/intel/${file}`), file).toBe(1);
    expect(await envMessages('main/cli/fixture.ts')).toBe(0);
    expect(await envMessages('main/host/dev.ts')).toBe(0);
  });
});
