import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../main/providers/errors';
import { describeHunterError } from '../../main/providers/hunter/describe-error';
import { nextStep } from '../../main/providers/hunter/index';
import { toVerification } from '../../main/providers/hunter/map';
import { EmailFinderResponseSchema, EmailVerifierResponseSchema } from '../../main/providers/hunter/schemas';

const settings = {
  maxRetries: 2,
  retryBaseMs: 100,
  maxRateLimitWaits: 2,
  rateLimitWaitMs: 1000,
  clock: () => 90_000,
};
const err = (code: ProviderError['code'], status: number | null) =>
  new ProviderError(code, `Hunter GET /email-finder failed after 1 tries`, {
    provider: 'Hunter',
    endpoint: '/email-finder',
    status,
  });

describe('Hunter retry policy', () => {
  it('waits out a 403 a few times, then fails RATE_LIMITED with retryAt at the next minute', () => {
    expect(nextStep(err('RATE_LIMITED', 403), { failures: 0, rateWaits: 0 }, settings)).toEqual({
      kind: 'wait',
      ms: 1000,
      rate: true,
    });
    const step = nextStep(err('RATE_LIMITED', 403), { failures: 0, rateWaits: 2 }, settings);
    expect(step.kind).toBe('throw');
    const e = (step as { error: ProviderError }).error;
    expect(e.code).toBe('RATE_LIMITED');
    expect(e.retryAt).toBe(120_000);
  });

  it('turns a 429 into QUOTA_EXHAUSTED at once', () => {
    const step = nextStep(err('RATE_LIMITED', 429), { failures: 0, rateWaits: 0 }, settings);
    expect((step as { error: ProviderError }).error.code).toBe('QUOTA_EXHAUSTED');
  });

  it('keeps a local window refusal (no status, with retryAt) as it is', () => {
    const local = err('RATE_LIMITED', null);
    expect(nextStep(local, { failures: 0, rateWaits: 0 }, settings)).toEqual({ kind: 'throw', error: local });
  });

  it('backs off 5xx and unreadable bodies exponentially, then says how many tries it made', () => {
    expect(nextStep(err('UNAVAILABLE', 503), { failures: 1, rateWaits: 0 }, settings)).toEqual({
      kind: 'wait',
      ms: 200,
      rate: false,
    });
    const step = nextStep(err('BAD_RESPONSE', 200), { failures: 2, rateWaits: 0 }, settings);
    expect((step as { error: ProviderError }).error.message).toContain('after 3 tries');
  });

  it('does not retry a refused key or a bad request', () => {
    for (const code of ['AUTH', 'BAD_REQUEST', 'ABORTED'] as const) {
      expect(nextStep(err(code, 401), { failures: 0, rateWaits: 0 }, settings).kind).toBe('throw');
    }
  });
});

describe('Hunter shapes', () => {
  it('tells a 202 (no status yet) from a verification, and refuses a status outside the list', () => {
    const pending = EmailVerifierResponseSchema.parse({ data: {}, meta: { params: { email: 'a@b.co' } } });
    expect(toVerification(pending, 'a@b.co', 'now')).toBeNull();
    expect(toVerification(EmailVerifierResponseSchema.parse({}), 'a@b.co', 'now')).toBeNull();
    const done = EmailVerifierResponseSchema.parse({
      data: { status: 'accept_all', accept_all: true, score: 77 },
    });
    expect(toVerification(done, 'A@B.co', 'now')).toMatchObject({
      email: 'a@b.co',
      status: 'accept_all',
      acceptAll: true,
    });
    expect(EmailVerifierResponseSchema.safeParse({ data: { status: 'deliverable' } }).success).toBe(false);
    expect(EmailVerifierResponseSchema.safeParse({ data: [12] }).success).toBe(false);
  });

  it('reads a finder answer with nothing found', () => {
    expect(
      EmailFinderResponseSchema.safeParse({ data: { email: null, score: null, sources: [] } }).success,
    ).toBe(true);
    expect(EmailFinderResponseSchema.safeParse({ data: { score: 3 } }).success).toBe(false);
  });

  it("words Hunter's errors: 401 a key problem, 403 the rate limit, 400 our bug", () => {
    const answer = (status: number, json: unknown) => ({
      status,
      endpoint: '/email-finder',
      text: JSON.stringify(json),
      json,
    });
    const body = (id: string, details: string) => ({ errors: [{ id, code: 0, details }] });
    expect(describeHunterError(answer(401, body('authentication_failed', 'No user found')))).toMatchObject({
      code: 'AUTH',
      message: expect.stringContaining('authentication_failed: No user found'),
    });
    expect(describeHunterError(answer(403, body('too_many_requests', 'slow down')))?.code).toBe(
      'RATE_LIMITED',
    );
    expect(describeHunterError(answer(400, body('wrong_params', 'missing domain')))?.message).toMatch(
      /rejected the parameters .*missing domain/,
    );
    expect(describeHunterError(answer(404, {}))).toBeUndefined();
  });
});
