// charge.refunded: Stripe reports the charge's cumulative refunded amount; the ledger gets a negative
// entry for what is not recorded yet (db/pledges.ts recordRefund). A charge names no pledge: it is found
// through the payment it refunds, which for a subscription Stripe has to name (by its invoice).
import { fromStripeAmount } from "../../../domain/stripe-amounts";
import { rateOn } from "../../../domain/fx";
import { minorUnitExponent } from "../../../domain/money";
import { findPledge, findStripePayment, recordRefund } from "../../../db/pledges";
import { newId } from "../../../security/random";
import type { ChargeRefunded } from "../facts";
import { idOf, iso } from "../objects";
import type { EventOf, StripeEventHandler } from "./handler";

export const chargeRefunded: StripeEventHandler<EventOf<"charge.refunded">, ChargeRefunded> = {
  fact: (event) => {
    const ch = event.data.object;
    return {
      kind: "charge_refunded",
      pledgeId: ch.metadata?.pledge_id ?? null,
      chargeId: ch.id,
      paymentIntentId: idOf(ch.payment_intent),
      refundedTotal: fromStripeAmount(ch.amount_refunded, ch.currency),
      at: iso(null, event.created),
    };
  },
  locate: async (f, { db, api }) => {
    let paid = await findStripePayment(db, { paymentIntentId: f.paymentIntentId });
    if (!paid && f.paymentIntentId && api) {
      // A subscription's charge names neither invoice nor subscription: ask Stripe which invoice it paid.
      const list = await api.invoicePayments.list({
        payment: { type: "payment_intent", payment_intent: f.paymentIntentId },
        limit: 1,
      });
      const invoice = list.data[0]?.invoice;
      const invoiceId = typeof invoice === "string" ? invoice : invoice?.id;
      if (invoiceId) paid = await findStripePayment(db, { invoiceId });
    }
    return paid ? findPledge(db, paid.pledgeId) : null;
  },
  // The payment this refund reverses is not recorded yet (its event is still on the way).
  retryUntilMatched: {
    detail: "The refunded payment is not known yet; Stripe will retry.",
    errors: [{ path: "data.object.payment_intent", message: "unknown payment" }],
  },
  effects: (f, ledger) => {
    const rate = rateOn(ledger.fx, f.refundedTotal.currency, f.at.slice(0, 10));
    const usdPerMinor = rate
      ? (rate.usdPerUnit * 100) / 10 ** minorUnitExponent(f.refundedTotal.currency)
      : null;
    return [
      ...recordRefund(ledger.db, {
        id: newId(),
        pledgeId: ledger.pledge.id,
        recipientOrgId: ledger.pledge.recipientOrgId,
        chargeId: f.chargeId,
        paymentIntentId: f.paymentIntentId,
        refundedTotal: f.refundedTotal,
        usdPerMinor,
        at: f.at,
      }),
      ledger.audit("payment.refunded", { charge: f.chargeId, refundedTotal: f.refundedTotal }),
    ];
  },
};
