import { z } from 'zod';

/** Only what the client reads; HubSpot adds fields over time, so objects are not strict. */
const props = z.record(z.string(), z.string().nullable());

export const RecordSchema = z.object({
  id: z.string(),
  properties: props,
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  new: z.boolean().optional(),
});
export type HubSpotRecordWire = z.infer<typeof RecordSchema>;

export const BatchResponseSchema = z.object({
  status: z.string(),
  results: z.array(RecordSchema),
});

export const SearchResponseSchema = z.object({
  total: z.number(),
  results: z.array(RecordSchema),
  paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
});

export const PropertySchema = z.object({
  name: z.string(),
  label: z.string().optional(),
  type: z.string(),
  hasUniqueValue: z.boolean().optional(),
});

export const PropertiesResponseSchema = z.object({ results: z.array(PropertySchema) });

export const AssociationsResponseSchema = z.object({
  status: z.string(),
  results: z.array(z.object({ fromObjectId: z.number(), toObjectId: z.number() }).loose()),
});

export const ErrorBodySchema = z
  .object({
    status: z.string().optional(),
    message: z.string().optional(),
    category: z.string().optional(),
    errorType: z.string().optional(),
    policyName: z.string().optional(),
  })
  .loose();
