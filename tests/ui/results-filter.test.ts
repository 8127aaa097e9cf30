/**
 * The results' signals filter (issue 13) as the renderer asks for it: every choice of the Signals
 * select becomes a leads/list query the contract's one validator accepts, and "any signals or none"
 * sends no filter at all.
 */
import { describe, expect, it } from 'vitest';
import { validateArg } from '../../main/contract-args';
import { LEAD_SIGNAL_FILTERS } from '../../main/shared/shapes';
import { defaultFilter, queryFor } from '../../renderer/store/results';

describe('results: signals filter', () => {
  it('starts unfiltered and sends no signal key then', () => {
    const q = queryFor(7, defaultFilter(), 0);
    expect(defaultFilter().signal).toBeNull();
    expect(q).not.toHaveProperty('signal');
    expect(validateArg('leads/list', q)).toEqual(q);
  });

  it.each(LEAD_SIGNAL_FILTERS)(
    'sends signal "%s" with the other filters, and the contract accepts it',
    (s) => {
      const q = queryFor(7, { ...defaultFilter(), signal: s, tier: 'T1', deliverableOnly: true }, 2);
      expect(q).toMatchObject({ campaignId: 7, signal: s, tier: 'T1', deliverableOnly: true, offset: 200 });
      expect(validateArg('leads/list', q)).toEqual(q);
    },
  );
});
