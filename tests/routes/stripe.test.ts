// Pledges through Stripe: the production code path (official SDK, fetch client, SubtleCrypto signatures)
// against the local Stripe stub, with webhook events signed by the webhook secret.
import { env } from "cloudflare:workers";
import { describe, expect, test, vi } from "vitest";
import { Client } from "../helpers/client";
import { orgOwner, csoFields, funderFields, signUp, userWithRole } from "../helpers/world";
import {
  stripeWorker,
  stubRequests,
  stubInvoicePayment,
  deliver,
  checkoutCompleted,
  invoiceEvent,
  subscriptionDeleted,
  chargeRefunded,
  event,
  ids,
} from "../helpers/stripe";

const world = async () => {
  const [cso, funder] = await Promise.all([orgOwner(csoFields), orgOwner(funderFields)]);
  cso.target = stripeWorker;
  funder.target = stripeWorker;
  return { cso, funder };
};
type W = Awaited<ReturnType<typeof world>>;

const pledge = async (w: W, body: Record<string, unknown>) => {
  const res = await w.funder.post("/api/v1/pledges", {
    recipientOrgId: w.cso.org.id,
    funderOrgId: w.funder.org.id,
    ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { pledge: { id: string; reference: string }; checkoutUrl: string };
};

const ledger = async (orgId: string) =>
  (await new Client(stripeWorker).get(`/api/v1/orgs/${orgId}/ledger`)).body;
const paymentRows = (pledgeId: string) =>
  env.DB.prepare(
    "SELECT kind, amount, currency, external_id FROM payments WHERE pledge_id = ? ORDER BY created_at, amount DESC",
  )
    .bind(pledgeId)
    .all()
    .then((r) => r.results);
const view = async (w: W, id: string) => (await w.funder.get(`/api/v1/pledges/${id}`)).body;
const subscriptionOf = (pledgeId: string) =>
  env.DB.prepare("SELECT stripe_subscription_id AS s FROM pledges WHERE id = ?")
    .bind(pledgeId)
    .first<string | null>("s");

describe("Checkout Sessions", () => {
  test("once → payment mode; monthly and yearly → subscription mode; the pledge id rides along; redirect to Stripe", async () => {
    const w = await world();
    const once = await pledge(w, { amount: { amount: 2500, currency: "USD" }, interval: "once" });
    expect(once.checkoutUrl).toMatch(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_/);
    const [req] = await stubRequests(once.pledge.id);
    expect(req).toMatchObject({
      method: "POST",
      path: "/v1/checkout/sessions",
      idempotencyKey: `pledge-checkout-${once.pledge.id}`,
    });
    expect(req.params).toMatchObject({
      mode: "payment",
      submit_type: "donate",
      client_reference_id: once.pledge.id,
      "metadata[pledge_id]": once.pledge.id,
      "payment_intent_data[metadata][pledge_id]": once.pledge.id,
      "line_items[0][price_data][currency]": "usd",
      "line_items[0][price_data][unit_amount]": "2500",
      "line_items[0][quantity]": "1",
      success_url: `http://localhost/pledges/${once.pledge.id}?checkout=success`,
      cancel_url: `http://localhost/pledges/${once.pledge.id}?checkout=cancelled`,
    });
    expect(req.params["line_items[0][price_data][recurring][interval]"]).toBeUndefined();

    const monthly = await pledge(w, {
      amount: { amount: 50_000, currency: "XOF" },
      interval: "month",
      installments: 24,
    });
    const [m] = await stubRequests(monthly.pledge.id);
    expect(m.params).toMatchObject({
      mode: "subscription",
      "line_items[0][price_data][currency]": "xof",
      "line_items[0][price_data][unit_amount]": "50000",
      "line_items[0][price_data][recurring][interval]": "month",
      "subscription_data[metadata][pledge_id]": monthly.pledge.id,
      "subscription_data[metadata][installments]": "24",
    });
    const yearly = await pledge(w, { amount: { amount: 12_340, currency: "KWD" }, interval: "year" });
    const [y] = await stubRequests(yearly.pledge.id);
    expect(y.params).toMatchObject({
      mode: "subscription",
      "line_items[0][price_data][currency]": "kwd",
      "line_items[0][price_data][unit_amount]": "12340",
      "line_items[0][price_data][recurring][interval]": "year",
      "subscription_data[metadata][installments]": "until_cancelled",
    });

    // The HTML form redirects the browser to Checkout.
    const form = await w.funder.form(`/orgs/${w.cso.org.id}/pledge`, {
      funderOrgId: w.funder.org.id,
      amount: "10",
      currency: "EUR",
      interval: "once",
    });
    expect(form.status).toBe(303);
    expect(form.headers.get("location")).toMatch(/^https:\/\/checkout\.stripe\.com\//);
  });

  test("amounts Stripe would refuse are refused before any call to Stripe, naming the amount", async () => {
    const w = await world();
    const before = (await stubRequests("/v1/checkout/sessions")).length;
    for (const amount of [
      { amount: 49, currency: "USD" },
      { amount: 12_345, currency: "KWD" },
      { amount: 100, currency: "XOF" },
    ]) {
      const res = await w.funder.post("/api/v1/pledges", {
        recipientOrgId: w.cso.org.id,
        amount,
        interval: "once",
      });
      expect(res.status).toBe(422);
      expect(res.body.errors[0].path).toBe("amount.amount");
    }
    expect((await stubRequests("/v1/checkout/sessions")).length).toBe(before);
    // Stripe refusing anyway → 422 (not 5xx), and the pledge is marked failed rather than left pending.
    const refused = await w.funder.post("/api/v1/pledges", {
      recipientOrgId: w.cso.org.id,
      amount: { amount: 666, currency: "USD" },
      interval: "once",
    });
    expect(refused.status).toBe(422);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
  });
});

describe("webhooks", () => {
  test("a tampered, stale or wrongly signed event → 400 and nothing recorded", async () => {
    const w = await world();
    const { pledge: p } = await pledge(w, { amount: { amount: 2500, currency: "USD" }, interval: "once" });
    const e = checkoutCompleted({ pledgeId: p.id, mode: "payment", amountTotal: 2500, currency: "usd" });
    for (const opts of [
      { tamper: true },
      { timestamp: Math.floor(Date.now() / 1000) - 301 },
      { secret: "whsec_someone_else" },
    ]) {
      const res = await deliver(e, opts);
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
    const unsigned = await new Client(stripeWorker).json(
      "POST",
      "/api/v1/webhooks/stripe",
      JSON.stringify(e),
      { "Content-Type": "application/json" },
    );
    expect(unsigned.status).toBe(400);
    expect(await paymentRows(p.id)).toEqual([]);
    expect(
      await env.DB.prepare("SELECT count(*) AS n FROM stripe_events WHERE id = ?").bind(e.id).first("n"),
    ).toBe(0);
    // The genuine delivery still works afterwards.
    expect((await deliver(e)).status).toBe(200);
    expect((await view(w, p.id)).status).toBe("completed");
  });

  test("a one-off payment counts once however often its event arrives, even 100 deliveries at once", async () => {
    const w = await world();
    const { pledge: p } = await pledge(w, { amount: { amount: 500_000, currency: "XOF" }, interval: "once" });
    const e = checkoutCompleted({ pledgeId: p.id, mode: "payment", amountTotal: 500_000, currency: "xof" });
    const results = await Promise.all(Array.from({ length: 100 }, () => deliver(e)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    // The same payment reported by a different event id (Stripe's async success) also counts once.
    const again = { ...e, id: `${e.id}_2`, type: "checkout.session.async_payment_succeeded" };
    expect((await deliver(again)).status).toBe(200);
    expect(await paymentRows(p.id)).toHaveLength(1);
    expect(await view(w, p.id)).toMatchObject({
      status: "completed",
      paymentsCount: 1,
      paid: { amount: 500_000, currency: "XOF" },
    });
    expect((await ledger(w.cso.org.id)).totals).toEqual([
      { currency: "XOF", pledged: 500_000, paid: 500_000, refunded: 0 },
    ]);
  });

  test("a Checkout whose amount or currency is not the pledge's is acknowledged, audited and not counted; the right one still counts", async () => {
    const w = await world();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const { pledge: p } = await pledge(w, {
        amount: { amount: 10_000, currency: "USD" },
        interval: "once",
      });
      // A Payment Link opened with ?client_reference_id=<pledge id> is signed by Stripe like Sanad's own Checkout.
      const cheap = checkoutCompleted({ pledgeId: p.id, mode: "payment", amountTotal: 100, currency: "usd" });
      const otherCurrency = checkoutCompleted({
        pledgeId: p.id,
        mode: "payment",
        amountTotal: 10_000,
        currency: "jpy",
      });
      for (const e of [cheap, otherCurrency, cheap]) expect((await deliver(e)).status).toBe(200);
      expect(await paymentRows(p.id)).toEqual([]);
      expect(await view(w, p.id)).toMatchObject({
        status: "pending",
        paymentsCount: 0,
        paid: { amount: 0, currency: "USD" },
      });
      // Each event is processed once (the repeat is a duplicate), and the audit log keeps what differed.
      const audit = await env.DB.prepare(
        "SELECT data FROM audit_log WHERE action = 'payment.amount_mismatch' AND subject_id = ? ORDER BY id",
      )
        .bind(p.id)
        .all<{ data: string }>();
      expect(audit.results.map((r) => JSON.parse(r.data))).toEqual([
        {
          stripeEvent: cheap.id,
          session: cheap.data.object.id,
          pledged: { amount: 10_000, currency: "USD" },
          expected: { amount: 10_000, currency: "usd" },
          received: { amount: 100, currency: "usd" },
        },
        {
          stripeEvent: otherCurrency.id,
          session: otherCurrency.data.object.id,
          pledged: { amount: 10_000, currency: "USD" },
          expected: { amount: 10_000, currency: "usd" },
          received: { amount: 10_000, currency: "jpy" },
        },
      ]);
      const warned = warn.mock.calls.map((c) => String(c[0])).filter((m) => m.includes(p.id));
      expect(warned).toHaveLength(2);
      expect(warned.join(" ")).not.toMatch(/@/); // names the pledge and event, never the pledger
      // The genuine Checkout still pays it.
      expect(
        (
          await deliver(
            checkoutCompleted({ pledgeId: p.id, mode: "payment", amountTotal: 10_000, currency: "usd" }),
          )
        ).status,
      ).toBe(200);
      expect(await view(w, p.id)).toMatchObject({
        status: "completed",
        paymentsCount: 1,
        paid: { amount: 10_000, currency: "USD" },
      });
    } finally {
      warn.mockRestore();
    }
  });

  test("a subscription's Checkout or invoice in another amount or currency neither starts nor pays the pledge", async () => {
    const w = await world();
    const { pledge: p } = await pledge(w, {
      amount: { amount: 50_000, currency: "XOF" },
      interval: "month",
      installments: 2,
    });
    const foreign = ids.sub();
    const wrong = [
      checkoutCompleted({
        pledgeId: p.id,
        mode: "subscription",
        amountTotal: 500,
        currency: "xof",
        subscription: foreign,
      }),
      invoiceEvent("invoice.paid", { pledgeId: p.id, subscription: foreign, amount: 500, currency: "xof" }),
      invoiceEvent("invoice.paid", {
        pledgeId: p.id,
        subscription: foreign,
        amount: 50_000,
        currency: "xaf",
      }),
    ];
    for (const e of wrong) expect((await deliver(e)).status).toBe(200);
    expect(await view(w, p.id)).toMatchObject({ status: "pending", paymentsCount: 0, paid: { amount: 0 } });
    expect(await subscriptionOf(p.id)).toBeNull();
    const sub = ids.sub();
    await deliver(
      checkoutCompleted({
        pledgeId: p.id,
        mode: "subscription",
        amountTotal: 50_000,
        currency: "xof",
        subscription: sub,
      }),
    );
    await deliver(
      invoiceEvent("invoice.paid", { pledgeId: p.id, subscription: sub, amount: 50_000, currency: "xof" }),
    );
    // A later invoice of the right subscription that charged something else does not count either.
    await deliver(
      invoiceEvent("invoice.paid", { pledgeId: p.id, subscription: sub, amount: 5_000_000, currency: "xof" }),
    );
    expect(await view(w, p.id)).toMatchObject({
      status: "active",
      paymentsCount: 1,
      paid: { amount: 50_000, currency: "XOF" },
    });
    expect(await subscriptionOf(p.id)).toBe(sub);
    expect(
      await env.DB.prepare(
        "SELECT count(*) AS n FROM audit_log WHERE action = 'payment.amount_mismatch' AND subject_id = ?",
      )
        .bind(p.id)
        .first("n"),
    ).toBe(4);
  });

  test("a subscription's events in either order end in the same ledger", async () => {
    const run = async (order: "checkout-first" | "invoice-first") => {
      const w = await world();
      const { pledge: p } = await pledge(w, {
        amount: { amount: 10_000, currency: "USD" },
        interval: "month",
        installments: 12,
      });
      const sub = ids.sub();
      const done = checkoutCompleted({
        pledgeId: p.id,
        mode: "subscription",
        amountTotal: 10_000,
        currency: "usd",
        subscription: sub,
      });
      const paid = invoiceEvent("invoice.paid", {
        pledgeId: p.id,
        subscription: sub,
        amount: 10_000,
        currency: "usd",
      });
      for (const e of order === "checkout-first" ? [done, paid] : [paid, done])
        expect((await deliver(e)).status).toBe(200);
      // A second invoice that names only its subscription (no metadata) still finds the pledge.
      expect(
        (await deliver(invoiceEvent("invoice.paid", { subscription: sub, amount: 10_000, currency: "usd" })))
          .status,
      ).toBe(200);
      const v = await view(w, p.id);
      const l = await ledger(w.cso.org.id);
      return {
        status: v.status,
        paymentsCount: v.paymentsCount,
        paid: v.paid,
        totals: l.totals,
        usd: l.totalsUsd,
        kinds: l.entries.map((e: { kind: string }) => e.kind).sort(),
      };
    };
    const a = await run("checkout-first");
    const b = await run("invoice-first");
    expect(a).toEqual(b);
    expect(a).toEqual({
      status: "active",
      paymentsCount: 2,
      paid: { amount: 20_000, currency: "USD" },
      totals: [{ currency: "USD", pledged: 120_000, paid: 20_000, refunded: 0 }],
      usd: { pledged: 120_000, paid: 20_000, refunded: 0, complete: true },
      kinds: ["payment", "payment", "pledge"],
    });
  });

  test("after the last installment the subscription is told to stop; its deletion completes the pledge, in either order", async () => {
    const w = await world();
    const { pledge: p } = await pledge(w, {
      amount: { amount: 1000, currency: "EUR" },
      interval: "month",
      installments: 2,
    });
    const sub = ids.sub();
    await deliver(
      checkoutCompleted({
        pledgeId: p.id,
        mode: "subscription",
        amountTotal: 1000,
        currency: "eur",
        subscription: sub,
      }),
    );
    await deliver(
      invoiceEvent("invoice.paid", { pledgeId: p.id, subscription: sub, amount: 1000, currency: "eur" }),
    );
    expect(await stubRequests(`/v1/subscriptions/${sub}`)).toEqual([]);
    // Stripe ends the subscription before the last invoice.paid reaches us: completed either way.
    await deliver(subscriptionDeleted({ subscription: sub, pledgeId: p.id }));
    expect((await view(w, p.id)).status).toBe("cancelled");
    await deliver(
      invoiceEvent("invoice.paid", { pledgeId: p.id, subscription: sub, amount: 1000, currency: "eur" }),
    );
    expect((await view(w, p.id)).status).toBe("completed");

    // In the usual order, the last payment makes Sanad ask Stripe to stop at the period's end.
    const { pledge: q } = await pledge(w, {
      amount: { amount: 1000, currency: "EUR" },
      interval: "month",
      installments: 2,
    });
    const sub2 = ids.sub();
    await deliver(
      checkoutCompleted({
        pledgeId: q.id,
        mode: "subscription",
        amountTotal: 1000,
        currency: "eur",
        subscription: sub2,
      }),
    );
    for (let i = 0; i < 2; i++)
      await deliver(
        invoiceEvent("invoice.paid", { pledgeId: q.id, subscription: sub2, amount: 1000, currency: "eur" }),
      );
    const stop = await stubRequests(`/v1/subscriptions/${sub2}`);
    expect(stop.at(-1)).toMatchObject({ method: "POST", params: { cancel_at_period_end: "true" } });
    expect((await view(w, q.id)).status).toBe("completed");
    await deliver(subscriptionDeleted({ subscription: sub2 }));
    expect(await view(w, q.id)).toMatchObject({ status: "completed", paymentsCount: 2 });
  });

  test("a failed payment is counted once; a subscription deleted before any payment fails the pledge", async () => {
    const w = await world();
    const { pledge: p } = await pledge(w, { amount: { amount: 1000, currency: "USD" }, interval: "month" });
    const sub = ids.sub();
    await deliver(
      checkoutCompleted({
        pledgeId: p.id,
        mode: "subscription",
        amountTotal: 1000,
        currency: "usd",
        subscription: sub,
      }),
    );
    const failed = invoiceEvent("invoice.payment_failed", {
      pledgeId: p.id,
      subscription: sub,
      amount: 1000,
      currency: "usd",
    });
    await Promise.all([deliver(failed), deliver(failed), deliver(failed)]);
    expect(await view(w, p.id)).toMatchObject({ status: "active", failedPayments: 1 });
    await deliver(subscriptionDeleted({ subscription: sub }));
    expect((await view(w, p.id)).status).toBe("failed");
  });

  test("refunds are negative entries, partial and repeated reports end at Stripe's cumulative total, in any order", async () => {
    const w = await world();
    const { pledge: p } = await pledge(w, { amount: { amount: 10_000, currency: "USD" }, interval: "once" });
    const pi = ids.pi();
    const charge = ids.charge();
    await deliver(
      checkoutCompleted({
        pledgeId: p.id,
        mode: "payment",
        amountTotal: 10_000,
        currency: "usd",
        paymentIntent: pi,
      }),
    );
    const r30 = chargeRefunded({
      charge,
      paymentIntent: pi,
      amount: 10_000,
      amountRefunded: 3000,
      currency: "usd",
    });
    const r100 = chargeRefunded({
      charge,
      paymentIntent: pi,
      amount: 10_000,
      amountRefunded: 10_000,
      currency: "usd",
    });
    // The later cumulative report arrives first, then the earlier one, then a duplicate.
    for (const e of [r100, r30, r100]) expect((await deliver(e)).status).toBe(200);
    const rows = await paymentRows(p.id);
    expect(rows.map((r) => [r.kind, r.amount])).toEqual([
      ["payment", 10_000],
      ["refund", -10_000],
    ]);
    expect(await view(w, p.id)).toMatchObject({
      status: "completed",
      paid: { amount: 10_000 },
      refunded: { amount: 10_000 },
    });
    expect((await ledger(w.cso.org.id)).totals).toEqual([
      { currency: "USD", pledged: 10_000, paid: 10_000, refunded: 10_000 },
    ]);
    const funding = await env.DB.prepare("SELECT funding_received_usd AS f FROM orgs WHERE id = ?")
      .bind(w.cso.org.id)
      .first<number>("f");
    expect(funding).toBe(0);

    // Partial refunds in the usual order: two entries summing to the total.
    const { pledge: q } = await pledge(w, { amount: { amount: 10_000, currency: "USD" }, interval: "once" });
    const pi2 = ids.pi();
    const ch2 = ids.charge();
    await deliver(
      checkoutCompleted({
        pledgeId: q.id,
        mode: "payment",
        amountTotal: 10_000,
        currency: "usd",
        paymentIntent: pi2,
      }),
    );
    await deliver(
      chargeRefunded({
        charge: ch2,
        paymentIntent: pi2,
        amount: 10_000,
        amountRefunded: 2500,
        currency: "usd",
      }),
    );
    await deliver(
      chargeRefunded({
        charge: ch2,
        paymentIntent: pi2,
        amount: 10_000,
        amountRefunded: 4000,
        currency: "usd",
      }),
    );
    expect((await paymentRows(q.id)).filter((r) => r.kind === "refund").map((r) => r.amount)).toEqual([
      -2500, -1500,
    ]);
  });

  test("a refund of a subscription payment is matched through the invoice it paid; an unknown one is retried later", async () => {
    const w = await world();
    const { pledge: p } = await pledge(w, { amount: { amount: 5000, currency: "GBP" }, interval: "year" });
    const sub = ids.sub();
    const invoice = ids.invoice();
    const pi = ids.pi();
    await deliver(
      checkoutCompleted({
        pledgeId: p.id,
        mode: "subscription",
        amountTotal: 5000,
        currency: "gbp",
        subscription: sub,
      }),
    );
    const refund = chargeRefunded({ paymentIntent: pi, amount: 5000, amountRefunded: 5000, currency: "gbp" });
    // Stripe does not know the charge's invoice yet (nor do we): not recorded, so Stripe delivers it again.
    const early = await deliver(refund);
    expect(early.status).toBe(422);
    await deliver(
      invoiceEvent("invoice.paid", {
        pledgeId: p.id,
        subscription: sub,
        invoice,
        amount: 5000,
        currency: "gbp",
      }),
    );
    await stubInvoicePayment(pi, invoice);
    expect((await deliver(refund)).status).toBe(200);
    expect(await view(w, p.id)).toMatchObject({
      paid: { amount: 5000, currency: "GBP" },
      refunded: { amount: 5000, currency: "GBP" },
    });
  });

  test("events for other Stripe products are acknowledged and ignored", async () => {
    const res = await deliver(event("customer.created", { id: "cus_x", object: "customer" }));
    expect(res.status).toBe(200);
    const unknown = await deliver(
      checkoutCompleted({
        pledgeId: "not-a-sanad-pledge",
        mode: "payment",
        amountTotal: 100,
        currency: "usd",
      }),
    );
    expect(unknown.status).toBe(200);
  });
});

describe("cancelling a Stripe pledge", () => {
  test("the pledger cancels a recurring pledge: Stripe's subscription is cancelled, then its deletion event changes nothing more", async () => {
    const w = await world();
    const { pledge: p } = await pledge(w, { amount: { amount: 1000, currency: "USD" }, interval: "month" });
    const sub = ids.sub();
    await deliver(
      checkoutCompleted({
        pledgeId: p.id,
        mode: "subscription",
        amountTotal: 1000,
        currency: "usd",
        subscription: sub,
      }),
    );
    await deliver(
      invoiceEvent("invoice.paid", { pledgeId: p.id, subscription: sub, amount: 1000, currency: "usd" }),
    );
    expect((await w.cso.post(`/api/v1/pledges/${p.id}/cancel`)).status).toBe(403);
    const res = await w.funder.post(`/api/v1/pledges/${p.id}/cancel`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("cancelled");
    expect((await stubRequests(`/v1/subscriptions/${sub}`)).at(-1)).toMatchObject({ method: "DELETE" });
    await deliver(subscriptionDeleted({ subscription: sub, pledgeId: p.id }));
    expect(await view(w, p.id)).toMatchObject({ status: "cancelled", paymentsCount: 1 });
    expect((await ledger(w.cso.org.id)).totals).toEqual([
      { currency: "USD", pledged: 1000, paid: 1000, refunded: 0 },
    ]);
  });

  test("cancelling before Checkout finishes expires the session; a subscription reported afterwards is cancelled too", async () => {
    const w = await world();
    const { pledge: p } = await pledge(w, { amount: { amount: 1000, currency: "USD" }, interval: "month" });
    expect((await w.funder.post(`/api/v1/pledges/${p.id}/cancel`)).status).toBe(200);
    const calls = await stubRequests(p.id);
    expect(calls.length).toBe(1); // the create; the expire call names the session, not the pledge
    const session = await env.DB.prepare("SELECT stripe_checkout_session_id AS s FROM pledges WHERE id = ?")
      .bind(p.id)
      .first<string>("s");
    expect((await stubRequests(`/v1/checkout/sessions/${session}/expire`)).length).toBe(1);
    const sub = ids.sub();
    await deliver(
      checkoutCompleted({
        pledgeId: p.id,
        mode: "subscription",
        amountTotal: 1000,
        currency: "usd",
        subscription: sub,
      }),
    );
    expect((await stubRequests(`/v1/subscriptions/${sub}`)).at(-1)).toMatchObject({ method: "DELETE" });
    expect((await view(w, p.id)).status).toBe("cancelled");
  });
});

test("without a webhook secret the route does not exist; with one it works whichever provider made the pledge", async () => {
  const { workerWith } = await import("../helpers/client");
  const noSecret = new Client(workerWith({ STRIPE_WEBHOOK_SECRET: undefined }));
  expect(
    (await noSecret.json("POST", "/api/v1/webhooks/stripe", "{}", { "Content-Type": "application/json" }))
      .status,
  ).toBe(404);
  // A bank-transfer pledge (no Stripe key) still receives verified events, e.g. when keys were added later.
  const [cso, funder, admin] = await Promise.all([
    orgOwner(csoFields),
    orgOwner(funderFields),
    userWithRole("admin"),
    signUp(),
  ]);
  const p = (
    await funder.post("/api/v1/pledges", {
      recipientOrgId: cso.org.id,
      amount: { amount: 1000, currency: "USD" },
      interval: "once",
    })
  ).body.pledge;
  expect(p.provider).toBe("manual");
  expect(
    (
      await deliver(
        event("checkout.session.expired", {
          id: "cs_x",
          object: "checkout.session",
          client_reference_id: p.id,
          metadata: {},
        }),
        { client: new Client() },
      )
    ).status,
  ).toBe(200);
  expect((await admin.get(`/api/v1/pledges/${p.id}`)).body.status).toBe("failed");
});
