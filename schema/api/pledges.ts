// Request and response shapes for pledges, payments and an organisation's ledger.
import { z } from "@hono/zod-openapi";
import { PLEDGE_INTERVALS, PLEDGE_STATUSES, PAYMENT_PROVIDERS } from "../enums";
import { MAX_INSTALLMENTS } from "../limits";
import { Money, IsoTime, Id } from "./common";

export const PledgeCreate = z
  .object({
    recipientOrgId: Id,
    /** Pledge on behalf of this funder organisation (you must be a member); omitted = as yourself. */
    funderOrgId: Id.optional(),
    amount: Money,
    interval: z.enum(PLEDGE_INTERVALS),
    /** Recurring only; omitted = until cancelled. */
    installments: z.number().int().min(1).max(MAX_INSTALLMENTS).optional(),
    /** Hide the pledger's name from the public ledger. */
    anonymous: z.boolean().optional(),
  })
  .strict()
  .openapi("PledgeCreate");

export const Pledge = z
  .object({
    id: z.string(),
    status: z.enum(PLEDGE_STATUSES),
    provider: z.enum(PAYMENT_PROVIDERS),
    recipientOrgId: z.string(),
    funderOrgId: z.string().nullable(),
    anonymous: z.boolean(),
    amount: Money,
    interval: z.enum(PLEDGE_INTERVALS),
    installments: z.number().int().nullable(),
    reference: z.string(),
    paymentsCount: z.number().int(),
    paid: Money,
    refunded: Money,
    failedPayments: z.number().int(),
    endedAt: IsoTime.nullable().openapi({
      description: "when the provider ended it (subscription deleted, checkout expired)",
    }),
    cancelledAt: IsoTime.nullable().openapi({ description: "when the pledger cancelled it" }),
    createdAt: IsoTime,
  })
  .openapi("Pledge");
export type PledgeView = z.infer<typeof Pledge>;

export const BankInstructions = z
  .object({ payTo: z.string(), reference: z.string(), amount: Money })
  .openapi("BankInstructions", { description: "Where to send a bank transfer and the reference to quote" });

export const PledgeCreated = z
  .object({
    pledge: Pledge,
    checkoutUrl: z.string().url().optional(),
    instructions: BankInstructions.optional(),
  })
  .openapi("PledgeCreated");

export const PaymentConfirm = z
  .object({
    amount: Money,
    receivedAt: z
      .string()
      .datetime({ offset: true, error: "err.datetime" })
      .or(z.string().date({ error: "err.datetime" })),
    reference: z.string().trim().min(1).max(100),
  })
  .strict()
  .openapi("PaymentConfirm");

export const Payment = z
  .object({
    id: z.string(),
    pledgeId: z.string(),
    kind: z.enum(["payment", "refund"]),
    amount: Money,
    at: IsoTime,
    provider: z.enum(PAYMENT_PROVIDERS),
    reference: z.string().nullable(),
  })
  .openapi("Payment");

const Totals = z.object({ pledged: z.number().int(), paid: z.number().int(), refunded: z.number().int() });

export const Ledger = z
  .object({
    orgId: z.string(),
    totals: z.array(Totals.extend({ currency: z.string() })),
    totalsUsd: Totals.extend({
      complete: z
        .boolean()
        .openapi({ description: "false when an entry's currency has no rate in the FX table" }),
    }),
    moneyOut: z
      .object({
        totals: z.array(
          z.object({ currency: z.string(), disbursed: z.number().int(), received: z.number().int() }),
        ),
        usd: z.object({ disbursed: z.number().int(), received: z.number().int(), complete: z.boolean() }),
      })
      .openapi({
        description:
          "Money sent to the organisation (awards and pooled pledge money) and what it confirmed receiving, per currency (a receipt in the currency it arrived in) and in US cents, each at its own date's rate",
      }),
    entries: z.array(
      z.object({
        at: IsoTime,
        kind: z.enum(["pledge", "payment", "refund", "disbursement", "receipt"]),
        amount: Money,
        pledgeId: z
          .string()
          .nullable()
          .openapi({ description: "The pledge; null for money sent for an award (see awardId)" }),
        awardId: z
          .string()
          .nullable()
          .optional()
          .openapi({ description: "Disbursements and receipts of an award" }),
        funder: z.string().nullable().openapi({
          description:
            "null when the pledge is anonymous, or the award's funder is not visible to the caller",
        }),
        interval: z.enum(PLEDGE_INTERVALS).optional(),
        installments: z.number().int().nullable().optional(),
        status: z.enum(PLEDGE_STATUSES).optional(),
      }),
    ),
  })
  .openapi("Ledger");
