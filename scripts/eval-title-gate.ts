/**
 * What the campaign's similarity gate does to the titles the rules place, on real labelled titles:
 * `npx tsx scripts/eval-title-gate.ts [folder …]`, each folder one built by scripts/real-titles.py
 * (its rows.json), plus both halves of ESCO. For every rule match it takes the MiniLM similarity
 * the pre-filter takes (the title to its tier's nearest ICP title) and counts the right and wrong
 * matches a veto below the template's contactThreshold would remove: on every match (the gate
 * before stop 24) and on loose readings only (semantic-filter.ts looseReading, the gate now).
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
  want: Tier | null;
}

interface RealRow {
  title: string;
  label: string;
}

function readFolder(folder: string): Labelled[] {
  const rows = JSON.parse(readFileSync(`${folder}/rows.json`, 'utf8')) as RealRow[];
  return rows
    .filter((r) => r.label !== 'ambiguous' && r.label !== 'unclear')
    .map((r) => ({ title: r.title, want: r.label === 'none' ? null : (r.label as Tier) }));
}

async function main() {
  const icp = templateIcp();
  const threshold = icp.semantic.contactThreshold;
  const sets: [string, Labelled[]][] = [
    ['esco', loadEsco('all')],
    ...process.argv.slice(2).map((f): [string, Labelled[]] => [f, readFolder(f)]),
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
      const count = { matches: matches.length, right: 0, vetoAll: [0, 0], vetoLoose: [0, 0] };
      for (const { row, reading } of matches) {
        const ok = reading.match.tier === row.want ? 0 : 1;
        if (!ok) count.right++;
        const sim = model.neighbour(row.title, reading.match.tier!)!.similarity;
        if (sim >= threshold) continue;
        count.vetoAll[ok]!++;
        if (looseReading(reading)) count.vetoLoose[ok]!++;
      }
      console.log(
        JSON.stringify({
          set: name,
          threshold,
          matches: count.matches,
          right: count.right,
          vetoEveryMatch: { rightRemoved: count.vetoAll[0], wrongRemoved: count.vetoAll[1] },
          vetoLooseReadings: { rightRemoved: count.vetoLoose[0], wrongRemoved: count.vetoLoose[1] },
        }),
      );
    }
  } finally {
    await embedder.close();
  }
}

void main();
