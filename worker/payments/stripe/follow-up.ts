// What Stripe must do after the ledger changed: stop a fixed-length subscription once its last installment
// is paid (at the end of the period, so nothing more is invoiced), and cancel a subscription whose pledge
// was cancelled before Checkout reported it. Both calls are idempotent at Stripe, so they run for
// duplicate deliveries too: a delivery that failed half-way is completed by Stripe's retry.
import type Stripe from "stripe";
import type { Db } from "../../db/client";
import { findPledge } from "../../db/pledges";
import { isLastInstallment } from "../../domain/pledges";
import { Problem } from "../../core/problem";

export const followUp = async (db: Db, api: Stripe, pledgeId: string) => {
  const p = await findPledge(db, pledgeId);
  if (!p?.stripeSubscriptionId || p.endedAt) return;
  try {
    if (p.cancelledAt && p.status !== "completed") await api.subscriptions.cancel(p.stripeSubscriptionId);
    else if (isLastInstallment(p, p.paymentsCount))
      await api.subscriptions.update(p.stripeSubscriptionId, { cancel_at_period_end: true });
  } catch (e) {
    console.error(`Stripe follow-up for pledge ${pledgeId} failed:`, e instanceof Error ? e.message : e);
    throw new Problem(
      503,
      "Recorded; the follow-up call to Stripe failed and will be retried with this event.",
      undefined,
      undefined,
      { "Retry-After": "60" },
    );
  }
};
