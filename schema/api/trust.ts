// Request and response shapes for the trust ladder: vouches, chapters, confirmations, evidence.
import { z } from "@hono/zod-openapi";
import { VOUCH_RELATIONSHIPS, CONFIRMATION_METHODS } from "../trust";
import { Id, IsoTime, CountryCode } from "./common";

const OrgRef = z
  .object({ orgId: z.string(), name: z.string() })
  .nullable()
  .openapi({ description: 'null: an organisation the caller may not see ("a verified organisation")' });

export const VouchBody = z
  .object({
    voucherOrgId: Id,
    relationship: z.enum(VOUCH_RELATIONSHIPS),
    statement: z
      .string()
      .trim()
      .min(20)
      .max(500)
      .openapi({ description: "20–500 characters, in any language" }),
  })
  .openapi("VouchBody");

export const Vouch = z
  .object({
    id: z.string(),
    voucher: OrgRef,
    relationship: z.enum(VOUCH_RELATIONSHIPS),
    statement: z.string().nullable(),
    createdAt: IsoTime,
    expiresAt: IsoTime,
    revokedAt: IsoTime.nullable(),
  })
  .openapi("Vouch");

export const VouchRequestBody = z.object({ toOrgId: Id }).openapi("VouchRequestBody");

export const ConfirmationBody = z
  .object({ method: z.enum(CONFIRMATION_METHODS), note: z.string().trim().min(1).max(1000) })
  .openapi("ConfirmationBody");

export const TrustEvidence = z.object({
  kind: z.enum(["email_verified", "vouch", "confirmation", "platform"]),
  at: IsoTime.nullable(),
  by: OrgRef,
  detail: z.string().optional().openapi({
    description:
      "a vouch's standing (counts, expired, shares_member, returned, voucher_not_trusted, too_far) or a confirmation's method",
  }),
  counts: z.boolean(),
});
export type TrustEvidenceView = z.infer<typeof TrustEvidence>;
export const Trust = z
  .object({ level: z.number().int().min(0).max(4), evidence: z.array(TrustEvidence) })
  .openapi("Trust");

export const CountryParam = z.object({
  country: CountryCode.openapi({ param: { name: "country", in: "path" } }),
});
export const CoordinatorParam = CountryParam.extend({
  userId: Id.openapi({ param: { name: "userId", in: "path" } }),
});

export const ChapterSummary = z
  .object({ country: z.string(), coordinators: z.number().int(), listedOrgs: z.number().int() })
  .openapi("ChapterSummary");
export const Chapter = z
  .object({
    country: z.string(),
    coordinators: z.array(z.object({ userId: z.string(), name: z.string() })),
    orgs: z.array(
      z.object({ id: z.string(), name: z.string(), kind: z.string(), trustLevel: z.number().int() }),
    ),
    openCalls: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        deadline: IsoTime.nullable(),
        decisionWithinDays: z.number().int().nullable(),
        funderName: z.string().nullable(),
      }),
    ),
    queue: z
      .array(
        z.object({
          orgId: z.string(),
          name: z.string(),
          area: z.string().nullable(),
          trustLevel: z.number().int(),
          askedAt: IsoTime,
        }),
      )
      .nullable()
      .openapi({
        description: "groups asking to be confirmed: the chapter's coordinators only (null for anyone else)",
      }),
  })
  .openapi("Chapter");
export type ChapterView = z.infer<typeof Chapter>;
