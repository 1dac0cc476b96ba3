// Stripe event types → their handlers (handlers/), one entry per type Sanad records; every other type is
// acknowledged and ignored. Handling a new type means a handler and a line here.
import type Stripe from "stripe";
import type { PledgeFact, StripeFact } from "./facts";
import type { EventOf, StripeEventHandler } from "./handlers/handler";
import { checkoutCompleted } from "./handlers/checkout-completed";
import { checkoutExpired } from "./handlers/checkout-expired";
import { invoicePaid } from "./handlers/invoice-paid";
import { invoicePaymentFailed } from "./handlers/invoice-payment-failed";
import { subscriptionDeleted } from "./handlers/subscription-deleted";
import { chargeRefunded } from "./handlers/charge-refunded";

export const STRIPE_EVENT_HANDLERS = {
  "checkout.session.completed": checkoutCompleted,
  "checkout.session.async_payment_succeeded": checkoutCompleted,
  "checkout.session.expired": checkoutExpired,
  "invoice.paid": invoicePaid,
  "invoice.payment_failed": invoicePaymentFailed,
  "customer.subscription.deleted": subscriptionDeleted,
  "charge.refunded": chargeRefunded,
} satisfies { [T in Stripe.Event.Type]?: StripeEventHandler<EventOf<T>, PledgeFact> };

export type HandledEventType = keyof typeof STRIPE_EVENT_HANDLERS;
export type AnyStripeEventHandler = StripeEventHandler<Stripe.Event, PledgeFact>;

/** The handler of an event type, or undefined when Sanad does not record that type. */
export const handlerFor = (type: string): AnyStripeEventHandler | undefined =>
  // Own keys only: an event type such as "constructor" must not find Object.prototype's.
  Object.hasOwn(STRIPE_EVENT_HANDLERS, type) ? STRIPE_EVENT_HANDLERS[type as HandledEventType] : undefined;

/** What the event states. Pure: no lookups, no I/O; amounts converted to ISO minor units here, once. */
export const factOf = (event: Stripe.Event): StripeFact =>
  handlerFor(event.type)?.fact(event) ?? { kind: "ignored" };
