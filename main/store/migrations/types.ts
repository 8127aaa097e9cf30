import type { Db } from '../sql';

/** One schema step. Landed migrations are never edited: add a new numbered file instead. */
export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}
