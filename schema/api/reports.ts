// Query and response shapes for the equity report and the exports.
import { z } from "@hono/zod-openapi";
import { DIMENSIONS, FUNDING_TYPES, OFFER_KINDS } from "../enums";
import { CurrencyCode } from "./common";

const Day = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: "err.date" });

/** The filters the report and the exports share. */
const Filters = z.object({
  from: Day.optional(),
  to: Day.optional(),
  funderOrgId: z.string().min(1).max(64).optional(),
  callId: z.string().min(1).max(64).optional(),
  fundingType: z.enum(FUNDING_TYPES).optional(),
});

export const ReportQuery = Filters.extend({
  groupBy: z.enum(DIMENSIONS).optional(),
  lang: z.string().optional(),
})
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], error: "err.date_order" })
  .openapi("ReportQuery");

const Share = z.number().min(0).max(1).nullable();

/** After the award, per group and overall; null where the cell is withheld or there is nothing to divide by. */
const AfterAward = {
  disbursedShare: z.number().min(0).nullable().openapi({
    description:
      "US cents disbursed for these awards (each at its sent date's rate) ÷ US cents awarded (each at its award date's rate); above 1 when rates rose",
  }),
  receivedShare: z.number().min(0).nullable().openapi({
    description:
      "US cents the groups confirmed receiving (each at its received date's rate) ÷ US cents awarded",
  }),
  lossShare: z.number().max(1).nullable().openapi({
    description:
      "(sent − received) ÷ sent in US cents, over disbursements whose receipt is confirmed (an unconfirmed one is not a loss yet); negative when exchange gains beat the fees",
  }),
  medianDaysToFirstDisbursement: z.number().nullable().openapi({
    description: "median days from the award date to its first disbursement, over awards disbursed to",
  }),
  awaitingDisbursement: z
    .number()
    .int()
    .nullable()
    .openapi({ description: "awards without a disbursement yet (not in the median)" }),
};

export const EquityReport = z
  .object({
    asOf: z.string(),
    basisCurrency: z.literal("USD"),
    k: z.number().int(),
    filters: z.object({
      from: z.string().nullable(),
      to: z.string().nullable(),
      funderOrgId: z.string().nullable(),
      callId: z.string().nullable(),
      fundingType: z.string().nullable(),
      groupBy: z.string().nullable(),
    }),
    publicOnly: z.boolean().openapi({
      description:
        "true when the report is narrowed to a funder or call for someone outside that funder (anyone may ask for a public funder's account): it then leaves out the funder's confidential calls' awards and applications and its anonymous pledges, counting only what it gives in public",
    }),
    fxAsOf: z
      .string()
      .nullable()
      .openapi({ description: "The latest date in the FX table used for conversion" }),
    totals: z.object({
      amount: z.number().int().nullable().openapi({ description: "US cents" }),
      awards: z.number().int().nullable(),
      recipients: z.number().int().nullable(),
      applications: z.number().int().nullable(),
      unconvertedAwards: z
        .number()
        .int()
        .nullable()
        .openapi({ description: "awards in a currency without a rate, left out of amounts" }),
      ...AfterAward,
      suppressed: z.boolean(),
    }),
    confidential: z
      .object({
        count: z.number().int().nullable(),
        suppressed: z.boolean(),
      })
      .openapi({
        description:
          "Awards from confidential calls (rapid response to groups under threat) are counted in the totals, shares and groups but never listed or named: grouped by funder they form one `confidential` group. `count` is how many of the report's awards they are; null and `suppressed: true` when they went to fewer than k organisations (or the whole report is suppressed)",
      }),
    nonCash: z
      .object({
        awards: z.number().int().nullable(),
        organisations: z.number().int().nullable(),
        byKind: z.record(z.enum(OFFER_KINDS), z.number().int().nullable()).nullable(),
        suppressed: z.boolean(),
      })
      .openapi({
        description:
          "Non-cash offers (training seats, mentoring hours, travel, in-kind help, legal aid) awarded, counted apart: they are in none of the money figures, shares, success rates or adverse-impact ratios. null and `suppressed: true` when they went to fewer than k organisations; in `byKind` a kind that went to fewer than k is null",
      }),
    corePledges: z.object({
      amount: z.number().int().nullable(),
      payments: z.number().int().nullable(),
      recipients: z.number().int().nullable(),
      suppressed: z.boolean(),
    }),
    metrics: z.object({
      globalSouthShare: Share,
      informalShare: Share,
      smallOrgShare: Share,
      womenLedShare: Share,
      youthLedShare: Share,
      coreShare: Share,
      gini: z.number().nullable(),
      hhi: z.number().nullable(),
      top10Share: Share,
    }),
    lorenz: z.array(z.tuple([z.number(), z.number()])),
    groups: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        awards: z.number().int().nullable(),
        recipients: z.number().int().nullable(),
        amount: z.number().int().nullable(),
        share: Share,
        applications: z.number().int().nullable(),
        successRate: Share,
        adverseImpactRatio: z.number().nullable(),
        flagged: z.boolean().nullable().openapi({ description: "adverse impact ratio below 0.8" }),
        corePledgeAmount: z.number().int().nullable(),
        ...AfterAward,
        suppressed: z.boolean(),
      }),
    ),
    groupsOverlap: z
      .boolean()
      .openapi({ description: "true for led-by and theme: an organisation can be in several groups" }),
  })
  .openapi("EquityReport");
export type EquityReportView = z.infer<typeof EquityReport>;

export const ExportQuery = Filters.extend({
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
  cursor: z.string().max(200).optional(),
}).openapi("ExportQuery");

export const FxRate = z
  .object({
    currency: CurrencyCode,
    asOf: Day,
    usdPerUnit: z.number().positive().max(1e6),
    source: z.string().trim().min(1).max(200),
  })
  .openapi("FxRate");
