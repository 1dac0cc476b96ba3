// The Stripe SDK as a Worker uses it: fetch for HTTP, SubtleCrypto for webhook signatures, and an API
// base that tests (and anyone running a Stripe-compatible stub) can point elsewhere.
import Stripe from "stripe";

export type StripeEnv = {
  STRIPE_SECRET_KEY?: string;
  STRIPE_WEBHOOK_SECRET?: string;
  STRIPE_API_BASE?: string;
};

/** "https://api.stripe.com" → the SDK's host/port/protocol options. */
export const apiBaseOptions = (base: string | undefined) => {
  if (!base) return {};
  const url = new URL(base);
  const protocol = url.protocol === "http:" ? ("http" as const) : ("https" as const);
  return { host: url.hostname, port: url.port ? Number(url.port) : protocol === "http" ? 80 : 443, protocol };
};

/** A client when a secret key is configured; null means pledges use the manual (bank transfer) provider. */
export const stripeClient = (env: StripeEnv) =>
  env.STRIPE_SECRET_KEY
    ? new Stripe(env.STRIPE_SECRET_KEY, {
        httpClient: Stripe.createFetchHttpClient(),
        ...apiBaseOptions(env.STRIPE_API_BASE),
        // A Worker request should not hang on a slow upstream; one retry covers a dropped connection
        // (the SDK sends an idempotency key with retried POSTs).
        timeout: 10_000,
        maxNetworkRetries: 1,
        appInfo: { name: "Sanad" },
      })
    : null;

let cached: { key: string; client: Stripe | null } | null = null;

/**
 * The client for this environment, reused across requests in one isolate: building it parses the whole
 * SDK's resource table. Rebuilt only when the key or the API base changes (tests switch between them).
 */
export const cachedStripeClient = (env: StripeEnv) => {
  const key = `${env.STRIPE_SECRET_KEY ?? ""}|${env.STRIPE_API_BASE ?? ""}`;
  if (cached?.key !== key) cached = { key, client: stripeClient(env) };
  return cached.client;
};

const crypto = Stripe.createSubtleCryptoProvider();

/** Verifies the `Stripe-Signature` header over the raw body (default 300 s tolerance); throws when invalid. */
export const verifyEvent = (rawBody: string, signature: string, secret: string) =>
  Stripe.webhooks.constructEventAsync(rawBody, signature, secret, undefined, crypto);

export type { Stripe };
