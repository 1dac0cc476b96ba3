import { describe, expect, test } from "vitest";
import type Stripe from "stripe";
import {
  pledgeStatus,
  pledgeProblems,
  bankReference,
  isLastInstallment,
  type PledgeFacts,
} from "../../worker/domain/pledges";
import { checkoutSessionParams } from "../../worker/payments/stripe/checkout";
import { factOf } from "../../worker/payments/stripe/events";
import { fxTable } from "../../worker/domain/fx";

const fx = fxTable([
  { currency: "XOF", asOf: "2025-06-30", usdPerUnit: 0.0017 },
  { currency: "KWD", asOf: "2025-06-30", usdPerUnit: 3.26 },
  { currency: "UGX", asOf: "2025-06-30", usdPerUnit: 0.00027 },
]);
const facts = (f: Partial<PledgeFacts>): PledgeFacts => ({
  interval: "month",
  installments: 3,
  paidCount: 0,
  checkoutCompleted: false,
  ended: false,
  cancelled: false,
  ...f,
});

describe("pledge status follows from facts, whatever their order", () => {
  test.each([
    [{}, "pending"],
    [{ checkoutCompleted: true }, "active"],
    [{ paidCount: 1 }, "active"],
    [{ paidCount: 3 }, "completed"],
    [{ paidCount: 3, ended: true }, "completed"],
    [{ paidCount: 3, cancelled: true }, "completed"],
    [{ paidCount: 2, ended: true }, "cancelled"],
    [{ paidCount: 2, cancelled: true }, "cancelled"],
    [{ ended: true }, "failed"],
    [{ cancelled: true }, "cancelled"],
    [{ interval: "once" as const, installments: 1, paidCount: 1 }, "completed"],
    [{ installments: null, paidCount: 40 }, "active"],
    [{ installments: null, paidCount: 40, ended: true }, "cancelled"],
  ])("%j → %s", (f, status) => expect(pledgeStatus(facts(f))).toBe(status));

  test("the last installment is the one that reaches the count; open-ended pledges have none", () => {
    expect(isLastInstallment({ interval: "month", installments: 3 }, 2)).toBe(false);
    expect(isLastInstallment({ interval: "month", installments: 3 }, 3)).toBe(true);
    expect(isLastInstallment({ interval: "year", installments: null }, 99)).toBe(false);
    expect(isLastInstallment({ interval: "once", installments: 1 }, 1)).toBe(false);
  });
});

describe("pledge problems are found before any call to Stripe", () => {
  const d = "2026-11-23";
  test("Stripe minimums: published (USD 0.50) and by rate (XOF ≈ 0.50 USD)", () => {
    expect(
      pledgeProblems({ amount: { amount: 49, currency: "USD" }, interval: "once" }, "stripe", fx, d),
    ).toEqual([{ path: "amount.amount", key: "err.stripe_minimum" }]);
    expect(
      pledgeProblems({ amount: { amount: 50, currency: "USD" }, interval: "once" }, "stripe", fx, d),
    ).toEqual([]);
    expect(
      pledgeProblems({ amount: { amount: 200, currency: "XOF" }, interval: "month" }, "stripe", fx, d),
    ).toEqual([{ path: "amount.amount", key: "err.stripe_minimum" }]);
    expect(
      pledgeProblems({ amount: { amount: 5000, currency: "XOF" }, interval: "month" }, "stripe", fx, d),
    ).toEqual([]);
    // Bank transfers have no card minimum.
    expect(
      pledgeProblems({ amount: { amount: 200, currency: "XOF" }, interval: "month" }, "manual", fx, d),
    ).toEqual([]);
  });
  test("three-decimal currencies must end in 0 for Stripe; zero amounts and once-with-installments are refused", () => {
    expect(
      pledgeProblems({ amount: { amount: 12_345, currency: "KWD" }, interval: "once" }, "stripe", fx, d),
    ).toEqual([{ path: "amount.amount", key: "err.three_decimal" }]);
    expect(
      pledgeProblems({ amount: { amount: 12_340, currency: "KWD" }, interval: "once" }, "stripe", fx, d),
    ).toEqual([]);
    expect(
      pledgeProblems({ amount: { amount: 0, currency: "USD" }, interval: "once" }, "manual", fx, d),
    ).toEqual([{ path: "amount.amount", key: "err.amount_positive" }]);
    expect(
      pledgeProblems(
        { amount: { amount: 1000, currency: "USD" }, interval: "once", installments: 12 },
        "manual",
        fx,
        d,
      ),
    ).toEqual([{ path: "installments", key: "err.installments_once" }]);
  });
  test("bank references are short and unambiguous", () => {
    const ref = bankReference(new Uint8Array([0, 1, 31, 32, 255, 8, 14, 24]));
    expect(ref).toMatch(/^SND-[A-HJ-NP-Z2-9]{8}$/);
    expect(ref).toBe("SND-AB9A9JQ2");
  });
});

