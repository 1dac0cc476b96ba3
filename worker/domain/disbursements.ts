// Money sent to a group and what arrived: the rules for recording either, what was lost on the way (in US
// cents, each side at its own date's rate) and when a disbursement nobody confirmed is flagged.
import { daysBetween, isCalendarDate } from "./calendar-date";
import type { Money } from "./money";
import type { PayoutRailKind } from "../../schema/enums";

/** A disbursement still unconfirmed this many days after it was sent is flagged to both sides. */
export const CONFIRMATION_DAYS = 30;

export type DisbursementRequest = {
  amount: Money;
  sentOn: string;
  rail: PayoutRailKind;
  via?: string | null;
};

/** What the money is paid from: an award or a pledge, its currency, the day it began, what is left to send. */
export type Source = { currency: string; since: string; remaining: number };

export type DisbursementProblem =
  | { path: "amount.currency"; key: "err.disbursement_currency"; params: { currency: string } }
  | { path: "amount.amount"; key: "err.amount_positive" }
  | { path: "amount.amount"; key: "err.disbursement_exceeds"; params: { remaining: Money } }
  | { path: "sentOn"; key: "err.date" | "err.future_date" }
  | { path: "sentOn"; key: "err.sent_too_early"; params: { date: string } }
  | { path: "via"; key: "err.via_operator" | "err.via_host" };

/**
 * A disbursement is in the currency it was awarded or pledged in (conversion on the way shows up in the
 * receipt, where it is measured); at most what remains to send; sent on a real day between the award or
 * pledge and today (`latest`, see latestPresentDate). Mobile money names its operator and a fiscal host
 * its host, since the reference alone means nothing without them.
 */
export const disbursementProblems = (
  d: DisbursementRequest,
  source: Source,
  latest: string,
): DisbursementProblem[] => {
  const problems: DisbursementProblem[] = [];
  if (d.amount.currency !== source.currency)
    problems.push({
      path: "amount.currency",
      key: "err.disbursement_currency",
      params: { currency: source.currency },
    });
  else if (d.amount.amount <= 0) problems.push({ path: "amount.amount", key: "err.amount_positive" });
  else if (d.amount.amount > source.remaining)
    problems.push({
      path: "amount.amount",
      key: "err.disbursement_exceeds",
      params: { remaining: { amount: Math.max(source.remaining, 0), currency: source.currency } },
    });
  if (!isCalendarDate(d.sentOn)) problems.push({ path: "sentOn", key: "err.date" });
  else if (d.sentOn > latest) problems.push({ path: "sentOn", key: "err.future_date" });
  else if (d.sentOn < source.since)
    problems.push({ path: "sentOn", key: "err.sent_too_early", params: { date: source.since } });
  if (!d.via?.trim()) {
    if (d.rail === "mobile_money") problems.push({ path: "via", key: "err.via_operator" });
    if (d.rail === "fiscal_host") problems.push({ path: "via", key: "err.via_host" });
  }
  return problems;
};

export type ReceiptProblem =
  | { path: "received.amount"; key: "err.amount_positive" }
  | { path: "receivedOn"; key: "err.date" | "err.future_date" }
  | { path: "receivedOn"; key: "err.received_before_sent"; params: { date: string } };

/** What arrived: something (a zero would mean "lost", which is not a receipt), between sending and today. */
export const receiptProblems = (
  r: { received: Money; receivedOn: string },
  sentOn: string,
  latest: string,
): ReceiptProblem[] => {
  const problems: ReceiptProblem[] = [];
  if (r.received.amount <= 0) problems.push({ path: "received.amount", key: "err.amount_positive" });
  if (!isCalendarDate(r.receivedOn)) problems.push({ path: "receivedOn", key: "err.date" });
  else if (r.receivedOn > latest) problems.push({ path: "receivedOn", key: "err.future_date" });
  else if (r.receivedOn < sentOn)
    problems.push({ path: "receivedOn", key: "err.received_before_sent", params: { date: sentOn } });
  return problems;
};

/**
 * Lost on the way, in US cents: what was sent, at the rate of the day it was sent, minus what arrived,
 * at the rate of the day it arrived — fees and exchange together, since a group cannot tell them apart.
 * `share` is of what was sent. Negative when more arrived than was sent (a favourable rate). Null when
 * either side has no US-dollar value (a currency without a rate).
 */
export const lossOnTheWay = (sentUsd: number | null, receivedUsd: number | null) => {
  if (sentUsd === null || receivedUsd === null) return null;
  const lossUsd = sentUsd - receivedUsd;
  return { lossUsd, share: sentUsd > 0 ? lossUsd / sentUsd : null };
};

/**
 * Whether a disbursement is flagged: nobody confirmed it within CONFIRMATION_DAYS of `sentOn`. Day 30 is
 * still within; from day 31 it is flagged, until a receipt is confirmed. Returns the day it was sent (the
 * day the wait started) when flagged, null otherwise.
 */
export const unconfirmedSince = (sentOn: string, confirmed: boolean, today: string): string | null =>
  !confirmed && daysBetween(sentOn, today) > CONFIRMATION_DAYS ? sentOn : null;

/**
 * An award's money in one line: sent (in the award's currency), and in US cents what arrived and what was
 * lost on the way. Receipts arrive in any currency, so only their US-dollar values add up; a receipt
 * without one (no rate) is left out of both figures, which then say `complete: false`.
 */
export const moneyTotals = (
  currency: string,
  sent: readonly { amount: number; amountUsd: number | null; receipt: { amountUsd: number | null } | null }[],
) => {
  let disbursed = 0;
  let receivedUsd = 0;
  let lostUsd = 0;
  let complete = true;
  for (const d of sent) {
    disbursed += d.amount;
    if (!d.receipt) continue;
    const loss = lossOnTheWay(d.amountUsd, d.receipt.amountUsd);
    if (!loss || d.receipt.amountUsd === null) {
      complete = false;
      continue;
    }
    receivedUsd += d.receipt.amountUsd;
    lostUsd += loss.lossUsd;
  }
  return {
    disbursed: { amount: disbursed, currency },
    received: { amount: receivedUsd, currency: "USD" },
    lost: { amount: lostUsd, currency: "USD" },
    complete,
  };
};
