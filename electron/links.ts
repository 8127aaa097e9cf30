/**
 * Which URLs the app may hand to the system browser. Lead data is third-party content (company websites,
 * LinkedIn profiles), so a link is opened only when it is plainly a public web page: http(s), no embedded
 * credentials, and not aimed at this machine or the local network (where a browser could be abused to
 * reach routers or local services).
 */
const MAX_URL_LENGTH = 2048;

function isPrivateIPv4(host: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    a >= 224 // multicast and reserved
  );
}

export function isAllowedExternal(url: unknown): boolean {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL_LENGTH) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  if (parsed.username || parsed.password) return false;
  const host = parsed.hostname.toLowerCase();
  // IPv6 literals are never a company website; they are how loopback gets smuggled past name checks.
  if (host.startsWith('[')) return false;
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) return false;
  if (isPrivateIPv4(host)) return false;
  // A public site has a dotted name with a real top-level label (not a bare intranet name).
  const labels = host.split('.');
  const tld = labels.at(-1) ?? '';
  return (
    labels.length >= 2 &&
    labels.every((l) => l.length > 0) &&
    /^(?:[a-z]{2,63}|xn--[a-z0-9-]+|\d+)$/.test(tld)
  );
}
