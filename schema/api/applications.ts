// Request and response shapes for applications, reviews and decisions.
import { z } from "@hono/zod-openapi";
import { APPLICATION_STATUSES, DECISIONS, DECLINE_REASONS } from "../enums";
import { Money, IsoTime, uniqueList } from "./common";
import { Org } from "./orgs";
import { ApplicationPartner, PartnerList } from "./partners";
import { MAX_OFFER_QUANTITY } from "./calls";

/** Draft answers may exceed a question's limit (submit checks it) but never this cap. */
const MAX_DRAFT_ANSWER = 20_000;

export const ApplicationCreate = z.object({ orgId: z.string().min(1).max(64) }).openapi("ApplicationCreate");

export const ApplicationPatch = z
  .object({
    answers: z.record(z.string().regex(/^[A-Za-z0-9_-]{1,32}$/), z.string().max(MAX_DRAFT_ANSWER)).optional(),
    requestedAmount: Money.nullable().optional(),
    partners: PartnerList.optional().openapi({
      description: "A consortium: the whole list of partner organisations (replaces the previous one)",
    }),
    version: z.number().int().min(1),
  })
  .openapi("ApplicationPatch");

export const ReviewBody = z
  .object({ score: z.number().int().min(1).max(5), comment: z.string().trim().max(2000).optional() })
  .openapi("ReviewBody");

export const DecisionBody = z
  .object({
    decision: z.enum(DECISIONS),
    amount: Money.optional(),
    quantity: z.number().int().min(1).max(MAX_OFFER_QUANTITY).optional().openapi({
      description:
        "Awards of non_cash calls: how many of the offer (seats, hours, …) go to this group, instead of an amount",
    }),
    reasons: uniqueList(z.enum(DECLINE_REASONS), DECLINE_REASONS.length).optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .superRefine((d, ctx) => {
    if (d.decision === "award" && !d.amount && d.quantity === undefined)
      ctx.addIssue({ code: "custom", path: ["amount"], message: "err.required" });
    if (d.decision === "decline" && !d.reasons?.length)
      ctx.addIssue({ code: "custom", path: ["reasons"], message: "err.decline_reason" });
  })
  .openapi("DecisionBody");

export const Application = z
  .object({
    id: z.string(),
    callId: z.string(),
    orgId: z.string(),
    status: z.enum(APPLICATION_STATUSES),
    answers: z.record(z.string(), z.string()),
    requestedAmount: Money.nullable(),
    version: z.number().int(),
    submittedAt: IsoTime.nullable(),
    snapshot: Org.nullable().openapi({ description: "The organisation's profile as it was at submission" }),
    decision: z
      .object({
        decision: z.enum(DECISIONS),
        amount: Money.nullable(),
        reasons: z.array(z.enum(DECLINE_REASONS)),
        note: z.string().nullable(),
        decidedAt: IsoTime.nullable(),
      })
      .nullable(),
    awardId: z
      .string()
      .nullable()
      .openapi({ description: "The award this application led to (GET /awards/{id})" }),
    decideBy: IsoTime.nullable().openapi({
      description: "Rapid-response calls: the decision promised by (submission + decisionWithinDays)",
    }),
    overdue: z.boolean().nullable().openapi({
      description: "Rapid-response calls: still undecided after decideBy (null when there is no promise)",
    }),
    partners: z.array(ApplicationPartner).optional().openapi({
      description: "A consortium application's partners (on GET /applications/{id} and draft saves)",
    }),
    createdAt: IsoTime,
    updatedAt: IsoTime,
  })
  .openapi("Application");
export type ApplicationView = z.infer<typeof Application>;

export const ReviewedApplication = Application.extend({
  orgName: z.string(),
  reviewCount: z.number().int(),
  averageScore: z.number().nullable(),
}).openapi("ReviewedApplication");
export type ReviewedApplicationView = z.infer<typeof ReviewedApplication>;
export const OrgApplication = Application.extend({ callTitle: z.string() }).openapi("OrgApplication");
export type OrgApplicationView = z.infer<typeof OrgApplication>;
export const Review = z
  .object({
    reviewerId: z.string(),
    reviewerName: z.string(),
    score: z.number().int(),
    comment: z.string().nullable(),
    updatedAt: IsoTime,
  })
  .openapi("Review");
export type ReviewView = z.infer<typeof Review>;
