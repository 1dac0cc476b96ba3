// Stripe as a payment provider: Checkout starts a pledge, the API stops it, signed webhook deliveries
// report what happened (read by the handlers in handlers/, applied by webhook.ts).
import Stripe from "stripe";
import {
  InvalidWebhookSignature,
  PaymentProviderError,
  type PaymentProvider,
  type WebhookFacts,
} from "../provider";
import { checkoutSessionParams } from "./checkout";
import { verifyEvent } from "./client";
import { factOf } from "./events";
import type { StripeFact } from "./facts";

export interface StripeProvider extends PaymentProvider, WebhookFacts<StripeFact> {
  readonly name: "stripe";
  /**
   * The API client; null without STRIPE_SECRET_KEY. Deliveries are still received then (they need only
   * the signing secret), for pledges made before the key was removed.
   */
  readonly api: Stripe | null;
}

/** Stripe refused the request itself (retrying the same will not help) vs. Stripe failing or unreachable. */
const reasonOf = (e: unknown) =>
  e instanceof Stripe.errors.StripeInvalidRequestError || e instanceof Stripe.errors.StripeCardError
    ? "rejected"
    : "unavailable";

const notConfigured = () => new PaymentProviderError("not_configured", "STRIPE_SECRET_KEY is not set");

export const stripeProvider = (api: Stripe | null, webhookSecret: string | undefined): StripeProvider => ({
  name: "stripe",
  api,
  receivesWebhooks: !!webhookSecret,

  start: async (p) => {
    if (!api) throw notConfigured();
    try {
      const session = await api.checkout.sessions.create(
        checkoutSessionParams({
          pledgeId: p.pledgeId,
          amount: p.amount,
          interval: p.interval,
          installments: p.installments,
          productName: p.productName,
          email: p.email,
          locale: p.locale,
          origin: p.origin,
        }),
        { idempotencyKey: `pledge-checkout-${p.pledgeId}` },
      );
      return { kind: "redirect", url: session.url ?? undefined, sessionId: session.id };
    } catch (e) {
      console.error(`Stripe Checkout for pledge ${p.pledgeId} failed:`, e instanceof Error ? e.message : e);
      throw new PaymentProviderError(reasonOf(e), "Stripe Checkout failed", { cause: e });
    }
  },

  // The subscription if there is one, else the Checkout Session while it can still be paid.
  cancel: async (p) => {
    if (!api) throw notConfigured();
    try {
      if (p.stripeSubscriptionId) await api.subscriptions.cancel(p.stripeSubscriptionId);
      else if (p.stripeCheckoutSessionId && p.status === "pending")
        await api.checkout.sessions.expire(p.stripeCheckoutSessionId);
    } catch (e) {
      // Already cancelled or expired at Stripe: the goal is reached. Anything else: nothing changed, retry.
      if (e instanceof Stripe.errors.StripeInvalidRequestError) return;
      throw new PaymentProviderError(reasonOf(e), "Stripe could not stop the pledge", { cause: e });
    }
  },

  factsFromWebhook: async (rawBody, signature) => {
    let event: Stripe.Event;
    try {
      if (!webhookSecret || !signature) throw new Error("no secret or no signature");
      event = await verifyEvent(rawBody, signature, webhookSecret);
    } catch (e) {
      throw new InvalidWebhookSignature({ cause: e });
    }
    return { id: event.id, type: event.type, fact: factOf(event) };
  },
});
