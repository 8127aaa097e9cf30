import { useState, type FormEvent } from 'react';
import type { Provider } from '../../main/contract';
import { Notice } from '../components/Notice';
import { humanError } from '../format';
import { useSettings } from '../store/settings';

const PROVIDERS: { id: Provider; name: string; help: string }[] = [
  {
    id: 'apollo',
    name: 'Apollo.io',
    help: 'Find it in Apollo under Settings → Integrations → API. Stored in your system keychain, never in the database.',
  },
];

export function SettingsScreen() {
  const settings = useSettings((s) => s.settings);
  return (
    <div className="settings">
      <div className="screen-head">
        <div>
          <h1>Settings</h1>
          <p className="muted">API keys and where your data lives.</p>
        </div>
      </div>
      {PROVIDERS.map((p) => (
        <KeyCard
          key={p.id}
          provider={p.id}
          name={p.name}
          help={p.help}
          present={!!settings?.keys[p.id]?.present}
        />
      ))}
      <section className="card">
        <h2>Data</h2>
        <dl className="kv">
          <dt>Mode</dt>
          <dd>
            {settings
              ? settings.sandbox
                ? 'Sandbox (synthetic data, no credits spent)'
                : 'Live (Apollo)'
              : '—'}
          </dd>
          <dt>Data folder</dt>
          <dd>
            <code>{settings?.dataDir ?? '—'}</code>
          </dd>
        </dl>
      </section>
    </div>
  );
}

function KeyCard(props: { provider: Provider; name: string; help: string; present: boolean }) {
  const { setKey, deleteKey, testKey } = useSettings();
  const [key, setKeyText] = useState('');
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ kind: 'error' | 'success' | 'info'; text: string } | null>(null);
  const inputId = `key-${props.provider}`;

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
    if (!key.trim()) return setMsg({ kind: 'error', text: `Paste your ${props.name} API key first.` });
    void run('save the key', async () => {
      await setKey(props.provider, key.trim());
      setKeyText('');
      return `${props.name} key saved. New campaigns use live data.`;
    });
  };

  return (
    <section className="card" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>
        {props.name} API key{' '}
        <span className={`pill ${props.present ? 'pill-completed' : 'pill-draft'}`}>
          {props.present ? 'Key stored' : 'No key'}
        </span>
      </h2>
      <p className="muted small">{props.help}</p>
      <form className="row-gap" onSubmit={save}>
        <label htmlFor={inputId} className="sr-only">
          {props.name} API key
        </label>
        <input
          id={inputId}
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder={props.present ? '•••••••• (stored — paste to replace)' : 'Paste your API key'}
          value={key}
          onChange={(e) => setKeyText(e.target.value)}
          className="grow"
        />
        <button type="submit" className="primary" disabled={busy}>
          Save key
        </button>
        <button
          type="button"
          disabled={busy || !props.present}
          onClick={() =>
            void run('test the key', async () => {
              const r = await testKey(props.provider);
              setMsg({ kind: r.ok ? 'success' : 'error', text: r.message });
              return null;
            })
          }
        >
          Test
        </button>
        <button
          type="button"
          className="danger"
          disabled={busy || !props.present}
          onClick={() =>
            void run('delete the key', async () => {
              await deleteKey(props.provider);
              return `${props.name} key deleted. Lead Studio is back in sandbox mode.`;
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
