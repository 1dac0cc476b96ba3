// checkout.session.completed (and …async_payment_succeeded, when a delayed method such as a bank debit
// clears): the pledger finished Checkout. A one-off payment is recorded here, keyed by its payment
// intent; a subscription is linked to its pledge and paid through invoices.
import { fromStripeAmount } from "../../../domain/stripe-amounts";
import { setFacts, refreshStatus } from "../../../db/pledges";
import type { CheckoutCompleted } from "../facts";
import { idOf, iso, sessionPledgeId } from "../objects";
import { chargeMismatch } from "./charge-mismatch";
import type { EventOf, StripeEventHandler } from "./handler";

export const checkoutCompleted: StripeEventHandler<
  EventOf<"checkout.session.completed" | "checkout.session.async_payment_succeeded">,
  CheckoutCompleted
> = {
  fact: (event) => {
    const s = event.data.object;
    const paymentIntentId = idOf(s.payment_intent);
    const paidOnce =
      s.mode === "payment" &&
      s.payment_status === "paid" &&
      paymentIntentId &&
      s.amount_total !== null &&
      s.currency;
    return {
      kind: "checkout_completed",
      pledgeId: sessionPledgeId(s),
      sessionId: s.id,
      subscriptionId: idOf(s.subscription),
      customerId: idOf(s.customer),
      at: iso(null, event.created),
      payment: paidOnce ? { paymentIntentId, amount: fromStripeAmount(s.amount_total!, s.currency!) } : null,
      charged:
        s.amount_total !== null && s.currency ? { amount: s.amount_total, currency: s.currency } : null,
    };
  },
  effects: (f, ledger) =>
    chargeMismatch(ledger, f.charged, { session: f.sessionId }) ?? [
      setFacts(ledger.db, ledger.pledge.id, {
        checkoutCompletedAt: f.at,
        stripeSubscriptionId: f.subscriptionId,
        stripeCustomerId: f.customerId,
        stripeCheckoutSessionId: f.sessionId,
      }),
      ...(f.payment
        ? ledger.payment(f.payment.paymentIntentId, f.payment.amount, f.at, f.payment.paymentIntentId)
        : [refreshStatus(ledger.db, ledger.pledge.id)]),
      ledger.audit("pledge.checkout_completed", { session: f.sessionId }),
    ],
};
