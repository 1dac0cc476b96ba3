// Pledge rules: what may be pledged, and the status that follows from the facts recorded so far.
// The status is a function of facts (not a state machine driven by events), so provider events that
// arrive twice or out of order end in the same status. db/pledges.ts writes the same rule in SQL.
import type { Money } from "./money";
import type { FxTable } from "./fx";
import { toStripeAmount, meetsStripeMinimum } from "./stripe-amounts";
import { STRIPE_CURRENCIES } from "./currencies";
import type { PledgeInterval, PledgeStatus, PaymentProvider } from "../../schema/enums";

export type PledgeFacts = {
  interval: PledgeInterval;
  installments: number | null;
  /** Payments recorded (refunds do not undo an installment having been paid). */
  paidCount: number;
  checkoutCompleted: boolean;
  /** The provider ended it: subscription deleted, checkout expired. */
  ended: boolean;
  /** The pledger cancelled it. */
  cancelled: boolean;
};

/** How many payments complete the pledge; null while it runs until cancelled. */
export const installmentTarget = (p: Pick<PledgeFacts, "interval" | "installments">) =>
  p.interval === "once" ? 1 : p.installments;

export const pledgeStatus = (f: PledgeFacts): PledgeStatus => {
  const target = installmentTarget(f);
  if (target !== null && f.paidCount >= target) return "completed";
  if (f.cancelled) return "cancelled";
  if (f.ended) return f.paidCount > 0 ? "cancelled" : "failed";
  if (f.paidCount > 0 || f.checkoutCompleted) return "active";
  return "pending";
};

/** Whether paying one more installment means the subscription must stop after this period. */
export const isLastInstallment = (p: Pick<PledgeFacts, "interval" | "installments">, paidCount: number) => {
  const target = installmentTarget(p);
  return p.interval !== "once" && target !== null && paidCount >= target;
};

export const canBeCancelled = (status: PledgeStatus) => status === "pending" || status === "active";

export type PledgeInput = { amount: Money; interval: PledgeInterval; installments?: number | null };
export type PledgeProblem = {
  path: string;
  key:
    | "err.installments_once"
    | "err.stripe_minimum"
    | "err.three_decimal"
    | "err.whole_units"
    | "err.amount_positive"
    | "currency.not_stripe";
};

/**
 * Problems with a pledge before anything is stored or sent to a provider. For Stripe the amount must be
 * expressible in Stripe's units and at least its minimum charge (checked here, before any API call).
 */
export const pledgeProblems = (
  p: PledgeInput,
  provider: PaymentProvider,
  fx: FxTable,
  date: string,
): PledgeProblem[] => {
  const problems: PledgeProblem[] = [];
  if (p.interval === "once" && p.installments != null && p.installments !== 1)
    problems.push({ path: "installments", key: "err.installments_once" });
  if (p.amount.amount <= 0) return [...problems, { path: "amount.amount", key: "err.amount_positive" }];
  if (provider === "stripe" && !STRIPE_CURRENCIES.has(p.amount.currency))
    return [...problems, { path: "amount.currency", key: "currency.not_stripe" }];
  if (provider === "stripe") {
    const stripe = toStripeAmount(p.amount);
    if (!stripe.ok)
      problems.push({
        path: "amount.amount",
        key: stripe.error === "three_decimal_last_digit" ? "err.three_decimal" : "err.whole_units",
      });
    else if (!meetsStripeMinimum(p.amount, fx, date))
      problems.push({ path: "amount.amount", key: "err.stripe_minimum" });
  }
  return problems;
};

/** Bank-transfer reference: short, unambiguous (no 0/O, 1/I), easy to read out over a phone. */
const REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const bankReference = (random: Uint8Array) =>
  "SND-" + [...random.slice(0, 8)].map((b) => REFERENCE_ALPHABET[b % REFERENCE_ALPHABET.length]).join("");
