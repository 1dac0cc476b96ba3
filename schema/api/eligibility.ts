// The anonymous eligibility check: the profile questions matching reads, answered without an account.
import { z } from "@hono/zod-openapi";
import { OrgCreate } from "./orgs";
import { CallMatch } from "./calls";

export const EligibilityCheck = OrgCreate.pick({
  country: true,
  setting: true,
  legalStatus: true,
  annualBudget: true,
  ledBy: true,
  themes: true,
  languages: true,
})
  .extend({
    trustLevel: z.number().int().min(0).max(4).optional().openapi({
      description:
        "The trust ladder's level the group has reached, as it says (default 0): calls asking for a level are checked against it",
    }),
  })
  .openapi("EligibilityCheck");
export type EligibilityInput = z.infer<typeof EligibilityCheck>;

export const EligibilityMatch = CallMatch.omit({ invited: true }).openapi("EligibilityMatch");

export const EligibilityResult = z
  .object({ items: z.array(EligibilityMatch), nextCursor: z.string().nullable() })
  .openapi("EligibilityResult");
export type EligibilityResultView = z.infer<typeof EligibilityResult>;
