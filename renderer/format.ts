/** Small display helpers: numbers, durations, dates, and errors as one readable sentence. */
import { asWireError } from './api';

const nf = new Intl.NumberFormat('en-US');

export const fmtInt = (n: number | null | undefined) => (n === null || n === undefined ? '—' : nf.format(n));

export function fmtDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}

export function fmtDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
}

const CODE_HINTS: Record<string, string> = {
  DISCONNECTED: 'The app lost its connection to the engine; it reconnects by itself, try again in a moment.',
  UNKNOWN_METHOD: 'The app and the engine are different versions; restart Lead Studio.',
};

/** "Couldn't start the campaign: the budget must be a positive number." */
export function humanError(doing: string, err: unknown): string {
  const wire = asWireError(err);
  const hint = CODE_HINTS[wire.code];
  if (hint) return `Couldn't ${doing}. ${hint}`;
  const msg = wire.message.trim().replace(/\.$/, '') || 'an unexpected error occurred';
  return `Couldn't ${doing}: ${msg}.`;
}

export function slug(name: string): string {
  return (
    name
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'campaign'
  );
}
