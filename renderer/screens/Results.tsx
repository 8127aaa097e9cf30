import { useEffect, useState } from 'react';
import type { Tier } from '../../main/domain/icp';
import type { FinalEmailStatus, ScoreBand } from '../../main/domain/types';
import { LEAD_SIGNAL_FILTERS, type LeadSignalFilter } from '../../main/shared/shapes';
import { api } from '../api';
import { BandBadge, StatusPill } from '../components/Badges';
import { AlertsInbox } from '../components/AlertsInbox';
import { LeadsTable } from '../components/LeadsTable';
import { Notice } from '../components/Notice';
import { CrmPanel } from '../components/crm/CrmPanel';
import { fmtInt, humanError, slug } from '../format';
import { useDebounced } from '../hooks';
import { useLive } from '../store/live';
import { useResults } from '../store/results';
import { exportPath } from '../export-path';
import { TIERS } from '../tiers';

const BANDS: ScoreBand[] = ['hot', 'warm', 'nurture', 'cold'];

const SIGNAL_FILTER_LABEL: Record<LeadSignalFilter, string> = {
  any: 'Has signals',
  funding: 'Funding',
  hiring: 'Hiring',
  leadership: 'Leadership change',
  tech: 'Tech change',
  news: 'News',
};

export function ResultsScreen({ campaignId }: { campaignId: number }) {
  const { detail, filter, total, tally, error, open, setFilter } = useResults();
  const [search, setSearch] = useState(filter.search);
  const debounced = useDebounced(search, 250);

  useEffect(() => {
    void open(campaignId);
  }, [campaignId, open]);

  useEffect(() => {
    if (debounced !== useResults.getState().filter.search) setFilter({ search: debounced });
  }, [debounced, setFilter]);

  const saved = detail ? TIERS.reduce((n, t) => n + detail.saved[t], 0) : null;
  // While the campaign still runs, offer the new leads instead of reshuffling the table under the reader.
  const live = useLive((s) => s.progress[campaignId]);
  const liveSaved = live ? TIERS.reduce((n, t) => n + live.tiers[t].saved, 0) : null;
  const fresh = liveSaved !== null && saved !== null && liveSaved > saved ? liveSaved - saved : 0;

  return (
    <div className="results">
      <div className="screen-head">
        <div>
          <h1>{detail?.name ?? 'Results'}</h1>
          <p className="muted">
            {detail ? <StatusPill status={detail.status} /> : null}
            {detail?.sandbox ? <span className="pill pill-sandbox">Sandbox data</span> : null}
          </p>
        </div>
        <ExportButton campaignId={campaignId} name={detail?.name ?? `campaign-${campaignId}`} />
      </div>

      {error ? <Notice kind="error">{humanError('load the leads', { message: error })}</Notice> : null}
      {fresh > 0 ? (
        <Notice kind="info">
          {fmtInt(fresh)} new lead{fresh === 1 ? '' : 's'} since this list loaded
          {live?.status === 'running' ? ' (the campaign is still running)' : ''}.{' '}
          <button type="button" className="link" onClick={() => void open(campaignId)}>
            Refresh
          </button>
        </Notice>
      ) : null}

      <section className="stats" aria-label="Summary">
        <Stat label="Total leads" value={fmtInt(saved)} />
        <Stat
          label="Avg validation"
          value={detail?.avgValidationScore != null ? `${detail.avgValidationScore.toFixed(1)} / 6` : '—'}
        />
        <Stat label="Avg lead score" value={tally?.avgScore != null ? tally.avgScore.toFixed(0) : '—'} />
        <Stat
          label="Credits used"
          value={fmtInt(detail?.creditsUsed)}
          note={detail?.estimate ? `estimated ${fmtInt(detail.estimate.total)}` : undefined}
        />
        <div className="stat stat-bands">
          <span className="stat-label">Score bands</span>
          <ul className="bands" aria-label="Leads per score band">
            {BANDS.map((b) => (
              <li key={b}>
                <BandBadge band={b} /> <span className="strong">{tally ? fmtInt(tally.bands[b]) : '—'}</span>
              </li>
            ))}
          </ul>
        </div>
      </section>

      <div className="results-toolbar">
        <div role="tablist" aria-label="Tier" className="tabs">
          {([null, ...TIERS] as (Tier | null)[]).map((t) => (
            <button
              key={t ?? 'all'}
              type="button"
              role="tab"
              aria-selected={filter.tier === t}
              className={filter.tier === t ? 'tab active' : 'tab'}
              onClick={() => setFilter({ tier: t })}
            >
              {t ?? 'All'}
              <span className="tab-count">{detail ? fmtInt(t ? detail.saved[t] : saved) : ''}</span>
            </button>
          ))}
        </div>
        <div className="toolbar">
          <input
            type="search"
            aria-label="Search leads"
            placeholder="Search company, name, title, email"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <select
            aria-label="Email status"
            value={filter.emailStatus ?? ''}
            onChange={(e) => setFilter({ emailStatus: (e.target.value || null) as FinalEmailStatus | null })}
          >
            <option value="">Any email</option>
            <option value="verified">Verified</option>
            <option value="accept_all">Accept-all</option>
            <option value="guessed">Guessed</option>
            <option value="unavailable">Unavailable</option>
          </select>
          <select
            aria-label="Signals"
            value={filter.signal ?? ''}
            onChange={(e) => setFilter({ signal: (e.target.value || null) as LeadSignalFilter | null })}
          >
            <option value="">Any signals or none</option>
            {LEAD_SIGNAL_FILTERS.map((s) => (
              <option key={s} value={s}>
                {SIGNAL_FILTER_LABEL[s]}
              </option>
            ))}
          </select>
          <label className="small">
            <input
              type="checkbox"
              aria-label="Deliverable only"
              checked={filter.deliverableOnly}
              onChange={(e) => setFilter({ deliverableOnly: e.target.checked })}
            />{' '}
            Deliverable only
          </label>
          <span className="muted small" role="status">
            {total === null ? '' : `${fmtInt(total)} shown`}
          </span>
        </div>
      </div>

      <LeadsTable />
      <CrmPanel campaignId={campaignId} />
      <AlertsInbox />
    </div>
  );
}

function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="stat">
      <span className="stat-label">{label}</span>
      <span className="stat-value">{value}</span>
      {note ? <span className="stat-note">{note}</span> : null}
    </div>
  );
}

function ExportButton({ campaignId, name }: { campaignId: number; name: string }) {
  const [state, setState] = useState<
    | { kind: 'idle' }
    | { kind: 'busy' }
    | { kind: 'done'; path: string; rows: number }
    | { kind: 'error'; msg: string }
  >({ kind: 'idle' });

  const run = async () => {
    const fileName = `${slug(name)}.xlsx`;
    setState({ kind: 'busy' });
    try {
      const path = await exportPath(fileName);
      if (path === null) return setState({ kind: 'idle' });
      const res = await api.call('export/workbook', { campaignId, path });
      setState({ kind: 'done', ...res });
    } catch (err) {
      setState({ kind: 'error', msg: humanError('export the workbook', err) });
    }
  };

  return (
    <div className="export">
      <button type="button" className="primary" onClick={run} disabled={state.kind === 'busy'}>
        {state.kind === 'busy' ? 'Exporting…' : 'Export to Excel'}
      </button>
      {state.kind === 'done' ? (
        <p className="small" role="status">
          Saved {fmtInt(state.rows)} leads to <code className="export-path">{state.path}</code>
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
