// invoice.payment_failed: an installment could not be charged. Stripe retries by itself; Sanad counts the
// failure (once per event, the counter not being idempotent) so the pledge page can say so.
import { countFailureIf, refreshStatus } from "../../../db/pledges";
import type { InvoiceFailed } from "../facts";
import { invoiceSubscription, iso } from "../objects";
import type { EventOf, StripeEventHandler } from "./handler";

export const invoicePaymentFailed: StripeEventHandler<EventOf<"invoice.payment_failed">, InvoiceFailed> = {
  fact: (event) => {
    const inv = event.data.object;
    return {
      kind: "invoice_failed",
      ...invoiceSubscription(inv),
      invoiceId: inv.id!,
      at: iso(null, event.created),
    };
  },
  effects: (f, ledger) => [
    countFailureIf(ledger.db, ledger.pledge.id, f.at, ledger.won),
    refreshStatus(ledger.db, ledger.pledge.id),
    ledger.audit("payment.failed", { invoice: f.invoiceId }),
  ],
};
