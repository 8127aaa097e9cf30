/**
 * Apollo's employment_history read into a revealed person's roles (issue 13): only what a
 * leadership signal needs (title, start, current, organization), the current role first and the
 * latest one before it; nothing older, no end dates, no entry ids.
 */
import { describe, expect, it } from 'vitest';
import { toRevealed, toRoles } from '../../main/providers/apollo/map';
import { MatchedPersonSchema } from '../../main/providers/apollo/schemas';

const entry = (o: Record<string, unknown>) => ({
  id: 'e',
  organization_id: 'org1',
  organization_name: 'Acme',
  title: 'Plant Manager',
  start_date: '2020-01-01',
  end_date: null,
  current: true,
  ...o,
});

describe('employment history → roles', () => {
  it('current first, then the latest past role; older roles and untitled entries dropped', () => {
    const roles = toRoles([
      entry({ title: 'Buyer', start_date: '2010-01-01', end_date: '2014-01-01', current: false }),
      entry({ title: 'VP Operations', start_date: '2026-07-01T00:00:00.000+00:00' }),
      entry({ title: 'Plant Manager', start_date: '2014-02-01', end_date: '2026-07-01', current: false }),
      entry({ title: null, start_date: '2025-01-01' }),
    ]);
    expect(roles).toEqual([
      {
        title: 'VP Operations',
        startDate: '2026-07-01',
        current: true,
        organizationId: 'org1',
        organizationName: 'Acme',
      },
      {
        title: 'Plant Manager',
        startDate: '2014-02-01',
        current: false,
        organizationId: 'org1',
        organizationName: 'Acme',
      },
    ]);
  });

  it('without a current flag, a role with no end date is the current one', () => {
    const roles = toRoles([
      entry({ current: null, end_date: '2019-01-01', title: 'Old' }),
      entry({ current: null, title: 'Now' }),
    ]);
    expect(roles.map((r) => [r.title, r.current])).toEqual([
      ['Now', true],
      ['Old', false],
    ]);
  });

  it('an unreadable history costs nothing but the roles; a person without one has none', () => {
    const p = MatchedPersonSchema.parse({ id: 'p1', title: 'VP Ops', employment_history: 'garbled' });
    expect(p.employment_history).toBeNull();
    expect(toRevealed(p).roles).toBeUndefined();
    expect(toRevealed(MatchedPersonSchema.parse({ id: 'p2' })).roles).toBeUndefined();
  });
});
