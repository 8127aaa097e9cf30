/** The alert inbox (issue 13): leads that changed band or moved ≥ 10 points in a watch refresh. */
import { useEffect, useState } from 'react';
import type { Alert } from '../../main/shared/watch';
import { api } from '../api';
import { humanError } from '../format';
import { useResults } from '../store/results';
import { useSettings } from '../store/settings';
import { BandBadge } from './Badges';
import { SandboxClock } from './SandboxClock';

export function AlertsInbox() {
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sandbox = useSettings((s) => s.settings?.sandbox === true);
  useEffect(() => {
    void api.call('alerts/list', {}).then(setAlerts, () => undefined);
    return api.on('alerts/new', (a) => setAlerts((list) => [a, ...list.filter((x) => x.id !== a.id)]));
  }, []);
  const refresh = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.call('watch/refresh');
      setAlerts(await api.call('alerts/list', {}));
      // Re-scored leads: the table shows their new scores.
      const shown = useResults.getState().campaignId;
      if (shown !== null) void useResults.getState().open(shown);
    } catch (err) {
      setError(humanError('refresh the watchlist', err));
    } finally {
      setBusy(false);
    }
  };
  const markRead = async () => {
    await api.call('alerts/read', {});
    setAlerts([]);
  };
  return (
    <section className="alerts-inbox" aria-label="Alerts">
      <h3>
        Alerts <span className="muted">{alerts.length}</span>
      </h3>
      {sandbox ? <SandboxClock /> : null}
      <button type="button" onClick={() => void refresh()} disabled={busy}>
        {busy ? 'Refreshing…' : 'Refresh watchlist'}
      </button>
      {alerts.length > 0 ? (
        <button type="button" className="link" onClick={() => void markRead()}>
          Mark all read
        </button>
      ) : null}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <ul className="alert-list">
        {alerts.map((a) => (
          <li key={a.id} className="alert-item">
            <span className="strong">{a.lead}</span>: <BandBadge band={a.old.band} /> {a.old.total} →{' '}
            <BandBadge band={a.new.band} /> {a.new.total}
            {a.whyNow ? <span className="muted small"> · {a.whyNow}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
