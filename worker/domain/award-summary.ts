// An award's public accounting: what was committed, sent, confirmed as arrived and reported, with dates,
// and nothing that is only the two sides' business (references, notes, receipt files).
import type { Money } from "./money";
import { moneyTotals } from "./disbursements";

export type SentMoney = {
  amount: Money;
  amountUsd: number | null;
  sentOn: string;
  receipt: { amount: Money; amountUsd: number | null; receivedOn: string } | null;
};

export type AwardSummary = {
  committed: Money;
  awardedAt: string;
  /** In the award's currency. */
  disbursed: Money;
  /** In US dollars at each receipt's date: receipts arrive in any currency. */
  received: Money;
  usdComplete: boolean;
  reported: number;
  payments: { sentOn: string; amount: Money; receivedOn: string | null; received: Money | null }[];
};

export const awardSummary = (
  award: { amount: Money; awardedAt: string },
  sent: readonly SentMoney[],
  reported: number,
): AwardSummary => {
  const totals = moneyTotals(
    award.amount.currency,
    sent.map((d) => ({ amount: d.amount.amount, amountUsd: d.amountUsd, receipt: d.receipt })),
  );
  return {
    committed: award.amount,
    awardedAt: award.awardedAt,
    disbursed: totals.disbursed,
    received: totals.received,
    usdComplete: totals.complete,
    reported,
    payments: sent.map((d) => ({
      sentOn: d.sentOn,
      amount: d.amount,
      receivedOn: d.receipt?.receivedOn ?? null,
      received: d.receipt?.amount ?? null,
    })),
  };
};
