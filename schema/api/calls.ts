// Request and response shapes for funding calls and matching.
import { z } from "@hono/zod-openapi";
import {
  CALL_KINDS,
  CALL_STATUSES,
  FUNDING_TYPES,
  LED_BY,
  LEGAL_STATUSES,
  OFFER_KINDS,
  REVIEW_MODES,
  SETTINGS,
  THEMES,
} from "../enums";
import { MAX_REVIEWS_PER_APPLICATION, RAPID_MAX_DECISION_DAYS, RAPID_MAX_QUESTIONS } from "../limits";
import { Money, IsoTime, CountryCode, LanguageTag, uniqueList } from "./common";
import { Org } from "./orgs";

export const MAX_QUESTIONS = 5;

export const Question = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,32}$/, { error: "err.invalid" })
      .optional()
      .openapi({ description: "Stable id; generated (q1…q5) when omitted" }),
    label: z.string().trim().min(3).max(300),
    maxChars: z.number().int().min(50).max(5000),
  })
  .openapi("Question");

const Eligibility = z
  .object({
    countries: uniqueList(CountryCode, 250).optional(),
    globalSouthOnly: z.boolean().optional(),
    legalStatuses: uniqueList(z.enum(LEGAL_STATUSES), LEGAL_STATUSES.length).optional(),
    maxAnnualBudget: Money.optional(),
    requiredLedBy: uniqueList(z.enum(LED_BY), LED_BY.length).optional(),
    minTrustLevel: z.number().int().min(0).max(4).optional().openapi({
      description:
        "The trust ladder's level an applicant must have reached (0 new · 1 e-mails verified · 2 vouched for by two trusted peers nearby · 3 confirmed by the country chapter · 4 verified by the platform); 0 or absent asks for none",
    }),
  })
  .openapi("Eligibility");

const Priorities = z
  .object({
    ledBy: uniqueList(z.enum(LED_BY), LED_BY.length).optional(),
    settings: uniqueList(z.enum(SETTINGS), SETTINGS.length).optional(),
    themes: uniqueList(z.enum(THEMES), THEMES.length).optional(),
  })
  .openapi("Priorities");

/**
 * Rules across fields are attached to the smallest object that holds them (the grant, the question list,
 * the deadline), so one request reports every problem at once rather than stopping at the first.
 */
const Grant = z.object({ min: Money, max: Money }).superRefine((g, ctx) => {
  if (g.min.currency !== g.max.currency)
    ctx.addIssue({ code: "custom", path: ["max", "currency"], message: "err.same_currency" });
  else if (g.min.amount > g.max.amount)
    ctx.addIssue({ code: "custom", path: ["max", "amount"], message: "err.max_below_min" });
  if (g.max.amount === 0)
    ctx.addIssue({ code: "custom", path: ["max", "amount"], message: "err.amount_positive" });
});

/** What a non-cash call gives: how many seats, hours, trips or items of the kind named. */
export const MAX_OFFER_QUANTITY = 10000;
export const Offer = z
  .object({
    what: z.enum(OFFER_KINDS),
    quantity: z.number().int().min(1).max(MAX_OFFER_QUANTITY),
  })
  .openapi("Offer");

const distinctIds = (qs: { id?: string }[]) => {
  const ids = qs.map((q) => q.id).filter(Boolean);
  return new Set(ids).size === ids.length;
};

const Review = z
  .object({
    mode: z.enum(REVIEW_MODES).openapi({
      description:
        "funder: the funder's members score; panel: community members the funder invites; peer: the applicant organisations review each other",
    }),
    reviewsPerApplication: z.number().int().min(1).max(MAX_REVIEWS_PER_APPLICATION).default(3),
  })
  .openapi("CallReview");

