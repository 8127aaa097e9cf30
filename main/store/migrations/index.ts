import type { Migration } from './types';
import init from './001_init';
import candidateTitleTier from './002_candidate_title_tier';
import campaignInterrupted from './003_campaign_interrupted';

/** Every migration in order; versions are 1, 2, 3 … with no gaps. */
export const MIGRATIONS: readonly Migration[] = [init, candidateTitleTier, campaignInterrupted];

export const LATEST_VERSION = MIGRATIONS.length;

export type { Migration } from './types';
