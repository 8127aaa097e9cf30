/**
 * The parts of Crunchbase v4's answers we read (providers.md "Others"): an organization entity
 * with the raised_funding_rounds card, and organization search hits. Unknown fields pass through.
 */
import { z } from 'zod';

const str = z.string().nullish();

export const IdentifierSchema = z.looseObject({
  uuid: z.string(),
  value: str,
  permalink: str,
  entity_def_id: str,
});

const MoneySchema = z.looseObject({
  value: z.number().nullish(),
  currency: str,
  value_usd: z.number().nullish(),
});

export const FundingRoundSchema = z.looseObject({
  identifier: IdentifierSchema,
  announced_on: z.string(),
  investment_type: str,
  money_raised: MoneySchema.nullish(),
  lead_investor_identifiers: z.array(IdentifierSchema).nullish(),
  num_investors: z.number().nullish(),
});

export const OrganizationEntitySchema = z.looseObject({
  properties: z.looseObject({
    identifier: IdentifierSchema,
    website_url: str,
    short_description: str,
    last_funding_type: str,
  }),
  cards: z.looseObject({ raised_funding_rounds: z.array(FundingRoundSchema).nullish() }).nullish(),
});
export type OrganizationEntity = z.infer<typeof OrganizationEntitySchema>;

export const OrganizationSearchSchema = z.looseObject({
  count: z.number(),
  entities: z.array(
    z.looseObject({
      uuid: z.string(),
      properties: z.looseObject({ identifier: IdentifierSchema, website_url: str }),
    }),
  ),
});
