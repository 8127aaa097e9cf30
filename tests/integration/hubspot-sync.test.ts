/**
 * Lead Studio → HubSpot over real HTTP: the HubSpot client and the sync (planner, push, SQLite state)
 * against the sandbox HubSpot on loopback, with pre-existing records from the sandbox world.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { assessBant } from '../../main/domain/bant';
import { planSync, type SyncPlan } from '../../main/crm/plan';
import { pushToHubSpot, type PushOutcome } from '../../main/crm/push';
import { draftsFromLeads, type SyncLead } from '../../main/crm/records';
import { ProviderError } from '../../main/providers/errors';
import {
  createHubSpotClient,
  type HubSpotClient,
  type HubSpotClientOptions,
} from '../../main/providers/hubspot';
import { migrate } from '../../main/store/migrate';
import { openDeadLetters, recordPush, syncStates } from '../../main/store/crm';
import type { Db } from '../../main/store/sql';
import { personAddress } from '../../main/sandbox/hunter/mail';
import {
  HUBSPOT_SANDBOX_INVALID_TOKEN,
  startHubSpotSandbox,
  type HubSpotSandboxOptions,
  type HubSpotSandboxServer,
} from '../../main/sandbox/hubspot/server';
import { getWorld } from '../../main/sandbox/world';
import type { RequestEvent } from '../../main/providers/http';
import { tempDbFile } from '../store/fixtures';
import Database from 'better-sqlite3';
import { NOW, lead } from '../crm/lead-fixture';

const SCALE = 0.05;
const TOKEN = 'pat-na1-5f0c2a9e-test-token-1d7b';
const world = getWorld(42, { scale: SCALE });

/** 120 people from 30 companies of the world that have 4 people each, as leads. */
function worldLeads(): SyncLead[] {
  const byCompany = new Map<number, typeof world.people>();
  for (const p of world.people) {
    const list = byCompany.get(p.companyIdx) ?? [];
    if (list.length < 4) byCompany.set(p.companyIdx, [...list, p]);
  }
  const picked = [...byCompany.entries()].filter(([, ps]) => ps.length === 4).slice(0, 30);
  let contactId = 0;
  return picked.flatMap(([idx, people]) => {
    const c = world.companies[idx]!;
    return people.map((p) => {
      const l = lead({
        id: ++contactId,
        tier: (['T1', 'T2', 'T3'] as const)[contactId % 3]!,
        company: {
          name: c.name,
          domain: c.primary_domain,
          employees: c.estimated_num_employees,
          city: c.city,
          country: c.country,
        },
        person: {
          firstName: p.first_name,
          lastName: p.last_name,
          title: p.title,
          email: personAddress(world, p),
          seniority: p.seniority,
        },
      });
      const bant = assessBant({
        tier: l.tier,
        company: l.company,
        contact: l.contact,
        validation: l.validation,
        now: NOW,
      });
      return { lead: l, contactId, companyId: idx + 1, bant };
    });
  });
}

const LEADS = worldLeads();
const DOMAINS = [...new Set(LEADS.map((l) => l.lead.company.domain))];
const EMAILS = LEADS.map((l) => l.lead.contact.email!);
const PRE_DOMAINS = DOMAINS.slice(0, 6);
const PRE_EMAILS = [EMAILS[1]!, EMAILS[5]!, EMAILS[30]!, EMAILS[31]!, EMAILS[77]!, EMAILS[100]!];

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function sandbox(opts: HubSpotSandboxOptions = {}): Promise<HubSpotSandboxServer> {
  const sb = await startHubSpotSandbox({
    scale: SCALE,
    preexisting: {
      contactShare: 0,
      companyShare: 0,
      duplicateShare: 1,
      emails: PRE_EMAILS,
      domains: PRE_DOMAINS,
    },
    ...opts,
  });
  open.push(sb);
  return sb;
}

const events: RequestEvent[] = [];
function client(sb: HubSpotSandboxServer, opts: Partial<HubSpotClientOptions> = {}): HubSpotClient {
  const c = createHubSpotClient({
    token: TOKEN,
    baseUrl: sb.url,
    retryBaseMs: 5,
    rateLimitWaitMs: 20,
    onRequest: (e) => events.push(e),
    ...opts,
  });
  open.push(c);
  return c;
}

function crmDb(): { db: Db; file: string } {
  const file = tempDbFile();
  const db = new Database(file);
  migrate(db);
  return { db, file };
}

