// Types of what eslint.config.js exports for the house tests (tests/house/*).
import type { Linter } from 'eslint';

export const FUNCTION_LENGTH: { max: number; skipBlankLines: boolean; skipComments: boolean };
export const ENV_ENTRY_POINTS: string[];
export const BOUNDARIES: Linter.Config[];
declare const config: Linter.Config[];
export default config;
