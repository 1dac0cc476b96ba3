// invoice.paid: one installment of a subscription, keyed by its invoice id. It may arrive before the
// Checkout that created the subscription: the pledge is named in the subscription's metadata.
import { fromStripeAmount } from "../../../domain/stripe-amounts";
import { setFacts } from "../../../db/pledges";
import type { InvoicePaid } from "../facts";
import { invoiceSubscription, iso } from "../objects";
import { chargeMismatch } from "./charge-mismatch";
import type { EventOf, StripeEventHandler } from "./handler";

export const invoicePaid: StripeEventHandler<EventOf<"invoice.paid">, InvoicePaid> = {
  fact: (event) => {
    const inv = event.data.object;
    // A zero invoice (a trial, a full discount) paid nothing: there is no installment to count.
    if (!inv.amount_paid) return null;
    return {
      kind: "invoice_paid",
      ...invoiceSubscription(inv),
      invoiceId: inv.id!,
      amount: fromStripeAmount(inv.amount_paid, inv.currency),
      charged: { amount: inv.amount_paid, currency: inv.currency },
      at: iso(inv.status_transitions?.paid_at, event.created),
    };
  },
  effects: (f, ledger) =>
    chargeMismatch(ledger, f.charged, { invoice: f.invoiceId }) ?? [
      setFacts(ledger.db, ledger.pledge.id, { stripeSubscriptionId: f.subscriptionId }),
      ...ledger.payment(f.invoiceId, f.amount, f.at, null),
      ledger.audit("payment.received", { invoice: f.invoiceId, amount: f.amount }),
    ],
};
