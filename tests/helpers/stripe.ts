// Stripe for tests: the Worker with Stripe keys pointing at the local stub, signed webhook deliveries,
// and the events Stripe would send, shaped as the current API version shapes them.
import Stripe from "stripe";
import { inject } from "vitest";
import { env } from "cloudflare:workers";
import { Client, workerWith } from "./client";

export const STRIPE_API_BASE = inject("stripeApiBase");
export const WEBHOOK_SECRET = (env as unknown as { STRIPE_WEBHOOK_SECRET: string }).STRIPE_WEBHOOK_SECRET;
export const stripeWorker = workerWith({ STRIPE_SECRET_KEY: "sk_test_sanad_stub", STRIPE_API_BASE });

/** Requests the stub received whose recorded form contains `text` (e.g. a pledge id). */
export const stubRequests = async (contains: string) =>
  (await (await fetch(`${STRIPE_API_BASE}/__requests?contains=${encodeURIComponent(contains)}`)).json()) as {
    method: string;
    path: string;
    params: Record<string, string>;
    idempotencyKey: string | null;
  }[];

export const stubInvoicePayment = (payment_intent: string, invoice: string) =>
  fetch(`${STRIPE_API_BASE}/__invoice_payments`, {
    method: "POST",
    body: JSON.stringify({ payment_intent, invoice }),
  });

let n = 0;
const uid = (prefix: string) => `${prefix}_${Date.now().toString(36)}${(++n).toString(36)}`;
const now = () => Math.floor(Date.now() / 1000);

export const event = (type: string, object: Record<string, unknown>, id = uid("evt")) => ({
  id,
  object: "event",
  api_version: "2026-10-28.endive",
  created: now(),
  livemode: false,
  pending_webhooks: 1,
  request: { id: null, idempotency_key: null },
  type,
  data: { object },
});
export type StripeEventLike = ReturnType<typeof event>;

/** Posts an event as Stripe does: raw JSON body with a Stripe-Signature header over it. */
export const deliver = async (
  e: StripeEventLike,
  opts: { secret?: string; timestamp?: number; tamper?: boolean; client?: Client } = {},
) => {
  const payload = JSON.stringify(e);
  const header = await Stripe.webhooks.generateTestHeaderStringAsync({
    payload,
    secret: opts.secret ?? WEBHOOK_SECRET,
    timestamp: opts.timestamp,
  });
  const body = opts.tamper
    ? payload
        .replace(/"amount_paid":\d+/, '"amount_paid":1')
        .replace(/"amount_total":\d+/, '"amount_total":1')
    : payload;
  return (opts.client ?? new Client(stripeWorker)).json("POST", "/api/v1/webhooks/stripe", body, {
    "Content-Type": "application/json; charset=utf-8",
    "Stripe-Signature": header,
  });
};

export const ids = {
  sub: () => uid("sub"),
  invoice: () => uid("in"),
  pi: () => uid("pi"),
  charge: () => uid("ch"),
  session: () => uid("cs_test"),
};

export const checkoutCompleted = (p: {
  pledgeId: string;
  mode: "payment" | "subscription";
  amountTotal: number;
  currency: string;
  paymentIntent?: string;
  subscription?: string;
  customer?: string;
}) =>
  event("checkout.session.completed", {
    id: ids.session(),
    object: "checkout.session",
    mode: p.mode,
    client_reference_id: p.pledgeId,
    metadata: { pledge_id: p.pledgeId },
    payment_status: "paid",
    status: "complete",
    amount_total: p.amountTotal,
    currency: p.currency,
    payment_intent: p.mode === "payment" ? (p.paymentIntent ?? ids.pi()) : null,
    subscription: p.subscription ?? null,
    customer: p.customer ?? "cus_test",
  });

/** An invoice as API versions since 2025-03-31 shape it (subscription under `parent`). */
export const invoiceEvent = (
  type: "invoice.paid" | "invoice.payment_failed",
  p: { pledgeId?: string; subscription: string; invoice?: string; amount: number; currency: string },
) =>
  event(type, {
    id: p.invoice ?? ids.invoice(),
    object: "invoice",
    amount_paid: type === "invoice.paid" ? p.amount : 0,
    amount_due: p.amount,
    currency: p.currency,
    status: type === "invoice.paid" ? "paid" : "open",
    status_transitions: { paid_at: type === "invoice.paid" ? now() : null },
    parent: {
      type: "subscription_details",
      quote_details: null,
      subscription_details: {
        subscription: p.subscription,
        metadata: p.pledgeId ? { pledge_id: p.pledgeId } : {},
      },
    },
    metadata: {},
  });

export const subscriptionDeleted = (p: { subscription: string; pledgeId?: string }) =>
  event("customer.subscription.deleted", {
    id: p.subscription,
    object: "subscription",
    status: "canceled",
    ended_at: now(),
    metadata: p.pledgeId ? { pledge_id: p.pledgeId } : {},
  });

export const chargeRefunded = (p: {
  charge?: string;
  paymentIntent: string;
  amountRefunded: number;
  currency: string;
  amount: number;
}) =>
  event("charge.refunded", {
    id: p.charge ?? ids.charge(),
    object: "charge",
    amount: p.amount,
    amount_refunded: p.amountRefunded,
    currency: p.currency,
    payment_intent: p.paymentIntent,
    refunded: p.amountRefunded >= p.amount,
    metadata: {},
  });
