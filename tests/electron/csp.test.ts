import { describe, expect, it } from 'vitest';
import { RENDERER_CSP, withCsp } from '../../electron/csp';

describe('renderer CSP', () => {
  it('allows only the app’s own scripts and styles and no network', () => {
    const directives = Object.fromEntries(
      RENDERER_CSP.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(directives['default-src']).toBe("'none'");
    expect(directives['script-src']).toBe("'self'");
    expect(directives['style-src']).toBe("'self'");
    expect(directives['connect-src']).toBe("'none'");
    expect(directives['object-src']).toBe("'none'");
    expect(RENDERER_CSP).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('replaces any CSP the response carried, whatever its case, and keeps other headers', () => {
    const out = withCsp({ 'content-security-policy': ['default-src *'], 'Content-Type': 'text/html' });
    expect(out).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [RENDERER_CSP] });
    expect(withCsp(undefined)).toEqual({ 'Content-Security-Policy': [RENDERER_CSP] });
  });
});
