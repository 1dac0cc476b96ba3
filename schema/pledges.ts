// Core-funding pledges, the money that moved for them, and the provider events already processed.
import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./columns";
import { orgs } from "./orgs";
import { users } from "./accounts";
import { PLEDGE_INTERVALS, PLEDGE_STATUSES, PAYMENT_PROVIDERS, PAYMENT_KINDS } from "./enums";

/**
 * A promise of unrestricted support. `status` is derived from the facts beside it (checkout completed,
 * payments made, ended, cancelled) by one SQL expression every time a fact changes, so provider events
 * arriving twice or out of order leave the same status (see worker/domain/pledges.ts).
 */
export const pledges = sqliteTable(
  "pledges",
  {
    id: text("id").primaryKey(),
    recipientOrgId: text("recipient_org_id")
      .notNull()
      .references(() => orgs.id),
    /** The funder organisation pledging, or NULL when a person gives as themselves. */
    funderOrgId: text("funder_org_id").references(() => orgs.id),
    pledgerUserId: text("pledger_user_id")
      .notNull()
      .references(() => users.id),
    /** Hidden from the public ledger (the recipient's members and admins still see who gave). */
    anonymous: integer("anonymous", { mode: "boolean" }).notNull().default(false),
    /** Per installment, in the currency's ISO minor unit. */
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    /** US cents per installment at the pledge date's rate; NULL when the FX table has no rate. */
    amountUsd: integer("amount_usd"),
    interval: text("interval", { enum: PLEDGE_INTERVALS }).notNull(),
    /** Number of installments for recurring pledges; NULL = until cancelled (always 1 for once). */
    installments: integer("installments"),
    provider: text("provider", { enum: PAYMENT_PROVIDERS }).notNull(),
    status: text("status", { enum: PLEDGE_STATUSES }).notNull().default("pending"),
    /** Bank-transfer reference the pledger quotes (manual provider); unique so an admin can find the pledge. */
    reference: text("reference").notNull().unique(),
    stripeCheckoutSessionId: text("stripe_checkout_session_id"),
    stripeSubscriptionId: text("stripe_subscription_id"),
    stripeCustomerId: text("stripe_customer_id"),
    // Facts the status is derived from.
    checkoutCompletedAt: text("checkout_completed_at"),
    /** The provider ended it (subscription deleted, checkout expired). */
    endedAt: text("ended_at"),
    /** The pledger cancelled it. */
    cancelledAt: text("cancelled_at"),
    failedPayments: integer("failed_payments").notNull().default(0),
    lastFailureAt: text("last_failure_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("pledges_recipient_idx").on(t.recipientOrgId),
    index("pledges_pledger_idx").on(t.pledgerUserId),
    index("pledges_funder_idx").on(t.funderOrgId),
    index("pledges_subscription_idx").on(t.stripeSubscriptionId),
  ],
);

/**
 * Money in (payment, positive) and back out (refund, negative) for a pledge. Rows are never updated or
 * deleted. `externalId` makes each provider fact count once: a Stripe invoice or payment intent for a
 * payment, charge + cumulative refunded amount for a refund, the bank reference for a manual payment.
 */
export const payments = sqliteTable(
  "payments",
  {
    id: text("id").primaryKey(),
    pledgeId: text("pledge_id")
      .notNull()
      .references(() => pledges.id),
    recipientOrgId: text("recipient_org_id")
      .notNull()
      .references(() => orgs.id),
    kind: text("kind", { enum: PAYMENT_KINDS }).notNull(),
    /** Signed: refunds are negative. ISO minor units. */
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    /** Signed US cents at the entry date's rate; NULL when the FX table has no rate. */
    amountUsd: integer("amount_usd"),
    at: text("at").notNull(),
    provider: text("provider", { enum: PAYMENT_PROVIDERS }).notNull(),
    externalId: text("external_id").notNull(),
    /** Stripe charge/payment intent, so a refund can find the payment it reverses. */
    stripePaymentIntentId: text("stripe_payment_intent_id"),
    stripeChargeId: text("stripe_charge_id"),
    /** Bank reference or Stripe object id as shown to people. */
    reference: text("reference"),
    /** The admin who confirmed a manual payment. */
    confirmedBy: text("confirmed_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("payments_provider_external_idx").on(t.provider, t.externalId),
    index("payments_pledge_idx").on(t.pledgeId),
    index("payments_recipient_idx").on(t.recipientOrgId, t.at),
    index("payments_intent_idx").on(t.stripePaymentIntentId),
  ],
);

/** Stripe event ids already processed: each event changes the ledger at most once. */
export const stripeEvents = sqliteTable("stripe_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  /** Random token of the delivery that recorded it, so effects in the same batch follow only that delivery. */
  token: text("token").notNull(),
  pledgeId: text("pledge_id"),
  receivedAt: text("received_at").notNull(),
});
