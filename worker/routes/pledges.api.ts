// JSON API: pledges (Stripe Checkout or bank transfer), cancelling, admin-confirmed transfers, the ledger,
// and the Stripe webhook (raw body, signature verified before anything is read).
import { createRoute, z } from "@hono/zod-openapi";
import { createApi, json, jsonBody, pick, security } from "../http/openapi";
import { IdParam } from "../../schema/api/common";
import {
  PledgeCreate,
  PledgeCreated,
  Pledge,
  PaymentConfirm,
  Payment,
  Ledger,
} from "../../schema/api/pledges";
import { createPledge, viewPledge, cancelPledge, confirmManualPayment, ledgerOf } from "../actions/pledges";
import { providersFor } from "../payments/registry";
import { receiveStripeWebhook } from "../payments/stripe/webhook";
import type { Pledge as PledgeRow } from "../db/pledges";
import { viewerOf } from "../http/guards";

const tags = ["Pledges"];

/** The API's Pledge: internal provider ids stay inside. */
const publicPledge = ({
  stripeSubscriptionId: _s,
  stripeCheckoutSessionId: _c,
  pledgerUserId: _u,
  ...p
}: PledgeRow) => p;

export const pledgesApi = createApi()
  .openapi(
    createRoute({
      method: "post",
      path: "/pledges",
      tags,
      security,
      summary:
        "Pledge core support: returns a Stripe Checkout URL when Stripe is configured, bank-transfer instructions otherwise",
      request: jsonBody(PledgeCreate),
      responses: {
        201: json(PledgeCreated, "Pledge created (pending until paid)"),
        ...pick(400, 401, 403, 404, 422),
      },
    }),
    async (c) => {
      const r = await createPledge(
        c.get("db"),
        c.get("t"),
        c.get("locale"),
        viewerOf(c),
        c.req.valid("json"),
        providersFor(c.env),
        new URL(c.req.url).origin,
      );
      return c.json({ ...r, pledge: publicPledge(r.pledge) }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/pledges/{id}",
      tags,
      security,
      summary: "A pledge (the pledger, the recipient's members, admins)",
      request: { params: IdParam },
      responses: { 200: json(Pledge, "The pledge"), ...pick(401, 404) },
    }),
    async (c) =>
      c.json(publicPledge((await viewPledge(c.get("db"), viewerOf(c), c.req.valid("param").id)).pledge), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/pledges/{id}/cancel",
      tags,
      security,
      summary: "Cancel (the pledger); cancels the Stripe subscription too",
      request: { params: IdParam },
      responses: { 200: json(Pledge, "Cancelled"), ...pick(401, 403, 404, 422) },
    }),
    async (c) =>
      c.json(
        publicPledge(
          await cancelPledge(
            c.get("db"),
            c.get("t"),
            viewerOf(c),
            c.req.valid("param").id,
            providersFor(c.env),
          ),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/pledges/{id}/payments",
      tags,
      security,
      summary: "Record a received bank transfer (admins; manual pledges only; once per reference)",
      request: { params: IdParam, ...jsonBody(PaymentConfirm) },
      responses: { 201: json(Payment, "Recorded"), ...pick(400, 401, 403, 404, 409, 422) },
    }),
    async (c) =>
      c.json(
        await confirmManualPayment(
          c.get("db"),
          c.get("t"),
          viewerOf(c),
          c.req.valid("param").id,
          c.req.valid("json"),
          providersFor(c.env),
        ),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/orgs/{id}/ledger",
      tags,
      summary:
        "Pledged, paid and refunded per currency and in USD, with entries (per the organisation's visibility)",
      request: { params: IdParam },
      responses: { 200: json(Ledger, "The ledger"), ...pick(404) },
    }),
    async (c) => c.json((await ledgerOf(c.get("db"), viewerOf(c), c.req.valid("param").id)).ledger, 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/webhooks/stripe",
      tags,
      summary: "Stripe events (raw JSON body, Stripe-Signature verified; each event id processed once)",
      responses: {
        200: json(
          z.object({ received: z.boolean(), duplicate: z.boolean() }),
          "Processed (or already processed)",
        ),
        ...pick(400, 404, 422),
      },
    }),
    async (c) => {
      // The signature covers the raw bytes, whatever Content-Type the sender claims: read them as bytes.
      const body = new TextDecoder().decode(await c.req.arrayBuffer());
      const result = await receiveStripeWebhook(
        c.get("db"),
        providersFor(c.env).stripe,
        body,
        c.req.header("stripe-signature"),
      );
      return c.json(result, 200);
    },
  );
