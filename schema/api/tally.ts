// The review tally of a panel or peer call, as the API answers it (worker/domain/review-tally.ts computes it).
import { z } from "@hono/zod-openapi";
import { DECISIONS } from "../enums";
import { IsoTime } from "./common";

export const TallyItem = z
  .object({
    application: z.string().openapi({
      description: "Anonymised reference (the same one panelists see); never the application's id",
      example: "r_3f9a0c51d2e47b6a8c10",
    }),
    applicationId: z.string().optional().openapi({
      description: "The application's id: only in answers to the call's funder's members",
    }),
    reviews: z.number().int().openapi({ description: "Finished reviews" }),
    meanScore: z
      .number()
      .nullable()
      .openapi({ description: "Plain mean of the raw 1–5 scores, 2 decimals (reference only)" }),
    standardisedScore: z.number().nullable().openapi({
      description: "Mean of the per-reviewer standardised scores (z), 3 decimals: what the rank follows",
    }),
    rank: z.number().int().openapi({ description: "1 = best; all distinct (ties by id)" }),
    decision: z.enum(DECISIONS).nullable(),
    departs: z.boolean().openapi({
      description:
        "The decision goes against the ranking: an award below a declined application, or a decline above an awarded one",
    }),
    note: z.string().nullable().openapi({ description: "The funder's decision note, only when it departs" }),
  })
  .openapi("TallyItem");

export const Tally = z
  .object({
    method: z.string().openapi({ description: "The method, stated exactly" }),
    publishedAt: IsoTime.nullable(),
    items: z.array(TallyItem),
  })
  .openapi("Tally");

export type TallyView = z.infer<typeof Tally>;
export type TallyItemView = z.infer<typeof TallyItem>;
