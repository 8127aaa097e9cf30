/**
 * Area under the ROC curve: the chance that a randomly chosen positive (a company truly in a
 * buying window) is ranked above a randomly chosen negative; ties count half. 0.5 is a coin,
 * 1 a perfect ranking. Rank-sum (Mann–Whitney) form, O(n log n).
 */
export interface Ranked {
  score: number;
  positive: boolean;
}

export function auc(rows: readonly Ranked[]): number {
  const positives = rows.filter((r) => r.positive).length;
  const negatives = rows.length - positives;
  if (positives === 0 || negatives === 0)
    throw new Error(`AUC needs both positives and negatives (got ${positives} and ${negatives}).`);
  const sorted = [...rows].sort((a, b) => a.score - b.score);
  let rankSum = 0;
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j < sorted.length && (sorted[j] as Ranked).score === (sorted[i] as Ranked).score) j++;
    const midRank = (i + 1 + j) / 2; // ranks are 1-based; tied rows share their average rank
    for (let k = i; k < j; k++) if ((sorted[k] as Ranked).positive) rankSum += midRank;
    i = j;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
