/** Rate-limit headers as providers send them: Apollo's two families and Retry-After. */
import { WINDOWS, type RateHeaderInfo, type WindowHeader, type WindowName } from './rate-window';

export type Headers = Record<string, string | string[] | undefined>;

/** Header names per window: Apollo's documented family first, then the names live accounts send. */
const headerFamilies: Record<WindowName, { limit: string[]; left: string[]; usage: string[] }> = {
  minute: {
    limit: ['x-rate-limit-minute'],
    left: ['x-minute-requests-left'],
    usage: ['x-minute-usage'],
  },
  hour: {
    limit: ['x-rate-limit-hourly', 'x-rate-limit-hour'],
    left: ['x-hourly-requests-left', 'x-hour-requests-left'],
    usage: ['x-hourly-usage', 'x-hour-usage'],
  },
  day: {
    limit: ['x-rate-limit-daily', 'x-rate-limit-24-hour'],
    left: ['x-daily-requests-left', 'x-24-hour-requests-left'],
    usage: ['x-daily-usage', 'x-24-hour-usage'],
  },
};

/**
 * Apollo's rate headers in both families: the documented x-rate-limit-minute|hourly|daily and
 * x-minute|hourly|daily-requests-left, and the daily window as live accounts send it
 * (x-rate-limit-24-hour, x-24-hour-usage, x-24-hour-requests-left). "Left" comes from limit − usage
 * when only those two arrive.
 */
export function readApolloRateHeaders(headers: Headers): RateHeaderInfo {
  const first = (names: string[]) => names.map((n) => num(headers[n])).find((v) => v !== undefined);
  const info: RateHeaderInfo = {};
  for (const w of WINDOWS) {
    const h: WindowHeader = {};
    const limit = first(headerFamilies[w].limit);
    const usage = first(headerFamilies[w].usage);
    const left =
      first(headerFamilies[w].left) ??
      (limit !== undefined && usage !== undefined ? Math.max(0, limit - usage) : undefined);
    if (limit !== undefined) h.limit = limit;
    if (left !== undefined) h.left = left;
    if (limit !== undefined || left !== undefined) info[w] = h;
  }
  return info;
}

/** Retry-After as delay-seconds or an HTTP date → ms from now; undefined when absent or unreadable. */
export function retryAfterMs(v: string | string[] | undefined, now: number): number | undefined {
  const s = (Array.isArray(v) ? v[0] : v)?.trim();
  if (!s) return undefined;
  if (/^\d+(\.\d+)?$/.test(s)) return Math.ceil(Number(s) * 1000);
  const at = Date.parse(s);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function num(v: string | string[] | undefined): number | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  if (s === undefined || s.trim() === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}
