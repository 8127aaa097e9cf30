import { EmailEvidenceView } from './EmailEvidence';
import { useState } from 'react';
import type { Lead } from '../../main/domain/types';
import { humanError } from '../format';
import { useResults } from '../store/results';
import { PersonActions } from './PersonActions';
import { BantPanel, LeadCrm } from './crm/LeadCrm';
import { SignalsSection } from './SignalsSection';

const COMPONENT_WEIGHT = { intent: 40, fit: 35, accessibility: 25 } as const;

/** The expanded detail of one lead: the 6-point checklist, the score breakdown, and notes. */
export function LeadDetail({ lead }: { lead: Lead }) {
  const v = lead.validation;
  const name = `${lead.contact.firstName} ${lead.contact.lastName}`;
  return (
    <div className="lead-detail" role="region" aria-label={`Checklist for ${name}`}>
      <section>
        <h4>
          Validation checklist{' '}
          <span className="muted">
            {v.score}/{v.max} passed{v.accepted ? '' : ' · rejected'}
          </span>
        </h4>
        <ul className="checklist">
          {v.checks.map((c) => (
            <li key={c.id} className={c.passed ? 'check-pass' : 'check-fail'}>
              <span className="check-icon" aria-hidden="true">
                {c.passed ? '✓' : '✕'}
              </span>
              <span className="check-label">
                {c.label}
                <span className="sr-only">{c.passed ? ' — passed' : ' — failed'}</span>
                {v.failedRequired.includes(c.id) ? <span className="pill pill-failed">required</span> : null}
              </span>
              <span className={`basis basis-${c.basis}`}>{c.basis}</span>
              <span className="check-evidence">{c.evidence}</span>
            </li>
          ))}
        </ul>
      </section>
      <BantPanel leadId={lead.id} />
      <SignalsSection lead={lead} />
      <section>
        <h4>
          Lead score <span className="muted">{lead.score.total}/100</span>
        </h4>
        <dl className="score-parts">
          {(['intent', 'fit', 'accessibility'] as const).map((k) => (
            <div key={k}>
              <dt>
                {k} <span className="muted">({COMPONENT_WEIGHT[k]}%)</span>
              </dt>
              <dd>{lead.score[k]}</dd>
            </div>
          ))}
        </dl>
        <table className="breakdown">
          <caption className="sr-only">Score breakdown</caption>
          <thead>
            <tr>
              <th scope="col">Component</th>
              <th scope="col">Signal</th>
              <th scope="col">Points</th>
              <th scope="col">Evidence</th>
            </tr>
          </thead>
          <tbody>
            {lead.score.breakdown.map((b, i) => (
              <tr key={i}>
                <td>{b.component}</td>
                <td>{b.signal}</td>
                <td className="num">{b.points}</td>
                <td>{b.evidence}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="lead-contact">
        <h4>Contact</h4>
        <dl>
          <dt>Email</dt>
          <dd>
            {lead.contact.email ?? '—'}
            <EmailEvidenceView lead={lead} />
          </dd>
          <dt>Phone</dt>
          <dd>{lead.contact.phone ?? '—'}</dd>
          <dt>LinkedIn</dt>
          <dd>{lead.contact.linkedinUrl ?? '—'}</dd>
          <dt>Company</dt>
          <dd>
            {lead.company.domain}
            {lead.company.rawAddress ? ` · ${lead.company.rawAddress}` : ''}
          </dd>
        </dl>
        <NotesEditor lead={lead} />
        <PersonActions lead={lead} />
      </section>
      <LeadCrm lead={lead} />
    </div>
  );
}

function NotesEditor({ lead }: { lead: Lead }) {
  const updateLead = useResults((s) => s.updateLead);
  const [text, setText] = useState(lead.notes);
  const [state, setState] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; msg: string }>({
    kind: 'idle',
  });
  const id = `notes-${lead.id}`;
  const save = async () => {
    setState({ kind: 'saving' });
    try {
      await updateLead(lead.id, { notes: text });
      setState({ kind: 'saved' });
    } catch (err) {
      setState({ kind: 'error', msg: humanError('save the notes', err) });
    }
  };
  return (
    <div className="notes">
      <label htmlFor={id}>Notes</label>
      <textarea id={id} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      <div className="row-gap">
        <button type="button" onClick={save} disabled={state.kind === 'saving' || text === lead.notes}>
          Save notes
        </button>
        {state.kind === 'saved' ? (
          <span className="muted" role="status">
            Saved
          </span>
        ) : null}
        {state.kind === 'error' ? (
          <span className="field-error" role="alert">
            {state.msg}
          </span>
        ) : null}
      </div>
    </div>
  );
}
