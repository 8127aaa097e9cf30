/**
 * Intent AUC on the sandbox world, as JSON:
 *   npx tsx main/sandbox/signals/measure-intent.ts [--seed 42] [--scale 1] [--days 0,90]
 */
import { getWorld } from '../world';
import { measureIntentAuc } from './measure';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const seed = Number(arg('seed') ?? 42);
const scale = Number(arg('scale') ?? 1);
const days = (arg('days') ?? '0').split(',').map(Number);
const world = getWorld(seed, { scale });
for (const day of days) {
  const started = performance.now();
  const m = measureIntentAuc(world, day);
  console.log(JSON.stringify({ seed, scale, ...m, ms: Math.round(performance.now() - started) }));
}
