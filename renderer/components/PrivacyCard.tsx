import { useCallback, useEffect, useState } from 'react';
import type { AuditEntry, PrivacyStatus } from '../../main/privacy/contract';
import { api } from '../api';
import { humanError } from '../format';

const ACTION_LABEL: Record<AuditEntry['action'], string> = {
  'export.workbook': 'Workbook exported',
  'export.person': 'Person’s data exported',
  'export.audit': 'Audit log exported',
  'erase.person': 'Person erased',
  'key.created': 'Encryption key created',
  'key.lost': 'Encryption key lost',
  'key.moved': 'Encryption key moved to the keychain',
  'retention.purge': 'Retention purge',
  'retention.setting': 'Retention changed',
  'crm.push': 'Pushed to CRM',
};

/** Settings → Privacy: encryption state, retention, and the audit log (who, what, when, how many). */
export function PrivacyCard() {
  const [status, setStatus] = useState<PrivacyStatus | null>(null);
  const [audit, setAudit] = useState<AuditEntry[]>([]);
  const [days, setDays] = useState('');
  const [note, setNote] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const load = useCallback(async () => {
    try {
      const [s, a] = await Promise.all([api.call('privacy/status'), api.call('audit/list', { limit: 100 })]);
      setStatus(s);
      setDays(String(s.retentionDays));
      setAudit(a);
    } catch (err) {
      setNote({ kind: 'error', text: humanError('load the privacy settings', err) });
    }
  }, []);
  useEffect(() => void load(), [load]);

  const saveDays = async () => {
    try {
      await api.call('privacy/set-retention', { days: Number(days) });
      setNote({ kind: 'ok', text: `Contact data of leads idle for ${days} days is purged.` });
      await load();
    } catch (err) {
      setNote({ kind: 'error', text: humanError('change the retention', err) });
    }
  };
  const exportAudit = async () => {
    try {
      const r = await api.call('audit/export', {});
      setNote({ kind: 'ok', text: `Saved ${r.rows} audit entries to ${r.path}` });
      await load();
    } catch (err) {
      setNote({ kind: 'error', text: humanError('export the audit log', err) });
    }
  };

  return (
    <section className="card" aria-labelledby="privacy-title">
      <h2 id="privacy-title">Privacy</h2>
      <p role="status" className={status && status.keyStore !== 'keychain' ? 'field-error' : 'muted'}>
        {status?.message ?? 'Loading…'}
      </p>
      <div className="field">
        <label htmlFor="retention-days">Purge contact details of leads idle for (days)</label>
        <input
          id="retention-days"
          type="number"
          min={1}
          max={3650}
          value={days}
          onChange={(e) => setDays(e.target.value)}
        />{' '}
        <button type="button" onClick={saveDays}>
          Save
        </button>
        {status?.lastRetentionRun ? (
          <span className="muted small"> Last run {new Date(status.lastRetentionRun).toLocaleString()}.</span>
        ) : null}
      </div>
      <h3>
        Audit log{' '}
        <button type="button" className="link" onClick={exportAudit}>
          Export
        </button>
      </h3>
      <table className="audit" aria-label="Audit log">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">How many</th>
          </tr>
        </thead>
        <tbody>
          {audit.map((e) => (
            <tr key={e.id}>
              <td>{new Date(e.at).toLocaleString()}</td>
              <td>{e.actor}</td>
              <td>
                {ACTION_LABEL[e.action] ?? e.action} <span className="muted">({e.subject})</span>
              </td>
              <td className="num">{e.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {note ? (
        <p
          className={note.kind === 'error' ? 'field-error' : 'small'}
          role={note.kind === 'error' ? 'alert' : 'status'}
        >
          {note.text}
        </p>
      ) : null}
    </section>
  );
}
