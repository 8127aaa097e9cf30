import { blindOf, cipherOf, SEALED_PREFIX } from '../store/field-cipher';
import { stmt, type Db } from '../store/sql';

const BATCH = 500;
const notSealed = (col: string) => `(${col} IS NOT NULL AND substr(${col}, 1, 5) <> '${SEALED_PREFIX}')`;

interface Step {
  table: string;
  /** Rows still to do (plain values where sealed ones belong), a batch at a time. */
  pending: string;
  seal: (db: Db, ids: number[]) => void;
}

const STEPS: Step[] = [
  {
    table: 'contacts',
    pending: `SELECT id FROM contacts WHERE ${notSealed('email')} OR ${notSealed('phone')} OR ${notSealed('linkedin_url')} LIMIT ${BATCH}`,
    seal(db, ids) {
      const c = cipherOf(db);
      const read = stmt(db, 'SELECT email, phone, linkedin_url FROM contacts WHERE id = ?');
      const write = stmt(
        db,
        `UPDATE contacts SET email = ?, phone = ?, linkedin_url = ?, email_bidx = ?, linkedin_bidx = ? WHERE id = ?`,
      );
      for (const id of ids) {
        const r = read.get(id) as { email: string | null; phone: string | null; linkedin_url: string | null };
        const plain = { email: c.open(r.email), phone: c.open(r.phone), linkedin: c.open(r.linkedin_url) };
        write.run(
          c.seal(plain.email),
          c.seal(plain.phone),
          c.seal(plain.linkedin),
          blindOf(db, 'email', plain.email),
          blindOf(db, 'linkedin', plain.linkedin),
          id,
        );
      }
    },
  },
  {
    table: 'leads',
    pending: `SELECT id FROM leads WHERE ${notSealed('contact_json')} AND pii_removed IS NULL LIMIT ${BATCH}`,
    seal(db, ids) {
      const c = cipherOf(db);
      const read = stmt(
        db,
        'SELECT contact_email, contact_phone, contact_linkedin, contact_json, score_json, notes FROM leads WHERE id = ?',
      );
      const write = stmt(
        db,
        `UPDATE leads SET contact_email = ?, contact_phone = ?, contact_linkedin = ?, contact_json = ?, score_json = ?,
           notes = ?, contact_email_bidx = ? WHERE id = ?`,
      );
      for (const id of ids) {
        const r = read.get(id) as Record<string, string | null>;
        const open = (k: string) => c.open(r[k] ?? null);
        write.run(
          c.seal(open('contact_email')),
          c.seal(open('contact_phone')),
          c.seal(open('contact_linkedin')),
          c.seal(open('contact_json')),
          c.seal(open('score_json')),
          c.seal(open('notes') ?? ''),
          blindOf(db, 'email', open('contact_email')),
          id,
        );
      }
    },
  },
  {
    table: 'enrichment_cache',
    pending: `SELECT id FROM enrichment_cache WHERE entity_type = 'person' AND ${notSealed('data_json')} LIMIT ${BATCH}`,
    seal(db, ids) {
      const c = cipherOf(db);
      const read = stmt(db, 'SELECT data_json FROM enrichment_cache WHERE id = ?');
      const write = stmt(db, 'UPDATE enrichment_cache SET data_json = ? WHERE id = ?');
      for (const id of ids) write.run(c.seal((read.get(id) as { data_json: string }).data_json), id);
    },
  },
];

/**
 * Seals the personal fields of a database written before encryption existed, in place: batches
 * of 500 rows, each batch one transaction, picked by "still plain", so a crash mid-way simply
 * continues at the next start. Afterwards the file is vacuumed and the WAL truncated, so the
 * plain text does not linger in free pages. Returns rows sealed per table.
 */
export function sealExisting(
  db: Db,
  o: { onBatch?: (table: string, rows: number) => void } = {},
): Record<string, number> {
  const done: Record<string, number> = {};
  if (!cipherOf(db).canSeal) return done;
  for (const step of STEPS) {
    const pick = db.prepare(step.pending);
    for (;;) {
      const sealed = db.transaction(() => {
        const ids = (pick.all() as { id: number }[]).map((r) => r.id);
        step.seal(db, ids);
        return ids.length;
      })();
      if (sealed === 0) break;
      done[step.table] = (done[step.table] ?? 0) + sealed;
      o.onBatch?.(step.table, sealed);
    }
  }
  if (Object.keys(done).length > 0) {
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
  return done;
}
