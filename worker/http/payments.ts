// What the pledge use cases need from the request's environment: a Stripe client (reused across
// requests in one isolate, since building it parses the whole SDK's resource table), the origin Stripe
// sends pledgers back to, and the bank details for transfers.
import type { Context } from "hono";
import type Stripe from "stripe";
import type { AppEnv, Bindings } from "../env";
import { stripeClient } from "../stripe/client";
import type { PaymentsConfig } from "../actions/pledges";

let cached: { key: string; client: Stripe | null } | null = null;

export const stripeFor = (env: Bindings) => {
  const key = `${env.STRIPE_SECRET_KEY ?? ""}|${env.STRIPE_API_BASE ?? ""}`;
  if (cached?.key !== key) cached = { key, client: stripeClient(env) };
  return cached.client;
};

const DEFAULT_PAY_TO = "Sanad (bank details not configured: set BANK_TRANSFER_DETAILS)";

export const paymentsConfig = (c: Context<AppEnv>): PaymentsConfig => ({
  stripe: stripeFor(c.env),
  origin: new URL(c.req.url).origin,
  payTo: c.env.BANK_TRANSFER_DETAILS?.trim() || DEFAULT_PAY_TO,
});
