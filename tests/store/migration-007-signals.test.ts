import { describe, expect, it } from 'vitest';
import signals from '../../main/store/migrations/007_signals';
import { currentVersion, migrate } from '../../main/store';
import { beforeMigration } from './fixtures';

describe('migration: signal_events and lead_scores', () => {
  it('adds both tables to an existing database, keeps the rows it had, and enforces its rules', () => {
    const { db, before, campaignId, companyId, contactId, leadId } = beforeMigration(signals);

    migrate(db, signals.version);
    expect(currentVersion(db)).toBe(before + 1);
    expect((db.prepare('SELECT COUNT(*) AS n FROM leads').get() as { n: number }).n).toBe(1);

    const add =
      db.prepare(`INSERT INTO signal_events (company_id, contact_id, kind, event_date, source, label, evidence, link, strength, polarity, detected_at)
      VALUES (@company, @contact, @kind, @date, 'crunchbase', @label, 'evidence', NULL, @strength, @polarity, '2026-11-01T00:00:00Z')
      ON CONFLICT (company_id, kind, source, event_date, label) DO UPDATE SET evidence = excluded.evidence`);
    const row = {
      company: companyId,
      contact: contactId,
      kind: 'funding',
      date: '2026-10-11',
      label: 'Series B',
      strength: 0.8,
      polarity: 1,
    };
    add.run(row);
    add.run(row); // a refresh that reads the same round again
    expect((db.prepare('SELECT COUNT(*) AS n FROM signal_events').get() as { n: number }).n).toBe(1);
    expect(() => add.run({ ...row, kind: 'rumour', label: 'x' })).toThrow(/CHECK constraint/);
    expect(() => add.run({ ...row, label: 'y', strength: 1.5 })).toThrow(/CHECK constraint/);
    expect(() => add.run({ ...row, label: 'z', polarity: 0 })).toThrow(/CHECK constraint/);

    const score =
      db.prepare(`INSERT INTO lead_scores (lead_id, intent, fit, accessibility, total, band, why_now, breakdown_json, calculated_at)
      VALUES (?, 60, 80, 55, 66, ?, 'Series B 3 weeks ago', '[]', ?)`);
    score.run(leadId, 'warm', '2026-11-01T00:00:00Z');
    score.run(leadId, 'hot', '2026-11-08T00:00:00Z');
    expect(() => score.run(leadId, 'lukewarm', '2026-11-09T00:00:00Z')).toThrow(/CHECK constraint/);
    const history = db
      .prepare('SELECT band FROM lead_scores WHERE lead_id = ? ORDER BY calculated_at DESC')
      .all(leadId);
    expect(history).toEqual([{ band: 'hot' }, { band: 'warm' }]);

    // Deleting the lead's company removes its signals; deleting the campaign removes the score history.
    db.prepare('DELETE FROM campaigns WHERE id = ?').run(campaignId);
    expect((db.prepare('SELECT COUNT(*) AS n FROM lead_scores').get() as { n: number }).n).toBe(0);
    db.prepare('DELETE FROM companies WHERE id = ?').run(companyId);
    expect((db.prepare('SELECT COUNT(*) AS n FROM signal_events').get() as { n: number }).n).toBe(0);
    db.close();
  });
});
