import { z } from 'zod';

import { TIERS, type Tier } from '../shared/shapes';

export { TIERS, type Tier };

export const DEFAULT_TARGETS: Record<Tier, number> = { T1: 200, T2: 200, T3: 100 };

const titles = z
  .array(z.string().trim().min(1, 'a title cannot be empty'))
  .min(1, 'list at least one job title for this tier');

const tierSchema = (tier: Tier) =>
  z.object({
    target: z
      .number({ error: 'a whole number of leads, e.g. 200' })
      .int('a whole number of leads, e.g. 200')
      .min(0, 'zero or more leads')
      .max(10_000, 'at most 10,000 leads per tier')
      .default(DEFAULT_TARGETS[tier]),
    titles,
  });

const nonEmptyList = (what: string) =>
  z.array(z.string().trim().min(1, `an empty ${what} is not allowed`)).min(1, `list at least one ${what}`);

export const CHECK_IDS = [
  'industry',
  'size',
  'multiLocation',
  'hrAndOps',
  'hiringCycles',
  'staffingVendors',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export const IcpSchema = z
  .object({
    name: z.string({ error: 'a campaign name, e.g. "Q3 manufacturing"' }).trim().min(1).max(200),
    tiers: z.object({ T1: tierSchema('T1'), T2: tierSchema('T2'), T3: tierSchema('T3') }),
    industries: nonEmptyList('industry'),
    locations: nonEmptyList('location (country)'),
    companySize: z
      .object({
        min: z.number({ error: 'a number of employees' }).int().min(1),
        max: z.number({ error: 'a number of employees' }).int().min(1),
      })
      .refine((s) => s.min <= s.max, { message: 'min must not exceed max', path: ['max'] }),
    minValidationScore: z
      .number({ error: 'a whole number from 0 to 6' })
      .int()
      .min(0, 'from 0 to 6')
      .max(6, 'from 0 to 6')
      .default(4),
    // Checks a lead must pass whatever its total (an ICP's industry is not negotiable by default).
    requiredChecks: z.array(z.enum(CHECK_IDS)).default(['industry', 'size']),
    fundingStages: z.array(z.string().trim().min(1)).optional(),
    // What `fundingStages` does to intent: only those stages count (filter) or they count more (boost).
    fundingStageMode: z.enum(['filter', 'boost']).optional(),
    techStack: z
      .object({
        mustHave: z.array(z.string().trim().min(1)).default([]),
        niceToHave: z.array(z.string().trim().min(1)).default([]),
        avoid: z.array(z.string().trim().min(1)).default([]),
      })
      .optional(),
    signals: z
      .object({
        recentFunding: z.boolean().default(false),
        activelyHiring: z.boolean().default(false),
        techStackChange: z.boolean().default(false),
        leadershipChange: z.boolean().default(false),
      })
      .optional(),
    semantic: z
      .object({
        contactThreshold: z.number().min(0).max(1).default(0.5),
        companyThreshold: z.number().min(0).max(1).default(0.6),
      })
      .default({ contactThreshold: 0.5, companyThreshold: 0.6 }),
  })
  .strict();

export type Icp = z.output<typeof IcpSchema>;
export type IcpInput = z.input<typeof IcpSchema>;
