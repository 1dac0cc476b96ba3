// Shapes for reference data: themes, countries and the admin's corrections to a country.
import { z } from "@hono/zod-openapi";
import { CIVIC_SPACE, INCOME_GROUPS, THEMES } from "../enums";

export const ThemeItem = z.object({ id: z.enum(THEMES), name: z.string() }).openapi("Theme");

export const Country = z
  .object({
    code: z.string(),
    name: z.string(),
    region: z.string().nullable(),
    subregion: z.string().nullable(),
    globalSouth: z.boolean(),
    incomeGroup: z.enum(INCOME_GROUPS).nullable(),
    odaGroup: z.string().nullable(),
    civicSpace: z.enum(CIVIC_SPACE).nullable(),
    civicSpaceAsOf: z.string().nullable(),
  })
  .openapi("Country");

const emptyToNull = (v: unknown) => (v === "" ? null : v);

/** Admin corrections; null clears a value (unknown), which is different from any rating. */
export const CountryPatch = z
  .object({
    incomeGroup: z.preprocess(emptyToNull, z.enum(INCOME_GROUPS).nullable()).optional(),
    odaGroup: z.preprocess(emptyToNull, z.enum(["LDC", "OLIC", "LMIC", "UMIC"]).nullable()).optional(),
    globalSouth: z.boolean().optional(),
    civicSpace: z.preprocess(emptyToNull, z.enum(CIVIC_SPACE).nullable()).optional(),
    civicSpaceAsOf: z
      .preprocess(
        emptyToNull,
        z
          .string()
          .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
          .nullable(),
      )
      .optional(),
  })
  .openapi("CountryPatch");
