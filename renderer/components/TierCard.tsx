import type { TierCounters } from '../../main/contract';
import type { Tier } from '../../main/domain/icp';
import { fmtInt } from '../format';
import { TIER_NAMES, TierBadge } from './Badges';
import { ProgressBar } from './ProgressBar';

const ROWS: [keyof TierCounters, string][] = [
  ['found', 'Found'],
  ['filtered', 'Filtered out'],
  ['enriched', 'Enriched'],
  ['validated', 'Validated'],
  ['rejected', 'Rejected'],
];

export function TierCard({ tier, c, active }: { tier: Tier; c: TierCounters; active: boolean }) {
  return (
    <section className={`card tier-card${active ? ' tier-card-active' : ''}`} aria-label={`${tier} progress`}>
      <header className="tier-card-head">
        <TierBadge tier={tier} />
        <span className="tier-card-name">{TIER_NAMES[tier]}</span>
        {c.exhausted ? <span className="pill pill-warn">Search exhausted</span> : null}
      </header>
      <p className="tier-card-saved">
        <strong>{fmtInt(c.saved)}</strong> / {fmtInt(c.target)} saved
      </p>
      <ProgressBar value={c.saved} max={c.target} label={`${tier} saved of target`} />
      <dl className="tier-card-stats">
        {ROWS.map(([k, label]) => (
          <div key={k}>
            <dt>{label}</dt>
            <dd>{fmtInt(c[k] as number)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
