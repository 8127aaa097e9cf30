import { useEffect, useState, type FormEvent } from 'react';
import type { WaterfallSettings, WaterfallStep } from '../../main/domain/email';
import { api } from '../api';
import { humanError } from '../format';
import { Notice } from './Notice';

const STEPS: { id: WaterfallStep; label: string }[] = [
  { id: 'finder', label: 'Hunter finder when Apollo has no address (1 Hunter credit)' },
  { id: 'verifier', label: 'Hunter verifier when the address is not proved (0.5 Hunter credit)' },
];

/**
 * The email waterfall's settings. The one trade it makes visible: holding leads without a verified
 * address costs the Apollo reveals of the extra candidates it takes to replace them (README, "Email").
 */
export function WaterfallCard() {
  const [s, setS] = useState<WaterfallSettings | null>(null);
  const [msg, setMsg] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  useEffect(() => {
    api
      .call('waterfall/get')
      .then(setS, (e: unknown) => setMsg({ kind: 'error', text: humanError('read the email settings', e) }));
  }, []);
  if (!s)
    return (
      <section className="card" aria-label="Email waterfall">
        <h2>Email waterfall</h2>
        {msg ? <Notice kind={msg.kind}>{msg.text}</Notice> : <p className="muted small">Loading…</p>}
      </section>
    );
  const toggleStep = (id: WaterfallStep, on: boolean) =>
    setS({ ...s, steps: STEPS.map((x) => x.id).filter((x) => (x === id ? on : s.steps.includes(x))) });
  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      setS(await api.call('waterfall/set', s));
      setMsg({ kind: 'success', text: 'Email settings saved. The next campaign run uses them.' });
    } catch (err) {
      setMsg({ kind: 'error', text: humanError('save the email settings', err) });
    }
  };
  const share = Math.round(s.minVerifiedShare * 100);
  return (
    <section className="card" aria-label="Email waterfall">
      <h2>Email waterfall</h2>
      <p className="muted small">
        After Apollo&apos;s reveal, Hunter finds and verifies addresses. Holding leads without a verified
        address keeps your list reachable but buys more Apollo reveals to replace them.
      </p>
      <form className="waterfall-form" onSubmit={(e) => void save(e)}>
        {STEPS.map((x) => (
          <label key={x.id} className="check">
            <input
              type="checkbox"
              checked={s.steps.includes(x.id)}
              onChange={(e) => toggleStep(x.id, e.target.checked)}
            />{' '}
            {x.label}
          </label>
        ))}
        <label className="check">
          <input
            type="checkbox"
            checked={s.verifyApolloVerified}
            onChange={(e) => setS({ ...s, verifyApolloVerified: e.target.checked })}
          />{' '}
          Re-check addresses Apollo calls verified
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={s.reachableFirst}
            onChange={(e) => setS({ ...s, reachableFirst: e.target.checked })}
          />{' '}
          Reachable first: hold leads without a verified address while other candidates remain
        </label>
        <label>
          Verified share to keep per tier: {share}%{' '}
          <input
            type="range"
            min={50}
            max={100}
            step={5}
            value={share}
            disabled={!s.reachableFirst}
            aria-label="Verified share to keep per tier"
            onChange={(e) => setS({ ...s, minVerifiedShare: Number(e.target.value) / 100 })}
          />
        </label>
        <p className="muted small">
          Measured on the full sandbox template (500 leads, 22% catch-all domains): holding every one, about
          880 Apollo credits and 100% verified; 85%, about 820; 80% (the default), about 800.
        </p>
        <div className="row-gap">
          <button type="submit" className="primary">
            Save email settings
          </button>
        </div>
      </form>
      {msg ? <Notice kind={msg.kind}>{msg.text}</Notice> : null}
    </section>
  );
}
