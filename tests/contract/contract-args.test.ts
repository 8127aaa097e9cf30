import { describe, expect, it } from 'vitest';
import { METHODS, type Method } from '../../main/contract';
import { AppError } from '../../main/shared/errors';
import { ARG_SCHEMAS, validateArg } from '../../main/contract-args';
import { saveDialogName } from '../../electron/save-dialog';

const icp = {
  name: 'Q3 manufacturing',
  tiers: {
    T1: { target: 10, titles: ['CEO'] },
    T2: { target: 10, titles: ['HR Director'] },
    T3: { target: 5, titles: ['HR Generalist'] },
  },
  industries: ['Manufacturing'],
  locations: ['United States'],
  companySize: { min: 200, max: 5000 },
};

function rejection(method: Method, arg: unknown): AppError {
  try {
    validateArg(method, arg);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error(`expected ${method} to reject ${JSON.stringify(arg)}`);
}

describe('IPC argument validation', () => {
  it('has a schema for every contract method', () => {
    expect(Object.keys(ARG_SCHEMAS).sort()).toEqual([...METHODS].sort());
  });

  it.each<[Method, unknown]>([
    ['icp/templates', undefined],
    ['campaign/list', null],
    ['icp/parse', { text: 'name: x', format: 'yaml' }],
    ['icp/serialize', { icp, format: 'json' }],
    ['icp/serialize', { icp: { name: 'half-filled draft' }, format: 'yaml' }],
    ['campaign/estimate', icp],
    ['campaign/start', { icp, budget: 500 }],
    ['campaign/start', { icp, budget: null }],
    ['campaign/get', { campaignId: 3 }],
    ['campaign/activity', { campaignId: 3, limit: 50 }],
    [
      'leads/list',
      { campaignId: 1, tier: 'T2', sort: 'score', desc: true, offset: 0, limit: 100, search: 'acme' },
    ],
    ['leads/update', { leadId: 9, status: 'contacted', notes: 'called Tuesday' }],
    ['export/workbook', { campaignId: 1, path: '/home/me/leads.xlsx' }],
    ['keys/set', { provider: 'apollo', key: 'abc' }], // the key's format is the keychain's to judge
    ['keys/test', { provider: 'apollo' }],
  ])('accepts a well-formed %s argument', (method, arg) => {
    expect(() => validateArg(method, arg)).not.toThrow();
  });

  it('forwards an ICP exactly as given (defaults are applied by the engine, not here)', () => {
    expect(validateArg('campaign/estimate', icp)).toBe(icp);
  });

  it('drops nothing silently: unknown keys are refused by name', () => {
    const err = rejection('campaign/get', { campaignId: 1, extra: true });
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toMatch(/extra/);
  });

  it.each<[Method, unknown, RegExp]>([
    ['campaign/get', { campaignId: -1 }, /campaignId: campaign id must be a positive number/],
    ['campaign/get', { campaignId: 1.5 }, /campaignId: campaign id must be a whole number/],
    ['campaign/get', { campaignId: '1' }, /campaignId: campaign id must be a number/],
    ['campaign/get', undefined, /Invalid input for campaign\/get/],
    ['campaign/list', { campaignId: 1 }, /takes no argument/],
    ['icp/parse', { text: 'x', format: 'toml' }, /format: format must be "yaml" or "json"/],
    ['icp/serialize', { icp: 'name: x', format: 'yaml' }, /icp: icp must be an object/],
    ['icp/parse', { text: 'x'.repeat(1_000_001), format: 'yaml' }, /text: text is over 1 MB/],
    ['campaign/start', { icp, budget: -5 }, /budget: budget cannot be negative/],
    ['campaign/start', { icp: { ...icp, industries: [] } }, /icp\.industries: list at least one industry/],
    [
      'campaign/estimate',
      { ...icp, companySize: { min: 500, max: 10 } },
      /companySize\.max: min must not exceed max/,
    ],
    ['leads/list', { campaignId: 1, limit: 5000 }, /limit: limit is at most 1000 rows per page/],
    ['leads/list', { campaignId: 1, tier: 'T9' }, /tier: tier must be one of: T1, T2, T3/],
    ['leads/list', { campaignId: 1, sort: 'email' }, /sort: sort must be one of/],
    ['leads/update', { leadId: 1, status: 'won' }, /status: status must be one of: new, contacted, replied/],
    ['leads/update', { leadId: 1, notes: 'n'.repeat(10_001) }, /notes: notes are over 10,000 characters/],
    ['export/workbook', { campaignId: 1, path: 'leads.xlsx' }, /path: path must be absolute/],
    ['export/workbook', { campaignId: 1, path: '/tmp/leads.csv' }, /path: path must end in \.xlsx/],
    ['export/workbook', { campaignId: 1, path: '/tmp/a\0b.xlsx' }, /path: path contains a NUL character/],
    [
      'keys/set',
      { provider: 'clearbit', key: 'abcdefgh' },
      /provider: provider must be one of: apollo, hunter/,
    ],
    ['keys/set', { provider: 'apollo', key: 42 }, /key: key must be text/],
  ])('rejects a bad %s argument naming the field', (method, arg, message) => {
    const err = rejection(method, arg);
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toMatch(message);
    expect(Array.isArray(err.detail)).toBe(true);
  });

  it('never echoes a submitted key in its error message', () => {
    const secret = 'sk_live_should_not_appear_' + 'x'.repeat(4096);
    const err = rejection('keys/set', { provider: 'apollo', key: secret });
    expect(err.message).toMatch(/key: key is too long/);
    expect(err.message).not.toContain('sk_live_should_not_appear_');
  });

  it('lets icp/validate through whatever it is given: reporting issues is that handler’s job', () => {
    expect(validateArg('icp/validate', { nonsense: true })).toEqual({ nonsense: true });
  });
});

describe('save dialog name', () => {
  it('accepts a file name and refuses paths', () => {
    expect(saveDialogName.safeParse('Q3 leads.xlsx').success).toBe(true);
    expect(saveDialogName.safeParse('../../etc/evil.xlsx').success).toBe(false);
    expect(saveDialogName.safeParse('C:\\evil.xlsx').success).toBe(false);
    expect(saveDialogName.safeParse('').success).toBe(false);
  });
});
