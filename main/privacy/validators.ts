/**
 * Argument schemas of the privacy methods, checked by every transport (Electron IPC spreads them
 * into its table) and again by the handlers themselves (CLI, WebSocket host).
 */
import { z } from 'zod';
import { AppError } from '../shared/errors';
import type { PrivacyHandlers } from './contract';

type Req<M extends keyof PrivacyHandlers> = Parameters<PrivacyHandlers[M]>[0];

const text = (what: string, max: number) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, `${what} is empty`)
    .max(max, `${what} is over ${max} characters`);

const filePath = (ext: string) =>
  z
    .string({ error: 'path must be text' })
    .min(1, 'path is empty')
    .max(4096, 'path is too long')
    .refine((p) => !p.includes('\0'), 'path contains a NUL character')
    .refine((p) => p.toLowerCase().endsWith(ext), `path must end in ${ext}`)
    .optional();

const person = {
  email: text('email', 320)
    .refine((v) => /^[^\s@]+@[^\s@]+$/.test(v), 'email must look like name@example.com')
    .optional(),
  linkedinUrl: text('linkedinUrl', 2048)
    .refine((v) => /linkedin\.com\//i.test(v), 'linkedinUrl must be a linkedin.com profile URL')
    .optional(),
  providerId: text('providerId', 200).optional(),
  leadId: z
    .number({ error: 'leadId must be a number' })
    .int('leadId must be a whole number')
    .positive()
    .optional(),
};

const personRef = z
  .object(person)
  .strict()
  .refine((p) => Object.values(p).some((v) => v !== undefined), {
    message: 'one of email, linkedinUrl, providerId or leadId is required',
  });

const noArg = z
  .union([z.undefined(), z.null()], { error: 'this call takes no argument' })
  .transform(() => undefined);

export const PRIVACY_ARG_SCHEMAS: { [M in keyof PrivacyHandlers]: z.ZodType<Req<M>> } = {
  'privacy/status': noArg,
  'privacy/erase': personRef,
  'privacy/export-person': z
    .object({ ...person, path: filePath('.json') })
    .strict()
    .refine((p) => [p.email, p.linkedinUrl, p.providerId, p.leadId].some((v) => v !== undefined), {
      message: 'one of email, linkedinUrl, providerId or leadId is required',
    }),
  'privacy/set-retention': z
    .object({
      days: z
        .number({ error: 'days must be a number' })
        .int('days must be a whole number')
        .min(1, 'days must be at least 1')
        .max(3650, 'days is at most 3650 (ten years)'),
    })
    .strict(),
  'privacy/retention': z.object({ dryRun: z.boolean({ error: 'dryRun must be true or false' }) }).strict(),
  'audit/list': z
    .object({ limit: z.number().int('limit must be a whole number').min(1).max(10_000).optional() })
    .strict(),
  'audit/export': z.object({ path: filePath('.jsonl') }).strict(),
};

/** Parses a request or throws BAD_REQUEST naming each bad field. */
export function checkArgs<M extends keyof PrivacyHandlers>(method: M, input: unknown): Req<M> {
  const r = PRIVACY_ARG_SCHEMAS[method].safeParse(input);
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => `${i.path.length ? i.path.join('.') : method}: ${i.message}`);
  throw new AppError('BAD_REQUEST', `${method}: ${lines.join('; ')}`, lines);
}
