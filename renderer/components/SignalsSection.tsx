/** The lead detail's buying signals (issue 13): why now, each intent point with its evidence, watch/unwatch. */
import { useEffect, useState } from 'react';
import type { Lead } from '../../main/domain/types';
import { api } from '../api';
import { humanError } from '../format';

export function SignalsSection({ lead }: { lead: Lead }) {
  const [watching, setWatching] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const items = lead.score.breakdown.filter((i) => i.component === 'intent');
  const name = `${lead.contact.firstName} ${lead.contact.lastName}`;
  useEffect(() => {
    void api.call('watch/list').then(
      (ws) => setWatching(ws.some((w) => w.leadId === lead.id)),
      () => undefined,
    );
  }, [lead.id]);
  const toggle = async () => {
    try {
      setError(null);
      if (watching) await api.call('watch/remove', { leadId: lead.id });
      else await api.call('watch/add', { leadId: lead.id });
      setWatching(!watching);
    } catch (err) {
      setError(humanError(`${watching ? 'unwatch' : 'watch'} ${name}`, err));
    }
  };
  return (
    <section className="signals" aria-label={`Buying signals for ${name}`}>
      <h4>
        Buying signals <span className="muted">intent {lead.score.intent}/100</span>
      </h4>
      <p className="why-now">
        {lead.score.whyNow ? `Why now: ${lead.score.whyNow}` : 'No buying signals read yet.'}
      </p>
      {items.length > 0 ? (
        <ul className="signal-list">
          {items.map((i, n) => (
            <li key={n}>
              <span className="strong">{i.signal}</span>{' '}
              <span className="muted">+{Math.round(i.points)}</span>{' '}
              <span className="check-evidence">{i.evidence}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <button type="button" onClick={() => void toggle()} aria-pressed={watching}>
        {watching ? 'Unwatch' : 'Watch'}
      </button>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
