/**
 * The parts of Hunter v2's answers we read (providers.md). Unknown fields pass through; whatever
 * Hunter can leave out may be null or missing.
 */
import { z } from 'zod';

const str = z.string().nullish();

export const HunterErrorBodySchema = z.looseObject({
  errors: z.array(z.looseObject({ id: str, code: z.number().nullish(), details: str })),
});

const VerificationSchema = z.looseObject({ date: str, status: str });
const SourceSchema = z.looseObject({ domain: str, uri: str, extracted_on: str, last_seen_on: str });

export const EmailFinderResponseSchema = z.looseObject({
  data: z.looseObject({
    email: z.string().nullable(),
    score: z.number().nullish(),
    domain: str,
    accept_all: z.boolean().nullish(),
    position: str,
    linkedin_url: str,
    sources: z.array(SourceSchema).nullish(),
    verification: VerificationSchema.nullish(),
  }),
});

export const VERIFY_STATUSES = [
  'valid',
  'invalid',
  'accept_all',
  'webmail',
  'disposable',
  'unknown',
] as const;

const VerifiedSchema = z.looseObject({
  data: z.looseObject({
    status: z.enum(VERIFY_STATUSES),
    email: str,
    score: z.number().nullish(),
    mx_records: z.boolean().nullish(),
    smtp_server: z.boolean().nullish(),
    smtp_check: z.boolean().nullish(),
    accept_all: z.boolean().nullish(),
    block: z.boolean().nullish(),
  }),
});

/**
 * A 202 ("still verifying, ask again") carries no result: no `data.status`. The HTTP layer hands
 * us bodies, not statuses, so this shape is how the client recognises one (see README).
 */
const StillVerifyingSchema = z.looseObject({
  data: z.looseObject({ status: z.never().optional() }).nullish(),
});

export const EmailVerifierResponseSchema = z.union([VerifiedSchema, StillVerifyingSchema]);
export type EmailVerifierResponse = z.infer<typeof EmailVerifierResponseSchema>;

export const DomainSearchResponseSchema = z.looseObject({
  data: z.looseObject({
    domain: str,
    accept_all: z.boolean().nullish(),
    pattern: str,
    organization: str,
    emails: z.array(
      z.looseObject({
        value: z.string(),
        type: str,
        confidence: z.number().nullish(),
        first_name: str,
        last_name: str,
        position: str,
        linkedin: str,
        verification: VerificationSchema.nullish(),
      }),
    ),
  }),
  meta: z
    .looseObject({ results: z.number().nullish(), limit: z.number().nullish(), offset: z.number().nullish() })
    .nullish(),
});

const UsedAvailable = z.looseObject({ used: z.number(), available: z.number() });

export const AccountResponseSchema = z.looseObject({
  data: z.looseObject({
    plan_name: str,
    reset_date: str,
    requests: z.looseObject({ searches: UsedAvailable, verifications: UsedAvailable }),
  }),
});
