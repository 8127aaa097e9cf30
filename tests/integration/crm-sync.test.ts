/**
 * A real sandbox campaign (the small manufacturing fixture, through the CLI) pushed to HubSpot end
 * to end: through the CLI to the built-in sandbox HubSpot (worker thread, its CRM kept between
 * runs), and through the contract with the private-app token in the real OS keychain against a
 * HubSpot sandbox on loopback that storms 429s and bursts 5xx. Real SQLite, real HTTP, real keychain:
 *   bash scripts/with-keyring.sh npx vitest run tests/integration/crm-sync.test.ts
 */
import { randomUUID } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrmSnapshot } from '../../main/sandbox/hubspot/crm';
import {
  HUBSPOT_SANDBOX_INVALID_TOKEN,
  startHubSpotSandbox,
  type HubSpotSandboxServer,
} from '../../main/sandbox/hubspot/server';
import { createKeychain } from '../../main/secrets/keychain';
import { createEngine, type Engine } from '../../main/engine';
import type { Lead } from '../../main/domain/types';
import { AppError } from '../../main/shared/errors';
import { runCli } from './cli-helpers';

const dir = mkdtempSync(join(tmpdir(), 'ls-crm-'));
const CAMPAIGN_DB = join(dir, 'campaign.db');
const TOKEN = `pat-na1-${randomUUID()}`;
const REPO = join(import.meta.dirname, '..', '..');
const open: { close(): Promise<void> }[] = [];

function dbIn(name: string): { dataDir: string; db: string } {
  const dataDir = join(dir, name);
  const db = join(dataDir, 'lead-studio.db');
  mkdirSync(dataDir, { recursive: true });
  copyFileSync(CAMPAIGN_DB, db);
  return { dataDir, db };
}

async function engineOn(
  where: { dataDir: string; db: string },
  crm?: Parameters<typeof createEngine>[0]['crm'],
): Promise<Engine> {
  const e = await createEngine({ dataDir: where.dataDir, dbPath: where.db, secrets: createKeychain(), crm });
  open.push(e);
  return e;
}

async function leadsOf(e: Engine): Promise<Lead[]> {
  return (await e.handlers['leads/list']({ campaignId: 1, limit: 1000 })).rows;
}

/** Our records: one per contact with an email and a company with a domain, one per such company. */
function expected(leads: Lead[]) {
  const ok = leads.filter((l) => l.contact.email && l.company.domain);
  const emails = new Set(ok.map((l) => l.contact.email!.toLowerCase()));
  const domains = new Set(ok.map((l) => l.company.domain!.toLowerCase()));
  return { emails, domains, records: emails.size + domains.size, unsyncable: leads.length - ok.length };
}

