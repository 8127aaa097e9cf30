import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIcpText } from '../../main/domain/icp-io';
import type { Icp } from '../../main/domain/icp';
import { createEmbedder, type Embedder } from '../../main/intel/embedder';
import { repoRoot } from '../../main/intel/paths';
import {
  companyProfile,
  contactProfile,
  icpProfile,
  icpTitleProfiles,
  sizeBandsBetween,
  titleText,
} from '../../main/intel/profiles';
import { cosine } from '../../main/intel/vector';
import { APP, FORGE, PLASTICS, company } from './companies';

function manufacturingIcp(): Icp {
  const file = path.join(repoRoot(), 'resources', 'icp', 'manufacturing-staffing.yaml');
  const r = parseIcpText(fs.readFileSync(file, 'utf8'), 'yaml');
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.icp;
}

describe('profile texts', () => {
  it('spells out title abbreviations and keeps the rest', () => {
    expect(titleText('TA Head')).toBe('talent acquisition Head');
    expect(titleText('VP, HR & Admin')).toBe('vice president, human resources & administration');
    expect(titleText('  Plant   Head ')).toBe('Plant Head');
    expect(contactProfile({ title: 'Sr. HRBP' })).toBe('senior. human resources business partner');
  });

  it('builds the ICP text from the tier titles, industries, size bands and countries', () => {
    const icp = manufacturingIcp();
    const t1 = icpProfile(icp, 'T1');
    // "COO" and "Chief Operating Officer" are one title once spelled out: listed once.
    expect(t1).toMatch(
      /^Job titles: chief operating officer, vice president Operations, Director Operations,/,
    );
    expect(t1).toContain('Industry: Automotive, Electronics, Industrial Machinery');
    expect(t1).toContain('mid-sized company (201-1,000 employees)');
    expect(t1).toContain('large enterprise (5,001-10,000 employees)');
    expect(t1).not.toContain('very large enterprise');
    expect(t1).toMatch(/Location: United States, India\.$/);
    expect(icpProfile(icp)).toBe(t1.slice(t1.indexOf('Industry:')));
    expect(icpTitleProfiles(icp, 'T2')).toContain('talent acquisition Head');
  });

  it('maps an employee range onto the bands it touches', () => {
    expect(sizeBandsBetween(200, 10_000)).toHaveLength(4);
    expect(sizeBandsBetween(1, 10)).toEqual(['micro business (1-10 employees)']);
    expect(sizeBandsBetween(20_000, 50_000)).toEqual(['very large enterprise (10,000+ employees)']);
  });

  it('writes a company as industry, size, location, keywords, description, name', () => {
    expect(companyProfile(FORGE)).toBe(
      'Industry: Automotive, Machinery, Metal forging. Size: large company (1,001-5,000 employees). ' +
        'Location: Pune, Maharashtra, India. Keywords: crankshafts, forgings, OEM supplier. ' +
        'Forges crankshafts and axle parts for truck and tractor makers, with three plants in Maharashtra. ' +
        'Company: Bharat Precision Forgings.',
    );
  });

  it('leaves unknown facts out instead of writing null, and cuts long descriptions at a word', () => {
    const bare = companyProfile(
      company({ name: 'Acme', domain: 'acme.example', description: 'word '.repeat(200) }),
    );
    expect(bare).not.toMatch(/null|undefined|Size:|Industry:/);
    expect(bare).toMatch(/^word( word)*\.\.\. Company: Acme\.$/);
    expect(bare.length).toBeLessThan(450);
  });

  it('is deterministic', () => {
    const icp = manufacturingIcp();
    expect(icpProfile(icp, 'T3')).toBe(icpProfile(structuredClone(icp), 'T3'));
    expect(companyProfile(PLASTICS)).toBe(companyProfile(structuredClone(PLASTICS)));
  });
});

describe('profiles with the real model', () => {
  let embedder: Embedder;
  beforeAll(async () => {
    embedder = await createEmbedder();
  });
  afterAll(() => embedder?.close());

  it('scores tier-relevant contacts above irrelevant ones (max over the tier titles)', async () => {
    const icp = manufacturingIcp();
    const titles = await embedder.embed(icpTitleProfiles(icp, 'T1'));
    const contacts = [
      'Vice President of Operations',
      'Plant Manager',
      'Software Engineer',
      'Marketing Intern',
    ];
    const vecs = await embedder.embed(contacts.map((title) => contactProfile({ title })));
    const score = vecs.map((v) => Math.max(...titles.map((t) => cosine(v, t))));
    expect(Math.min(score[0]!, score[1]!)).toBeGreaterThan(Math.max(score[2]!, score[3]!));
  });

  it('scores ICP-like companies above an unrelated one', async () => {
    const [icpVec, forge, plastics, app] = await embedder.embed([
      icpProfile(manufacturingIcp()),
      companyProfile(FORGE),
      companyProfile(PLASTICS),
      companyProfile(APP),
    ]);
    expect(cosine(icpVec!, forge!)).toBeGreaterThan(cosine(icpVec!, app!));
    expect(cosine(icpVec!, plastics!)).toBeGreaterThan(cosine(icpVec!, app!));
  });
});
