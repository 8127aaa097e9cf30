/**
 * Run the Apollo sandbox standalone:
 *   npx tsx main/sandbox/main.ts --port 8787 --seed 42 --limits paid
 */
import { startSandboxServer } from './server';
import { worldStats } from './world';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const limits = arg('limits') ?? 'paid';
if (limits !== 'free' && limits !== 'paid' && limits !== 'off') {
  console.error(`--limits must be free, paid or off (got "${limits}")`);
  process.exit(2);
}
const port = Number(arg('port') ?? 8787);
const seed = Number(arg('seed') ?? 42);
if (!Number.isInteger(port) || port < 0 || !Number.isInteger(seed)) {
  console.error('--port and --seed must be whole numbers');
  process.exit(2);
}

const server = await startSandboxServer({ port, seed, limits });
const s = worldStats(server.world);
console.log(
  `Apollo sandbox (seed ${seed}, limits ${limits}): ${s.companies} companies, ${s.people} people, built in ${s.buildMs} ms`,
);
console.log(server.url);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
