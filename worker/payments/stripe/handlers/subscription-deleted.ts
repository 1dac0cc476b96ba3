// customer.subscription.deleted: Stripe stopped the subscription (its last installment paid, cancelled,
// or unpaid for too long). The pledge ends; its status follows from what was paid.
import { setFacts, refreshStatus } from "../../../db/pledges";
import type { SubscriptionEnded } from "../facts";
import { iso } from "../objects";
import type { EventOf, StripeEventHandler } from "./handler";

export const subscriptionDeleted: StripeEventHandler<
  EventOf<"customer.subscription.deleted">,
  SubscriptionEnded
> = {
  fact: (event) => {
    const sub = event.data.object;
    return {
      kind: "subscription_ended",
      pledgeId: sub.metadata?.pledge_id ?? null,
      subscriptionId: sub.id,
      at: iso(sub.ended_at, event.created),
    };
  },
  effects: (f, ledger) => [
    setFacts(ledger.db, ledger.pledge.id, { endedAt: f.at, stripeSubscriptionId: f.subscriptionId }),
    refreshStatus(ledger.db, ledger.pledge.id),
    ledger.audit("pledge.subscription_ended", { subscription: f.subscriptionId }),
  ],
};
