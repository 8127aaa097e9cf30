/**
 * The sandbox's day (issue 13), beside the alert inbox in sandbox mode: move it forward to see the
 * synthetic world's signals appear and age out, then refresh the watchlist.
 */
import { useEffect, useState } from 'react';
import type { SandboxClock as Clock } from '../../main/shared/sandbox-clock';
import { api } from '../api';
import { humanError } from '../format';

export function SandboxClock() {
  const [clock, setClock] = useState<Clock | null>(null);
  const [days, setDays] = useState('30');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.call('sandbox/clock').then(setClock, () => undefined);
  }, []);
  const advance = async () => {
    setError(null);
    try {
      setClock(await api.call('sandbox/advanceClock', { days: Number(days) }));
    } catch (err) {
      setError(humanError('move the sandbox clock', err));
    }
  };
  return (
    <div className="sandbox-clock" role="group" aria-label="Sandbox clock">
      <span className="small" role="status">
        {clock ? `Sandbox day ${clock.day} (${clock.date})` : 'Sandbox day …'}
      </span>{' '}
      <input
        type="number"
        aria-label="Days to advance"
        value={days}
        step={1}
        onChange={(e) => setDays(e.target.value)}
      />{' '}
      <button type="button" onClick={() => void advance()}>
        Advance clock
      </button>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
