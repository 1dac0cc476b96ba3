// The few facts Sanad records from Stripe events, in Sanad's terms: amounts already in ISO minor units,
// times as ISO strings, and the pledge named when the event names one.
import type { Money } from "../../domain/money";
import type { StripeCharge } from "./charge-check";

export type CheckoutCompleted = {
  kind: "checkout_completed";
  pledgeId: string | null;
  sessionId: string;
  subscriptionId: string | null;
  customerId: string | null;
  at: string;
  /** Present for a paid one-off payment (mode "payment"); subscriptions are paid through invoices. */
  payment: { paymentIntentId: string; amount: Money } | null;
  /** The session's total as Stripe reports it (its units), to be checked against the pledge. */
  charged: StripeCharge | null;
};

export type CheckoutExpired = {
  kind: "checkout_expired";
  pledgeId: string | null;
  sessionId: string;
  at: string;
};

export type InvoicePaid = {
  kind: "invoice_paid";
  pledgeId: string | null;
  subscriptionId: string | null;
  invoiceId: string;
  amount: Money;
  charged: StripeCharge;
  at: string;
};

export type InvoiceFailed = {
  kind: "invoice_failed";
  pledgeId: string | null;
  subscriptionId: string | null;
  invoiceId: string;
  at: string;
};

export type SubscriptionEnded = {
  kind: "subscription_ended";
  pledgeId: string | null;
  subscriptionId: string;
  at: string;
};

export type ChargeRefunded = {
  kind: "charge_refunded";
  pledgeId: string | null;
  chargeId: string;
  paymentIntentId: string | null;
  refundedTotal: Money;
  at: string;
};

/** A fact about a pledge (which one may still have to be looked up). */
export type PledgeFact =
  | CheckoutCompleted
  | CheckoutExpired
  | InvoicePaid
  | InvoiceFailed
  | SubscriptionEnded
  | ChargeRefunded;

/** What an event states: a fact, or nothing Sanad records (other products, an invoice of 0). */
export type StripeFact = PledgeFact | { kind: "ignored" };
