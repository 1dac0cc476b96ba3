// Whether what Stripe says it charged is what the pledge asked for. A signed event proves only that
// Stripe saw the charge, not that Sanad set its price: a Payment Link or another integration on the same
// account can carry `client_reference_id=<pledge id>` with any amount, and a price can be edited in the
// Dashboard. So only a charge of exactly the pledged amount, in the pledged currency, pays a pledge.
// Pure (unit-tested); the webhook handlers decide what a mismatch means (handlers/charge-mismatch.ts).
import { toStripeAmount } from "../../domain/stripe-amounts";
import type { Money } from "../../domain/money";

/** An amount as Stripe reports it: an integer in Stripe's unit for the currency, and the currency code. */
export type StripeCharge = { amount: number; currency: string };

/** `expected` is null when the pledged amount cannot be charged through Stripe at all (then nothing matches). */
export type ChargeCheck =
  | { ok: true }
  | { ok: false; expected: StripeCharge | null; received: StripeCharge | null };

/**
 * Compared in Stripe's units, converting the pledge the same exact way Checkout was asked for it, rather
 * than converting Stripe's amount back: that direction rounds (ISK, three-decimal currencies), which could
 * make two different charges look equal.
 */
export const checkCharge = (pledged: Money, received: StripeCharge | null): ChargeCheck => {
  const unit = toStripeAmount(pledged);
  const expected = unit.ok ? { amount: unit.amount, currency: unit.currency } : null;
  const same =
    expected !== null &&
    received !== null &&
    received.amount === expected.amount &&
    received.currency.toLowerCase() === expected.currency;
  return same ? { ok: true } : { ok: false, expected, received };
};
