/**
 * One zod schema per contract method's argument: the one validator every transport (Electron IPC, the
 * WebSocket host, the CLI) runs before a handler sees an argument. Callers are untrusted input: unknown
 * keys are refused, sizes are bounded, and every message names the field.
 */
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import {
  METHODS,
  type FieldIssue,
  type Handlers,
  type Method,
  type Provider,
  type Request,
} from './contract';
import { IcpSchema, TIERS, type IcpInput } from './domain/icp';
import { AppError } from './shared/errors';
import { MAX_CLOCK_STEP_DAYS } from './shared/sandbox-clock';
import { FINAL_EMAIL_STATUSES, LEAD_SIGNAL_FILTERS } from './shared/shapes';
import { PRIVACY_ARG_SCHEMAS } from './privacy/validators';
import { CRM_ARG_SCHEMAS } from './crm/validators';

export const PROVIDERS = [
  'apollo',
  'hunter',
  'hubspot',
  'crunchbase',
  'builtwith',
] as const satisfies readonly Provider[];

const noArg = z
  .union([z.undefined(), z.null()], { error: 'this call takes no argument' })
  .transform(() => undefined);

const id = (what: string) =>
  z
    .number({ error: `${what} must be a number` })
    .int(`${what} must be a whole number`)
    .positive(`${what} must be a positive number`)
    .max(Number.MAX_SAFE_INTEGER, `${what} is too large`);

/** A strict object whose "not an object" message lists the fields it expects. */
function args<S extends z.ZodRawShape>(shape: S) {
  const expected = `expected an object with ${Object.keys(shape).join(', ')}`;
  return z.object(shape, { error: (iss) => (iss.code === 'invalid_type' ? expected : undefined) }).strict();
}

const campaignRef = args({ campaignId: id('campaign id') });
// A watch is on a lead or on a company: exactly one of the two ids.
const watchTarget = z.union([args({ leadId: id('lead id') }), args({ companyId: id('company id') })], {
  error: 'expected an object with leadId or companyId (one of them)',
});
const provider = z.enum(PROVIDERS, { error: `provider must be one of: ${PROVIDERS.join(', ')}` });
const format = z.enum(['yaml', 'json'], { error: 'format must be "yaml" or "json"' });

/** Checks an ICP with the engine's schema but forwards it as given (defaults are the engine's to apply). */
const icpInput = z.unknown().superRefine((value, ctx) => {
  const parsed = IcpSchema.safeParse(value);
  if (parsed.success) return;
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys')
      for (const k of issue.keys)
        ctx.addIssue({
          code: 'custom',
          message: `unknown field ${JSON.stringify(k)}: remove it or fix the spelling`,
          path: [...issue.path, k],
        });
    else ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  }
}) as unknown as z.ZodType<IcpInput>;

// Saving a draft to a file is allowed before it is complete, so serialize only needs an object.
const draftIcp = z.record(z.string(), z.unknown(), {
  error: 'icp must be an object (the ICP form’s fields)',
}) as unknown as z.ZodType<IcpInput>;

const WATERFALL_STEPS = ['finder', 'verifier'] as const;
const waterfallPatch = args({
  steps: z
    .array(z.enum(WATERFALL_STEPS, { error: 'steps: each step must be "finder" or "verifier"' }), {
      error: 'steps must be a list: [], ["verifier"], ["finder"] or ["finder", "verifier"]',
    })
    .max(2, 'steps has at most two entries: finder and verifier')
    .refine((a) => new Set(a).size === a.length, 'steps names a step twice')
    .optional(),
  verifyApolloVerified: z.boolean({ error: 'verifyApolloVerified must be true or false' }).optional(),
  maxHunterCreditsPerLead: z
    .number({ error: 'maxHunterCreditsPerLead must be a number of Hunter credits' })
    .min(0, 'maxHunterCreditsPerLead cannot be negative')
    .max(10, 'maxHunterCreditsPerLead is at most 10')
    .optional(),
  reachableFirst: z.boolean({ error: 'reachableFirst must be true or false' }).optional(),
  minVerifiedShare: z
    .number({ error: 'minVerifiedShare must be a share between 0 and 1 (0.8 = 80%)' })
    .min(0, 'minVerifiedShare must be between 0 and 1 (0.8 = 80%)')
    .max(1, 'minVerifiedShare must be between 0 and 1 (0.8 = 80%)')
    .optional(),
});

const budget = z
  .number({ error: 'budget must be a number of credits or null' })
  .int('budget must be a whole number of credits')
  .min(0, 'budget cannot be negative')
  .max(10_000_000, 'budget is too large')
  .nullable();

const exportPath = z
  .string({ error: 'path must be text' })
  .min(1, 'path is empty: choose where to save the workbook')
  .max(4096, 'path is too long')
  .refine((p) => !p.includes('\0'), 'path contains a NUL character')
  .refine((p) => isAbsolute(p), 'path must be absolute (choose it with the save dialog)')
  .refine((p) => p.toLowerCase().endsWith('.xlsx'), 'path must end in .xlsx');

