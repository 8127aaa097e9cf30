import { describe, expect, it } from 'vitest';
import { IcpSchema } from '../../main/domain/icp';
import { asWireError } from '../../renderer/api';
import { fromIcp, initialValues, toIcpInput } from '../../renderer/store/icpForm';

describe('ICP form conversion', () => {
  it('the default form is a valid ICP once named, with all 12 industries', () => {
    const v = { ...initialValues(), name: 'Q3' };
    const parsed = IcpSchema.safeParse(toIcpInput(v));
    expect(parsed.success).toBe(true);
    expect(v.industries).toHaveLength(12);
  });

  it('an emptied number field is reported at its path instead of silently defaulting', () => {
    const v = { ...initialValues(), name: 'Q3', targets: { T1: '', T2: '5', T3: '5' } };
    const parsed = IcpSchema.safeParse(toIcpInput(v));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain('tiers.T1.target');
  });

  it('treats US / USA / United States as one location option', () => {
    const icp = IcpSchema.parse({
      ...toIcpInput({ ...initialValues(), name: 'x' }),
      locations: ['United States', 'UK'],
    });
    expect(fromIcp(icp, initialValues()).locationOptions).toEqual(['United States', 'UK', 'India']);
  });

  it('round-trips an ICP, keeping fields the form does not edit', () => {
    const icp = IcpSchema.parse({
      ...toIcpInput({ ...initialValues(), name: 'Round trip' }),
      locations: ['Mexico'],
      signals: { activelyHiring: true },
      requiredChecks: ['industry'],
    });
    const v = fromIcp(icp, initialValues());
    expect(v.locationOptions).toEqual(['Mexico', 'USA', 'India']);
    expect(v.locations).toEqual(['Mexico']);
    expect(IcpSchema.parse(toIcpInput(v))).toEqual(icp);
  });
});

describe('asWireError', () => {
  it('keeps a wire error as is', () => {
    expect(asWireError({ name: 'AppError', message: 'Budget spent', code: 'BUDGET_REACHED' })).toEqual({
      name: 'AppError',
      message: 'Budget spent',
      code: 'BUDGET_REACHED',
    });
    // A code this renderer does not know (an older or newer engine) is shown as an unexpected error.
    expect(asWireError({ name: 'AppError', message: 'x', code: 'FROM_THE_FUTURE' }).code).toBe('INTERNAL');
  });

  it("unwraps Electron's remote-method prefix", () => {
    const e = new Error(
      "Error invoking remote method 'campaign/start': AppError: [NO_KEY] Add an Apollo key",
    );
    expect(asWireError(e)).toMatchObject({ message: 'Add an Apollo key', code: 'NO_KEY' });
  });
});