/** Every editable field of a call. */
export const callFields = {
  title: z.string().trim().min(3).max(200),
  summary: z.string().trim().min(10).max(4000),
  languages: uniqueList(LanguageTag, 20).min(1),
  themes: uniqueList(z.enum(THEMES), THEMES.length),
  eligibility: Eligibility,
  priorities: Priorities.optional(),
  grant: Grant.optional().openapi({
    description:
      "Required for money calls (core, project); optional for non_cash, where it is an indicative value and never awarded",
  }),
  fundingType: z.enum(FUNDING_TYPES),
  offer: Offer.optional().openapi({
    description: "Required for non_cash calls (training seats, mentoring hours, …); refused on money calls",
  }),
  durationMonths: z.number().int().min(1).max(120),
  deadline: z.iso
    .datetime({ offset: true, error: "err.datetime" })
    .refine((d) => Date.parse(d) > Date.now(), { error: "err.deadline_past" })
    .optional()
    .openapi({
      format: "date-time",
      example: "2027-01-31T23:59:00+00:00",
      description: "Required for standard calls; rapid-response calls are rolling and take none",
    }),
  questions: z.array(Question).min(1).max(MAX_QUESTIONS).refine(distinctIds, { error: "err.duplicates" }),
  kind: z
    .enum(CALL_KINDS)
    .optional()
    .openapi({
      description: `standard (default) or rapid: rolling, at most ${RAPID_MAX_QUESTIONS} questions, decided within decisionWithinDays`,
    }),
  confidential: z.boolean().optional().openapi({
    description:
      "Applications and awards stay off public pages, ledgers, feeds and named exports (counted, suppressed, in reports). Default: true for rapid calls, false otherwise",
  }),
  decisionWithinDays: z.number().int().min(1).max(RAPID_MAX_DECISION_DAYS).optional().openapi({
    description: "Rapid calls (required there): days from submission within which a decision is promised",
  }),
  review: Review.optional().openapi({ description: "Default: { mode: funder }" }),
};

type CallShape = {
  fundingType: (typeof FUNDING_TYPES)[number];
  grant?: unknown;
  offer?: unknown;
  kind?: (typeof CALL_KINDS)[number];
  deadline?: string;
  decisionWithinDays?: number;
  questions: unknown[];
  review?: { mode: (typeof REVIEW_MODES)[number] };
};

/**
 * What the kind of call asks of the other fields: a standard call has a deadline; a rapid one has none,
 * at most RAPID_MAX_QUESTIONS questions, a promised decision time, and the funder's own review (a
 * panel cannot meet a decision due in days).
 */
const kindRules = (c: CallShape, ctx: z.RefinementCtx) => {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: "custom", path, message });
  if (c.kind !== "rapid") {
    if (c.deadline === undefined) issue(["deadline"], "err.required");
    if (c.decisionWithinDays !== undefined) issue(["decisionWithinDays"], "err.rapid_only");
    return;
  }
  if (c.deadline !== undefined) issue(["deadline"], "err.rapid_no_deadline");
  if (c.decisionWithinDays === undefined) issue(["decisionWithinDays"], "err.required");
  if (c.questions.length > RAPID_MAX_QUESTIONS) issue(["questions"], "err.rapid_questions");
  if (c.review && c.review.mode !== "funder") issue(["review", "mode"], "err.rapid_review");
};

/** A money call names its grant and offers nothing else; a non-cash call names its offer. */
const fundingRules = (c: CallShape, ctx: z.RefinementCtx) => {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (c.fundingType === "non_cash") {
    if (c.offer === undefined) issue("offer", "err.required");
  } else {
    if (c.grant === undefined) issue("grant", "err.required");
    if (c.offer !== undefined) issue("offer", "offer.err_money_call");
  }
};

const callRules = (c: CallShape, ctx: z.RefinementCtx) => {
  kindRules(c, ctx);
  fundingRules(c, ctx);
};

export const CallInput = z.object(callFields).superRefine(callRules);

export const CallCreate = z
  .object({
    funderOrgId: z.string().min(1).max(64).openapi({
      description:
        "The posting organisation: a funder, or for non_cash calls also a CSO verified by the platform or at trust level 3 or above",
    }),
    ...callFields,
  })
  .superRefine(callRules)
  .openapi("CallCreate");

export const CallPatch = z
  .object(callFields)
  .partial()
  .extend({ version: z.number().int().min(1) })
  .openapi("CallPatch");

const GrantOut = Grant.nullable().openapi({
  description: "null for a non_cash call posted without an indicative value",
});
const OfferOut = Offer.nullable().openapi({ description: "null for money calls" });

const QuestionOut = z.object({ id: z.string(), label: z.string(), maxChars: z.number().int() });

