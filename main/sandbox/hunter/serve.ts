/**
 * Run the Hunter sandbox standalone:
 *   npx tsx main/sandbox/hunter/serve.ts --port 8788 --seed 42 --plan starter --limits documented
 */
import { worldStats } from '../world';
import { HUNTER_PLANS } from './limits';
import { startHunterSandbox } from './server';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const plan = arg('plan') ?? 'starter';
const limits = arg('limits') ?? 'documented';
if (!(plan in HUNTER_PLANS)) {
  console.error(`--plan must be one of ${Object.keys(HUNTER_PLANS).join(', ')} (got "${plan}")`);
  process.exit(2);
}
if (limits !== 'documented' && limits !== 'off') {
  console.error(`--limits must be documented or off (got "${limits}")`);
  process.exit(2);
}
const port = Number(arg('port') ?? 8788);
const seed = Number(arg('seed') ?? 42);
if (!Number.isInteger(port) || port < 0 || !Number.isInteger(seed)) {
  console.error('--port and --seed must be whole numbers');
  process.exit(2);
}

const server = await startHunterSandbox({ port, seed, plan: plan as keyof typeof HUNTER_PLANS, limits });
const s = worldStats(server.world);
console.log(
  `Hunter sandbox (seed ${seed}, plan ${plan}, limits ${limits}): ${s.companies} companies, ${s.people} people`,
);
console.log(server.url);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