export const ARG_SCHEMAS: { [M in Method]: z.ZodType<Request<M>> } = {
  'icp/validate': z.unknown(), // the handler's job is to report issues, not to be refused here
  'icp/templates': noArg,
  'icp/parse': args({
    text: z.string({ error: 'text must be a string' }).max(1_000_000, 'text is over 1 MB'),
    format,
  }).strict(),
  'icp/serialize': args({ icp: draftIcp, format }),
  'campaign/estimate': icpInput,
  'campaign/start': args({
    icp: icpInput,
    budget: budget.optional(),
  }),
  'campaign/pause': campaignRef,
  'campaign/resume': args({ campaignId: id('campaign id'), budget: budget.optional() }),
  'campaign/wait': campaignRef,
  'campaign/report': campaignRef,
  'campaign/cancel': campaignRef,
  'campaign/list': noArg,
  'campaign/get': campaignRef,
  'campaign/activity': args({
    campaignId: id('campaign id'),
    limit: z
      .number()
      .int('limit must be a whole number')
      .min(1, 'limit must be at least 1')
      .max(5000)
      .optional(),
  }),
  'leads/list': args({
    campaignId: id('campaign id'),
    tier: z.enum(TIERS, { error: `tier must be one of: ${TIERS.join(', ')}` }).optional(),
    search: z.string({ error: 'search must be text' }).max(200, 'search is over 200 characters').optional(),
    emailStatus: z
      .enum(FINAL_EMAIL_STATUSES, {
        error: `emailStatus must be one of: ${FINAL_EMAIL_STATUSES.join(', ')}`,
      })
      .optional(),
    deliverableOnly: z.boolean({ error: 'deliverableOnly must be true or false' }).optional(),
    signal: z
      .enum(LEAD_SIGNAL_FILTERS, { error: `signal must be one of: ${LEAD_SIGNAL_FILTERS.join(', ')}` })
      .optional(),
    sort: z
      .enum(['score', 'validation', 'company', 'contact', 'createdAt'], {
        error: 'sort must be one of: score, validation, company, contact, createdAt',
      })
      .optional(),
    desc: z.boolean({ error: 'desc must be true or false' }).optional(),
    offset: z.number().int('offset must be a whole number').min(0, 'offset cannot be negative').optional(),
    limit: z
      .number()
      .int('limit must be a whole number')
      .min(1, 'limit must be at least 1')
      .max(1000, 'limit is at most 1000 rows per page')
      .optional(),
  }),
  'leads/update': args({
    leadId: id('lead id'),
    status: z
      .enum(['new', 'contacted', 'replied'], { error: 'status must be one of: new, contacted, replied' })
      .optional(),
    notes: z
      .string({ error: 'notes must be text' })
      .max(10_000, 'notes are over 10,000 characters')
      .optional(),
  }),
  'export/workbook': args({ campaignId: id('campaign id'), path: exportPath }),
  'settings/get': noArg,
  // The key's own rules live with the keychain (its messages are written for people); here only a bound.
  'keys/set': args({ provider, key: z.string({ error: 'key must be text' }).max(4096, 'key is too long') }),
  'keys/delete': args({ provider }),
  'keys/test': args({ provider }),
  'waterfall/get': noArg,
  'waterfall/set': waterfallPatch,
  'model/status': noArg,
  'model/download': noArg,
  'knowledge/reindex': noArg,
  'watch/add': watchTarget,
  'watch/remove': watchTarget,
  'watch/list': noArg,
  'watch/refresh': noArg,
  'alerts/list': args({
    all: z.boolean({ error: 'all must be true or false' }).optional(),
    limit: z
      .number()
      .int('limit must be a whole number')
      .min(1, 'limit must be at least 1')
      .max(1000, 'limit is at most 1000')
      .optional(),
  }),
  'alerts/read': args({
    ids: z.array(id('alert id'), { error: 'ids must be a list of alert ids' }).max(10_000).optional(),
  }),
  'sandbox/clock': noArg,
  'sandbox/advanceClock': args({
    days: z
      .number({ error: 'days must be a number of days' })
      .int('days must be a whole number')
      .min(-MAX_CLOCK_STEP_DAYS, `days is at least -${MAX_CLOCK_STEP_DAYS}`)
      .max(MAX_CLOCK_STEP_DAYS, `days is at most ${MAX_CLOCK_STEP_DAYS}`),
  }),
  ...PRIVACY_ARG_SCHEMAS,
  ...CRM_ARG_SCHEMAS,
};

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((i) =>
    // An unknown key is named as the field it is, with the fix.
    i.code === 'unrecognized_keys'
      ? i.keys.map((k) => ({
          path: [...i.path, k].map(String).join('.'),
          message: `unknown field ${JSON.stringify(k)}: remove it or fix the spelling`,
        }))
      : [{ path: i.path.map(String).join('.'), message: i.message }],
  );
}

export function describeIssues(what: string, issues: FieldIssue[]): string {
  const parts = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  return `Invalid input for ${what}: ${parts.join('; ')}`;
}

/** Parses a method's argument or throws AppError('INVALID_INPUT') naming each bad field. */
export function validateArg<M extends Method>(method: M, arg: unknown): Request<M> {
  const schema = ARG_SCHEMAS[method] as z.ZodType<Request<M>>;
  const result = schema.safeParse(arg);
  if (result.success) return result.data;
  const issues = toFieldIssues(result.error);
  throw new AppError('INVALID_INPUT', describeIssues(method, issues), issues);
}

/** Wraps every handler so it only ever sees a validated argument (the one validator, for every transport). */
export function withValidation(handlers: Handlers): Handlers {
  const guarded: Partial<Record<Method, (arg: unknown) => Promise<unknown>>> = {};
  for (const method of METHODS) {
    const handler = handlers[method] as (arg: unknown) => Promise<unknown>;
    guarded[method] = async (arg: unknown) => handler(validateArg(method, arg));
  }
  return guarded as unknown as Handlers;
}