export const Call = z
  .object({
    id: z.string(),
    funderOrgId: z.string(),
    funderName: z
      .string()
      .nullable()
      .openapi({ description: 'null when the funder\'s profile is not public (shown as "a funder")' }),
    title: z.string(),
    summary: z.string(),
    languages: z.array(z.string()),
    themes: z.array(z.enum(THEMES)),
    eligibility: z.object({
      countries: z.array(z.string()).nullable(),
      globalSouthOnly: z.boolean(),
      legalStatuses: z.array(z.enum(LEGAL_STATUSES)),
      maxAnnualBudget: Money.nullable(),
      requiredLedBy: z.array(z.enum(LED_BY)),
      minTrustLevel: z
        .number()
        .int()
        .min(0)
        .max(4)
        .openapi({ description: "0 when the call asks for no minimum trust level" }),
    }),
    priorities: z.object({
      ledBy: z.array(z.enum(LED_BY)),
      settings: z.array(z.enum(SETTINGS)),
      themes: z.array(z.enum(THEMES)),
    }),
    grant: GrantOut,
    fundingType: z.enum(FUNDING_TYPES),
    offer: OfferOut,
    durationMonths: z.number().int(),
    deadline: IsoTime.nullable().openapi({ description: "null for rolling (rapid-response) calls" }),
    kind: z.enum(CALL_KINDS),
    confidential: z.boolean(),
    decisionWithinDays: z.number().int().nullable(),
    review: z.object({
      mode: z.enum(REVIEW_MODES),
      reviewsPerApplication: z.number().int(),
      openedAt: IsoTime.nullable(),
      tallyPublishedAt: IsoTime.nullable(),
    }),
    questions: z.array(QuestionOut),
    status: z.enum(CALL_STATUSES),
    estimatedMinutes: z
      .object({ low: z.number().int(), high: z.number().int() })
      .openapi({ description: "Honest estimate of the time an application takes" }),
    version: z.number().int(),
    publishedAt: IsoTime.nullable(),
    createdAt: IsoTime,
    updatedAt: IsoTime,
  })
  .openapi("Call");
export type CallView = z.infer<typeof Call>;

export const CallSummary = z
  .object({
    id: z.string(),
    funderOrgId: z.string(),
    funderName: z
      .string()
      .nullable()
      .openapi({ description: 'null when the funder\'s profile is not public (shown as "a funder")' }),
    title: z.string(),
    themes: z.array(z.enum(THEMES)),
    grant: GrantOut,
    fundingType: z.enum(FUNDING_TYPES),
    offer: OfferOut,
    durationMonths: z.number().int(),
    deadline: IsoTime.nullable().openapi({ description: "null for rolling (rapid-response) calls" }),
    kind: z.enum(CALL_KINDS),
    decisionWithinDays: z.number().int().nullable(),
    status: z.enum(CALL_STATUSES),
  })
  .openapi("CallSummary");
export type CallSummaryView = z.infer<typeof CallSummary>;

export const CallListQuery = z.object({
  country: CountryCode.optional(),
  theme: z.enum(THEMES).optional(),
  fundingType: z.enum(FUNDING_TYPES).optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});

export const Reason = z
  .object({
    criterion: z.string(),
    met: z.boolean(),
    detail: z.string().openapi({ description: "The reason in plain words, in the caller's language" }),
  })
  .openapi("Reason");

export const CallMatch = z
  .object({
    call: CallSummary,
    eligible: z.boolean(),
    score: z.number().int().min(0).max(100),
    reasons: z.array(Reason),
    invited: z.boolean(),
  })
  .openapi("CallMatch");

export const OrgMatch = z
  .object({
    org: Org,
    eligible: z.boolean(),
    score: z.number().int().min(0).max(100),
    reasons: z.array(Reason),
    invited: z.boolean(),
  })
  .openapi("OrgMatch");

/**
 * Ranked lists default to 20 a page: each match carries a dozen reasons in words, so 50 made a heavy
 * page to read on a phone and to build (reasons, JSON, compression) — the next page is a link away.
 */
export const MATCH_PAGE_SIZE = 20;

export const MatchQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(MATCH_PAGE_SIZE),
  cursor: z
    .string()
    .regex(/^\d{1,6}$/)
    .optional()
    .openapi({ description: "Opaque position in the ranked list" }),
});

/** The funder's list can be narrowed to organisations at a trust level or above. */
export const OrgMatchQuery = MatchQuery.extend({
  minLevel: z.coerce
    .number()
    .int()
    .min(0)
    .max(4)
    .optional()
    .openapi({ description: "Only organisations at this trust level or above (0–4)" }),
});

export const CallInviteBody = z.object({ orgId: z.string().min(1).max(64) }).openapi("CallInvite");
