import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SecretStore } from '../secrets/types';
import { addAudit, getSetting, listAudit, type AuditAction, type AuditEntry } from '../store/audit';
import { bindCipher, SEALED_PREFIX } from '../store/field-cipher';
import { stmt, type Db } from '../store/sql';
import { countSuppressed } from '../store/suppression';
import { sealExisting } from './backfill';
import type { PrivacyStatus } from './contract';
import { erasePerson, type EraseReport, type EraseTarget } from './erase';
import { exportPerson } from './export-person';
import { openKeys, vaultFrom, type KeyState } from './keys';
import { retentionDays, runRetention, setRetentionDays, type RetentionResult } from './retention';

export interface PrivacyOptions {
  db: Db;
  secrets?: SecretStore;
  /** Who acts through this engine ("ana via cli"); retention runs as "system". */
  actor: string;
  logFiles: string[];
  forgetVectors: (providerIds: string[]) => Promise<number>;
}

export interface Privacy {
  readonly keys: KeyState;
  status(): PrivacyStatus;
  erase(target: EraseTarget): Promise<EraseReport>;
  exportPerson(target: EraseTarget, path: string): { path: string; items: number };
  retention(dryRun: boolean, now?: Date): RetentionResult;
  setRetention(days: number): void;
  audit(e: { action: AuditAction; subject: string; count?: number; detail?: Record<string, unknown> }): void;
  listAudit(limit?: number): AuditEntry[];
  exportAudit(path: string): { path: string; rows: number };
  /** Runs retention now and then daily; returns a stop function. */
  schedule(): () => void;
}

const DAY_MS = 86_400_000;

/** Sealed values whose key id is not one we hold, per table. */
function unreadable(db: Db, held: string[]): PrivacyStatus['unreadable'] {
  const count = (table: string, col: string, extra = '') =>
    (
      stmt(
        db,
        `SELECT COUNT(*) AS n FROM ${table} WHERE substr(${col}, 1, 5) = '${SEALED_PREFIX}'
         AND substr(${col}, 6, 16) NOT IN (SELECT value FROM json_each(?)) ${extra}`,
      ).get(JSON.stringify(held)) as { n: number }
    ).n;
  return {
    contacts: count('contacts', 'email'),
    leads: count('leads', 'contact_json'),
    cache: count('enrichment_cache', 'data_json', "AND entity_type = 'person'"),
  };
}

function describe(keys: KeyState, u: PrivacyStatus['unreadable'], lostSuppressions: number): string {
  const parts: string[] = [];
  if (keys.store === 'keychain')
    parts.push(
      'Contact emails, phones, LinkedIn URLs and notes are encrypted; the key is in the OS keychain.',
    );
  else if (keys.store === 'database')
    parts.push(
      'No OS keychain is available, so the encryption key is kept in the database itself: a copy of the file is not protected. Install or unlock a keychain to protect it.',
    );
  else
    parts.push('The OS keychain holding the encryption key is locked or unreachable: unlock it and restart.');
  const lost = u.contacts + u.leads + u.cache;
  if (lost > 0)
    parts.push(
      `The key for older data is gone: ${u.leads} lead(s) show no contact details, ${u.contacts} contact(s) no email, ` +
        `${u.cache} bought reveal(s) would have to be bought again. Names, companies, tiers and scores are unaffected.`,
    );
  if (lostSuppressions > 0)
    parts.push(
      `${lostSuppressions} erased-person entr(ies) were made under the lost key and can no longer be matched.`,
    );
  return parts.join(' ');
}

export async function openPrivacy(o: PrivacyOptions): Promise<Privacy> {
  const { db, actor } = o;
  // Deleted rows are overwritten with zeros instead of lingering in free pages.
  db.pragma('secure_delete = ON');
  const { cipher, state } = await openKeys(db, o.secrets ? vaultFrom(o.secrets) : null, actor);
  bindCipher(db, cipher);
  sealExisting(db);
  const audit: Privacy['audit'] = (e) => void addAudit(db, { actor, ...e });
  const privacy: Privacy = {
    keys: state,
    status() {
      const u = unreadable(db, state.heldKeyIds);
      const s = countSuppressed(db);
      const lostSuppressions = Object.entries(s.byKey)
        .filter(([k]) => !state.heldKeyIds.includes(k))
        .reduce((n, [, v]) => n + v, 0);
      return {
        keyStore: state.store,
        unreadable: u,
        unmatchableSuppressions: lostSuppressions,
        suppressed: s.total,
        retentionDays: retentionDays(db),
        lastRetentionRun: getSetting(db, 'retention.lastRun'),
        message: describe(state, u, lostSuppressions),
      };
    },
    erase: (target) =>
      erasePerson(
        {
          db,
          actor,
          indexKeyId: state.indexKeyId ?? 'none',
          logFiles: o.logFiles,
          forgetVectors: o.forgetVectors,
        },
        target,
      ),
    exportPerson: (target, path) => exportPerson(db, actor, target, path),
    retention: (dryRun, now) => runRetention(db, actor, { dryRun, now }),
    setRetention: (days) => setRetentionDays(db, actor, days),
    audit,
    listAudit: (limit) => listAudit(db, limit),
    exportAudit(path) {
      const rows = listAudit(db, Number.MAX_SAFE_INTEGER).reverse();
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : ''));
      audit({ action: 'export.audit', subject: 'audit log', count: rows.length, detail: { file: path } });
      return { path, rows: rows.length };
    },
    schedule() {
      const tick = () => {
        try {
          runRetention(db, 'system', { dryRun: false });
        } catch {
          // A locked database or keychain: the next day's run tries again.
        }
      };
      tick();
      const timer = setInterval(tick, DAY_MS);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
  return privacy;
}
