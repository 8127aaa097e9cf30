import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, engineDatabase } from '../../main/engine';
import { keyAccount } from '../../main/privacy/keys';
import { createKeychain } from '../../main/secrets/keychain';
import { allLeads } from '../../main/store';
import { filesContaining, filesUnder, fixtureIcp } from './helpers';

/**
 * The manufacturing template end to end against the sandbox (real SQLite, the real keychain):
 * the database file and its WAL hold none of the leads' email addresses, yet export, search and
 * dedupe work; then the key is deleted from the keychain and the app says what it cannot read.
 */
describe('encryption at rest', () => {
  const service = `Lead Studio at-rest test ${process.pid}-${Date.now()}`;
  const keychain = createKeychain(service);
  const dataDir = mkdtempSync(join(tmpdir(), 'ls-at-rest-'));
  const open = () =>
    createEngine({
      dataDir,
      secrets: keychain,
      sandboxSeed: 7,
      sandboxLimits: 'off',
      forceSandbox: true,
      semanticFilter: false,
      vectorStore: false,
    });
  let emails: string[] = [];
  let campaignId = 0;
  let status = '';
  afterAll(async () => {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(join(dataDir, 'lead-studio.db'), { readonly: true });
    for (const { key_id } of db.prepare('SELECT key_id FROM privacy_keys').all() as { key_id: string }[])
      await keychain.delete(keyAccount(key_id) as 'apollo').catch(() => undefined);
    db.close();
  });

  // 500 leads on a shared 2-core machine: the campaign runs in the hook, with room to spare.
  let engine: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    engine = await open();
    const icp = await fixtureIcp('resources/icp/manufacturing-staffing.yaml');
    ({ campaignId } = await engine.handlers['campaign/start']({ icp: icp }));
    status = await engine.handlers['campaign/wait']({ campaignId: campaignId });
  }, 900_000);

  it('a full campaign leaves no email address in the database file or its WAL; export, search and dedupe work', async () => {
    expect(status).toBe('completed');
    try {
      const leads = allLeads(engineDatabase(engine), campaignId);
      expect(leads).toHaveLength(500);
      emails = leads.map((l) => l.contact.email).filter((e): e is string => !!e);
      expect(emails.length).toBeGreaterThan(300); // 395 of 500 with seed 7: some have no address
      const files = filesUnder(dataDir).filter((f) => /lead-studio\.db(-wal|-shm)?$/.test(f));
      expect(files.some((f) => f.endsWith('-wal'))).toBe(true);
      // The grep can see plain text: company names are there.
      expect(Object.keys(filesContaining(files, [leads[0]!.company.name]))).toHaveLength(1);
      expect(filesContaining(files, emails)).toEqual({});

      // Search: names and companies as before; an email by its whole address.
      const target = leads.find((l) => l.contact.email)!;
      const byEmail = await engine.handlers['leads/list']({
        campaignId,
        search: target.contact.email!.toUpperCase(),
      });
      expect(byEmail.rows.map((l) => l.id)).toEqual([target.id]);
      const byName = await engine.handlers['leads/list']({ campaignId, search: target.contact.lastName });
      expect(byName.rows.map((l) => l.id)).toContain(target.id);
      // Dedupe: one contact per email, through the blind index.
      const dupes = engineDatabase(engine)
        .prepare(
          'SELECT COUNT(*) AS n FROM (SELECT email_bidx FROM contacts WHERE email_bidx IS NOT NULL GROUP BY email_bidx HAVING COUNT(*) > 1)',
        )
        .get() as { n: number };
      expect(dupes.n).toBe(0);
      expect(
        (
          engineDatabase(engine)
            .prepare('SELECT COUNT(*) AS n FROM contacts WHERE email_bidx IS NOT NULL')
            .get() as {
            n: number;
          }
        ).n,
      ).toBeGreaterThanOrEqual(emails.length);
      // Export: the workbook (a file the user asked for) has the addresses.
      const xlsx = join(dataDir, 'out.xlsx');
      await engine.handlers['export/workbook']({ campaignId, path: xlsx });
      const zip = await JSZip.loadAsync(await readFile(xlsx));
      const parts = await Promise.all(Object.values(zip.files).map((f) => f.async('string')));
      expect(parts.join('\n')).toContain(target.contact.email!);
    } finally {
      await engine.close();
    }
  });

  it('after the key is lost, says what it can no longer read, and everything else works', async () => {
    const { default: Database } = await import('better-sqlite3');
    const raw = new Database(join(dataDir, 'lead-studio.db'), { readonly: true });
    const { key_id } = raw.prepare("SELECT key_id FROM privacy_keys WHERE state = 'active'").get() as {
      key_id: string;
    };
    raw.close();
    await keychain.delete(keyAccount(key_id) as 'apollo');

    const engine = await open();
    try {
      const status = await engine.handlers['privacy/status']();
      expect(status.keyStore).toBe('keychain');
      expect(status.unreadable.leads).toBe(500);
      expect(status.unreadable.contacts).toBeGreaterThanOrEqual(emails.length);
      expect(status.message).toMatch(/500 lead\(s\) show no contact details/);
      const page = await engine.handlers['leads/list']({ campaignId, limit: 1000 });
      expect(page.total).toBe(500);
      expect(page.rows.every((l) => l.contact.email === null && l.contact.firstName !== '')).toBe(true);
      expect(page.rows.every((l) => l.score.total >= 0 && l.company.name)).toBe(true);
      const xlsx = join(dataDir, 'after-loss.xlsx');
      expect((await engine.handlers['export/workbook']({ campaignId, path: xlsx })).rows).toBe(500);
      // New data is sealed under a new key; the audit log says what happened.
      const actions = (await engine.handlers['audit/list']({})).map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['key.lost', 'key.created', 'export.workbook']));
      const upd = await engine.handlers['leads/update']({
        leadId: page.rows[0]!.id,
        notes: 'called, left message',
      });
      expect(upd.notes).toBe('called, left message');
    } finally {
      await engine.close();
    }
  });
});
