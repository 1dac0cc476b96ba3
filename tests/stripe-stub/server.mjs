// A Stripe-compatible stub for tests: answers the few API calls Sanad makes (Checkout Sessions,
// subscription update/cancel, invoice payments) on 127.0.0.1, and records every request so tests can
// assert on the exact wire parameters the real SDK sent. Plain Node, no dependencies.
import http from "node:http";

export const startStripeStub = async () => {
  const requests = [];
  const invoicePayments = new Map(); // payment_intent → invoice id
  let n = 0;
  const next = (prefix) => `${prefix}_stub${Date.now().toString(36)}${(++n).toString(36)}`;

  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const url = new URL(req.url, "http://stub");
      const params = Object.fromEntries(new URLSearchParams(req.method === "GET" ? url.search : raw));
      const send = (status, body) => {
        res.writeHead(status, { "Content-Type": "application/json", "Request-Id": next("req") });
        res.end(JSON.stringify(body));
      };
      // Test controls (not part of Stripe's API).
      if (url.pathname === "/__requests")
        return send(
          200,
          requests.filter(
            (r) =>
              !url.searchParams.get("contains") ||
              JSON.stringify(r).includes(url.searchParams.get("contains")),
          ),
        );
      if (url.pathname === "/__invoice_payments" && req.method === "POST") {
        const { payment_intent, invoice } = JSON.parse(raw);
        invoicePayments.set(payment_intent, invoice);
        return send(200, { ok: true });
      }
      requests.push({
        method: req.method,
        path: url.pathname,
        params,
        idempotencyKey: req.headers["idempotency-key"] ?? null,
        authorization: req.headers.authorization ?? null,
        stripeVersion: req.headers["stripe-version"] ?? null,
      });
      if (!/^Bearer sk_test_/.test(req.headers.authorization ?? ""))
        return send(401, { error: { type: "invalid_request_error", message: "Invalid API Key provided" } });

      let m;
      if (req.method === "POST" && url.pathname === "/v1/checkout/sessions") {
        // A sentinel amount lets tests see how Sanad reports a request Stripe refuses.
        if (params["line_items[0][price_data][unit_amount]"] === "666")
          return send(400, {
            error: {
              type: "invalid_request_error",
              message: "Amount not accepted",
              param: "line_items[0][price_data][unit_amount]",
            },
          });
        const id = next("cs_test");
        return send(200, {
          id,
          object: "checkout.session",
          mode: params.mode,
          client_reference_id: params.client_reference_id ?? null,
          metadata: {},
          status: "open",
          url: `https://checkout.stripe.com/c/pay/${id}`,
        });
      }
      if (req.method === "POST" && (m = url.pathname.match(/^\/v1\/checkout\/sessions\/([^/]+)\/expire$/)))
        return send(200, { id: m[1], object: "checkout.session", status: "expired" });
      if (req.method === "DELETE" && (m = url.pathname.match(/^\/v1\/subscriptions\/([^/]+)$/)))
        return send(200, { id: m[1], object: "subscription", status: "canceled" });
      if (req.method === "POST" && (m = url.pathname.match(/^\/v1\/subscriptions\/([^/]+)$/)))
        return send(200, {
          id: m[1],
          object: "subscription",
          status: "active",
          cancel_at_period_end: params.cancel_at_period_end === "true",
        });
      if (req.method === "GET" && url.pathname === "/v1/invoice_payments") {
        const invoice = invoicePayments.get(params["payment[payment_intent]"]);
        return send(200, {
          object: "list",
          url: "/v1/invoice_payments",
          has_more: false,
          data: invoice
            ? [
                {
                  id: next("inpay"),
                  object: "invoice_payment",
                  invoice,
                  payment: { type: "payment_intent", payment_intent: params["payment[payment_intent]"] },
                },
              ]
            : [],
        });
      }
      return send(404, {
        error: {
          type: "invalid_request_error",
          message: `Unrecognized request URL (${req.method}: ${url.pathname})`,
        },
      });
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
};
