// Request and response shapes for the money after an award: the plan (tranches), disbursements (from an
// award or from pooled pledge money) and the receipts the receiving group confirms.
import { z } from "@hono/zod-openapi";
import { FUNDING_TYPES, PAYOUT_RAILS } from "../enums";
import { Money, Id, IsoTime } from "./common";
import { Report, ReportDue } from "./award-reports";
import { Offer } from "./calls";

/** A calendar day; checked as a real date (2026-02-30 is refused). */
export const Day = z.iso
  .date({ error: "err.date" })
  .openapi({ format: "date", example: "2026-11-30", description: "YYYY-MM-DD" });

const UsdCents = z.number().int().openapi({ description: "US cents" });

export const TranchePlanBody = z
  .object({
    tranches: z
      .array(
        z
          .object({
            dueOn: Day,
            amount: Money,
            /** Paid only once the group has reported on what came before. */
            afterReport: z.boolean().optional(),
          })
          .strict(),
      )
      .max(100)
      .openapi({ description: "1 to 20 tranches in the award's currency, adding up to the award" }),
  })
  .strict()
  .openapi("TranchePlan");

const sent = {
  amount: Money.openapi({ description: "In the award's (or pledge's) currency" }),
  sentOn: Day.openapi({ description: "The day it was sent; not in the future" }),
  rail: z.enum(PAYOUT_RAILS),
  via: z.string().trim().max(140).optional().openapi({
    description: "The mobile-money operator (required for mobile_money) or the fiscal host (fiscal_host)",
  }),
  reference: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .openapi({ description: "The rail's proof of payment, checked for its shape" }),
};

export const DisbursementCreate = z
  .object({ ...sent, trancheId: Id.optional().openapi({ description: "The tranche this pays" }) })
  .strict()
  .openapi("DisbursementCreate");

export const PledgeDisbursementCreate = z.object(sent).strict().openapi("PledgeDisbursementCreate");

export const ReceiptCreate = z
  .object({
    received: Money.openapi({ description: "What arrived, in the currency it arrived in" }),
    receivedOn: Day.openapi({ description: "Not before it was sent, not in the future" }),
    note: z.string().trim().max(1000).optional(),
  })
  .strict()
  .openapi("ReceiptCreate");

export const Receipt = z
  .object({
    amount: Money,
    amountUsd: UsdCents.nullable().openapi({ description: "At the rate of `receivedOn`" }),
    receivedOn: Day,
    note: z.string().nullable(),
    lossUsd: UsdCents.nullable().openapi({
      description:
        "Lost on the way (fees and exchange): sent at `sentOn`'s rate minus received at `receivedOn`'s, in US cents",
    }),
    lossShare: z.number().nullable().openapi({ description: "lossUsd ÷ the US-dollar value sent" }),
    confirmedAt: IsoTime,
  })
  .openapi("Receipt");

export const Disbursement = z
  .object({
    id: z.string(),
    awardId: z.string().nullable(),
    pledgeId: z.string().nullable(),
    trancheId: z.string().nullable(),
    orgId: z.string().openapi({ description: "The receiving group" }),
    amount: Money,
    amountUsd: UsdCents.nullable().openapi({ description: "Fixed at the rate of `sentOn`" }),
    sentOn: Day,
    rail: z.enum(PAYOUT_RAILS),
    via: z.string().nullable(),
    reference: z.string(),
    receipt: Receipt.nullable(),
    unconfirmed: z
      .boolean()
      .openapi({ description: "No receipt confirmed more than 30 days after it was sent" }),
    createdAt: IsoTime,
  })
  .openapi("Disbursement");
export type DisbursementView = z.infer<typeof Disbursement>;

export const Tranche = z
  .object({
    id: z.string(),
    dueOn: Day,
    amount: Money,
    afterReport: z.boolean(),
    disbursed: Money.openapi({ description: "Sent by disbursements that name this tranche" }),
    overdue: z
      .boolean()
      .openapi({ description: "Due date passed and the disbursements naming it add up to less" }),
  })
  .openapi("Tranche");

export const Award = z
  .object({
    id: z.string(),
    applicationId: z.string(),
    callId: z.string(),
    orgId: z.string(),
    funderOrgId: z.string(),
    amount: Money.openapi({
      description:
        'For non_cash awards: the quantity granted in currency "XXX" (ISO 4217: no currency involved), worth 0 in every money figure; `offer` says what it is',
    }),
    awardedAt: Day,
    fundingType: z.enum(FUNDING_TYPES),
    offer: Offer.nullable().openapi({
      description: "What a non_cash award gives and how many; null for money",
    }),
    durationMonths: z.number().int(),
    tranches: z.array(Tranche),
    disbursements: z.array(Disbursement),
    disbursed: Money.openapi({ description: "Sent so far, in the award's currency" }),
    received: Money.openapi({
      description:
        "Confirmed as arrived, in US dollars (cents) at each receipt's date: receipts come in any currency",
    }),
    lost: Money.openapi({ description: "Lost on the way over the confirmed disbursements, in US dollars" }),
    usdComplete: z
      .boolean()
      .openapi({ description: "false when a receipt has no US-dollar value (no rate for its currency)" }),
    reports: z.array(Report).openapi({
      description: "Light reports written for the award or shared with it (drafts to the group only)",
    }),
    reportsDue: z.array(ReportDue).openapi({
      description:
        "When reports are due: before each tranche paid after a report (its due date) and at the award's end; the n-th is done once n reports were sent",
    }),
  })
  .openapi("Award");
export type AwardView = z.infer<typeof Award>;
