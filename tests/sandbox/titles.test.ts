import { describe, expect, it } from 'vitest';
import { titleMatcher } from '../../main/sandbox/titles';

describe('sandbox title matching', () => {
  it('without similar titles needs the phrase itself', () => {
    const m = titleMatcher('Plant Head', false);
    expect(m('Plant Head - Operations')).toBe(true);
    expect(m('plant head')).toBe(true);
    expect(m('Plant Manager')).toBe(false);
    expect(m('Plant Biologist')).toBe(false);
    expect(titleMatcher('COO', false)('Cooper Manager')).toBe(false);
  });

  it('with similar titles expands abbreviations, synonyms and other languages (and lets lookalikes in)', () => {
    const plant = titleMatcher('Plant Head', true);
    for (const t of ['Plant Manager', 'Werksleiter', 'Jefe de Planta', 'Factory Manager', 'Plant Biologist'])
      expect(plant(t), t).toBe(true);
    expect(plant('HR Manager')).toBe(false);
    const vpOps = titleMatcher('VP Operations', true);
    for (const t of ['VP, Ops', 'Directeur des Opérations', 'Operations Analyst', 'Operatons Manager'])
      expect(vpOps(t), t).toBe(true);
    expect(vpOps('VP Sales')).toBe(false);
    const hr = titleMatcher('HR Manager', true);
    for (const t of ['Human Resources Manager', 'Personalleiter', 'HR Intern', 'Gerente de Recursos Humanos'])
      expect(hr(t), t).toBe(true);
    expect(titleMatcher('Recruiter', true)('Recruitment Marketing Designer')).toBe(true);
    expect(titleMatcher('Recruiter', false)('Recruitment Marketing Designer')).toBe(false);
  });
});
