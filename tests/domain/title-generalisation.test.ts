import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIcpText } from '../../main/domain/icp-io';
import { createTitleClassifier } from '../../main/domain/titles';

/**
 * Titles none of the ICP's tiers lists, as real job boards and occupational data write them:
 * the classifier must read them from their parts (function, rank, setting), not from a list.
 */
const template = parseIcpText(readFileSync('resources/icp/manufacturing-staffing.yaml', 'utf8'), 'yaml');
if (!template.ok) throw new Error('template invalid');
const { classify } = createTitleClassifier(template.icp);

describe('titles the ICP does not list, read from their parts', () => {
  it.each([
    // production and plant leadership
    ['Plant Superintendent', 'T1'],
    ['Production Manager', 'T1'],
    ['Director of Manufacturing', 'T1'],
    ['Head of Production', 'T1'],
    ['Operations Manager', 'T1'],
    ['SVP Global Manufacturing', 'T1'],
    ['Prod. Mgr.', 'T1'],
    ['Gerente de Producción', 'T1'],
    ['Produktionsleiter', 'T1'],
    ['Directeur de production', 'T1'],
    ['Area Manager', 'T1'],
    // HR leadership
    ['Staffing Manager', 'T2'],
    ['Recruitment Manager', 'T2'],
    ['Personnel Director', 'T2'],
    ['Plant HR Manager', 'T2'],
    ['People Operations Manager', 'T2'],
    ['Employee Relations Manager', 'T2'],
    ['Chief People Officer', 'T2'],
    // HR practitioners
    ['HR Generalist', 'T3'],
    ['Senior HR Generalist', 'T3'],
    ['Human Resources Specialist', 'T3'],
    ['Recruiting Coordinator', 'T3'],
    ['Talent Sourcer', 'T3'],
    ['Technical Recruiter', 'T3'],
    ['Personnel Specialist', 'T3'],
    ['Talent Acquisition Partner', 'T3'],
  ])('%s → %s', (title, tier) => {
    expect(classify(title).tier).toBe(tier);
  });

  it.each([
    // the right words at the wrong rank
    'Plant Operator',
    'Production Supervisor',
    'Production Shift Manager',
    'Deputy Plant Manager',
    'Production Engineer',
    'Production Planner',
    'Machine Operator',
    'HR Clerk',
    'HR Intern',
    // another function's operations, or another function at the plant
    'Sales Operations Manager',
    'IT Operations Manager',
    'Warehouse Operations Manager',
    'Plant Quality Manager',
    'Director, Plant Engineering',
    'Web Project Manager',
    // another setting
    'Store Operations Manager',
    'Airport Operations Chief',
    'Operations Chief',
    'Casting Director',
    'Talent Agent',
    // HR work that does not hire
    'Payroll Specialist',
    'Benefits Manager',
    'Training Manager',
    'Executive Assistant to the COO',
    'Territory Manager',
    'Chief Engineer',
  ])('%s is not a target', (title) => {
    expect(classify(title).tier).toBeNull();
  });

  it('is less sure of a loose place word ("Site Leader") than of a plant', () => {
    expect(classify('Site Leader').tier).toBe('T1');
    expect(classify('Site Leader').confidence).toBeLessThan(classify('Plant Leader').confidence);
  });

  it('reads tiers from the ICP: a SaaS ICP takes no production manager', () => {
    const saas = parseIcpText(readFileSync('resources/icp/saas-growth.yaml', 'utf8'), 'yaml');
    if (!saas.ok) throw new Error('template invalid');
    const c = createTitleClassifier(saas.icp).classify;
    expect(c('Production Manager').tier).toBeNull();
    expect(c('Director of Engineering').tier).toBe('T1');
    expect(c('Engineering Manager').tier).toBeNull();
  });
});
