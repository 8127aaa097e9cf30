/**
 * Argument schemas of the CRM and outreach methods; main/contract-args.ts spreads them into the one
 * validator every transport runs. Messages name the field and what is expected.
 */
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { OUTREACH_KINDS } from '../domain/outreach';
import { TIERS } from '../shared/shapes';
import type { CrmHandlers } from './contract';

type Req<M extends keyof CrmHandlers> = Parameters<CrmHandlers[M]>[0];

const id = (what: string) =>
  z
    .number({ error: `${what} must be a number` })
    .int(`${what} must be a whole number`)
    .positive(`${what} must be a positive number`)
    .max(Number.MAX_SAFE_INTEGER, `${what} is too large`);

const sandboxFlag = z
  .object({ sandbox: z.boolean({ error: 'sandbox must be true or false' }).optional() })
  .strict()
  .optional()
  .nullable()
  .transform((v) => v ?? undefined);

const path = (exts: string[]) =>
  z
    .string({ error: 'path must be text' })
    .min(1, 'path is empty: choose where to save the file')
    .max(4096, 'path is too long')
    .refine((p) => !p.includes('\0'), 'path contains a NUL character')
    .refine((p) => isAbsolute(p), 'path must be absolute (choose it with the save dialog)')
    .refine((p) => exts.some((e) => p.toLowerCase().endsWith(e)), `path must end in ${exts.join(' or ')}`);

const tier = z.enum(TIERS, { error: `tier must be one of: ${TIERS.join(', ')}` }).optional();

const sender = z
  .object({
    name: z.string({ error: 'sender.name must be text' }).trim().min(1, 'sender.name is empty').max(200),
    company: z
      .string({ error: 'sender.company must be text' })
      .trim()
      .min(1, 'sender.company is empty')
      .max(200),
  })
  .strict()
  .optional();

const leadRef = z.object({ leadId: id('lead id') }).strict();

export const CRM_ARG_SCHEMAS: { [M in keyof CrmHandlers]: z.ZodType<Req<M>> } = {
  'crm/status': sandboxFlag,
  'crm/push': z
    .object({
      campaignId: id('campaign id'),
      sandbox: z.boolean({ error: 'sandbox must be true or false' }).optional(),
    })
    .strict(),
  'crm/deadLetters': sandboxFlag,
  'crm/retry': sandboxFlag,
  'lead/bant': leadRef,
  'lead/brief': leadRef,
  'lead/sequence': z.object({ leadId: id('lead id'), sender }).strict(),
  'brief/export': z
    .object({
      format: z.enum(['md', 'pdf'], { error: 'format must be "md" or "pdf"' }),
      path: path(['.md', '.pdf']),
      leadId: id('lead id').optional(),
      campaignId: id('campaign id').optional(),
      tier,
    })
    .strict()
    .refine((a) => (a.leadId === undefined) !== (a.campaignId === undefined), {
      message: 'give either leadId (one lead) or campaignId (a campaign or one of its tiers)',
      path: ['leadId'],
    })
    .refine((a) => a.path.toLowerCase().endsWith(`.${a.format}`), {
      message: 'path must end in the format’s extension (.md or .pdf)',
      path: ['path'],
    }),
  'sequence/export': z.object({ campaignId: id('campaign id'), path: path(['.csv']), tier, sender }).strict(),
  'outreach/list': leadRef,
  'outreach/log': z
    .object({
      leadId: id('lead id'),
      kind: z.enum(OUTREACH_KINDS, { error: `kind must be one of: ${OUTREACH_KINDS.join(', ')}` }),
      channel: z.enum(['email', 'linkedin'], { error: 'channel must be email or linkedin' }).optional(),
      step: z.number().int('step must be a whole number').min(1, 'step starts at 1').nullable().optional(),
      at: z.iso
        .datetime({ offset: true, error: 'at must be an ISO date-time, e.g. 2026-11-30T14:05:00Z' })
        .optional(),
      note: z.string({ error: 'note must be text' }).max(2000, 'note is over 2,000 characters').optional(),
    })
    .strict(),
  'outreach/import': z
    .object({
      campaignId: id('campaign id'),
      csv: z.string({ error: 'csv must be text' }).max(5_000_000, 'csv is over 5 MB'),
    })
    .strict(),
};
