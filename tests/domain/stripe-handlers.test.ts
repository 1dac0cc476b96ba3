import { describe, expect, test } from "vitest";
import type Stripe from "stripe";
import { STRIPE_EVENT_HANDLERS, handlerFor, factOf } from "../../worker/payments/stripe/events";

const ev = (type: string, object: Record<string, unknown>) =>
  ({ id: "evt_1", type, created: 1_790_000_000, data: { object } }) as unknown as Stripe.Event;

const session = {
  id: "cs_1",
  mode: "subscription",
  payment_status: "paid",
  client_reference_id: "p1",
  subscription: "sub_1",
  customer: "cus_1",
  amount_total: 1000,
  currency: "usd",
};
const invoice = (amountPaid: number) => ({
  id: "in_1",
  amount_paid: amountPaid,
  currency: "usd",
  parent: { subscription_details: { subscription: "sub_1", metadata: { pledge_id: "p1" } } },
});

// Every event type the webhook recorded when one switch read them all (before this map of handlers),
// with the fact each became and a minimal object of its kind.
const HANDLED: [type: string, kind: string, object: Record<string, unknown>][] = [
  ["checkout.session.completed", "checkout_completed", session],
  ["checkout.session.async_payment_succeeded", "checkout_completed", session],
  ["checkout.session.expired", "checkout_expired", { id: "cs_1", client_reference_id: "p1" }],
  ["invoice.paid", "invoice_paid", invoice(1000)],
  ["invoice.payment_failed", "invoice_failed", invoice(0)],
  ["customer.subscription.deleted", "subscription_ended", { id: "sub_1", metadata: { pledge_id: "p1" } }],
  [
    "charge.refunded",
    "charge_refunded",
    { id: "ch_1", amount_refunded: 500, currency: "usd", payment_intent: "pi_1", metadata: {} },
  ],
];

describe("Stripe event types → handlers", () => {
  test("exactly the event types the webhook handled have a handler", () => {
    expect(Object.keys(STRIPE_EVENT_HANDLERS).sort()).toEqual(HANDLED.map(([type]) => type).sort());
  });

  test.each(HANDLED)("%s → its handler states a %s fact", (type, kind, object) => {
    const handler = handlerFor(type);
    expect(handler).toBeDefined();
    expect(handler!.fact(ev(type, object))).toMatchObject({ kind });
    expect(factOf(ev(type, object))).toMatchObject({ kind });
  });

  test("a completed Checkout and a delayed payment that succeeded are one handler", () => {
    expect(handlerFor("checkout.session.async_payment_succeeded")).toBe(
      handlerFor("checkout.session.completed"),
    );
  });

  test("other types, and names Object.prototype has, find no handler and are ignored", () => {
    for (const type of [
      "customer.created",
      "invoice.payment_succeeded",
      "constructor",
      "toString",
      "__proto__",
    ]) {
      expect(handlerFor(type)).toBeUndefined();
      expect(factOf(ev(type, { id: "x" }))).toEqual({ kind: "ignored" });
    }
  });

  test("a handled type can still state nothing: an invoice of 0 pays no installment", () => {
    expect(handlerFor("invoice.paid")!.fact(ev("invoice.paid", invoice(0)))).toBeNull();
    expect(factOf(ev("invoice.paid", invoice(0)))).toEqual({ kind: "ignored" });
  });

  test("only a refund looks further for its pledge, and only a refund asks Stripe to retry until it is found", () => {
    const searching = HANDLED.filter(([type]) => handlerFor(type)!.locate).map(([type]) => type);
    const retrying = HANDLED.filter(([type]) => handlerFor(type)!.retryUntilMatched).map(([type]) => type);
    expect(searching).toEqual(["charge.refunded"]);
    expect(retrying).toEqual(["charge.refunded"]);
  });
});
