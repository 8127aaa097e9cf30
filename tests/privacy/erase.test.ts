import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, engineDatabase, engineEnv, type Engine } from '../../main/engine';
import { createKeychain } from '../../main/secrets/keychain';
import { countLeadsByTier } from '../../main/store';
import { filesContaining, filesUnder, fixtureIcp } from './helpers';

/**
 * A real campaign (sandbox over HTTP, real SQLite, the engine's own Chroma server under its data
 * folder, the real keychain), then a person erased: their email, name, provider id and profile
 * URL must be gone from every byte the app keeps, and a second campaign over the same sandbox
 * world must never save them again.
 */
describe('erase a person', () => {
  const service = `Lead Studio erase test ${process.pid}-${Date.now()}`;
  const keychain = createKeychain(service);
  const dataDir = mkdtempSync(join(tmpdir(), 'ls-erase-'));
  let engine: Engine;
  let first: number;
  let before: Record<string, number>;

  beforeAll(async () => {
    // No chromaUrl: the engine spawns its own server, with its data under dataDir.
    const { cacheDir, chromaBin } = engineEnv();
    engine = await createEngine({
      dataDir,
      cacheDir,
      chromaBin,
      secrets: keychain,
      sandboxSeed: 11,
      sandboxLimits: 'off',
      forceSandbox: true,
      actor: 'tester via test',
    });
    const icp = await fixtureIcp();
    ({ campaignId: first } = await engine.handlers['campaign/start']({ icp: icp }));
    expect(await engine.handlers['campaign/wait']({ campaignId: first })).toBe('completed');
    before = countLeadsByTier(engineDatabase(engine), first);
  }, 900_000);

  afterAll(async () => {
    await engine?.close();
  });

  it('leaves no trace in SQLite, its WAL, the Chroma folder, the logs or the cache, and never saves them again', async () => {
    const { rows } = await engine.handlers['leads/list']({ campaignId: first, limit: 1000 });
    const lead = rows.find((l) => l.contact.email && l.contact.linkedinUrl)!;
    expect(lead).toBeDefined();
    const { email, linkedinUrl, firstName, lastName } = lead.contact;
    const pid = (
      engineDatabase(engine)
        .prepare('SELECT provider_id FROM contacts c JOIN leads l ON l.contact_id = c.id WHERE l.id = ?')
        .get(lead.id) as { provider_id: string }
    ).provider_id;
    const name = `${firstName} ${lastName}`;
    const needles = [email!, linkedinUrl!, pid, name];
    // The grep works: before the erasure the plain parts (name, provider id) are on disk.
    engineDatabase(engine).pragma('wal_checkpoint(PASSIVE)');
    const pre = filesContaining(filesUnder(dataDir), needles);
    expect(pre[pid]?.length, 'provider id on disk before erase').toBeGreaterThan(0);
    expect(
      pre[name]?.some((f) => f.endsWith('engine.log')),
      'name in the log before erase',
    ).toBe(true);
    expect(pre[email!], 'the email is sealed even before erase').toBeUndefined();

    const report = await engine.handlers['privacy/erase']({ email: email! });
    expect(report).toMatchObject({ leads: 1, contacts: 1 });
    expect(report.cacheEntries).toBeGreaterThanOrEqual(1);
    expect(report.suppressed).toBeGreaterThanOrEqual(3);
    expect(report.logLines).toBeGreaterThan(0);
    expect(report.vectors).toBe(1);

    expect(filesContaining(filesUnder(dataDir), [email!, linkedinUrl!, name])).toEqual({});
    // Chroma's own operation log keeps a deleted item's id until Chroma prunes it (README: Privacy);
    // everything of ours is clean of the provider id too.
    const ours = filesUnder(dataDir).filter((f) => !f.startsWith(join(dataDir, 'chroma')));
    expect(filesContaining(ours, needles)).toEqual({});
    // Campaign statistics stay true: the lead is an anonymous tombstone.
    expect(countLeadsByTier(engineDatabase(engine), first)).toEqual(before);
    const tomb = (await engine.handlers['leads/list']({ campaignId: first, limit: 1000 })).rows.find(
      (l) => l.id === lead.id,
    )!;
    expect(tomb.contact).toMatchObject({ firstName: '[erased]', email: null, linkedinUrl: null });

    // A new campaign over the same world never finds, pays for or saves them again.
    const { campaignId: second } = await engine.handlers['campaign/start']({ icp: await fixtureIcp() });
    expect(await engine.handlers['campaign/wait']({ campaignId: second })).toBe('completed');
    expect(countLeadsByTier(engineDatabase(engine), second)).toEqual(before);
    const again = engineDatabase(engine)
      .prepare('SELECT COUNT(*) AS n FROM campaign_candidates WHERE provider_person_id = ?')
      .get(pid) as { n: number };
    expect(again.n).toBe(0);
    expect(
      engineDatabase(engine).prepare('SELECT COUNT(*) AS n FROM contacts WHERE provider_id = ?').get(pid),
    ).toEqual({
      n: 0,
    });
    const emails = (await engine.handlers['leads/list']({ campaignId: second, limit: 1000 })).rows.map(
      (l) => l.contact.email,
    );
    expect(emails).not.toContain(email);
    expect(filesContaining(ours, [email!, pid])).toEqual({});
    expect(filesContaining(filesUnder(dataDir), [email!])).toEqual({});
  }, 900_000); // a second campaign runs inside: room for a loaded 2-core machine

  it('exports everything held about a person as one JSON file with sources, and audits it', async () => {
    const { rows } = await engine.handlers['leads/list']({ campaignId: first, limit: 1000 });
    const lead = rows.find((l) => l.contact.email && l.contact.firstName !== '[erased]')!;
    const out = join(dataDir, 'exports', 'person.json');
    const r = await engine.handlers['privacy/export-person']({ email: lead.contact.email!, path: out });
    expect(r.path).toBe(out);
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    expect(doc.identifiers.email).toBe(lead.contact.email);
    // Saved in both campaigns (same world, same ICP): two leads, one contact, reveals, credits, activity.
    expect(doc.contacts).toHaveLength(1);
    expect(doc.leads.map((l: { data: { id: number } }) => l.data.id)).toContain(lead.id);
    expect(doc.searchResults.length).toBeGreaterThan(0);
    expect(doc.purchasedReveals.length).toBeGreaterThan(0);
    expect(doc.creditsSpent.length).toBeGreaterThan(0);
    expect(doc.activity.length).toBeGreaterThan(0);
    for (const part of ['contacts', 'leads', 'searchResults', 'purchasedReveals', 'creditsSpent', 'activity'])
      for (const item of doc[part]) expect(typeof item.source, `${part} has a source`).toBe('string');
  });

  it('keeps an audit log of erasures, exports and keys — who, what, when, how many — and exports it', async () => {
    const entries = await engine.handlers['audit/list']({});
    const actions = entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['key.created', 'erase.person', 'export.person']));
    const erase = entries.find((e) => e.action === 'erase.person')!;
    expect(erase).toMatchObject({ actor: 'tester via test', count: 1 });
    expect(Date.parse(erase.at)).not.toBeNaN();
    const out = join(dataDir, 'audit.jsonl');
    const r = await engine.handlers['audit/export']({ path: out });
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(r.rows);
    expect(lines.map((l) => l.action)).toEqual(expect.arrayContaining(['erase.person']));
    // The audit names no person.
    expect(readFileSync(out, 'utf8')).not.toMatch(/@/);
  });
});
