import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../main/shared/errors';
import { ERROR_SENTENCES } from '../../renderer/error-sentences';
import { humanError } from '../../renderer/format';

describe('error sentences', () => {
  it('has one distinct human sentence for every error code, and none for codes that do not exist', () => {
    expect(Object.keys(ERROR_SENTENCES).sort()).toEqual([...ERROR_CODES].sort());
    for (const code of ERROR_CODES) {
      const s = ERROR_SENTENCES[code];
      expect(s, code).toMatch(/^[A-Z].{10,}[.]$/);
      expect(s, code).not.toMatch(/[A-Z]{3,}_[A-Z]/); // no codes shown to people
    }
    expect(new Set(Object.values(ERROR_SENTENCES)).size).toBe(ERROR_CODES.length);
  });

  it('keeps the engine message when it is for people and uses the sentence when it is not', () => {
    const field = { name: 'AppError', code: 'INVALID_INPUT', message: 'budget: budget cannot be negative' };
    expect(humanError('start the campaign', field)).toBe(
      "Couldn't start the campaign: budget: budget cannot be negative.",
    );
    const gone = { name: 'Error', code: 'DISCONNECTED', message: 'socket closed (1006)' };
    expect(humanError('load the leads', gone)).toBe(
      `Couldn't load the leads. ${ERROR_SENTENCES.DISCONNECTED}`,
    );
    const unknown = { name: 'Error', code: 'SOMETHING_NEW', message: '' };
    expect(humanError('save', unknown)).toBe(`Couldn't save. ${ERROR_SENTENCES.INTERNAL}`);
  });
});
