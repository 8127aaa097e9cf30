import type { Migration } from './types';
import init from './001_init';
import candidateTitleTier from './002_candidate_title_tier';
import pauseAndReportedCredits from './003_pause_and_reported_credits';
import privacy from './004_privacy';
import campaignInterrupted from './005_campaign_interrupted';
import crm from './006_crm';
import signals from './007_signals';
import emailWaterfall from './008_email_waterfall';
import watchlist from './009_watchlist';

/** Every migration in order; versions are 1, 2, 3 … with no gaps. */
export const MIGRATIONS: readonly Migration[] = [
  init,
  candidateTitleTier,
  pauseAndReportedCredits,
  privacy,
  campaignInterrupted,
  crm,
  signals,
  emailWaterfall,
  watchlist,
];

export const LATEST_VERSION = MIGRATIONS.length;

export type { Migration } from './types';
