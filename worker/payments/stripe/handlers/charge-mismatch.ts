// A charge that is not the pledged amount and currency neither pays the pledge nor (for a session) starts
// it: the event is still recorded as processed, so Stripe stops retrying something no retry can fix, and
// the audit log keeps what was expected and what arrived for someone to look into.
import { checkCharge, type StripeCharge } from "../charge-check";
import type { Ledger, Statement } from "./handler";

const shown = (c: StripeCharge | null) => (c ? `${c.amount} ${c.currency}` : "nothing");

/** null when the charge is the pledge's; otherwise the only statements the event may add. */
export const chargeMismatch = (
  ledger: Ledger,
  charged: StripeCharge | null,
  object: Record<string, string>,
): Statement[] | null => {
  const { pledge, event } = ledger;
  const check = checkCharge(pledge.amount, charged);
  if (check.ok) return null;
  console.warn(
    `Stripe event ${event.id} (${event.type}) charged ${shown(check.received)} for pledge ${pledge.id}, which expects ${shown(check.expected)} (Stripe units); recorded, not counted.`,
  );
  return [
    ledger.audit("payment.amount_mismatch", {
      ...object,
      pledged: pledge.amount,
      expected: check.expected,
      received: check.received,
    }),
  ];
};