function recordsByKey(records: { properties: Record<string, string | null> }[], key: 'email' | 'domain') {
  const out = new Map<string, number>();
  for (const r of records) {
    const k = (r.properties[key] ?? '').toLowerCase();
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

const snapshotOf = (dataDir: string) =>
  JSON.parse(readFileSync(join(dataDir, 'sandbox', 'hubspot-crm.json'), 'utf8')) as CrmSnapshot;

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  throw new Error('expected the call to fail');
}

function filesUnder(root: string): string[] {
  return readdirSync(root).flatMap((n) => {
    const p = join(root, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

beforeAll(async () => {
  if (process.env.LEAD_STUDIO_KEYRING_BUS !== '1')
    throw new Error(
      'This test stores a HubSpot token in the OS keychain: run it inside a throwaway keyring, ' +
        'bash scripts/with-keyring.sh npx vitest run tests/integration/crm-sync.test.ts',
    );
  const r = await runCli([
    'run',
    '--icp',
    'tests/fixtures/small-manufacturing.yaml',
    '--sandbox',
    '--sandbox-limits',
    'off',
    '--db',
    CAMPAIGN_DB,
  ]);
  expect(r.json, r.stderr).toMatchObject({ campaignId: 1, status: 'completed' });
}, 300_000);

afterAll(async () => {
  while (open.length) await open.pop()!.close();
  await createKeychain()
    .delete('hubspot')
    .catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

describe('crm push through the CLI to the built-in sandbox HubSpot', () => {
  const a = { dataDir: '', db: '' };
  let exp: ReturnType<typeof expected>;

  it('creates each contact and company once, merges what pre-existed, says it is the sandbox', async () => {
    Object.assign(a, dbIn('cli'));
    const e = await engineOn(a);
    exp = expected(await leadsOf(e));
    await e.close();
    open.pop();

    const r = await runCli(['crm', 'push', '1', '--db', a.db, '--sandbox']);
    expect(r.code, r.stderr).toBe(0);
    expect(Object.keys(r.json!)).toEqual(['created', 'updated', 'merged', 'skipped', 'failed']);
    expect(r.stderr).toMatch(/built-in sandbox HubSpot/);
    const { created, merged, updated, failed, skipped } = r.json as Record<string, number> & {
      created: number;
      merged: number;
    };
    expect({ failed, updated, skipped }).toEqual({ failed: 0, updated: 0, skipped: exp.unsyncable });
    expect(created + merged).toBe(exp.records);
    expect(merged).toBeGreaterThan(0); // the sandbox world's pre-existing records

    const snap = snapshotOf(a.dataDir);
    const contacts = recordsByKey(snap.records.contacts, 'email');
    for (const email of exp.emails) expect(contacts.get(email), email).toBe(1);
    // HubSpot lets an account hold a domain twice (the seed enters some so); we add a company only
    // for a domain it does not hold, and merge into the one it does.
    for (const d of exp.domains) {
      const held = snap.records.companies.filter((c) => c.properties.domain === d);
      const preexisting = held.filter((c) => c.properties.lifecyclestage === 'customer');
      expect(held.length - preexisting.length, d).toBe(preexisting.length ? 0 : 1);
    }
    // Every contact is associated with a company holding its domain.
    const companyById = new Map(snap.records.companies.map((c) => [c.id, c.properties.domain]));
    const assoc = new Map(snap.associations);
    for (const c of snap.records.contacts.filter((x) => exp.emails.has(x.properties.email!.toLowerCase()))) {
      const linked = assoc.get(c.id) ?? [];
      expect(linked).toHaveLength(1);
      expect(companyById.get(linked[0]!)).toBeTruthy();
    }
  }, 300_000);

  it('a second push creates and updates nothing', async () => {
    const before = snapshotOf(a.dataDir);
    const r = await runCli(['crm', 'push', '1', '--db', a.db, '--sandbox']);
    expect(r.json).toEqual({
      created: 0,
      updated: 0,
      merged: 0,
      skipped: exp.records + exp.unsyncable,
      failed: 0,
    });
    const after = snapshotOf(a.dataDir);
    expect(after.records.contacts.length).toBe(before.records.contacts.length);
    expect(after.records.companies.length).toBe(before.records.companies.length);
  }, 300_000);

  it('a logged reply moves the lead and its score; the next push updates only that contact', async () => {
    const e = await engineOn(a);
    const lead = (await leadsOf(e)).find((l) => l.contact.email && l.company.domain && l.status === 'new')!;
    const { lead: after, state } = await e.handlers['outreach/log']({
      leadId: lead.id,
      kind: 'replied',
      at: '2026-11-30T10:00:00Z',
      note: 'asked for pricing',
    });
    expect(state.interaction).toBe('replied');
    expect(after.status).toBe('replied');
    expect(after.score.breakdown.find((i) => i.signal === 'Previous interaction')).toMatchObject({
      points: 10,
    });
    expect(after.score.accessibility).toBe(Math.min(100, lead.score.accessibility + 10));
    expect((await e.handlers['outreach/list']({ leadId: lead.id }))[0]).toMatchObject({ kind: 'replied' });
    await e.close();
    open.pop();

    const r = await runCli(['crm', 'push', '1', '--db', a.db, '--sandbox']);
    expect(r.json).toMatchObject({ created: 0, updated: 1, merged: 0, failed: 0 });
    const contact = snapshotOf(a.dataDir).records.contacts.find(
      (c) => c.properties.email?.toLowerCase() === lead.contact.email!.toLowerCase(),
    )!;
    expect(contact.properties.lead_studio_score).toBe(String(after.score.total));
  }, 300_000);
});

describe('crm push through the contract with the token in the OS keychain', () => {
  let sb: HubSpotSandboxServer;
  const retry = { retryBaseMs: 5, rateLimitWaitMs: 20, maxRateLimitWaits: 20, maxRetries: 1 };

  beforeAll(async () => {
    sb = await startHubSpotSandbox({ seed: 42 });
    open.push(sb);
  }, 300_000);

  it('a 429 storm is waited out: everything synced once, nothing in the dead-letter list', async () => {
    const b = dbIn('storm');
    const e = await engineOn(b, { hubspotBaseUrl: sb.url, retry });
    await e.handlers['keys/set']({ provider: 'hubspot', key: `  ${TOKEN}\n` });
    expect((await e.handlers['settings/get']()).keys.hubspot).toEqual({ present: true });
    expect(await e.handlers['keys/test']({ provider: 'hubspot' })).toMatchObject({ ok: true });
    expect(await e.handlers['crm/status']()).toMatchObject({ tokenStored: true, sandbox: false });
    const exp = expected(await leadsOf(e));

    sb.setFaults({ storm429: 12 });
    const before = sb.stats().rateLimited;
    const r = await e.handlers['crm/push']({ campaignId: 1 });
    expect(sb.stats().rateLimited - before).toBeGreaterThanOrEqual(12);
    expect(r).toMatchObject({ sandbox: false, failed: 0, updated: 0, deadLetters: [] });
    expect(r.created + r.merged).toBe(exp.records);
    const contacts = recordsByKey([...sb.crm.records.contacts.values()], 'email');
    for (const email of exp.emails) expect(contacts.get(email)).toBe(1);
    expect(sb.stats().authSchemes).toEqual({ bearer: expect.any(Number) });
  }, 300_000);

  it('a 5xx burst ends with each record synced or dead-lettered; a retry empties the list', async () => {
    const fresh = await startHubSpotSandbox({ seed: 42, faults: { burst5xx: 8 } });
    open.push(fresh);
    const c = dbIn('burst');
    const e = await engineOn(c, { hubspotBaseUrl: fresh.url, retry });
    const exp = expected(await leadsOf(e));
    const r = await e.handlers['crm/push']({ campaignId: 1 });
    expect(fresh.stats().serverErrors).toBe(8);
    expect(r.failed).toBeGreaterThan(0);
    expect(r.created + r.merged + r.failed).toBe(exp.records);
    const listed = await e.handlers['crm/deadLetters']();
    expect(listed).toHaveLength(r.failed);
    for (const d of listed)
      expect(d, JSON.stringify(d)).toMatchObject({
        permanent: false,
        label: expect.not.stringMatching(/^(contact|company) \d+$/), // named, not numbered
      });

    const retried = await e.handlers['crm/retry']();
    expect(retried).toMatchObject({ failed: 0, deadLetters: [] });
    expect(retried.created + retried.merged + retried.updated).toBe(r.failed);
    expect(await e.handlers['crm/deadLetters']()).toEqual([]);
    const contacts = recordsByKey([...fresh.crm.records.contacts.values()], 'email');
    for (const email of exp.emails) expect(contacts.get(email)).toBe(1);
    const again = await e.handlers['crm/push']({ campaignId: 1 });
    expect(again).toMatchObject({ created: 0, updated: 0, merged: 0, failed: 0 });
  }, 300_000);

  it('a refused token fails with CRM_AUTH; no token reaches SQLite, logs, exports or git', async () => {
    const d = dbIn('leak');
    const e = await engineOn(d, { hubspotBaseUrl: sb.url, retry });
    // A refused token first: nothing is written, the push says why, and the next token works.
    await e.handlers['keys/set']({ provider: 'hubspot', key: HUBSPOT_SANDBOX_INVALID_TOKEN });
    expect(await codeOf(e.handlers['crm/push']({ campaignId: 1 }))).toBe('CRM_AUTH');
    const test = await e.handlers['keys/test']({ provider: 'hubspot' });
    expect(test.ok).toBe(false);
    expect(test.message).not.toContain(HUBSPOT_SANDBOX_INVALID_TOKEN);
    expect(await e.handlers['crm/deadLetters']()).toEqual([]);
    await e.handlers['keys/set']({ provider: 'hubspot', key: TOKEN });
    expect(await e.handlers['crm/push']({ campaignId: 1 })).toMatchObject({ failed: 0 });
    const exports = join(d.dataDir, 'exports');
    const lead = (await leadsOf(e))[0]!;
    await e.handlers['brief/export']({ format: 'md', path: join(exports, 'b.md'), leadId: lead.id });
    await e.handlers['brief/export']({
      format: 'pdf',
      path: join(exports, 't1.pdf'),
      campaignId: 1,
      tier: 'T1',
    });
    await e.handlers['sequence/export']({ campaignId: 1, path: join(exports, 'seq.csv') });
    await e.handlers['export/workbook']({ campaignId: 1, path: join(exports, 'leads.xlsx') });

    await e.handlers['keys/delete']({ provider: 'hubspot' });
    expect(await e.handlers['crm/status']()).toMatchObject({ tokenStored: false, sandbox: true });
    await e.close();
    open.splice(open.indexOf(e), 1);

    const files = filesUnder(d.dataDir);
    expect(files.some((f) => f.endsWith('engine.log'))).toBe(true);
    expect(files.filter((f) => f.startsWith(exports))).toHaveLength(4);
    for (const f of files) {
      const text = readFileSync(f).toString('latin1');
      expect(text.includes(TOKEN), f).toBe(false);
      expect(text.includes(TOKEN.slice(8)), f).toBe(false);
      expect(text.includes(HUBSPOT_SANDBOX_INVALID_TOKEN), f).toBe(false);
    }
    const grep = spawnSync('git', ['grep', '-F', TOKEN.slice(8)], { cwd: REPO, encoding: 'utf8' });
    expect(grep.status).toBe(1); // 1 = no match
    expect(existsSync(join(d.dataDir, 'lead-studio.db'))).toBe(true);
  }, 300_000);
});
