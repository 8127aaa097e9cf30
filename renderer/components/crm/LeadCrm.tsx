import { useEffect, useState } from 'react';
import type { Bant, OutreachEvent, OutreachKind, RenderedStep } from '../../../main/crm/contract';
import type { Lead } from '../../../main/domain/types';
import { api } from '../../api';
import { humanError } from '../../format';
import { useResults } from '../../store/results';
import { exportPath } from '../../export-path';
import { Notice } from '../Notice';

const BANT_ROWS: { key: keyof Bant; label: string }[] = [
  { key: 'budget', label: 'Budget' },
  { key: 'authority', label: 'Authority' },
  { key: 'need', label: 'Need' },
  { key: 'timeline', label: 'Timeline' },
];
const KINDS: OutreachKind[] = ['sent', 'opened', 'replied', 'bounced', 'meeting'];
const MARK = { yes: '✓', no: '✕', unknown: '?' } as const;

/** Where an export goes: Electron's save dialog, else the data folder's exports (browser host). */
export function BantPanel({ leadId }: { leadId: number }) {
  const [bant, setBant] = useState<Bant | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.call('lead/bant', { leadId }).then(setBant, (e: unknown) => setError(humanError('read BANT', e)));
  }, [leadId]);
  return (
    <section aria-label="BANT">
      <h4>BANT</h4>
      {error ? <Notice kind="error">{error}</Notice> : null}
      <ul className="bant">
        {BANT_ROWS.map(({ key, label }) => {
          const s = bant?.[key];
          return (
            <li
              key={key}
              className={s?.answer === 'yes' ? 'check-pass' : s?.answer === 'no' ? 'check-fail' : ''}
            >
              <span className="check-icon" aria-hidden="true">
                {s ? MARK[s.answer] : '…'}
              </span>
              <span className="check-label">
                {label}
                <span className="sr-only">{s ? ` — ${s.answer}` : ''}</span>
              </span>
              <span className={`basis basis-${s?.basis ?? 'inferred'}`}>{s?.basis ?? ''}</span>
              <span className="check-evidence">{s?.evidence ?? ''}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The deal brief (copyable, exportable), the sequence preview and the outreach log of one lead. */
export function LeadCrm({ lead }: { lead: Lead }) {
  const name = `${lead.contact.firstName} ${lead.contact.lastName}`;
  return (
    <div className="lead-crm" role="region" aria-label={`Outreach for ${name}`}>
      <BriefPanel lead={lead} />
      <SequencePanel lead={lead} />
      <OutreachPanel lead={lead} />
    </div>
  );
}

function BriefPanel({ lead }: { lead: Lead }) {
  const [md, setMd] = useState<string | null>(null);
  const [msg, setMsg] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const open = () =>
    api.call('lead/brief', { leadId: lead.id }).then(
      (b) => setMd(b.markdown),
      (e: unknown) => setMsg({ kind: 'error', text: humanError('build the brief', e) }),
    );
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(md ?? '');
      setMsg({ kind: 'success', text: 'Brief copied to the clipboard.' });
    } catch (e) {
      setMsg({ kind: 'error', text: humanError('copy the brief', e) });
    }
  };
  const save = async (format: 'md' | 'pdf') => {
    try {
      const path = await exportPath(`brief-lead-${lead.id}.${format}`);
      if (path === null) return;
      const r = await api.call('brief/export', { format, path, leadId: lead.id });
      setMsg({ kind: 'success', text: `Brief saved to ${r.path}` });
    } catch (e) {
      setMsg({ kind: 'error', text: humanError('export the brief', e) });
    }
  };
  return (
    <section aria-label="Deal brief">
      <h4>Deal brief</h4>
      <div className="row-gap">
        <button type="button" onClick={() => void open()}>
          {md ? 'Refresh brief' : 'Open brief'}
        </button>
        <button type="button" disabled={!md} onClick={() => void copy()}>
          Copy
        </button>
        <button type="button" onClick={() => void save('md')}>
          Export .md
        </button>
        <button type="button" onClick={() => void save('pdf')}>
          Export PDF
        </button>
      </div>
      {md ? (
        <pre className="brief" aria-label="Brief text" tabIndex={0}>
          {md}
        </pre>
      ) : null}
      {msg ? <Notice kind={msg.kind}>{msg.text}</Notice> : null}
    </section>
  );
}

function SequencePanel({ lead }: { lead: Lead }) {
  const [steps, setSteps] = useState<RenderedStep[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const preview = () =>
    api
      .call('lead/sequence', { leadId: lead.id })
      .then(setSteps, (e: unknown) => setError(humanError('preview the sequence', e)));
  return (
    <section aria-label="Sequence">
      <h4>Sequence</h4>
      <button type="button" onClick={() => void preview()}>
        Preview sequence
      </button>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {steps ? (
        <ol className="sequence" aria-label="Sequence steps">
          {steps.map((s) => (
            <li key={s.step}>
              <strong>
                Day {s.day} · {s.channel === 'email' ? 'Email' : 'LinkedIn'}
              </strong>
              {s.subject ? <div className="small">Subject: {s.subject}</div> : null}
              <pre className="sequence-body">{s.body}</pre>
              {s.warnings.map((w) => (
                <p key={w} className="field-error small">
                  {w}
                </p>
              ))}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function OutreachPanel({ lead }: { lead: Lead }) {
  const updateLead = useResults((s) => s.updateLead);
  const [events, setEvents] = useState<OutreachEvent[]>([]);
  const [kind, setKind] = useState<OutreachKind>('sent');
  const [msg, setMsg] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  useEffect(() => {
    api.call('outreach/list', { leadId: lead.id }).then(setEvents, () => setEvents([]));
  }, [lead.id]);
  const log = async () => {
    try {
      const r = await api.call('outreach/log', { leadId: lead.id, kind });
      setEvents(await api.call('outreach/list', { leadId: lead.id }));
      setMsg({
        kind: 'success',
        text: `Logged "${kind}". Status: ${r.lead.status}; score ${r.lead.score.total} (${r.lead.score.band}).`,
      });
      await updateLead(lead.id, {}); // the row shows the new status and score
    } catch (e) {
      setMsg({ kind: 'error', text: humanError('log the event', e) });
    }
  };
  return (
    <section aria-label="Outreach events">
      <h4>Outreach</h4>
      <div className="row-gap">
        <label htmlFor={`kind-${lead.id}`} className="sr-only">
          Outreach event
        </label>
        <select id={`kind-${lead.id}`} value={kind} onChange={(e) => setKind(e.target.value as OutreachKind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {k[0]!.toUpperCase() + k.slice(1)}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void log()}>
          Log event
        </button>
      </div>
      {events.length ? (
        <ul className="small outreach-events" aria-label="Logged events">
          {events.map((e, i) => (
            <li key={i}>
              {e.at.slice(0, 16).replace('T', ' ')} · {e.kind} · {e.channel}
              {e.note ? ` · ${e.note}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">No events yet.</p>
      )}
      {msg ? <Notice kind={msg.kind}>{msg.text}</Notice> : null}
    </section>
  );
}