describe("Checkout Session parameters", () => {
  const base = {
    pledgeId: "p1",
    productName: "Core support for Tadamon",
    email: "f@example.org",
    locale: "fr" as const,
    origin: "https://sanad.example",
    installments: null,
  };
  test("once → payment mode, donate button, pledge id in client_reference_id and metadata, back to the pledge page", () => {
    const p = checkoutSessionParams({
      ...base,
      amount: { amount: 2500, currency: "USD" },
      interval: "once",
      installments: 1,
    });
    expect(p).toMatchObject({
      mode: "payment",
      submit_type: "donate",
      client_reference_id: "p1",
      metadata: { pledge_id: "p1" },
      payment_intent_data: { metadata: { pledge_id: "p1" } },
      locale: "fr",
      customer_email: "f@example.org",
      success_url: "https://sanad.example/pledges/p1?checkout=success",
      cancel_url: "https://sanad.example/pledges/p1?checkout=cancelled",
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: "usd",
            unit_amount: 2500,
            product_data: { name: "Core support for Tadamon" },
          },
        },
      ],
    });
    expect(p.subscription_data).toBeUndefined();
    expect(p.line_items![0].price_data!.recurring).toBeUndefined();
  });
  test("monthly and yearly → subscription mode with the interval; installments travel in subscription metadata", () => {
    const m = checkoutSessionParams({
      ...base,
      amount: { amount: 50_000, currency: "XOF" },
      interval: "month",
      installments: 24,
    });
    expect(m).toMatchObject({
      mode: "subscription",
      subscription_data: { metadata: { pledge_id: "p1", installments: "24" } },
      line_items: [
        { price_data: { currency: "xof", unit_amount: 50_000, recurring: { interval: "month" } } },
      ],
    });
    expect(m.submit_type).toBeUndefined();
    const y = checkoutSessionParams({
      ...base,
      locale: "ar",
      amount: { amount: 12_340, currency: "KWD" },
      interval: "year",
      installments: null,
    });
    expect(y).toMatchObject({
      mode: "subscription",
      locale: "auto",
      subscription_data: { metadata: { installments: "until_cancelled" } },
      line_items: [{ price_data: { currency: "kwd", unit_amount: 12_340, recurring: { interval: "year" } } }],
    });
  });
});

describe("Stripe events → facts", () => {
  const ev = (type: string, object: Record<string, unknown>) =>
    ({ id: "evt_1", type, created: 1_790_000_000, data: { object } }) as unknown as Stripe.Event;
  test("invoices name their pledge under parent.subscription_details (current API) and at the top level (older)", () => {
    const current = factOf(
      ev("invoice.paid", {
        id: "in_1",
        amount_paid: 5000,
        currency: "xof",
        status_transitions: { paid_at: 1_790_000_100 },
        parent: { subscription_details: { subscription: "sub_1", metadata: { pledge_id: "p1" } } },
      }),
    );
    expect(current).toEqual({
      kind: "invoice_paid",
      pledgeId: "p1",
      subscriptionId: "sub_1",
      invoiceId: "in_1",
      amount: { amount: 5000, currency: "XOF" },
      charged: { amount: 5000, currency: "xof" },
      at: new Date(1_790_000_100_000).toISOString(),
    });
    const legacy = factOf(
      ev("invoice.paid", {
        id: "in_2",
        amount_paid: 1234,
        currency: "usd",
        subscription: "sub_2",
        subscription_details: { metadata: { pledge_id: "p2" } },
      }),
    );
    expect(legacy).toMatchObject({
      kind: "invoice_paid",
      pledgeId: "p2",
      subscriptionId: "sub_2",
      amount: { amount: 1234, currency: "USD" },
    });
  });
  test("amounts come back to ISO minor units; unpaid checkouts carry no payment; other events are ignored", () => {
    const paid = factOf(
      ev("checkout.session.completed", {
        id: "cs_1",
        mode: "payment",
        payment_status: "paid",
        client_reference_id: "p1",
        payment_intent: "pi_1",
        amount_total: 12_340,
        currency: "kwd",
      }),
    );
    expect(paid).toMatchObject({
      kind: "checkout_completed",
      pledgeId: "p1",
      payment: { paymentIntentId: "pi_1", amount: { amount: 12_340, currency: "KWD" } },
      charged: { amount: 12_340, currency: "kwd" },
    });
    const unpaid = factOf(
      ev("checkout.session.completed", {
        id: "cs_2",
        mode: "payment",
        payment_status: "unpaid",
        client_reference_id: "p1",
        payment_intent: "pi_2",
        amount_total: 100,
        currency: "usd",
      }),
    );
    expect(unpaid).toMatchObject({
      kind: "checkout_completed",
      payment: null,
      charged: { amount: 100, currency: "usd" },
    }); // still checked against the pledge
    expect(
      factOf(
        ev("charge.refunded", {
          id: "ch_1",
          amount_refunded: 300,
          currency: "ugx",
          payment_intent: "pi_1",
          metadata: {},
        }),
      ),
    ).toMatchObject({ kind: "charge_refunded", refundedTotal: { amount: 300, currency: "UGX" } });
    expect(factOf(ev("customer.created", { id: "cus_1" }))).toEqual({ kind: "ignored" });
  });
});
