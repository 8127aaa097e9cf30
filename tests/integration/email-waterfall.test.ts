/**
 * The email waterfall through the whole pipeline over real HTTP: a campaign runner on a real SQLite
 * file against the Apollo sandbox and the Hunter sandbox on one world — finder, verifier with 202
 * then 200, Hunter's 403 per-second limit waited out, its 429 quota (the campaign goes on with
 * Apollo alone and says so), and a refused key.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_WATERFALL } from '../../main/domain/email';
import { parseIcpText } from '../../main/domain/icp-io';
import { CampaignRunner } from '../../main/pipeline/runner';
import { SemanticFilter } from '../../main/pipeline/semantic-filter';
import { createApolloProvider } from '../../main/providers/apollo';
import { createHunterClient, type HunterClient, type HunterClientOptions } from '../../main/providers/hunter';
import {
  HUNTER_SANDBOX_INVALID_KEY,
  startHunterSandbox,
  type HunterSandboxOptions,
  type HunterSandboxServer,
} from '../../main/sandbox/hunter/server';
import { startSandboxServer } from '../../main/sandbox/server';
import { allLeads, countLeadsByTier, createCampaign, listEvents } from '../../main/store';
import { emailCounts, hunterState, leadEmail } from '../../main/store/email-evidence';
import { tempDb } from '../store/fixtures';

const SCALE = 0.1;
const SEED = 9;
const checked = parseIcpText(readFileSync('tests/fixtures/small-manufacturing.yaml', 'utf8'), 'yaml');
if (!checked.ok) throw new Error('fixture ICP does not parse');
const icp = {
  ...checked.icp,
  tiers: {
    T1: { ...checked.icp.tiers.T1, target: 6 },
    T2: { ...checked.icp.tiers.T2, target: 4 },
    T3: { ...checked.icp.tiers.T3, target: 2 },
  },
};

const open: { close(): Promise<void> }[] = [];
afterAll(async () => {
  while (open.length) await open.pop()!.close();
});

const apolloSandbox = await startSandboxServer({ seed: SEED, scale: SCALE, limits: 'off' });
open.push(apolloSandbox);

async function campaign(
  hunterOpts: HunterSandboxOptions,
  clientOpts: Partial<HunterClientOptions> = {},
  key = 'hunter-test-key-2',
) {
  const sb: HunterSandboxServer = await startHunterSandbox({
    seed: SEED,
    scale: SCALE,
    plan: 'off',
    ...hunterOpts,
  });
  const hunter: HunterClient = createHunterClient({
    apiKey: key,
    baseUrl: sb.url,
    retryBaseMs: 5,
    ...clientOpts,
  });
  const apollo = createApolloProvider({
    apiKey: 'sandbox-key',
    baseUrl: apolloSandbox.url,
    limits: { enrichment: { perMinute: 1e9 }, other: { perMinute: 1e9 } },
  });
  open.push(hunter, sb, apollo);
  const { db } = tempDb();
  const campaignId = createCampaign(db, {
    icp,
    budget: null,
    sandbox: true,
    sandboxSeed: SEED,
    estimate: null,
  });
  const runner = new CampaignRunner({
    db,
    provider: apollo,
    prefilter: new SemanticFilter(icp, null),
    campaignId,
    email: {
      client: hunter,
      via: 'the sandbox Hunter',
      source: 'hunter-sandbox',
      settings: DEFAULT_WATERFALL,
    },
  });
  const status = await runner.run();
  const lines = listEvents(db, campaignId, 2000).map((e) => e.message);
  return { db, campaignId, status, lines, sb, hunter };
}

async function truth(sb: HunterSandboxServer, emails: string[]) {
  const res = await fetch(sb.url.replace(/\/v2$/, '/_sandbox/truth'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ emails }),
  });
  return ((await res.json()) as { emails: Record<string, { delivers: boolean; accepted: boolean }> }).emails;
}

describe('the email waterfall in a campaign', () => {
  it('finds, verifies (202, then 200) and waits out 403s; every lead has a channel and evidence', async () => {
    const c = await campaign(
      {
        verifier: { pendingShare: 1, verifyDelayMs: 150 },
        limits: { search: { second: 2, minute: 500 }, verifier: { second: 2, minute: 300 } },
      },
      // The client paces faster than this sandbox allows, so Hunter's 403 answers must be waited out.
      {
        limits: { search: { perSecond: 20, perMinute: 500 }, verifier: { perSecond: 20, perMinute: 300 } },
        pollDelayMs: 100,
        rateLimitWaitMs: 300,
        maxRateLimitWaits: 20,
      },
    );
    expect(c.status).toBe('completed');
    expect(countLeadsByTier(c.db, c.campaignId)).toEqual({ T1: 6, T2: 4, T3: 2 });
    const stats = c.sb.stats();
    expect(stats.pending).toBeGreaterThan(0); // 202s were asked again…
    expect(stats.requests['/v2/email-verifier']).toBeGreaterThan(stats.pending); // …and answered
    expect(Object.values(stats.rateLimited).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(c.hunter.stats().rateLimitWaits).toBeGreaterThan(0);
    expect(c.hunter.stats().verifyPolls).toBeGreaterThan(0);

    const leads = allLeads(c.db, c.campaignId);
    const counts = emailCounts(c.db, c.campaignId);
    expect(counts.invalid).toBe(0);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(12);
    for (const l of leads) {
      const e = leadEmail(c.db, l.id)!;
      expect(e.status).toBe(l.emailStatus);
      expect(e.steps[0]!.step).toBe('apollo');
      expect(l.contact.emailEvidence!.steps).toEqual(e.steps);
      expect(l.score.breakdown.some((b) => b.signal === 'Direct email found')).toBe(
        l.emailStatus !== 'unavailable',
      );
    }
    // What the campaign calls verified truly delivers (the sandbox's truth).
    const verified = leads.filter((l) => l.emailStatus === 'verified').map((l) => l.contact.email!);
    expect(verified.length).toBeGreaterThan(0);
    const t = await truth(c.sb, verified);
    expect(verified.filter((e) => t[e]!.delivers).length / verified.length).toBeGreaterThanOrEqual(0.9);
    expect(hunterState(c.db, c.campaignId)?.state).toBe('on');
  }, 240_000);

  it('goes on with Apollo alone when Hunter’s monthly quota is used up, and says so', async () => {
    const c = await campaign({ plan: { name: 'Tiny', searches: 1, verifications: 2 } });
    expect(c.status).toBe('completed');
    expect(countLeadsByTier(c.db, c.campaignId)).toEqual({ T1: 6, T2: 4, T3: 2 });
    expect(hunterState(c.db, c.campaignId)?.state).toBe('quota_exhausted');
    expect(c.lines.filter((l) => /monthly quota.*Apollo alone/.test(l))).toHaveLength(1);
    expect(Object.values(c.sb.stats().quotaRefused).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(emailCounts(c.db, c.campaignId).invalid).toBe(0);
  }, 240_000);

  it('names Hunter when it refuses the key and completes on Apollo’s addresses', async () => {
    const c = await campaign({}, {}, HUNTER_SANDBOX_INVALID_KEY);
    expect(c.status).toBe('completed');
    expect(hunterState(c.db, c.campaignId)?.state).toBe('bad_key');
    expect(
      c.lines.some((l) => /^Hunter refused the API key \(401\).*Settings → API keys → Hunter/.test(l)),
    ).toBe(true);
    for (const l of allLeads(c.db, c.campaignId))
      expect(l.contact.emailEvidence!.steps.map((s) => s.step)).toEqual(['apollo']);
  }, 240_000);
});
