import { useEffect, useState } from 'react';
import type { CampaignSummary } from '../../main/contract';
import { api } from '../api';
import { StatusPill } from '../components/Badges';
import { Notice } from '../components/Notice';
import { fmtDate, fmtInt, humanError } from '../format';
import { useNav } from '../store/nav';
import { TIERS } from '../tiers';

const LIVE = new Set(['running', 'paused', 'interrupted']);

export function CampaignsScreen() {
  const go = useNav((s) => s.go);
  const [list, setList] = useState<CampaignSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api
      .call('campaign/list')
      .then(setList, (err: unknown) => setError(humanError('list the campaigns', err)));
  }, []);

  return (
    <div className="campaigns">
      <div className="screen-head">
        <div>
          <h1>Campaigns</h1>
          <p className="muted">Every campaign is stored on this computer and opens without a connection.</p>
        </div>
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => go({ screen: 'setup' })}>
            New campaign
          </button>
        </div>
      </div>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {list && list.length === 0 ? (
        <div className="card empty-state">
          <h2>No campaigns yet</h2>
          <p>Set up your ideal customer profile and generate your first leads.</p>
          <button type="button" className="primary" onClick={() => go({ screen: 'setup' })}>
            Set up a campaign
          </button>
        </div>
      ) : null}
      {list && list.length > 0 ? (
        <div className="card flush">
          <table className="grid-table">
            <caption className="sr-only">Saved campaigns</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                {TIERS.map((t) => (
                  <th key={t} scope="col" className="num">
                    {t} saved
                  </th>
                ))}
                <th scope="col" className="num">
                  Avg validation
                </th>
                <th scope="col" className="num">
                  Credits
                </th>
                <th scope="col">Created</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    {c.name}
                    {c.sandbox ? <span className="pill pill-sandbox">Sandbox</span> : null}
                  </th>
                  <td>
                    <StatusPill status={c.status} />
                  </td>
                  {TIERS.map((t) => (
                    <td key={t} className="num">
                      {fmtInt(c.saved[t])}
                      <span className="muted"> / {fmtInt(c.targets[t])}</span>
                    </td>
                  ))}
                  <td className="num">
                    {c.avgValidationScore != null ? c.avgValidationScore.toFixed(1) : '—'}
                  </td>
                  <td className="num">{fmtInt(c.creditsUsed)}</td>
                  <td>{fmtDate(c.createdAt)}</td>
                  <td>
                    <div className="actions">
                      {LIVE.has(c.status) ? (
                        <button
                          type="button"
                          aria-label={`Progress of ${c.name}`}
                          onClick={() => go({ screen: 'progress', campaignId: c.id })}
                        >
                          Progress
                        </button>
                      ) : null}
                      <button
                        type="button"
                        aria-label={`Open ${c.name}`}
                        onClick={() => go({ screen: 'results', campaignId: c.id })}
                      >
                        Open
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
