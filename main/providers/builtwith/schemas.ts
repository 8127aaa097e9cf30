/**
 * The parts of BuiltWith v22's domain answer we read (providers.md "Others"):
 * Results[].Result.Paths[].Technologies[] {Name, Tag, FirstDetected, LastDetected} (epoch ms), and
 * Errors[] — BuiltWith reports a bad key or an empty credit balance in the body of a 200.
 */
import { z } from 'zod';

const str = z.string().nullish();

export const TechnologySchema = z.looseObject({
  Name: z.string(),
  Tag: str,
  FirstDetected: z.number().nullish(),
  LastDetected: z.number().nullish(),
  Link: str,
});

export const DomainResponseSchema = z.looseObject({
  Results: z
    .array(
      z.looseObject({
        Lookup: str,
        Result: z
          .looseObject({
            Paths: z
              .array(
                z.looseObject({
                  Domain: str,
                  SubDomain: str,
                  Url: str,
                  Technologies: z.array(TechnologySchema).nullish(),
                }),
              )
              .nullish(),
          })
          .nullish(),
      }),
    )
    .nullish(),
  Errors: z.array(z.looseObject({ Lookup: str, Message: str, Code: z.number().nullish() })).nullish(),
});
export type DomainResponse = z.infer<typeof DomainResponseSchema>;
