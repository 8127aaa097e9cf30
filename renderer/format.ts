/** Small display helpers: numbers, durations, dates, and errors as one readable sentence. */
import { asWireError } from './api';
import { ERROR_SENTENCES, replacesMessage } from './error-sentences';

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

/** "Couldn't start the campaign: the budget must be a positive number." */
export function humanError(doing: string, err: unknown): string {
  const wire = asWireError(err);
  const msg = wire.message.trim().replace(/\.$/, '');
  if (replacesMessage(wire.code) || !msg) return `Couldn't ${doing}. ${ERROR_SENTENCES[wire.code]}`;
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
