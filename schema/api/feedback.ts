// Request and response shapes for anonymous community feedback to a funded group and anonymous ratings of
// funders by the groups that applied to them. Neither carries who sent it: there is nothing to carry.
import { z } from "@hono/zod-openapi";
import { Id } from "./common";

export const FEEDBACK_MAX_CHARS = 1000;
export const RATING_COMMENT_MAX_CHARS = 500;

/**
 * Control characters (C0 but line breaks and tabs, DEL, C1) and the bidirectional embeddings, overrides
 * and isolates: invisible, they could make a message read differently from what was typed. Left-to-right
 * and right-to-left marks stay (Arabic text with Latin names needs them). CR LF becomes LF.
 */
const UNSEEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
export const withoutControls = (s: string) => s.replace(/\r\n?/g, "\n").replace(UNSEEN, "");

/** Cleaned before it is trimmed and counted, so what is stored is what was checked. */
const cleanText = (min: number, max: number) =>
  z.string().overwrite(withoutControls).trim().min(min).max(max);

export const FeedbackCreate = z
  .object({
    text: cleanText(1, FEEDBACK_MAX_CHARS).openapi({
      description: "1–1,000 characters, any language; control characters are removed",
    }),
  })
  .strict()
  .openapi("FeedbackCreate");

export const FeedbackReceived = z.object({ status: z.literal("received") }).openapi("FeedbackReceived");

export const FeedbackItem = z
  .object({
    id: z.string(),
    text: z.string(),
    createdAt: z.string().openapi({
      format: "date",
      example: "2026-11-23",
      description: "the day only: a time of day could be matched with who was around then",
    }),
  })
  .openapi("FeedbackItem");
export type FeedbackItemView = z.infer<typeof FeedbackItem>;

export const FeedbackList = z.object({ items: z.array(FeedbackItem) }).openapi("FeedbackList");

const Score = z.number().int().min(1).max(5).openapi({ description: "1 (very poor) to 5 (excellent)" });

export const RatingCreate = z
  .object({
    orgId: Id.openapi({
      description: "the rating organisation: one you are a member of, which applied to this funder",
    }),
    easeOfApplying: Score,
    respect: Score,
    speed: Score,
    comment: cleanText(0, RATING_COMMENT_MAX_CHARS)
      .nullable()
      .optional()
      .openapi({ description: "up to 500 characters (empty: none); published only with the aggregate" }),
  })
  .strict()
  .openapi("RatingCreate");

export const RatingSaved = z
  .object({
    funderOrgId: z.string(),
    easeOfApplying: z.number().int(),
    respect: z.number().int(),
    speed: z.number().int(),
    comment: z.string().nullable(),
    /** The organisation had rated this funder before: this rating replaced it. */
    replaced: z.boolean(),
  })
  .openapi("RatingSaved");

const Mean = z
  .number()
  .nullable()
  .openapi({ description: "mean on 1–5, one decimal; null while suppressed" });

export const FunderRatings = z
  .object({
    funderOrgId: z.string(),
    /** The minimum number of rating organisations behind a published figure (EQUITY_K). */
    k: z.number().int(),
    suppressed: z.boolean(),
    raters: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "null while suppressed: a count under k is not revealed" }),
    easeOfApplying: Mean,
    respect: Mean,
    speed: Mean,
    comments: z
      .array(z.string())
      .openapi({ description: "empty while suppressed; sorted by text, never by time" }),
  })
  .openapi("FunderRatings");
export type FunderRatingsView = z.infer<typeof FunderRatings>;
