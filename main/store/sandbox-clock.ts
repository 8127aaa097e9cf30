/**
 * The sandbox's day per database (app_settings), so the app, the dev host and each CLI process on
 * one database read the signal sandbox for the same day; absent = day 0 (the world's reference date).
 */
import { getSetting, setSetting } from './audit';
import type { Db } from './sql';

const KEY = 'sandbox_day';

export function storedSandboxDay(db: Db): number {
  const n = Number(getSetting(db, KEY) ?? 0);
  return Number.isInteger(n) ? n : 0;
}

export function storeSandboxDay(db: Db, day: number): void {
  setSetting(db, KEY, String(Math.trunc(day)));
}
