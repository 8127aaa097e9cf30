import { useEffect, useState } from 'react';
import type { CampaignDetail, CampaignProgress, TierCounters } from '../../main/contract';
import type { Tier } from '../../main/domain/icp';
import { api } from '../api';
import { ActivityLog } from '../components/ActivityLog';
import { StatusPill } from '../components/Badges';
import { Notice } from '../components/Notice';
import { ProgressBar } from '../components/ProgressBar';
import { TierCard } from '../components/TierCard';
import { fmtDuration, fmtInt, humanError } from '../format';
import { useLive } from '../store/live';
import { useNav } from '../store/nav';
import { TIERS } from '../tiers';

const STAGE_TEXT: Record<CampaignProgress['stage'], string> = {
  queued: 'Queued',
  searching: 'Searching',
  filtering: 'Pre-filtering locally',
  enriching: 'Enriching companies',
  validating: 'Validating',
  saving: 'Saving',
  done: 'Done',
};

// Failed and interrupted campaigns are not finished: nothing is lost and they resume.
const FINISHED = new Set(['completed', 'cancelled']);
const RESUMABLE = new Set(['draft', 'paused', 'failed', 'interrupted']);

export function ProgressScreen({ campaignId }: { campaignId: number }) {
  const progress = useLive((s) => s.progress[campaignId]);
  const lines = useLive((s) => s.activity[campaignId]) ?? [];
  const go = useNav((s) => s.go);
  const [detail, setDetail] = useState<CampaignDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [acting, setActing] = useState(false);

  useEffect(() => {
    let live = true;
    Promise.all([
      api.call('campaign/get', { campaignId }),
      api.call('campaign/activity', { campaignId, limit: 300 }),
    ])
      .then(([d, activity]) => {
        if (!live) return;
        setDetail(d);
        useLive.getState().seed(campaignId, d.progress, activity);
      })
      .catch((err: unknown) => live && setError(humanError('load the campaign', err)));
    return () => {
      live = false;
    };
  }, [campaignId]);

  const p = progress ?? detail?.progress ?? (detail ? fromSummary(detail) : null);
  const status = p?.status ?? detail?.status ?? 'running';
  const finished = FINISHED.has(status);
  const saved = p ? TIERS.reduce((n, t) => n + p.tiers[t].saved, 0) : 0;
  const target = p ? TIERS.reduce((n, t) => n + p.tiers[t].target, 0) : 0;

  const act = async (m: 'campaign/pause' | 'campaign/resume' | 'campaign/cancel', doing: string) => {
    setActing(true);
    setError(null);
    try {
      await api.call(m, { campaignId });
    } catch (err) {
      setError(humanError(doing, err));
    } finally {
      setActing(false);
    }
  };

  return (
    <div className="progress-screen">
      <div className="screen-head">
        <div>
          <h1>{detail?.name ?? 'Campaign'}</h1>
          <p className="muted">
            <StatusPill status={status} /> {p && !finished ? STAGE_TEXT[p.stage] : null}
            {p?.tier && !finished ? ` · ${p.tier}` : null}
          </p>
        </div>
        <div className="toolbar">
          {status === 'running' ? (
            <button
              type="button"
              disabled={acting}
              onClick={() => act('campaign/pause', 'pause the campaign')}
            >
              Pause
            </button>
          ) : null}
          {RESUMABLE.has(status) ? (
            <button
              type="button"
              className="primary"
              disabled={acting}
              onClick={() =>
                act('campaign/resume', `${status === 'draft' ? 'start' : 'resume'} the campaign`)
              }
            >
              {status === 'draft' ? 'Start' : 'Resume'}
            </button>
          ) : null}
          {!finished ? (
            <button
              type="button"
              className="danger"
              disabled={acting}
              onClick={() => {
                if (confirm('Cancel this campaign? Leads saved so far are kept.')) {
                  void act('campaign/cancel', 'cancel the campaign');
                }
              }}
            >
              Cancel
            </button>
          ) : null}
          {finished || saved > 0 ? (
            <button
              type="button"
              className={finished ? 'primary' : ''}
              onClick={() => go({ screen: 'results', campaignId })}
            >
              View results
            </button>
          ) : null}
        </div>
      </div>

      {error ? <Notice kind="error">{error}</Notice> : null}
      {status === 'completed' ? (
        <Notice kind="success">
          Campaign complete: {fmtInt(saved)} leads saved. Open the results to review and export them.
        </Notice>
      ) : null}
      {status === 'failed' ? (
        <Notice kind="error">
          The campaign stopped with an error; the activity log below says why. Nothing is lost: resume it.
        </Notice>
      ) : null}
      {status === 'interrupted' ? (
        <Notice kind="error">
          The app stopped while this campaign ran. Everything saved is kept: resume it to continue.
        </Notice>
      ) : null}

      <section className="card overall" aria-label="Overall progress">
        <div className="overall-head">
          <span>
            <strong>{fmtInt(saved)}</strong> of {fmtInt(target)} leads saved
          </span>
          <span className="muted">{target ? Math.min(100, Math.round((saved / target) * 100)) : 0}%</span>
        </div>
        <ProgressBar value={saved} max={target} label="Overall progress" />
        <dl className="stats-inline">
          <div>
            <dt>Credits spent</dt>
            <dd>
              {fmtInt(p?.creditsUsed ?? 0)}
              {p?.budget ? <span className="muted"> / {fmtInt(p.budget)} budget</span> : null}
            </dd>
          </div>
          <div>
            <dt>Requests</dt>
            <dd>{fmtInt(p?.requests ?? 0)}</dd>
          </div>
          <div>
            <dt>Elapsed</dt>
            <dd>{fmtDuration(p?.elapsedMs ?? 0)}</dd>
          </div>
          <div>
            <dt>Time left</dt>
            <dd>{finished ? '—' : fmtDuration(p?.etaMs)}</dd>
          </div>
        </dl>
      </section>

      <div className="tier-cards">
        {p
          ? TIERS.map((t) => <TierCard key={t} tier={t} c={p.tiers[t]} active={!finished && p.tier === t} />)
          : null}
      </div>

      <section className="card">
        <h2>Activity</h2>
        <ActivityLog lines={lines} />
      </section>
    </div>
  );
}

/** Before the first progress event (or for a campaign that never ran), show what SQLite knows. */
function fromSummary(d: CampaignDetail): CampaignProgress {
  const tier = (t: Tier): TierCounters => ({
    target: d.targets[t],
    found: 0,
    filtered: 0,
    enriched: 0,
    validated: 0,
    saved: d.saved[t],
    rejected: 0,
    exhausted: false,
  });
  return {
    campaignId: d.id,
    status: d.status,
    stage: 'queued',
    tier: null,
    tiers: { T1: tier('T1'), T2: tier('T2'), T3: tier('T3') },
    creditsUsed: d.creditsUsed,
    budget: null,
    requests: 0,
    elapsedMs: 0,
    etaMs: null,
  };
}
