// The manual provider (bank transfer): the pledger sends money to the account Sanad names, quoting the
// pledge's reference, and an admin confirms each transfer that arrives. No machine reports these
// payments, so its facts come from `confirm`, not from a webhook.
import type { Money } from "../domain/money";
import type { ConfirmedFacts, PaymentProvider, TransferInstructions } from "./provider";

/** What an admin reports about a transfer they saw arrive. */
export type TransferReport = { amount: Money; receivedAt: string; reference: string };

/** A confirmed transfer; `externalId` is the bank reference normalised, so each transfer counts once. */
export type ConfirmedTransfer = { amount: Money; at: string; reference: string; externalId: string };

export type TransferProblem =
  | { path: "amount.currency"; key: "err.pledge_currency"; params: { currency: string } }
  | { path: "amount.amount"; key: "err.amount_positive" }
  | { path: "receivedAt"; key: "err.datetime" | "err.future_date" };

/** Clocks differ: a transfer stamped up to a minute ahead of ours is not "in the future". */
const CLOCK_SKEW_MS = 60_000;

export const confirmTransfer: ConfirmedFacts<TransferReport, ConfirmedTransfer, TransferProblem>["confirm"] =
  (pledge, report, now) => {
    const problems: TransferProblem[] = [];
    if (report.amount.currency !== pledge.currency)
      problems.push({
        path: "amount.currency",
        key: "err.pledge_currency",
        params: { currency: pledge.currency },
      });
    if (report.amount.amount <= 0) problems.push({ path: "amount.amount", key: "err.amount_positive" });
    const receivedAt = new Date(report.receivedAt);
    if (Number.isNaN(receivedAt.getTime())) problems.push({ path: "receivedAt", key: "err.datetime" });
    else if (receivedAt.getTime() > now + CLOCK_SKEW_MS)
      problems.push({ path: "receivedAt", key: "err.future_date" });
    if (problems.length) return { ok: false, problems };
    const reference = report.reference.trim();
    return {
      ok: true,
      fact: {
        amount: report.amount,
        at: receivedAt.toISOString(),
        reference,
        externalId: reference.toUpperCase(),
      },
    };
  };

export interface ManualProvider
  extends PaymentProvider,
    ConfirmedFacts<TransferReport, ConfirmedTransfer, TransferProblem> {
  readonly name: "manual";
  /** What the pledger is told to do, for as long as the pledge runs. */
  instructions(pledge: { reference: string; amount: Money }): TransferInstructions;
}

/** `payTo`: the bank details pledgers transfer to. */
export const manualProvider = (payTo: string): ManualProvider => {
  const instructions = (p: { reference: string; amount: Money }) => ({
    payTo,
    reference: p.reference,
    amount: p.amount,
  });
  return {
    name: "manual",
    instructions,
    start: async (p) => ({ kind: "instructions", instructions: instructions(p) }),
    // Nothing was set up anywhere that could charge again: the pledger simply stops transferring.
    cancel: async () => {},
    confirm: confirmTransfer,
  };
};
