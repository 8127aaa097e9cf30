/**
 * Cell-safe values. A workbook with one illegal XML character or malformed link target is a workbook
 * Excel offers to "repair", so everything that reaches a cell passes through here first.
 */

/** Excel refuses longer cell text. */
export const MAX_CELL_CHARS = 32_767;
/** Excel silently drops (or repairs away) link targets beyond this length. */
const MAX_LINK_CHARS = 2_000;

// XML 1.0 forbids C0 controls except tab/newline/CR, U+FFFE/U+FFFF and unpaired surrogates.
// C1 controls and DEL are legal XML but render as boxes and break CSV round trips, so they go too.
/* eslint-disable no-control-regex */
const ILLEGAL =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/* eslint-enable no-control-regex */

/** Text for a cell: illegal characters removed, trimmed to Excel's limit (never splitting a surrogate pair). */
export function cleanText(value: string | null | undefined): string {
  if (value == null) return '';
  let text = String(value).replace(ILLEGAL, '');
  if (text.length > MAX_CELL_CHARS) {
    let end = MAX_CELL_CHARS - 1;
    if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end -= 1;
    text = text.slice(0, end) + '…';
  }
  return text;
}

/** A finite number, or null (NaN/Infinity would be written as invalid XML numbers). */
export function finiteOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * An absolute http(s) URL in canonical, percent-encoded form, or null when the value cannot be one.
 * Provider data often omits the scheme ("linkedin.com/in/x"), so https is assumed.
 */
export function webUrl(raw: string | null | undefined): string | null {
  const text = cleanText(raw).trim();
  if (!text || /\s/.test(text)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text.replace(/^\/+/, '')}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname.includes('.')) return null;
  return url.href.length <= MAX_LINK_CHARS ? url.href : null;
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/** A mailto: target for a plausible address, or null. */
export function mailtoUrl(raw: string | null | undefined): string | null {
  const email = cleanText(raw).trim();
  if (!EMAIL.test(email)) return null;
  const href = `mailto:${encodeURI(email)}`;
  return href.length <= MAX_LINK_CHARS ? href : null;
}

/** What a link cell shows: the URL without scheme, "www." and trailing slash. */
export function displayUrl(href: string): string {
  return href
    .replace(/^https?:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/\/$/, '');
}
