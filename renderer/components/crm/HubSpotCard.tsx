import { useEffect, useState, type FormEvent } from 'react';
import type { CrmStatus } from '../../../main/crm/contract';
import { api } from '../../api';
import { humanError } from '../../format';
import { useSettings } from '../../store/settings';
import { Notice } from '../Notice';

/** Settings → CRM: the HubSpot private-app token (OS keychain only), a connection test, where pushes go. */
export function HubSpotCard() {
  const present = useSettings((s) => !!s.settings?.keys.hubspot?.present);
  const { setKey, deleteKey, testKey } = useSettings();
  const [token, setToken] = useState('');
  const [status, setStatus] = useState<CrmStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  useEffect(() => {
    api.call('crm/status', {}).then(setStatus, () => setStatus(null));
  }, [present]);

  const run = async (doing: string, fn: () => Promise<string | null>) => {
    setBusy(true);
    setMsg(null);
    try {
      const text = await fn();
      if (text) setMsg({ kind: 'success', text });
    } catch (err) {
      setMsg({ kind: 'error', text: humanError(doing, err) });
    } finally {
      setBusy(false);
    }
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!token.trim()) return setMsg({ kind: 'error', text: 'Paste your HubSpot private-app token first.' });
    void run('save the token', async () => {
      await setKey('hubspot', token.trim());
      setToken('');
      return 'HubSpot token saved in the system keychain. Syncs now go to your HubSpot account.';
    });
  };

  return (
    <section className="card" aria-labelledby="hubspot-title">
      <h2 id="hubspot-title">
        CRM: HubSpot{' '}
        <span className={`pill ${present ? 'pill-completed' : 'pill-draft'}`}>
          {present ? 'Token stored' : 'Sandbox'}
        </span>
      </h2>
      <p className="muted small">
        A private-app token (HubSpot → Settings → Integrations → Private apps) with the CRM contacts and
        companies read/write scopes. Kept in your system keychain, never in the database, logs or exports.
      </p>
      {status ? (
        <p className="small" role="status">
          {status.message}
          {status.lastSyncAt ? ` Last sync ${status.lastSyncAt.slice(0, 16).replace('T', ' ')}.` : ''}
        </p>
      ) : null}
      <form className="row-gap" onSubmit={save}>
        <label htmlFor="hubspot-token" className="sr-only">
          HubSpot private-app token
        </label>
        <input
          id="hubspot-token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder={present ? '•••••••• (stored — paste to replace)' : 'pat-na1-…'}
          value={token}
          onChange={(e) => setToken(e.target.value)}
          className="grow"
        />
        <button type="submit" className="primary" disabled={busy}>
          Save token
        </button>
        <button
          type="button"
          disabled={busy || !present}
          onClick={() =>
            void run('test the HubSpot connection', async () => {
              const r = await testKey('hubspot');
              setMsg({ kind: r.ok ? 'success' : 'error', text: r.message });
              return null;
            })
          }
        >
          Test connection
        </button>
        <button
          type="button"
          className="danger"
          disabled={busy || !present}
          onClick={() =>
            void run('delete the token', async () => {
              await deleteKey('hubspot');
              return 'HubSpot token deleted. Syncs go to the built-in sandbox HubSpot.';
            })
          }
        >
          Delete
        </button>
      </form>
      {msg ? <Notice kind={msg.kind}>{msg.text}</Notice> : null}
    </section>
  );
}
