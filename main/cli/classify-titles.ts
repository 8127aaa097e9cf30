/** `classify-titles [--icp <file>]`: job titles on stdin, one tier decision per line out. */
import { createInterface } from 'node:readline';
import type { Icp } from '../domain/icp';
import { createTitleClassifier } from '../domain/titles';
import { out } from './io';

export async function runClassifyTitles(icp: Icp) {
  const classifier = createTitleClassifier(icp);
  for await (const line of createInterface({ input: process.stdin })) {
    const title = line.trim();
    if (!title) continue;
    const m = classifier.classify(title);
    out({ title, tier: m.tier, confidence: m.confidence });
  }
  return 0;
}