/** Plans from the store's state, pushes, records: what the engine's `crm push` will do. */
async function push(c: HubSpotClient, db: Db, leads: SyncLead[] = LEADS): Promise<PushOutcome> {
  const { contacts, companies } = draftsFromLeads(leads);
  const state = syncStates(db, 'hubspot');
  const dead = new Set(openDeadLetters(db, 'hubspot').map((d) => `${d.entity}:${d.localId}` as const));
  const domainOf = new Map(companies.map((d) => [d.localId, d.key]));
  const plans: { companies: SyncPlan; contacts: SyncPlan } = {
    companies: planSync(companies, state, dead),
    contacts: planSync(contacts, state, dead, (id) => domainOf.get(id)),
  };
  const known = new Map(
    [...state].filter(([k]) => k.startsWith('company:')).map(([k, v]) => [Number(k.split(':')[1]), v.crmId]),
  );
  const outcome = await pushToHubSpot(c, plans, known);
  recordPush(db, 'hubspot', outcome);
  return outcome;
}

function recordsByKey(sb: HubSpotSandboxServer) {
  const contacts = new Map<string, string[]>();
  for (const r of sb.crm.records.contacts.values()) {
    const k = r.properties.email!.toLowerCase();
    contacts.set(k, [...(contacts.get(k) ?? []), r.id]);
  }
  const companies = new Map<string, string[]>();
  for (const r of sb.crm.records.companies.values())
    companies.set(r.properties.domain!, [...(companies.get(r.properties.domain!) ?? []), r.id]);
  return { contacts, companies };
}

