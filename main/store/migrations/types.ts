import type { Db } from '../sql';

/** One schema step. Landed migrations are never edited: add a new numbered file instead. */
export interface Migration {
  version: number;
  name: string;
  /** Rebuilds a table others reference: run with foreign keys off, checked before commit. */
  foreignKeysOff?: boolean;
  up(db: Db): void;
}
