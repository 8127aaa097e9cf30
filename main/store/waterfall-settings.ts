/** The email waterfall's settings, kept in app_settings as one JSON value. */
import { DEFAULT_WATERFALL, type WaterfallSettings } from '../domain/email';
import { getSetting, setSetting } from './audit';
import type { Db } from './sql';

const KEY = 'email_waterfall';

/** The stored settings over the defaults (a field never stored keeps its default). */
export function waterfallSettings(db: Db): WaterfallSettings {
  const text = getSetting(db, KEY);
  const stored = text ? (JSON.parse(text) as Partial<WaterfallSettings>) : {};
  return { ...DEFAULT_WATERFALL, ...stored, steps: [...(stored.steps ?? DEFAULT_WATERFALL.steps)] };
}

/** Stores validated settings (contract-args checks them); returns what is now in force. */
export function setWaterfallSettings(db: Db, patch: Partial<WaterfallSettings>): WaterfallSettings {
  const next = { ...waterfallSettings(db), ...patch };
  setSetting(db, KEY, JSON.stringify(next));
  return next;
}
