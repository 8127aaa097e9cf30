/**
 * Run the Apollo sandbox standalone:
 *   npx tsx main/sandbox/serve.ts --port 8787 --seed 42 --limits paid
 *     [--limits '{"enrich":{"day":60}}'] [--keyword-tags ignored|applied]
 *     [--window-alignment utc|rolling] [--rate-headers live|documented] [--legacy-kind-shapes]
 */
import { parseSandboxLimits } from './limits';
import { startSandboxServer } from './server';
import { worldStats } from './world';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const v = arg(name) ?? fallback;
  if (!allowed.includes(v as T)) {
    console.error(`--${name} must be ${allowed.join(' or ')} (got "${v}")`);
    process.exit(2);
  }
  return v as T;
}

let limits: ReturnType<typeof parseSandboxLimits>;
try {
  limits = parseSandboxLimits(arg('limits') ?? 'paid');
} catch (err) {
  console.error((err as Error).message.replace('--sandbox-limits', '--limits'));
  process.exit(2);
}
const port = Number(arg('port') ?? 8787);
const seed = Number(arg('seed') ?? 42);
if (!Number.isInteger(port) || port < 0 || !Number.isInteger(seed)) {
  console.error('--port and --seed must be whole numbers');
  process.exit(2);
}

const server = await startSandboxServer({
  port,
  seed,
  limits,
  keywordTagFilter: oneOf('keyword-tags', ['ignored', 'applied'] as const, 'ignored'),
  windowAlignment: oneOf('window-alignment', ['utc', 'rolling'] as const, 'utc'),
  rateHeaders: oneOf('rate-headers', ['live', 'documented'] as const, 'live'),
  legacyKindShapes: process.argv.includes('--legacy-kind-shapes'),
});
const s = worldStats(server.world);
console.log(
  `Apollo sandbox (seed ${seed}, limits ${JSON.stringify(limits)}): ${s.companies} companies, ${s.people} people, built in ${s.buildMs} ms`,
);
console.log(server.url);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
