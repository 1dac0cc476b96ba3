// Reading Stripe objects the same way whichever API version shaped them.
import type Stripe from "stripe";

/** Stripe's Unix seconds as an ISO instant; `fallback` (the event's creation) when the object has none. */
export const iso = (unixSeconds: number | null | undefined, fallback: number) =>
  new Date((unixSeconds ?? fallback) * 1000).toISOString();

/** An expandable field: an id, the expanded object, or nothing. */
export const idOf = (x: string | { id: string } | null | undefined) =>
  typeof x === "string" ? x : (x?.id ?? null);

/** Invoices name their subscription (and its metadata) under `parent` since API 2025-03-31, at the top level before. */
export const invoiceSubscription = (inv: Stripe.Invoice) => {
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

/** A Checkout Session's pledge: Sanad sets both, so either will do. */
export const sessionPledgeId = (s: Stripe.Checkout.Session) =>
  s.client_reference_id ?? s.metadata?.pledge_id ?? null;
