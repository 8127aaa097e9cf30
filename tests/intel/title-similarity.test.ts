import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyTitles } from '../../main/cli/classify-titles';
import { parseIcpText } from '../../main/domain/icp-io';
import { createTitleClassifier } from '../../main/domain/titles';
import { createEmbedder, type Embedder } from '../../main/intel/embedder';
import { createModelTitleClassifier, TITLE_SIMILARITY_THRESHOLD } from '../../main/intel/title-similarity';

/**
 * The title classifier with the real MiniLM model: similarity is one signal — it shades the
 * confidence of what the rules match and may place only what the rules cannot read; what the
 * rules rule out ("Plant Operator", close to "Plant Head" in embedding space) stays out.
 */
const template = parseIcpText(readFileSync('resources/icp/manufacturing-staffing.yaml', 'utf8'), 'yaml');
if (!template.ok) throw new Error('template invalid');
const icp = template.icp;

describe('title similarity with the model', () => {
  let embedder: Embedder;
  beforeAll(async () => {
    embedder = await createEmbedder();
  }, 120_000);
  afterAll(async () => embedder?.close());

  it('never overrules what the rules decided, even with a permissive threshold', async () => {
    const loose = createModelTitleClassifier(icp, embedder, 0.3);
    const titles = ['Plant Operator', 'Casting Director', 'HR Intern', 'Plant Manager', 'Recruiter'];
    const got = await loose.classifyMany(titles);
    expect(got.map((m) => m.tier)).toEqual([null, null, null, 'T1', 'T3']);
  });

  it('places a title the rules cannot read only above the threshold, naming its neighbour', async () => {
    const title = 'Superintendent';
    expect(createTitleClassifier(icp).explain(title).undecided).toBe(true);
    const strict = createModelTitleClassifier(icp, embedder);
    await strict.prime([title]);
    const n = strict.neighbour(title)!;
    expect(n.similarity).toBeGreaterThan(0);
    expect(n.similarity < TITLE_SIMILARITY_THRESHOLD).toBe(strict.classify(title).tier === null);
    expect(strict.explain(title).reason).toContain(n.title);
    const loose = createModelTitleClassifier(icp, embedder, n.similarity);
    await loose.prime([title]);
    expect(loose.classify(title)).toMatchObject({ tier: n.tier, matched: `~${n.title}` });
  });

  it('shades a match by how close it is to the tier', async () => {
    const c = createModelTitleClassifier(icp, embedder);
    const [near, far] = await c.classifyMany(['Human Resources Manager', 'Personnel Administrator Manager']);
    expect(near!.tier).toBe('T2');
    expect(far!.tier).toBe('T2');
    expect(c.neighbour('Human Resources Manager', 'T2')!.similarity).toBeGreaterThan(
      c.neighbour('Personnel Administrator Manager', 'T2')!.similarity,
    );
    expect(near!.confidence).toBeGreaterThanOrEqual(far!.confidence);
  });

  it('classify-titles --model prints one line per title, in order, with the reason', async () => {
    const out: Record<string, unknown>[] = [];
    await classifyTitles(icp, embedder, {
      input: Readable.from(['Plant Mgr\n', '\n', 'Plant Operator\n', 'Head of People\n']),
      out: (o) => out.push(o as Record<string, unknown>),
      err: () => {},
    });
    expect(out.map((o) => [o.title, o.tier])).toEqual([
      ['Plant Mgr', 'T1'],
      ['Plant Operator', null],
      ['Head of People', 'T2'],
    ]);
    expect(out[1]!.reason).toMatch(/operator/);
  });
});
