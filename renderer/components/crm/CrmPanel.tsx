import { useEffect, useState } from 'react';
import type { CrmPushResult, DeadLetterView } from '../../../main/crm/contract';
import type { Tier } from '../../../main/domain/icp';
import { api } from '../../api';
import { fmtInt, humanError } from '../../format';
import { useResults } from '../../store/results';
import { TIERS } from '../../tiers';
import { Notice } from '../Notice';
import { exportPath } from '../../export-path';

type Msg = { kind: 'success' | 'error' | 'info'; text: string } | null;

/** A campaign's way out to the CRM and the mail tool: HubSpot sync with its dead-letter list, briefs, sequences, event import. */
export function CrmPanel({ campaignId }: { campaignId: number }) {
  return (
    <section className="card crm-panel" aria-label="CRM and outreach">
      <SyncBox campaignId={campaignId} />
      <ExportsBox campaignId={campaignId} />
    </section>
  );
}

function SyncBox({ campaignId }: { campaignId: number }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<CrmPushResult | null>(null);
  const [dead, setDead] = useState<DeadLetterView[]>([]);
  const [msg, setMsg] = useState<Msg>(null);
  useEffect(() => {
    api.call('crm/deadLetters', {}).then(setDead, () => setDead([]));
  }, []);
  const run = async (what: 'crm/push' | 'crm/retry') => {
    setBusy(true);
    setMsg(null);
    try {
      const r =
        what === 'crm/push' ? await api.call('crm/push', { campaignId }) : await api.call('crm/retry', {});
      setResult(r);
      setDead(r.deadLetters);
    } catch (e) {
      setMsg({ kind: 'error', text: humanError('sync to HubSpot', e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div aria-label="HubSpot sync" role="group">
      <h2>HubSpot</h2>
      <div className="row-gap">
        <button type="button" className="primary" disabled={busy} onClick={() => void run('crm/push')}>
          {busy ? 'Syncing…' : 'Sync to HubSpot'}
        </button>
      </div>
      {result ? (
        <Notice kind={result.failed ? 'error' : 'success'}>
          <span className="sync-result">
            {fmtInt(result.created)} created · {fmtInt(result.updated)} updated · {fmtInt(result.merged)}{' '}
            merged · {fmtInt(result.skipped)} skipped · {fmtInt(result.failed)} failed
          </span>
          <br />
          {result.message}
        </Notice>
      ) : null}
      {msg ? <Notice kind={msg.kind}>{msg.text}</Notice> : null}
      <h3 className="small">Dead letters {dead.length ? `(${fmtInt(dead.length)})` : ''}</h3>
      {dead.length ? (
        <>
          <ul className="dead-letters" aria-label="Dead letters">
            {dead.map((d) => (
              <li key={d.id}>
                <strong>{d.label}</strong> <span className="muted">({d.entity})</span> — {d.code}: {d.message}
                {d.permanent ? <span className="pill pill-failed">needs a fix</span> : null}
                <span className="muted small"> · {d.attempts} attempt(s)</span>
              </li>
            ))}
          </ul>
          <button type="button" disabled={busy} onClick={() => void run('crm/retry')}>
            Retry dead letters
          </button>
        </>
      ) : (
        <p className="muted small">None: every record that was pushed went through.</p>
      )}
    </div>
  );
}

function ExportsBox({ campaignId }: { campaignId: number }) {
  const reopen = useResults((s) => s.open);
  const [tier, setTier] = useState<Tier>('T1');
  const [msg, setMsg] = useState<Msg>(null);
  const attempt = async (doing: string, fn: () => Promise<string | null>) => {
    setMsg(null);
    try {
      const text = await fn();
      if (text) setMsg({ kind: 'success', text });
    } catch (e) {
      setMsg({ kind: 'error', text: humanError(doing, e) });
    }
  };
  const briefs = (format: 'md' | 'pdf') =>
    attempt('export the briefs', async () => {
      const path = await exportPath(`briefs-campaign-${campaignId}-${tier}.${format}`);
      if (path === null) return null;
      const r = await api.call('brief/export', { format, path, campaignId, tier });
      return `${fmtInt(r.leads)} briefs saved to ${r.path}`;
    });
  const sequences = () =>
    attempt('export the sequences', async () => {
      const path = await exportPath(`sequences-campaign-${campaignId}.csv`);
      if (path === null) return null;
      const r = await api.call('sequence/export', { campaignId, path });
      return `${fmtInt(r.rows)} sequence steps saved to ${r.path}`;
    });
  const importCsv = (file: File) =>
    attempt(`import ${file.name}`, async () => {
      const r = await api.call('outreach/import', { campaignId, csv: await file.text() });
      await reopen(campaignId);
      const bad = r.errors.slice(0, 5).map((e) => `row ${e.row}, ${e.field}: ${e.message}`);
      if (r.errors.length)
        setMsg({ kind: 'error', text: `Imported ${r.imported}; not imported: ${bad.join('; ')}` });
      return r.errors.length ? null : `Imported ${fmtInt(r.imported)} events for ${fmtInt(r.leads)} leads.`;
    });
  return (
    <div aria-label="Briefs, sequences and events" role="group">
      <h2>Briefs, sequences, events</h2>
      <div className="row-gap">
        <label htmlFor="brief-tier">Tier</label>
        <select id="brief-tier" value={tier} onChange={(e) => setTier(e.target.value as Tier)}>
          {TIERS.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
        <button type="button" onClick={() => void briefs('md')}>
          Tier briefs .md
        </button>
        <button type="button" onClick={() => void briefs('pdf')}>
          Tier briefs PDF
        </button>
        <button type="button" onClick={() => void sequences()}>
          Sequences CSV
        </button>
        <label className="button">
          Import events CSV
          <input
            type="file"
            accept=".csv,text/csv"
            className="sr-only"
            aria-label="Import outreach events CSV"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void importCsv(f);
            }}
          />
        </label>
      </div>
      <p className="muted small">
        Events CSV columns: lead_id or email, event (sent, opened, replied, bounced, meeting), channel, step,
        at, note.
      </p>
      {msg ? <Notice kind={msg.kind}>{msg.text}</Notice> : null}
    </div>
  );
}
