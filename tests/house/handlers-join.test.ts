import { describe, expect, it } from 'vitest';
import { METHODS, type Handlers, type Method } from '../../main/contract';
import { joinHandlers } from '../../main/handlers';

/**
 * The joined Handlers map is complete by type: `tsc --noEmit` (npm run lint) checks the
 * @ts-expect-error lines below, so a missing or an extra method in the join fails the build.
 */
const stub = Object.fromEntries(METHODS.map((m) => [m, async () => undefined])) as unknown as Handlers;
const { 'campaign/wait': _dropped, ...missingOne } = stub;

describe('joinHandlers', () => {
  it('accepts exactly the contract methods, by type', () => {
    expect(Object.keys(joinHandlers({ ...stub })).sort()).toEqual([...METHODS].sort());
    // @ts-expect-error 'campaign/wait' is missing
    joinHandlers(missingOne);
    // @ts-expect-error 'campaign/frobnicate' is not a contract method
    joinHandlers({ ...stub, 'campaign/frobnicate': async () => undefined });
  });

  it('METHODS lists every method of the contract', () => {
    type Unlisted = Exclude<Method, (typeof METHODS)[number]>;
    const none: [Unlisted] extends [never] ? true : false = true;
    expect(none).toBe(true);
    expect(new Set(METHODS).size).toBe(METHODS.length);
  });
});
