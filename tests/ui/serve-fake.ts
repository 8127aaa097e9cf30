/** Manual iteration only: `npx tsx tests/ui/serve-fake.ts [port] [seedLeads]` serves dist/renderer over a fake engine. */
import { startDevHost } from '../../main/host/ws-host';
import { createFakeEngine } from './fake-engine';

const engine = createFakeEngine();
const seed = Number(process.argv[3] ?? 0);
if (seed) engine.seedCampaign('Seeded campaign', seed);
const host = await startDevHost({ engine, port: Number(process.argv[2] ?? 0), staticDir: 'dist/renderer' });
console.log(`fake dev host: ${host.url}`);
