import { describe, expect, it } from 'vitest';
import { namePrior, rankByNamePrior, rankingLine } from '../../main/pipeline/search-prior';
import { chooseFilters } from '../../main/pipeline/search-filters';
import { idChunks, ORGANIZATION_IDS_PER_SEARCH, searchKeys } from '../../main/pipeline/search-plan';
import type { LeadProvider, PeopleSearchQuery } from '../../main/providers/types';
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

describe('organization_ids[] in chunks', () => {
  const ids = Array.from({ length: 2_500 }, (_, i) => `org${i}`);

  it('splits the directory into searches of at most 1,000 ids, in order', () => {
    const chunks = idChunks(ids);
    expect(ORGANIZATION_IDS_PER_SEARCH).toBe(1000);
    expect(chunks.map((c) => c.length)).toEqual([1000, 1000, 500]);
    expect(chunks.flat()).toEqual(ids);
    expect(idChunks(ids.slice(0, 10))).toEqual([ids.slice(0, 10)]);
  });

  it('gives each pass one search per chunk, under its own cursor; one chunk keeps the plain keys', () => {
    const groups = searchKeys(pipelineIcp(), ['COO'], { idChunks: idChunks(ids) });
    expect(groups.map((g) => [g[0]!.key, g[0]!.organizationIds!.length])).toEqual([
      ['COO @ 501,10000 · ids 1/3', 1000],
      ['COO @ 501,10000 · ids 2/3', 1000],
      ['COO @ 501,10000 · ids 3/3', 500],
      ['COO @ 200,500 · ids 1/3', 1000],
      ['COO @ 200,500 · ids 2/3', 1000],
      ['COO @ 200,500 · ids 3/3', 500],
    ]);
    expect(searchKeys(pipelineIcp(), ['COO'], { idChunks: [ids.slice(0, 5)] })[0]![0]!.key).toBe(
      'COO @ 501,10000',
    );
  });

  it('counts the market chunk by chunk: no search carries more than 1,000 ids, the counts add up', async () => {
    const seen: PeopleSearchQuery[] = [];
    const provider = {
      searchPeople: async (q: PeopleSearchQuery) => {
        seen.push(q);
        const n = q.organizationIds ? q.organizationIds.length : 10_000; // one person a company
        return { people: [], totalEntries: n, totalPages: 1 };
      },
    } as unknown as LeadProvider;
    const chosen = await chooseFilters(provider, pipelineIcp(), 'T1', ids, { campaignId: 1 });
    expect(Math.max(...seen.map((q) => q.organizationIds?.length ?? 0))).toBe(1000);
    expect(chosen.filters.organizationIds).toHaveLength(2_500);
    expect(chosen.line).toMatch(/directory scope 10,000 → 2,500 people/);
    expect(chosen.searches).toBe(seen.length);
  });
});
