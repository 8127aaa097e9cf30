import { describe, expect, it } from 'vitest';
import { isAllowedExternal } from '../../electron/links';

describe('isAllowedExternal', () => {
  it.each([
    'https://www.linkedin.com/in/jane-doe-123',
    'http://acme-manufacturing.com/about',
    'https://docs.apollo.io/',
    'https://xn--bcher-kva.example/',
    'https://example.co.uk/path?q=1#frag',
  ])('allows the public web page %s', (url) => {
    expect(isAllowedExternal(url)).toBe(true);
  });

  it.each([
    ['file URL', 'file:///etc/passwd'],
    ['javascript', 'javascript:alert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['custom scheme', 'ms-msdt:/id PCWDiagnostic'],
    ['smb share', 'smb://attacker.example/share'],
    ['credentials', 'https://user:pass@example.com/'],
    ['loopback name', 'http://localhost:8080/admin'],
    ['loopback subdomain', 'http://app.localhost/'],
    ['mDNS name', 'http://printer.local/'],
    ['loopback IP', 'http://127.0.0.1:5000/'],
    ['private 10/8', 'http://10.0.0.1/'],
    ['private 192.168', 'http://192.168.1.1/'],
    ['private 172.16/12', 'http://172.20.0.5/'],
    ['link-local metadata', 'http://169.254.169.254/latest/meta-data/'],
    ['IPv6 loopback', 'http://[::1]/'],
    ['bare intranet name', 'http://intranet/'],
    ['not a URL', 'not a url'],
    ['empty', ''],
    ['over-long', `https://example.com/${'a'.repeat(2100)}`],
  ])('refuses %s', (_why, url) => {
    expect(isAllowedExternal(url)).toBe(false);
  });

  it('refuses non-strings', () => {
    expect(isAllowedExternal(undefined)).toBe(false);
    expect(isAllowedExternal({ href: 'https://example.com' })).toBe(false);
  });
});
