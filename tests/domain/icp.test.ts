import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkIcp, parseIcpText, serializeIcp } from '../../main/domain/icp-io';

const template = readFileSync('resources/icp/manufacturing-staffing.yaml', 'utf8');

describe('ICP validation and I/O', () => {
  it('reads the manufacturing template exactly as seed 000 sets it', () => {
    const r = parseIcpText(template, 'yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.icp.tiers.T1.target).toBe(200);
    expect(r.icp.tiers.T2.target).toBe(200);
    expect(r.icp.tiers.T3.target).toBe(100);
    expect(r.icp.industries).toHaveLength(12);
    expect(r.icp.locations).toEqual(['USA', 'India']);
    expect(r.icp.companySize).toEqual({ min: 200, max: 10000 });
    expect(r.icp.minValidationScore).toBe(4);
    expect(r.icp.tiers.T1.titles).toContain('Plant Head');
  });

  it('round-trips through YAML and JSON', () => {
    const r = parseIcpText(template, 'yaml');
    if (!r.ok) throw new Error('invalid');
    for (const f of ['yaml', 'json'] as const) {
      const back = parseIcpText(serializeIcp(r.icp, f), f);
      expect(back).toEqual({ ok: true, icp: r.icp });
    }
  });

  it('fills defaults: tier targets 200/200/100, minimum score 4', () => {
    const r = checkIcp({
      name: 'x',
      tiers: { T1: { titles: ['COO'] }, T2: { titles: ['CHRO'] }, T3: { titles: ['Recruiter'] } },
      industries: ['Automotive'],
      locations: ['USA'],
      companySize: { min: 10, max: 20 },
    });
    expect(
      r.ok && [r.icp.tiers.T1.target, r.icp.tiers.T2.target, r.icp.tiers.T3.target, r.icp.minValidationScore],
    ).toEqual([200, 200, 100, 4]);
  });

  it('names every bad field and what is expected', () => {
    const r = checkIcp({
      name: '',
      tiers: {
        T1: { target: -5, titles: [] },
        T2: { titles: ['CHRO'] },
        T3: { target: 1.5, titles: ['Recruiter'] },
      },
      industries: [],
      locations: ['USA'],
      companySize: { min: 500, max: 100 },
      minValidationScore: 9,
      colour: 'blue',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'name',
        'tiers.T1.target',
        'tiers.T1.titles',
        'tiers.T3.target',
        'industries',
        'companySize.max',
        'minValidationScore',
        '(top level)',
      ]),
    );
    expect(r.issues.find((i) => i.path === 'minValidationScore')?.message).toMatch(/0 to 6/);
    expect(r.issues.find((i) => i.path === '(top level)')?.message).toMatch(/colour/);
  });

  it('explains broken files instead of throwing', () => {
    const yaml = parseIcpText('name: [unclosed', 'yaml');
    expect(yaml.ok === false && yaml.issues[0]!.message).toMatch(/not valid YAML/);
    const json = parseIcpText('{"name": ', 'json');
    expect(json.ok === false && json.issues[0]!.message).toMatch(/not valid JSON/);
    const list = parseIcpText('- a\n- b\n', 'yaml');
    expect(list.ok === false && list.issues[0]!.message).toMatch(/mapping/);
  });
});
