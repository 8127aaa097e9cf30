import type { Tier } from '../main/domain/icp';

// A local copy: importing the value from main/domain/icp would pull zod into the renderer bundle.
export const TIERS: readonly Tier[] = ['T1', 'T2', 'T3'];
