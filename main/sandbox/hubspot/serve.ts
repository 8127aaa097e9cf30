/**
 * Run the HubSpot sandbox standalone:
 *   npx tsx main/sandbox/hubspot/serve.ts --port 8789 --seed 42 --limits free
 */
import { startHubSpotSandbox } from './server';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const limits = arg('limits') ?? 'free';
if (limits !== 'free' && limits !== 'professional' && limits !== 'off') {
  console.error(`--limits must be free, professional or off (got "${limits}")`);
  process.exit(2);
}
const port = Number(arg('port') ?? 8789);
const seed = Number(arg('seed') ?? 42);
if (!Number.isInteger(port) || port < 0 || !Number.isInteger(seed)) {
  console.error('--port and --seed must be whole numbers');
  process.exit(2);
}

const server = await startHubSpotSandbox({ port, seed, limits });
console.log(
  `HubSpot sandbox (seed ${seed}, limits ${limits}): ${server.crm.records.contacts.size} pre-existing contacts, ${server.crm.records.companies.size} companies`,
);
console.log(server.url);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
