import { describe, expect, it } from 'vitest';
import { createLogger, REDACTED, redactSecrets } from '../../main/secrets/redact';

const key = 'Zq8x_KEY_7731abcd';

describe('redactSecrets', () => {
  it('replaces every occurrence of a known secret, including its URL-encoded form', () => {
    const special = 'ab+cd/ef=gh';
    const text = `key=${key}; again ${key}; url ?k=${encodeURIComponent(special)} raw ${special}`;
    const out = redactSecrets(text, [key, special]);
    expect(out).not.toContain(key);
    expect(out).not.toContain(special);
    expect(out).not.toContain(encodeURIComponent(special));
    expect(out.match(/\[redacted\]/g)).toHaveLength(4);
  });

  it('replaces a secret that contains another whole', () => {
    expect(redactSecrets('token abcdefgh123', ['abcdefgh', 'abcdefgh123'])).toBe(`token ${REDACTED}`);
  });

  it('ignores too-short values instead of blanking ordinary words', () => {
    expect(redactSecrets('the cat sat', ['cat', ''])).toBe('the cat sat');
  });

  it.each([
    ['header', 'X-Api-Key: sk_live_abcdef123', `X-Api-Key: ${REDACTED}`],
    ['json', '{"api_key":"sk_live_abcdef123","page":2}', `{"api_key":"${REDACTED}","page":2}`],
    ['query', 'GET /v1/people?api_key=sk_live_abcdef123&page=2', `GET /v1/people?api_key=${REDACTED}&page=2`],
    ['bearer', 'Authorization: Bearer eyJhbGciOi.x.y', `Authorization: Bearer ${REDACTED}`],
  ])('redacts key-shaped fields it was not told about (%s)', (_name, text, expected) => {
    expect(redactSecrets(text, [])).toBe(expected);
  });

  it('leaves text without secrets unchanged', () => {
    const text = 'Searching people: 25 results, page 2 of 8 (T1, United States)';
    expect(redactSecrets(text, [key])).toBe(text);
  });
});

describe('createLogger', () => {
  it('writes level-filtered lines with secrets redacted, including keys learned after creation', () => {
    const lines: string[] = [];
    const secrets: string[] = [];
    const log = createLogger({
      secrets: () => secrets,
      level: 'info',
      sink: (l) => lines.push(l),
      now: () => new Date('2025-01-02T03:04:05.000Z'),
    });
    log.debug(`hidden ${key}`);
    secrets.push(key);
    log.info('request failed', { url: 'https://api.example/x', key });
    log.error('boom', new Error(`bad key ${key}`));
    expect(lines).toEqual([
      `2025-01-02T03:04:05.000Z INFO request failed {"url":"https://api.example/x","key":"${REDACTED}"}`,
      `2025-01-02T03:04:05.000Z ERROR boom Error: bad key ${REDACTED}`,
    ]);
  });
});
