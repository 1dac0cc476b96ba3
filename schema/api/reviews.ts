// Request and response shapes for participatory review: panel invitations, the reviewer's queue of
// anonymised applications, scores and declared conflicts.
import { z } from "@hono/zod-openapi";
import { ASSIGNMENT_STATUSES, LED_BY, SETTINGS } from "../enums";
import { REVIEW_COMMENT_MAX_CHARS } from "../limits";
import { Email } from "./accounts";
import { Id, Money } from "./common";
import { withoutControls } from "./feedback";

export const SIZE_BAND_KEYS = ["under_10k", "10k_50k", "50k_250k", "250k_1m", "1m_plus"] as const;

export const PanelInvite = z.object({ email: Email }).strict().openapi("PanelInvite");

/** The same answer for every address, with or without an account, invited before or not. */
export const PanelInvited = z.object({ status: z.literal("invited") }).openapi("PanelInvited");

/**
 * What a reviewer sees of an application: the answers, the amount and coarse facts. No organisation
 * name, id, members, contacts or profile text; `ref` is keyed per call and links to nothing else.
 */
export const AnonymisedApplication = z
  .object({
    ref: z.string(),
    answers: z.record(z.string(), z.string()),
    requestedAmount: Money.nullable(),
    country: z.string(),
    setting: z.enum(SETTINGS).nullable(),
    sizeBand: z.enum(SIZE_BAND_KEYS).nullable(),
    ledBy: z.array(z.enum(LED_BY)),
  })
  .openapi("AnonymisedApplication");

export const ReviewItem = z
  .object({
    id: z.string().openapi({ description: "The assignment's id" }),
    status: z.enum(ASSIGNMENT_STATUSES),
    score: z.number().int().min(1).max(5).nullable(),
    comment: z.string().nullable(),
    call: z.object({
      id: z.string(),
      title: z.string(),
      questions: z.array(z.object({ id: z.string(), label: z.string() })),
      /** Once set, scores can no longer change. */
      tallyPublishedAt: z.string().nullable(),
    }),
    application: AnonymisedApplication,
  })
  .openapi("ReviewItem");
export type ReviewItemView = z.infer<typeof ReviewItem>;

export const ReviewList = z.object({ items: z.array(ReviewItem) }).openapi("ReviewList");

export const ReviewScore = z
  .object({
    score: z
      .number()
      .int()
      .min(1)
      .max(5)
      .optional()
      .openapi({ description: "1–5; not needed with a conflict" }),
    comment: z
      .string()
      .overwrite(withoutControls)
      .trim()
      .max(REVIEW_COMMENT_MAX_CHARS)
      .optional()
      .openapi({ description: `At most ${REVIEW_COMMENT_MAX_CHARS} characters` }),
    conflict: z.boolean().optional().openapi({
      description: "A declared conflict of interest: the application goes to another reviewer",
    }),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.conflict && v.score === undefined)
      ctx.addIssue({ code: "custom", path: ["score"], message: "err.required" });
  })
  .openapi("ReviewScore");
export type ReviewScoreBody = z.infer<typeof ReviewScore>;

export const AssignmentParam = z.object({
  assignmentId: Id.openapi({ param: { name: "assignmentId", in: "path" } }),
});

/** Counts only: who reviews what stays with the reviewers. */
export type ReviewProgress = { assigned: number; done: number; conflicts: number; opened: boolean };
