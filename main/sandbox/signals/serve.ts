/**
 * Run the signal sandbox standalone (Crunchbase v4, BuiltWith v22, Google News RSS):
 *   npx tsx main/sandbox/signals/serve.ts --port 8789 --seed 42 [--limits off]
 */
import { worldStats } from '../world';
import { startSignalsSandbox } from './server';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const port = Number(arg('port') ?? 8789);
const seed = Number(arg('seed') ?? 42);
const limits = arg('limits') ?? 'documented';
if (!Number.isInteger(port) || port < 0 || !Number.isInteger(seed)) {
  console.error('--port and --seed must be whole numbers');
  process.exit(2);
}
if (limits !== 'documented' && limits !== 'off') {
  console.error(`--limits must be documented or off (got "${limits}")`);
  process.exit(2);
}

const server = await startSignalsSandbox({
  port,
  seed,
  ...(limits === 'off' ? { limits: 'off' as const } : {}),
});
const s = worldStats(server.world);
console.log(`Signal sandbox (seed ${seed}, limits ${limits}): ${s.companies} companies, day ${server.day()}`);
console.log(
  `Crunchbase ${server.crunchbaseUrl}\nBuiltWith  ${server.builtwithUrl}\nNews       ${server.newsUrl}`,
);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
