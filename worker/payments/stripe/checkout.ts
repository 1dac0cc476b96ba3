// The Checkout Session Sanad asks Stripe for, as a pure function of the pledge (unit-tested).
import type Stripe from "stripe";
import { toStripeAmount } from "../../domain/stripe-amounts";
import type { Locale } from "../../../schema/enums";
import type { PledgeToStart } from "../provider";

/** Checkout has no Arabic; "auto" follows the browser. */
const CHECKOUT_LOCALES: Partial<Record<Locale, Stripe.Checkout.SessionCreateParams.Locale>> = {
  en: "en",
  fr: "fr",
  es: "es",
};

/** A pledge to start, without the bank-transfer reference (Stripe identifies it by the pledge id). */
export type CheckoutInput = Omit<PledgeToStart, "reference">;

export const checkoutSessionParams = (p: CheckoutInput): Stripe.Checkout.SessionCreateParams => {
  const unit = toStripeAmount(p.amount);
  if (!unit.ok) throw new Error(`amount not expressible in Stripe units: ${unit.error}`); // validated before
  const metadata = { pledge_id: p.pledgeId };
  const back = `${p.origin}/pledges/${encodeURIComponent(p.pledgeId)}`;
  const common = {
    client_reference_id: p.pledgeId,
    metadata,
    customer_email: p.email,
    locale: CHECKOUT_LOCALES[p.locale] ?? "auto",
    success_url: `${back}?checkout=success`,
    cancel_url: `${back}?checkout=cancelled`,
  } satisfies Partial<Stripe.Checkout.SessionCreateParams>;
  const product_data = { name: p.productName };
  if (p.interval === "once") {
    return {
      ...common,
      mode: "payment",
      submit_type: "donate",
      line_items: [
        { quantity: 1, price_data: { currency: unit.currency, unit_amount: unit.amount, product_data } },
      ],
      payment_intent_data: { metadata },
    };
  }
  return {
    ...common,
    mode: "subscription",
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: unit.currency,
          unit_amount: unit.amount,
          product_data,
          recurring: { interval: p.interval },
        },
      },
    ],
    // The subscription carries the pledge id, so every invoice it raises names its pledge even if an
    // invoice event arrives before checkout.session.completed.
    subscription_data: {
      metadata: {
        ...metadata,
        installments: p.installments === null ? "until_cancelled" : String(p.installments),
      },
    },
  };
};
