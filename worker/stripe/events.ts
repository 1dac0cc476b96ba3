// Stripe events → the few facts Sanad records. Pure: no lookups, no I/O. Amounts are converted from
// Stripe's units to ISO minor units here, once.
import type Stripe from "stripe";
import { fromStripeAmount } from "../domain/stripe-amounts";
import type { Money } from "../domain/money";
import type { StripeCharge } from "./charge-check";

const iso = (unixSeconds: number | null | undefined, fallback: number) =>
  new Date((unixSeconds ?? fallback) * 1000).toISOString();
const idOf = (x: string | { id: string } | null | undefined) => (typeof x === "string" ? x : (x?.id ?? null));

export type StripeFact =
  | {
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
    }
  | { kind: "checkout_expired"; pledgeId: string | null; sessionId: string; at: string }
  | {
      kind: "invoice_paid";
      pledgeId: string | null;
      subscriptionId: string | null;
      invoiceId: string;
      amount: Money;
      charged: StripeCharge;
      at: string;
    }
  | {
      kind: "invoice_failed";
      pledgeId: string | null;
      subscriptionId: string | null;
      invoiceId: string;
      at: string;
    }
  | { kind: "subscription_ended"; pledgeId: string | null; subscriptionId: string; at: string }
  | {
      kind: "charge_refunded";
      pledgeId: string | null;
      chargeId: string;
      paymentIntentId: string | null;
      refundedTotal: Money;
      at: string;
    }
  | { kind: "ignored" };

/** Invoices name their subscription (and its metadata) under `parent` since API 2025-03-31, at the top level before. */
const invoiceSubscription = (inv: Stripe.Invoice) => {
  const legacy = inv as unknown as {
    subscription?: string | { id: string } | null;
    subscription_details?: { metadata?: Record<string, string> | null } | null;
  };
  const details = inv.parent?.subscription_details;
  return {
    subscriptionId:
      idOf(details?.subscription as string | { id: string } | undefined) ?? idOf(legacy.subscription),
    pledgeId:
      details?.metadata?.pledge_id ??
      legacy.subscription_details?.metadata?.pledge_id ??
      inv.metadata?.pledge_id ??
      null,
  };
};

export const factOf = (event: Stripe.Event): StripeFact => {
  const created = event.created;
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded": {
      const s = event.data.object;
      const pledgeId = s.client_reference_id ?? s.metadata?.pledge_id ?? null;
      const paidOnce =
        s.mode === "payment" &&
        s.payment_status === "paid" &&
        idOf(s.payment_intent) &&
        s.amount_total !== null &&
        s.currency;
      return {
        kind: "checkout_completed",
        pledgeId,
        sessionId: s.id,
        subscriptionId: idOf(s.subscription),
        customerId: idOf(s.customer),
        at: iso(null, created),
        payment: paidOnce
          ? {
              paymentIntentId: idOf(s.payment_intent)!,
              amount: fromStripeAmount(s.amount_total!, s.currency!),
            }
          : null,
        charged:
          s.amount_total !== null && s.currency ? { amount: s.amount_total, currency: s.currency } : null,
      };
    }
    case "checkout.session.expired": {
      const s = event.data.object;
      return {
        kind: "checkout_expired",
        pledgeId: s.client_reference_id ?? s.metadata?.pledge_id ?? null,
        sessionId: s.id,
        at: iso(null, created),
      };
    }
    case "invoice.paid": {
      const inv = event.data.object;
      if (!inv.amount_paid) return { kind: "ignored" };
      return {
        kind: "invoice_paid",
        ...invoiceSubscription(inv),
        invoiceId: inv.id!,
        amount: fromStripeAmount(inv.amount_paid, inv.currency),
        charged: { amount: inv.amount_paid, currency: inv.currency },
        at: iso(inv.status_transitions?.paid_at, created),
      };
    }
    case "invoice.payment_failed": {
      const inv = event.data.object;
      return {
        kind: "invoice_failed",
        ...invoiceSubscription(inv),
        invoiceId: inv.id!,
        at: iso(null, created),
      };
    }
    case "customer.subscription.deleted": {
      const sub = event.data.object;
      return {
        kind: "subscription_ended",
        pledgeId: sub.metadata?.pledge_id ?? null,
        subscriptionId: sub.id,
        at: iso(sub.ended_at, created),
      };
    }
    case "charge.refunded": {
      const ch = event.data.object;
      return {
        kind: "charge_refunded",
        pledgeId: ch.metadata?.pledge_id ?? null,
        chargeId: ch.id,
        paymentIntentId: idOf(ch.payment_intent),
        refundedTotal: fromStripeAmount(ch.amount_refunded, ch.currency),
        at: iso(null, created),
      };
    }
    default:
      return { kind: "ignored" };
  }
};
