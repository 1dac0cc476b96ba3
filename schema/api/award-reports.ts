// Request and response shapes for light reports: three short answers a group sends the funder of an
// award, with optional photos or a voice note, shareable with another funder of the same group.
import { z } from "@hono/zod-openapi";
import { LOCALES, REPORT_STATUSES, UPLOAD_KINDS } from "../enums";
import { Id, IsoTime } from "./common";
import { MAX_REPORT_UPLOADS, REPORT_MAX_CHARS } from "../limits";

/** A draft answer may run over 1,000 characters while it is written (sending checks it), never unbounded. */
const Answer = z.string().max(20 * REPORT_MAX_CHARS);

const answersOf = <T extends z.ZodType>(answer: T) =>
  z.object({ changed: answer, hard: answer, next: answer }).strict();

const Answers = answersOf(Answer.optional()).openapi({
  description: `What changed, what was hard, what's next: each at most ${REPORT_MAX_CHARS} characters (code points) when sent`,
});

const UploadIds = z
  .array(Id)
  .max(MAX_REPORT_UPLOADS)
  .openapi({
    description: `Up to ${MAX_REPORT_UPLOADS} uploaded files (photos, a voice note), each uploaded by a member of the group; replaces the attached set`,
  });

export const ReportCreate = z
  .object({
    answers: Answers,
    language: z.enum(LOCALES),
    uploadIds: UploadIds.optional(),
    submit: z
      .boolean()
      .optional()
      .openapi({ description: "Send it now (every answer required); else a draft" }),
  })
  .strict()
  .openapi("ReportCreate");

export const ReportPatch = z
  .object({
    version: z.number().int().min(1),
    answers: Answers.optional(),
    language: z.enum(LOCALES).optional(),
    uploadIds: UploadIds.optional(),
  })
  .strict()
  .openapi("ReportPatch");

export const ReportShare = z
  .object({ awardId: Id.openapi({ description: "Another award of the same group" }) })
  .strict()
  .openapi("ReportShare");

export const Report = z
  .object({
    id: z.string(),
    awardId: z.string().openapi({ description: "The award it was written for" }),
    status: z.enum(REPORT_STATUSES),
    version: z.number().int(),
    language: z.enum(LOCALES),
    answers: answersOf(z.string()),
    uploads: z.array(z.object({ id: z.string(), kind: z.enum(UPLOAD_KINDS) })),
    submittedAt: IsoTime.nullable(),
    sharedWith: z
      .array(z.string())
      .optional()
      .openapi({ description: "Awards it was shared with (the group's members only)" }),
  })
  .openapi("Report");
export type ReportView = z.infer<typeof Report>;

export const ReportList = z.object({ items: z.array(Report) }).openapi("ReportList");

export const ReportDue = z
  .object({
    dueOn: z.iso.date().openapi({ format: "date", example: "2026-11-30" }),
    done: z.boolean().openapi({ description: "The n-th due date is done once n reports were sent" }),
  })
  .openapi("ReportDue");
