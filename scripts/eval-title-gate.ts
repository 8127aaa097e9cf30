/**
 * What the campaign's similarity gate does to the titles the rules place, on real labelled titles:
 * `npx tsx scripts/eval-title-gate.ts [folder …]`, each folder one built by scripts/real-titles.py
 * (its rows.json), plus both halves of ESCO. For every rule match it takes the MiniLM similarity
 * the pre-filter takes (the title to its tier's nearest ICP title) and counts the right and wrong
 * matches a veto below the template's contactThreshold would remove: on every match (the gate
 * before stop 24) and on loose readings only (semantic-filter.ts looseReading, the gate now). An
 * argument ending in .txt is an unlabelled list, one title a line (real-titles.py joblists,
 * find_job_titles): only how many placed titles each veto removes is counted.
 */
import { readFileSync } from 'node:fs';
import type { Tier } from '../main/domain/icp';
import { createTitleClassifier } from '../main/domain/titles';
import { engineEnv } from '../main/engine';
import { createEmbedder } from '../main/intel/embedder';
import { createModelTitleClassifier } from '../main/intel/title-similarity';
import { looseReading } from '../main/pipeline/semantic-filter';
import { loadEsco, templateIcp } from './lib/esco';

interface Labelled {
  title: string;
  /** undefined: an unlabelled list */
  want?: Tier | null;
}

interface RealRow {
  title: string;
  label: string;
}

function readSet(arg: string): Labelled[] {
  if (arg.endsWith('.txt'))
    return readFileSync(arg, 'utf8')
      .split('\n')
      .filter((t) => t.trim())
      .map((title) => ({ title }));
  const rows = JSON.parse(readFileSync(`${arg}/rows.json`, 'utf8')) as RealRow[];
  return rows
    .filter((r) => r.label !== 'ambiguous' && r.label !== 'unclear')
    .map((r) => ({ title: r.title, want: r.label === 'none' ? null : (r.label as Tier) }));
}

async function main() {
  const icp = templateIcp();
  const threshold = icp.semantic.contactThreshold;
  const sets: [string, Labelled[]][] = [
    ['esco', loadEsco('all')],
    ...process.argv.slice(2).map((arg): [string, Labelled[]] => [arg, readSet(arg)]),
  ];
  const embedder = await createEmbedder(engineEnv());
  try {
    const rules = createTitleClassifier(icp);
    const model = createModelTitleClassifier(icp, embedder);
    for (const [name, rows] of sets) {
      const matches = rows.flatMap((row) => {
        const reading = rules.explain(row.title);
        return reading.match.tier ? [{ row, reading }] : [];
      });
      await model.prime(matches.map((m) => m.row.title));
      // [right, wrong] per veto; an unlabelled title counts as right
      const vetoAll = [0, 0];
      const vetoLoose = [0, 0];
      let right = 0;
      for (const { row, reading } of matches) {
        const wrong = row.want !== undefined && reading.match.tier !== row.want ? 1 : 0;
        right += 1 - wrong;
        const sim = model.neighbour(row.title, reading.match.tier!)!.similarity;
        if (sim >= threshold) continue;
        vetoAll[wrong]!++;
        if (looseReading(reading)) vetoLoose[wrong]!++;
      }
      const labelled = rows.some((r) => r.want !== undefined);
      const removed = (v: number[]) =>
        labelled ? { rightRemoved: v[0], wrongRemoved: v[1] } : { removed: v[0] };
      console.log(
        JSON.stringify({
          set: name,
          threshold,
          matches: matches.length,
          ...(labelled ? { right } : {}),
          vetoEveryMatch: removed(vetoAll),
          vetoLooseReadings: removed(vetoLoose),
        }),
      );
    }
  } finally {
    await embedder.close();
  }
}

void main();
