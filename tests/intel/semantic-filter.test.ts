import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIcpText } from '../../main/domain/icp-io';
import { createTitleClassifier } from '../../main/domain/titles';
import { createEmbedder, type Embedder } from '../../main/intel/embedder';
import { SemanticFilter } from '../../main/pipeline/semantic-filter';
import type { CompanySummary } from '../../main/providers/types';
import { queuedCandidate, type CandidateRow } from '../../main/store';

const r = parseIcpText(readFileSync('resources/icp/manufacturing-staffing.yaml', 'utf8'), 'yaml');
if (!r.ok) throw new Error('template');
const icp = r.icp;

const cand = (id: string, title: string, company: string): CandidateRow =>
  queuedCandidate({
    providerId: id,
    firstName: 'A',
    lastName: 'B',
    title,
    organizationId: null,
    organizationName: company,
    organizationDomain: null,
    hasEmail: true,
  });
const company = (
  name: string,
  industry: string | null,
  country: string,
  employees: number,
): CompanySummary => ({
  providerId: null,
  name,
  domain: `${name.toLowerCase().replace(/\W+/g, '')}.com`,
  industry,
  employees,
  country,
});

describe('semantic pre-filter decisions (real model)', () => {
  let embedder: Embedder;
  beforeAll(async () => {
    embedder = await createEmbedder();
  });
  afterAll(async () => embedder.close());

  it("hands the campaign the model title classifier, whose confidence the kept candidate's reason carries", async () => {
    const filter = new SemanticFilter(icp, embedder);
    const classifier = filter.titleClassifier(icp);
    expect(classifier.prime).toBeTypeOf('function');
    expect(new SemanticFilter(icp, null).titleClassifier(icp).prime).toBeUndefined();
    const candidates = [
      cand('1', 'Plant Manager', 'Acme Axles'),
      cand('2', 'Manufacturing Lead', 'Acme Axles'),
    ];
    const companies = candidates.map(() => company('Acme Axles', 'automotive', 'United States', 850));
    const d = await filter.decide(candidates, {
      campaignId: 1,
      icp,
      tier: 'T1',
      classifier,
      companies,
      log: () => {},
    });
    // primed by decide: the model's similarity is a feature of the confidence, so it differs from the rules'
    const withModel = classifier.classify('Plant Manager');
    expect(classifier.explain('Plant Manager').similarity).toBeGreaterThan(0);
    expect(withModel.tier).toBe('T1');
    expect(withModel.confidence).not.toBe(createTitleClassifier(icp).classify('Plant Manager').confidence);
    expect(d[0]!.reason).toContain(`confidence ${withModel.confidence.toFixed(2)}`);
  });

  it('keeps targets at fitting companies and explains every drop', async () => {
    const filter = new SemanticFilter(icp, embedder);
    const candidates = [
      cand('1', 'VP, Ops', 'Acme Axles'),
      cand('2', 'Operations Analyst', 'Acme Axles'),
      cand('3', 'Plant Manager', 'Bytesoft'),
      cand('4', 'HR Manager', 'Lyon Chimie'),
      cand('5', 'Senior Recruiter', 'Pune Castings'),
    ];
    const companies = [
      company('Acme Axles', 'automotive', 'United States', 850),
      company('Acme Axles', 'automotive', 'United States', 850),
      company('Bytesoft', 'computer software', 'United States', 900),
      company('Lyon Chimie', 'chemicals', 'France', 700),
      company('Pune Castings', null, 'India', 450),
    ];
    const d = await filter.decide(candidates, {
      campaignId: 1,
      icp,
      tier: 'T1',
      classifier: createTitleClassifier(icp),
      companies,
      log: () => {},
    });
    expect(d.map((x) => x.keep)).toEqual([true, false, false, false, true]);
    expect(d.map((x) => x.tier)).toEqual(['T1', null, 'T1', 'T2', 'T3']);
    expect(d[1]!.reason).toMatch(/matches no tier/);
    expect(d[2]!.reason).toMatch(/industry "computer software"/);
    expect(d[3]!.reason).toMatch(/France/);
    for (const i of [0, 4]) {
      // Kept candidates carry both similarities, above the ICP's thresholds.
      expect(d[i]!.similarity).toBeGreaterThanOrEqual(icp.semantic.contactThreshold);
      expect(d[i]!.companySimilarity).toBeGreaterThanOrEqual(icp.semantic.companyThreshold);
    }
  });

  it('lets similarity veto only a title placed by a loose place word, never the rules’ sure readings or another language', async () => {
    const filter = new SemanticFilter(icp, embedder);
    const titles = [
      // real titles the rules place surely, all below 0.5 to the template's titles (measured)
      'Head of Footwear Production',
      'Sawmill Owner',
      'Headhunter',
      'Directeur des ressources humaines',
      'Gerente de recursos humanos',
      // placed by "site" alone, and unlike any ICP title
      'Site Leader',
    ];
    const candidates = titles.map((t, i) => cand(String(i), t, 'Acme Axles'));
    const d = await filter.decide(candidates, {
      campaignId: 1,
      icp,
      tier: 'T1',
      classifier: filter.titleClassifier(icp),
      companies: candidates.map(() => company('Acme Axles', 'automotive', 'United States', 850)),
      log: () => {},
    });
    for (const x of d) expect(x.similarity).toBeLessThan(icp.semantic.contactThreshold);
    expect(d.map((x) => x.tier)).toEqual(['T1', 'T1', 'T3', 'T2', 'T2', 'T1']);
    expect(d.map((x) => x.keep)).toEqual([true, true, true, true, true, false]);
    expect(d[5]!.reason).toMatch(/"Site Leader" reads T1 only by a loose place word .* 0\.\d+ < 0\.5/);
  });

  it('drops a company that reads unlike every ICP industry', async () => {
    const filter = new SemanticFilter(
      { ...icp, semantic: { contactThreshold: 0.5, companyThreshold: 0.75 } },
      embedder,
    );
    const d = await filter.decide([cand('9', 'Plant Head', 'Sunrise Dental Clinics')], {
      campaignId: 1,
      icp,
      tier: 'T1',
      classifier: createTitleClassifier(icp),
      companies: [company('Sunrise Dental Clinics', null, 'India', 600)],
      log: () => {},
    });
    expect(d[0]!.keep).toBe(false);
    expect(d[0]!.reason).toMatch(/company similarity 0\.\d+ < 0\.75/);
  });
});
