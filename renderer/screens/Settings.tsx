import { useState, type FormEvent } from 'react';
import type { Provider } from '../../main/contract';
import { Notice } from '../components/Notice';
import { PrivacyCard } from '../components/PrivacyCard';
import { HubSpotCard } from '../components/crm/HubSpotCard';
import { WaterfallCard } from '../components/WaterfallCard';
import { ProgressBar } from '../components/ProgressBar';
import { humanError } from '../format';
import { useSettings } from '../store/settings';

const PROVIDERS: { id: Provider; name: string; help: string }[] = [
  {
    id: 'apollo',
    name: 'Apollo.io',
    help: 'Find it in Apollo under Settings → Integrations → API. Stored in your system keychain, never in the database.',
  },
  {
    id: 'hunter',
    name: 'Hunter.io (email finder and verifier)',
    help: 'Find it in Hunter under API → API keys. Without it, real campaigns take emails from Apollo alone; sandbox campaigns use the sandbox Hunter. "Test connection" shows the plan, searches left and credits used this month. Stored in your system keychain, never in the database.',
  },
  {
    id: 'crunchbase',
    name: 'Crunchbase (funding rounds, a buying signal)',
    help: 'Your Crunchbase API user key (needs a paid Crunchbase licence). Without it, real campaigns read funding from Apollo alone; sandbox campaigns use the sandbox Crunchbase. Stored in your system keychain, never in the database.',
  },
  {
    id: 'builtwith',
    name: 'BuiltWith (technology changes, a buying signal)',
    help: 'Your BuiltWith API key. Every lookup costs a BuiltWith credit (kept in the ledger apart from Apollo’s), so "Test connection" does not spend one. Without it, real campaigns read no tech changes; sandbox campaigns use the sandbox BuiltWith. Stored in your system keychain, never in the database.',
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
      <WaterfallCard />
      <HubSpotCard />
      <ModelCard />
      <PrivacyCard />
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

const MB = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

/** The local matching model: where it is, or a one-time download with progress. */
function ModelCard() {
  const model = useSettings((s) => s.model);
  const downloadModel = useSettings((s) => s.downloadModel);
  const [error, setError] = useState<string | null>(null);
  const p = model?.progress ?? null;
  const download = () => {
    setError(null);
    downloadModel().catch((err: unknown) => setError(humanError('download the matching model', err)));
  };
  return (
    <section className="card" aria-labelledby="model-title">
      <h2 id="model-title">
        Matching model{' '}
        <span
          className={`pill ${model?.state === 'ready' ? 'pill-completed' : model?.state === 'downloading' ? 'pill-running' : 'pill-draft'}`}
        >
          {/* null until model/status answers: say so, rather than "Not installed" beside no folder */}
          {model === null
            ? 'Checking…'
            : model.state === 'ready'
              ? 'Installed'
              : model.state === 'downloading'
                ? 'Downloading'
                : 'Not installed'}
        </span>
      </h2>
      <p className="muted small">
        MiniLM runs on this computer to screen contacts before any credit is spent; nothing leaves your
        laptop. Without it, screening uses title rules and company facts only.
      </p>
      {model?.state === 'downloading' && p ? (
        <div>
          {/* keyed by file: a fresh bar per file, not an animation back from the last file's 100% */}
          <ProgressBar
            key={p.file}
            value={p.receivedBytes}
            max={p.totalBytes ?? p.receivedBytes}
            label="Model download"
          />
          <p className="muted small">
            File {p.index} of {p.files} ({p.file}): {MB(p.receivedBytes)}
            {p.totalBytes ? ` of ${MB(p.totalBytes)}` : ''}
          </p>
        </div>
      ) : null}
      {model && model.state !== 'ready' ? (
        <div className="row-gap">
          <button
            type="button"
            className="primary"
            disabled={model.state === 'downloading'}
            onClick={download}
          >
            Download model (23 MB, once)
          </button>
        </div>
      ) : null}
      <dl className="kv">
        <dt>Folder</dt>
        <dd>
          <code>{model?.dir ?? '—'}</code>
        </dd>
      </dl>
      {(error ?? model?.error) ? <Notice kind="error">{error ?? model?.error}</Notice> : null}
    </section>
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
