import type { Tier } from '../../main/domain/icp';
import type { EmailStatus, ScoreBand } from '../../main/domain/types';

const EMAIL_TEXT: Record<EmailStatus, string> = {
  verified: 'Verified',
  guessed: 'Guessed',
  unavailable: 'Unavailable',
};

export function EmailBadge({ status }: { status: EmailStatus }) {
  return <span className={`badge badge-email-${status}`}>{EMAIL_TEXT[status]}</span>;
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
