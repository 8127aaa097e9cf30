import type { Tier } from '../../main/domain/icp';
import type { BounceRisk } from '../../main/shared/shapes';
import type { FinalEmailStatus, ScoreBand } from '../../main/domain/types';

export const EMAIL_TEXT: Record<FinalEmailStatus, string> = {
  verified: 'Verified',
  accept_all: 'Accept-all',
  guessed: 'Guessed',
  invalid: 'Invalid',
  unavailable: 'Unavailable',
};

export function EmailBadge({ status }: { status: FinalEmailStatus }) {
  return <span className={`badge badge-email-${status}`}>{EMAIL_TEXT[status]}</span>;
}

const RISK_TEXT: Record<BounceRisk, string> = { low: 'Low risk', medium: 'Medium risk', high: 'High risk' };
const RISK_TITLE: Record<BounceRisk, string> = {
  low: 'A check proved the mailbox recently',
  medium: 'Catch-all domain, an old check, or an address no check confirmed',
  high: 'No address, proved invalid, or only a guess from the domain’s pattern',
};

export function BounceRiskBadge({ risk }: { risk: BounceRisk }) {
  return (
    <span className={`badge badge-risk-${risk}`} title={RISK_TITLE[risk]}>
      {RISK_TEXT[risk]}
    </span>
  );
}

const BAND_TEXT: Record<ScoreBand, string> = { hot: 'Hot', warm: 'Warm', nurture: 'Nurture', cold: 'Cold' };

export function BandBadge({ band }: { band: ScoreBand }) {
  return <span className={`badge badge-band-${band}`}>{BAND_TEXT[band]}</span>;
}

export const TIER_NAMES: Record<Tier, string> = {
  T1: 'Decision makers',
  T2: 'HR / TA leaders',
  T3: 'HR practitioners',
};

export function TierBadge({ tier }: { tier: Tier }) {
  return (
    <span className={`badge badge-tier badge-${tier.toLowerCase()}`} title={TIER_NAMES[tier]}>
      {tier}
    </span>
  );
}

export function StatusPill({ status }: { status: string }) {
  return <span className={`pill pill-${status}`}>{status.charAt(0).toUpperCase() + status.slice(1)}</span>;
}
