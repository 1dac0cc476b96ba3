// An organisation's public ledger from its pledges and payment entries: pledged, paid and refunded per
// currency and in US dollars. Pure; refunds are negative entries (never deletions), so totals can be
// recomputed from the entries at any time and a repeated provider event cannot change them.
import type { Money } from "./money";

export type PledgeInterval = "once" | "month" | "year";

export type LedgerPledge = {
  amount: Money;
  interval: PledgeInterval;
  /** Number of installments; null for "until cancelled". */
  installments: number | null;
  status: "pending" | "active" | "completed" | "cancelled" | "failed";
  /** US cents per installment at the pledge date's rate; null when no rate is known. */
  amountUsd: number | null;
};

/** A payment (positive) or a refund (negative), with its US-cent value at the entry's date. */
export type LedgerEntry = { amount: Money; usd: number | null };

/** Open-ended recurring pledges count one year of installments as "pledged" (stated on the ledger page). */
export const OPEN_ENDED_PERIODS: Record<PledgeInterval, number> = { once: 1, month: 12, year: 1 };

export const committedInstallments = (p: Pick<LedgerPledge, "interval" | "installments">) =>
  p.interval === "once" ? 1 : (p.installments ?? OPEN_ENDED_PERIODS[p.interval]);

type Totals = { pledged: number; paid: number; refunded: number };
const zero = (): Totals => ({ pledged: 0, paid: 0, refunded: 0 });

/**
 * Totals per currency and in USD. Failed pledges pledge nothing; cancelled ones count what was paid
 * (their remaining installments are no longer pledged, so pledged = paid for them).
 */
export const ledgerTotals = (
  pledges: LedgerPledge[],
  entries: LedgerEntry[],
  paidByPledge: number[] = [],
) => {
  const byCurrency = new Map<string, Totals>();
  const usd = zero();
  let usdComplete = true;
  const at = (c: string) => byCurrency.get(c) ?? byCurrency.set(c, zero()).get(c)!;
  pledges.forEach((p, i) => {
    if (p.status === "failed" || p.status === "pending") return;
    const n = committedInstallments(p);
    const pledged =
      p.status === "cancelled" ? Math.min(paidByPledge[i] ?? 0, p.amount.amount * n) : p.amount.amount * n;
    at(p.amount.currency).pledged += pledged;
    if (p.amountUsd === null) usdComplete = false;
    else usd.pledged += Math.round((p.amountUsd * pledged) / p.amount.amount);
  });
  for (const e of entries) {
    const t = at(e.amount.currency);
    if (e.amount.amount >= 0) t.paid += e.amount.amount;
    else t.refunded += -e.amount.amount;
    if (e.usd === null) usdComplete = false;
    else if (e.usd >= 0) usd.paid += e.usd;
    else usd.refunded += -e.usd;
  }
  const currencies = [...byCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, t]) => ({ currency, ...t, net: t.paid - t.refunded }));
  return { currencies, usd: { ...usd, net: usd.paid - usd.refunded, complete: usdComplete } };
};

/** Money sent to the organisation (from an award or pooled pledge money) and what it confirmed receiving. */
export type LedgerMoneyOut = {
  amount: Money;
  /** US cents at the sent date's rate. */
  usd: number | null;
  received: { amount: Money; usd: number | null } | null;
};

/**
 * Disbursed and received per currency (a receipt counts in the currency it arrived in) and in US dollars,
 * each side at its own date's rate, so the ledger reads pledged → paid in → disbursed → received.
 */
export const moneyOutTotals = (out: readonly LedgerMoneyOut[]) => {
  const byCurrency = new Map<string, { disbursed: number; received: number }>();
  const at = (c: string) => byCurrency.get(c) ?? byCurrency.set(c, { disbursed: 0, received: 0 }).get(c)!;
  const usd = { disbursed: 0, received: 0, complete: true };
  for (const d of out) {
    at(d.amount.currency).disbursed += d.amount.amount;
    if (d.usd === null) usd.complete = false;
    else usd.disbursed += d.usd;
    if (!d.received) continue;
    at(d.received.amount.currency).received += d.received.amount.amount;
    if (d.received.usd === null) usd.complete = false;
    else usd.received += d.received.usd;
  }
  const totals = [...byCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, t]) => ({ currency, ...t }));
  return { totals, usd };
};
