import { describe, expect, it } from 'vitest';
import { namePrior, rankByNamePrior, rankingLine } from '../../main/pipeline/search-prior';
import { searchKeys } from '../../main/pipeline/search-plan';
import { pipelineIcp } from './helpers';

const icp = { industries: ['Automotive', 'Chemicals', 'Textiles & Apparel'] };
const at = (organizationName: string) => ({ organizationName });

describe('the name prior of the industry check (free, orders only)', () => {
  it('reads a company name with the checklist vocabulary', () => {
    expect(namePrior('Patel Textiles Ltd.', icp).prior).toBe('fits');
    expect(namePrior('Agarwal Chemicals Ltd.', icp).prior).toBe('fits');
    expect(namePrior('Gordmans Stores Inc', icp)).toEqual({ prior: 'other-trade', sector: 'retail' });
    expect(namePrior('Stitch Fix', icp).prior).toBe('unknown');
  });

  it('puts companies bought already first, then names that fit, then silent ones, other trades last; stable within each', () => {
    const people = [
      at('Gordmans Stores Inc'),
      at('Stitch Fix'),
      at('Agarwal Chemicals Ltd.'),
      at('Om Sai Stores Industries Ltd.'),
      at('Acme'),
      at('Keystone Drivetrain Corp.'),
    ];
    const r = rankByNamePrior(people, icp, (p) => p.organizationName === 'Acme');
    expect(r.ranked.map((p) => p.organizationName)).toEqual([
      'Acme',
      'Agarwal Chemicals Ltd.',
      'Stitch Fix',
      'Keystone Drivetrain Corp.',
      'Gordmans Stores Inc',
      'Om Sai Stores Industries Ltd.',
    ]);
    expect(r.counts).toEqual({ known: 1, fits: 1, unknown: 2, 'other-trade': 2 });
    expect(rankingLine('T1', r)).toMatch(
      /^T1: new candidates ordered \(free\): 1 at companies bought already first.*2 read as another trade last, e\.g\. "Gordmans Stores Inc" \(retail\)/,
    );
    // Nobody is dropped.
    expect(new Set(r.ranked)).toEqual(new Set(people));
  });

  it('says nothing when every name reads the same way', () => {
    expect(rankingLine('T2', rankByNamePrior([at('Stitch Fix'), at('Acme')], icp))).toBeNull();
  });
});

describe('search plan: verified-first passes', () => {
  it('reads each band first for people whose address Apollo verified, then everyone, under their own cursors', () => {
    const groups = searchKeys(pipelineIcp(), ['COO'], { verifiedFirst: true });
    expect(groups.map((g) => [g[0]!.key, g[0]!.emailStatuses ?? null])).toEqual([
      ['COO @ 501,10000 · verified', ['verified']],
      ['COO @ 501,10000', null],
      ['COO @ 200,500 · verified', ['verified']],
      ['COO @ 200,500', null],
    ]);
    expect(searchKeys(pipelineIcp(), ['COO']).map((g) => g[0]!.key)).toEqual([
      'COO @ 501,10000',
      'COO @ 200,500',
    ]);
  });
});
