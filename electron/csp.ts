/**
 * The renderer's Content-Security-Policy. Everything the page runs ships inside the app, and the page
 * talks to the engine only over IPC, so it may load its own files and nothing else: no network at all.
 * The same policy should sit in the renderer's index.html as a <meta> tag, because header injection
 * is not guaranteed for file:// pages on every Electron version.
 */
export const RENDERER_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'none'; media-src 'none'; object-src 'none'; frame-src 'none'; worker-src 'none'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

type Headers = Record<string, string | string[]>;

/** Response headers with our CSP in place of any the response carried (whatever their letter case). */
export function withCsp(headers: Headers | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [RENDERER_CSP];
  return out;
}
