import { useState } from 'react';
import type { Lead } from '../../main/domain/types';
import { api } from '../api';
import { humanError } from '../format';
import { useResults } from '../store/results';

type State =
  | { kind: 'idle' }
  | { kind: 'confirm' }
  | { kind: 'busy' }
  | { kind: 'done'; text: string }
  | { kind: 'error'; msg: string };

/** A person's rights from their lead: a copy of everything held (portability), or erasure for good. */
export function PersonActions({ lead }: { lead: Lead }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const erased = lead.contact.firstName === '[erased]' && !lead.contact.email;
  const name = `${lead.contact.firstName} ${lead.contact.lastName}`.trim();

  const exportPerson = async () => {
    setState({ kind: 'busy' });
    try {
      const r = await api.call('privacy/export-person', { leadId: lead.id });
      setState({ kind: 'done', text: `Saved everything held about ${name} (${r.items} items) to ${r.path}` });
    } catch (err) {
      setState({ kind: 'error', msg: humanError("export this person's data", err) });
    }
  };

  const erase = async () => {
    setState({ kind: 'busy' });
    try {
      const r = await api.call('privacy/erase', { leadId: lead.id });
      setState({
        kind: 'done',
        text: `Erased: ${r.leads} lead(s) anonymised, ${r.logLines} log line(s) scrubbed; they will never be found again.`,
      });
      await useResults.getState().open(lead.campaignId);
    } catch (err) {
      setState({ kind: 'error', msg: humanError('erase this person', err) });
    }
  };

  if (erased) return <p className="muted small">This person was erased; only anonymous counts remain.</p>;
  return (
    <div className="person-actions" aria-label="This person's data">
      <button type="button" onClick={exportPerson} disabled={state.kind === 'busy'}>
        Export this person’s data
      </button>
      {state.kind === 'confirm' ? (
        <span role="alertdialog" aria-label="Confirm erasure" className="confirm">
          Erase {name} from every campaign, the cache, the logs and the vector store, and never find them
          again? This cannot be undone.{' '}
          <button type="button" className="danger" onClick={erase}>
            Erase for good
          </button>{' '}
          <button type="button" onClick={() => setState({ kind: 'idle' })}>
            Keep
          </button>
        </span>
      ) : (
        <button
          type="button"
          className="danger"
          onClick={() => setState({ kind: 'confirm' })}
          disabled={state.kind === 'busy'}
        >
          Erase this person…
        </button>
      )}
      {state.kind === 'done' ? (
        <p className="small" role="status">
          {state.text}
        </p>
      ) : null}
      {state.kind === 'error' ? (
        <p className="field-error" role="alert">
          {state.msg}
        </p>
      ) : null}
    </div>
  );
}
