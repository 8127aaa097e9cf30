import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIcpText } from '../../main/domain/icp-io';
import { createTitleClassifier } from '../../main/domain/titles';

const manufacturing = parseIcpText(readFileSync('resources/icp/manufacturing-staffing.yaml', 'utf8'), 'yaml');
if (!manufacturing.ok) throw new Error('template invalid');
const classify = createTitleClassifier(manufacturing.icp).classify;

describe('title classifier (manufacturing ICP)', () => {
  it.each([
    ['VP, Ops', 'T1'],
    ['Plant Mgr', 'T1'],
    ['Jefe de Planta', 'T1'],
    ['Werksleiter', 'T1'],
    ['Directeur des Opérations', 'T1'],
    ['Chief Operating Officer', 'T1'],
    ['Senior Vice President, Global Operations & Supply Chain', 'T1'],
    ['General Manager - Operations', 'T1'],
    ['CHRO', 'T2'],
    ['Head of People', 'T2'],
    ['Vice President of Human Resources', 'T2'],
    ['Talent Acquisition Manager', 'T2'],
    ['Senior HR Business Partner', 'T2'],
    ['Personalleiter', 'T2'],
    ['HRBP', 'T3'],
    ['Recruiter', 'T3'],
    ['Senior Recruiter', 'T3'],
    ['HR Executive', 'T3'],
    ['Staffing Coordinator', 'T3'],
  ])('%s → %s', (title, tier) => {
    expect(classify(title).tier).toBe(tier);
  });

  it.each([
    'Chief Financial Officer',
    'Operations Analyst',
    'HR Intern',
    'Regional Sales Manager',
    'Plant Biologist',
    'Recruitment Marketing Designer',
    'VP Sales',
    'Software Engineer',
    'Assistant Plant Manager',
    'Operations Coordinator (Sales)',
  ])('%s is not a target', (title) => {
    expect(classify(title).tier).toBeNull();
  });

  it('is less confident about repaired or translated titles than exact ones', () => {
    expect(classify('Operatons Director').confidence).toBeLessThan(
      classify('Director Operations').confidence,
    );
    expect(classify('Jefe de Planta').confidence).toBeLessThan(classify('Plant Head').confidence);
  });

  it("names the tier's title that shares the most function words", () => {
    expect(classify('Talent Acquisition Manager').matched).toBe('TA Manager');
    expect(classify('Talent Manager').matched).toBe('TA Manager');
    expect(classify('Human Resources Manager').matched).toBe('HR Manager');
    expect(classify('Vice President Human Resources').matched).toBe('VP HR');
    // a rank within the tier's range: still the nearest in function words, not the tier's first
    expect(classify('Staffing Officer').matched).toBe('Staffing Coordinator');
    expect(classify('Talent Representative').matched).toBe('TA Specialist');
    expect(classify('Talent Acquisition Lead, North America').matched).toBe('TA Manager');
  });

  it('keeps confidence within 0..1', () => {
    for (const t of ['Plant Head', 'x', 'Senior Vice President of Global Operations and Plant Excellence']) {
      const c = classify(t).confidence;
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(1);
    }
  });
});

describe('title classifier (SaaS ICP)', () => {
  const saas = parseIcpText(readFileSync('resources/icp/saas-growth.yaml', 'utf8'), 'yaml');
  if (!saas.ok) throw new Error('template invalid');
  const c = createTitleClassifier(saas.icp).classify;
  it('reads engineering leaders and rejects the COO', () => {
    expect(c('Chief Technology Officer').tier).toBe('T1');
    expect(c('VP of Engineering').tier).toBe('T1');
    expect(c('Head of Product').tier).toBe('T1');
    expect(c('Chief Operating Officer').tier).toBeNull();
  });
});