describe('HubSpot sync over real HTTP', () => {
  it('first push creates each contact and company once and merges what pre-existed', async () => {
    const sb = await sandbox();
    const before = recordsByKey(sb);
    expect(PRE_DOMAINS.every((d) => before.companies.get(d)!.length === 2)).toBe(true); // HubSpot allows duplicates
    const { db } = crmDb();
    const out = await push(client(sb), db);

    expect(out.deadLetters).toEqual([]);
    expect(out.byEntity.company).toEqual({
      created: DOMAINS.length - 6,
      updated: 0,
      merged: 6,
      skipped: 0,
      failed: 0,
    });
    expect(out.byEntity.contact).toEqual({
      created: EMAILS.length - 6,
      updated: 0,
      merged: 6,
      skipped: 0,
      failed: 0,
    });
    expect(out.propertiesCreated).toHaveLength(6);

    const after = recordsByKey(sb);
    for (const e of EMAILS) expect(after.contacts.get(e)).toHaveLength(1);
    for (const d of DOMAINS)
      expect(after.companies.get(d)).toEqual(before.companies.get(d) ?? [expect.any(String)]);

    // Merged, not overwritten: the user's own values stay, ours fill blanks and our fields are set.
    const pre = sb.crm.records.contacts.get(after.contacts.get(PRE_EMAILS[0]!)![0]!)!;
    expect(pre.properties).toMatchObject({ phone: '+1 555 0199', lifecyclestage: 'opportunity' });
    expect(pre.properties.email).not.toBe(PRE_EMAILS[0]); // still as the user typed it
    expect(pre.properties.jobtitle).toBeTruthy();
    expect(pre.properties.lead_studio_score).toMatch(/^\d+$/);
    expect(
      sb.crm.records.companies.get(before.companies.get(PRE_DOMAINS[0]!)![0]!)!.properties.name,
    ).toContain('(imported)');

    // Each contact is associated with its company — the oldest record when the CRM held two.
    for (const l of LEADS) {
      const contactId = after.contacts.get(l.lead.contact.email!)![0]!;
      expect([...sb.crm.associations.get(contactId)!]).toEqual([
        after.companies.get(l.lead.company.domain)![0],
      ]);
    }
    expect(syncStates(db, 'hubspot').size).toBe(EMAILS.length + DOMAINS.length);
  });

  it('a second push writes nothing; a change pushes only that record', async () => {
    const sb = await sandbox();
    const c = client(sb);
    const { db } = crmDb();
    await push(c, db);
    const written = sb.stats();
    const again = await push(c, db);
    expect(again.counts).toEqual({
      created: 0,
      updated: 0,
      merged: 0,
      skipped: EMAILS.length + DOMAINS.length,
      failed: 0,
    });
    expect(sb.stats().created).toEqual(written.created);
    expect(sb.stats().updated).toEqual(written.updated);
    expect(sb.stats().requests).toEqual(written.requests); // not even a search

    const changed = LEADS.map((l, i) =>
      i === 7
        ? { ...l, lead: { ...l.lead, score: { ...l.lead.score, total: 99, band: 'hot' as const } } }
        : l,
    );
    const third = await push(c, db, changed);
    expect(third.byEntity.contact).toMatchObject({ created: 0, updated: 1, merged: 0, failed: 0 });
    expect(third.byEntity.company.skipped).toBe(DOMAINS.length);
    expect(sb.stats().updated.contacts).toBe(written.updated.contacts + 1);
    const id = recordsByKey(sb).contacts.get(EMAILS[7]!)![0]!;
    expect(sb.crm.records.contacts.get(id)!.properties).toMatchObject({
      lead_studio_score: '99',
      lead_studio_band: 'hot',
    });
  });

  it('a 429 storm is waited out: everything synced, nothing duplicated', async () => {
    const sb = await sandbox({ faults: { storm429: 12 } });
    const { db } = crmDb();
    const out = await push(client(sb, { maxRateLimitWaits: 20 }), db);
    expect(sb.stats().rateLimited).toBe(12);
    expect(out.deadLetters).toEqual([]);
    expect(out.counts.created + out.counts.merged).toBe(EMAILS.length + DOMAINS.length);
    for (const e of EMAILS) expect(recordsByKey(sb).contacts.get(e)).toHaveLength(1);
  });

  it('a storm longer than our patience ends in the dead-letter list, and a later push empties it', async () => {
    const sb = await sandbox({ faults: { storm429: 10_000 } });
    const c = client(sb, { maxRateLimitWaits: 1 });
    const { db } = crmDb();
    const out = await push(c, db);
    expect(out.synced).toEqual([]);
    expect(out.deadLetters).toHaveLength(EMAILS.length + DOMAINS.length);
    expect(
      out.deadLetters.every((d) => !d.permanent && (d.code === 'RATE_LIMITED' || d.code === 'UNAVAILABLE')),
    ).toBe(true);
    expect(openDeadLetters(db, 'hubspot')).toHaveLength(EMAILS.length + DOMAINS.length);

    sb.setFaults({});
    const retry = await push(c, db);
    expect(retry.deadLetters).toEqual([]);
    expect(openDeadLetters(db, 'hubspot')).toEqual([]);
    const after = recordsByKey(sb);
    for (const e of EMAILS) expect(after.contacts.get(e)).toHaveLength(1);
    for (const d of DOMAINS.slice(6)) expect(after.companies.get(d)).toHaveLength(1);
  });

  it('a 5xx burst ends with everything synced or dead-lettered, and the next push finishes the job', async () => {
    const sb = await sandbox({ faults: { burst5xx: 6 } });
    const { db } = crmDb();
    const c = client(sb, { maxRetries: 1 });
    const out = await push(c, db);
    expect(sb.stats().serverErrors).toBe(6);
    const synced = new Set(out.synced.map((s) => `${s.entity}:${s.localId}`));
    const dead = new Set(out.deadLetters.map((d) => `${d.entity}:${d.localId}`));
    expect(dead.size).toBeGreaterThan(0);
    expect([...dead].filter((k) => synced.has(k))).toEqual([]);
    expect(synced.size + dead.size).toBe(EMAILS.length + DOMAINS.length);
    const retry = await push(c, db);
    expect(retry.deadLetters).toEqual([]);
    expect(syncStates(db, 'hubspot').size).toBe(EMAILS.length + DOMAINS.length);
    const after = recordsByKey(sb);
    for (const e of EMAILS) expect(after.contacts.get(e)).toHaveLength(1);
    for (const d of DOMAINS.slice(6)) expect(after.companies.get(d)).toHaveLength(1);
  });

  it('a batch create whose answer is lost (5xx after the write) is found again, not created twice', async () => {
    const sb = await sandbox({
      faults: { burst5xx: 1, burstAfterWrite: true, burstPaths: ['/crm/v3/objects/companies/batch/create'] },
    });
    const { db } = crmDb();
    const out = await push(client(sb), db);
    expect(sb.stats().serverErrors).toBe(1);
    expect(out.deadLetters).toEqual([]);
    expect(out.byEntity.company).toMatchObject({ created: DOMAINS.length - 6, merged: 6, failed: 0 });
    const after = recordsByKey(sb);
    for (const d of DOMAINS.slice(6)) expect(after.companies.get(d)).toHaveLength(1);
    expect(sb.stats().requests['/crm/v3/objects/companies/batch/create']).toBe(1);
  });

  it('a record HubSpot refuses is isolated into the dead-letter list; the rest of its batch goes through', async () => {
    const sb = await sandbox();
    const { db } = crmDb();
    const bad = LEADS.map((l, i) =>
      i === 10
        ? { ...l, lead: { ...l.lead, contact: { ...l.lead.contact, email: 'not-an-email@nowhere' } } }
        : l,
    );
    const out = await push(client(sb), db, bad);
    expect(out.deadLetters).toEqual([
      expect.objectContaining({
        entity: 'contact',
        localId: LEADS[10]!.contactId,
        code: 'BAD_REQUEST',
        permanent: true,
      }),
    ]);
    expect(out.deadLetters[0]!.message).toContain('INVALID_EMAIL');
    expect(out.byEntity.contact.created + out.byEntity.contact.merged).toBe(EMAILS.length - 1);
  });

  it('a bad token fails the push with AUTH and a fix; the token never reaches errors, logs, dead letters or SQLite', async () => {
    const sb = await sandbox({ faults: { burst5xx: 2 } });
    const { db, file } = crmDb();
    events.length = 0;
    const out = await push(client(sb, { maxRetries: 0, maxRateLimitWaits: 0 }), db);
    const bad = createHubSpotClient({ token: HUBSPOT_SANDBOX_INVALID_TOKEN, baseUrl: sb.url });
    open.push(bad);
    const err = await push(bad, db).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as ProviderError).code).toBe('AUTH');
    expect((err as ProviderError).message).toMatch(/private-app token \(401\).*Settings → CRM/);
    expect(sb.stats().authSchemes).toEqual({ bearer: expect.any(Number) });
    db.close();
    const everything = [
      JSON.stringify(out),
      JSON.stringify(events),
      (err as Error).message,
      JSON.stringify(err),
      fs.readFileSync(file).toString('latin1'),
      fs.existsSync(`${file}-wal`) ? fs.readFileSync(`${file}-wal`).toString('latin1') : '',
    ].join('\n');
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(TOKEN.slice(8));
    expect(everything).not.toContain(HUBSPOT_SANDBOX_INVALID_TOKEN);
  });

  it('the sandbox is no kinder than HubSpot: no upsert by a non-unique domain, no token, no big batches', async () => {
    const sb = await sandbox();
    const post = (path: string, body: unknown, token = TOKEN) =>
      fetch(sb.url + path, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const byDomain = await post('/crm/v3/objects/companies/batch/upsert', {
      inputs: [{ idProperty: 'domain', id: 'x.com', properties: { name: 'X' } }],
    });
    expect(byDomain.status).toBe(400);
    const big = await post('/crm/v3/objects/contacts/batch/upsert', {
      inputs: Array.from({ length: 101 }, (_, i) => ({
        idProperty: 'email',
        id: `a${i}@x.com`,
        properties: {},
      })),
    });
    expect(big.status).toBe(400);
    const unknown = await post('/crm/v3/objects/contacts/batch/upsert', {
      inputs: [{ idProperty: 'email', id: 'a@x.com', properties: { lead_studio_score: '5' } }],
    });
    expect(await unknown.json()).toMatchObject({
      category: 'VALIDATION_ERROR',
      message: expect.stringContaining('PROPERTY_DOESNT_EXIST'),
    });
    const noAuth = await fetch(`${sb.url}/crm/v3/properties/contacts`);
    expect(noAuth.status).toBe(401);
    const ok = await fetch(`${sb.url}/crm/v3/properties/contacts`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(ok.headers.get('x-hubspot-ratelimit-max')).toBe('100');
    expect(ok.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('10000');
  });

  it('limits: 101 requests in one 10-s window get a 429 RATE_LIMIT with policyName, on the sandbox clock', async () => {
    let now = Date.UTC(2026, 10, 15, 12, 0, 0);
    const sb = await sandbox({ clock: () => now });
    const get = () =>
      fetch(`${sb.url}/crm/v3/properties/contacts`, { headers: { authorization: `Bearer ${TOKEN}` } });
    for (let i = 0; i < 100; i++) expect((await get()).status).toBe(200);
    const refused = await get();
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({
      status: 'error',
      errorType: 'RATE_LIMIT',
      policyName: 'TEN_SECONDLY_ROLLING',
    });
    expect(refused.headers.get('x-hubspot-ratelimit-remaining')).toBe('0');
    now += 10_000;
    expect((await get()).status).toBe(200);
  });

  it('search pages past 200 results and chunks more than 100 values', async () => {
    const sb = await sandbox({ preexisting: false });
    for (let i = 0; i < 250; i++) sb.crm.create('companies', { name: `Dup ${i}`, domain: 'dup.example' });
    for (let i = 0; i < 150; i++) sb.crm.create('companies', { name: `One ${i}`, domain: `one${i}.example` });
    const c = client(sb);
    const values = ['dup.example', ...Array.from({ length: 150 }, (_, i) => `ONE${i}.example`)];
    const found = await c.searchBy('companies', 'domain', values, ['name']);
    expect(found).toHaveLength(400);
    expect(new Set(found.map((r) => r.id)).size).toBe(400);
    expect(sb.stats().requests['/crm/v3/objects/companies/search']).toBe(3); // 100 values (2 pages) + 51 values
  });
});
