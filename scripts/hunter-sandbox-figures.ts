/**
 * Figures for the email waterfall, from the Hunter client against the sandbox Hunter over HTTP:
 * what finder + verifier give for people Apollo holds no verified email for, how often a "valid"
 * truly delivers, and the request rate at Hunter's documented limits.
 *
 *   npx tsx scripts/hunter-sandbox-figures.ts [--people 2000] [--scale 0.2] [--rate-calls 150]
 */
import { createHunterClient } from '../main/providers/hunter';
import { isCatchAllDomain, addressTruth, personAddress } from '../main/sandbox/hunter/mail';
import { startHunterSandbox } from '../main/sandbox/hunter/server';
import { Rng } from '../main/sandbox/prng';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const ctx = { campaignId: null };
const sampleSize = arg('people', 2000);
const sb = await startHunterSandbox({
  scale: arg('scale', 0.2),
  plan: 'off',
  limits: 'off',
  verifier: { pendingShare: 0 },
});
const world = sb.world;
const fast = {
  search: { perSecond: 1000, perMinute: 100_000 },
  verifier: { perSecond: 1000, perMinute: 100_000 },
};
const hunter = createHunterClient({ apiKey: 'figures-key', baseUrl: sb.url, limits: fast, concurrency: 8 });

const sample = new Rng(7).shuffle([...world.people]).slice(0, sampleSize);
const notVerified = sample.filter((p) => p.email_status !== 'verified');
const statuses: Record<string, number> = {};
let found = 0;
let exact = 0;
let validDelivers = 0;
let validTotal = 0;
let credits = 0;
await Promise.all(
  notVerified.map(async (p) => {
    const domain = world.companies[p.companyIdx]!.primary_domain;
    const f = await hunter.findEmail({ domain, firstName: p.first_name, lastName: p.last_name }, ctx);
    credits += f.credits;
    if (!f.data) return void (statuses.not_found = (statuses.not_found ?? 0) + 1);
    found++;
    if (f.data.email === personAddress(world, p)) exact++;
    const v = await hunter.verifyEmail(f.data.email, ctx);
    credits += v.credits;
    statuses[v.data.status] = (statuses[v.data.status] ?? 0) + 1;
    if (v.data.status === 'valid') {
      validTotal++;
      if (addressTruth(world, f.data.email).delivers) validDelivers++;
    }
  }),
);

const apolloVerified = sample.filter((p) => p.email_status === 'verified' && p.email);
const apolloVerifiedCatchAll = apolloVerified.filter((p) =>
  isCatchAllDomain(world, world.companies[p.companyIdx]!.primary_domain),
);
const apolloVerifiedBounce = apolloVerified.filter((p) => !addressTruth(world, p.email!).delivers);
await hunter.close();

// Request rate at the documented limits (15/s, 500/min for the finder), client and sandbox both enforcing.
const rateCalls = arg('rate-calls', 150);
const limited = await startHunterSandbox({ scale: arg('scale', 0.2), plan: 'off', limits: 'documented' });
const paced = createHunterClient({ apiKey: 'figures-key', baseUrl: limited.url });
const started = Date.now();
await Promise.all(
  sample.slice(0, rateCalls).map((p) =>
    paced.findEmail(
      {
        domain: world.companies[p.companyIdx]!.primary_domain,
        firstName: p.first_name,
        lastName: p.last_name,
      },
      ctx,
    ),
  ),
);
const seconds = (Date.now() - started) / 1000;
const pacedStats = paced.stats();
await paced.close();
await limited.close();
await sb.close();

const share = (n: number, of: number) => Math.round((n / Math.max(1, of)) * 1000) / 1000;
console.log(
  JSON.stringify(
    {
      people: sample.length,
      withoutApolloVerified: notVerified.length,
      finderFoundShare: share(found, notVerified.length),
      finderExactShare: share(exact, found),
      verifierStatusShare: Object.fromEntries(
        Object.entries(statuses).map(([k, n]) => [k, share(n, notVerified.length)]),
      ),
      validDeliversShare: share(validDelivers, validTotal),
      hunterCreditsPerPerson: share(credits, notVerified.length),
      apolloVerifiedOnCatchAllShare: share(apolloVerifiedCatchAll.length, apolloVerified.length),
      apolloVerifiedBounceShare: share(apolloVerifiedBounce.length, apolloVerified.length),
      documentedLimits: {
        finderCalls: rateCalls,
        // A sliding window of 15 per second: 150 calls start in 10 windows, the last at ~9 s.
        seconds: Math.round(seconds * 10) / 10,
        rateLimitWaits: pacedStats.rateLimitWaits,
      },
    },
    null,
    2,
  ),
);
