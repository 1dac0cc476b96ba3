// checkout.session.expired: the pledger never paid (or the pledge was cancelled and its session expired),
// so the pledge ends; without payments it is "failed".
import { setFacts, refreshStatus } from "../../../db/pledges";
import type { CheckoutExpired } from "../facts";
import { iso, sessionPledgeId } from "../objects";
import type { EventOf, StripeEventHandler } from "./handler";

export const checkoutExpired: StripeEventHandler<EventOf<"checkout.session.expired">, CheckoutExpired> = {
  fact: (event) => {
    const s = event.data.object;
    return {
      kind: "checkout_expired",
      pledgeId: sessionPledgeId(s),
      sessionId: s.id,
      at: iso(null, event.created),
    };
  },
  effects: (f, ledger) => [
    setFacts(ledger.db, ledger.pledge.id, { endedAt: f.at }),
    refreshStatus(ledger.db, ledger.pledge.id),
    ledger.audit("pledge.checkout_expired", { session: f.sessionId }),
  ],
};
