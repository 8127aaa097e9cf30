import { describe, expect, it } from 'vitest';
import { ipcFailure, unwrapEnvelope } from '../../electron/envelope';

describe('unwrapEnvelope', () => {
  it('resolves a result', async () => {
    await expect(unwrapEnvelope({ ok: true, result: { campaignId: 7 } })).resolves.toEqual({ campaignId: 7 });
    await expect(unwrapEnvelope({ ok: true, result: null })).resolves.toBeNull();
  });

  it('rejects with a plain WireError object (survives contextBridge with its code)', async () => {
    const err = await unwrapEnvelope({
      ok: false,
      error: { name: 'AppError', message: 'No campaign with id 9.', code: 'NOT_FOUND', extra: 'dropped' },
    }).catch((e: unknown) => e);
    expect(err).toEqual({ name: 'AppError', message: 'No campaign with id 9.', code: 'NOT_FOUND' });
    expect(err).not.toBeInstanceOf(Error);
  });

  it.each([undefined, null, 'text', { ok: false }, { ok: false, error: { message: 'no code' } }])(
    'rejects a malformed reply (%s) as IPC_MALFORMED',
    async (reply) => {
      await expect(unwrapEnvelope(reply)).rejects.toMatchObject({ code: 'IPC_MALFORMED' });
    },
  );

  it('describes a transport failure', () => {
    expect(ipcFailure(new Error("No handler registered for 'x'"))).toMatchObject({
      code: 'IPC_FAILED',
      message: expect.stringContaining("No handler registered for 'x'"),
    });
  });
});
