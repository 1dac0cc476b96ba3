// Non-cash offers: calls that give training seats, mentoring hours, travel, in-kind help or legal aid
// instead of money. Who may post one, and how an award of one reads. Pure.
import type { FundingType, OfferKind, OrgKind } from "../../schema/enums";

export const isNonCash = (c: { fundingType: FundingType }) => c.fundingType === "non_cash";

/** Trust level from which a civil-society group may offer help without the platform's own check. */
export const OFFER_MIN_TRUST_LEVEL = 3;

/**
 * Why an organisation may not post (or publish) a call of this funding type, or null when it may.
 * Funders post any call, published once the platform verified them. A civil-society group offers help,
 * never money (a money call for one is "not a funder", as before offers existed), and only once the
 * platform verified it or its chapter confirmed it (trust level 3): a fake offer of "legal aid"
 * collecting activists' details is the risk this closes.
 */
export const posterProblem = (
  org: { kind: OrgKind; verified: boolean; trustLevel: number },
  fundingType: FundingType,
  stage: "draft" | "publish",
): { path: "funderOrgId"; reason: "not_funder" | "unverified" } | null => {
  if (org.kind === "funder")
    return stage === "publish" && !org.verified ? { path: "funderOrgId", reason: "unverified" } : null;
  if (org.kind !== "cso" || fundingType !== "non_cash") return { path: "funderOrgId", reason: "not_funder" };
  return org.verified || org.trustLevel >= OFFER_MIN_TRUST_LEVEL
    ? null
    : { path: "funderOrgId", reason: "unverified" };
};

/**
 * An award of a non-cash call records the quantity granted (seats, hours, …) in the award's amount with
 * the ISO 4217 code for "no currency involved", and 0 US cents: so the awards table needs no new column,
 * and every money sum over amount_usd (reports, the equity rollup's triggers, "funding received") adds
 * nothing for it, while reports that must leave it out can tell it by its funding type.
 */
export const NO_CURRENCY = "XXX";

export const offerAward = (quantity: number) => ({
  amount: { amount: quantity, currency: NO_CURRENCY },
  amountUsd: 0,
});

/** What is wrong with a decision's amount or quantity for a call of this funding type. */
export const awardInputProblems = (
  call: { fundingType: FundingType; offer: { quantity: number } | null },
  d: { amount?: unknown; quantity?: number },
): {
  path: "amount" | "quantity";
  key: "err.required" | "err.too_big" | "offer.err_no_money" | "offer.err_money_call";
}[] => {
  if (!isNonCash(call)) {
    if (d.quantity !== undefined) return [{ path: "quantity", key: "offer.err_money_call" }];
    return d.amount ? [] : [{ path: "amount", key: "err.required" }];
  }
  if (d.amount) return [{ path: "amount", key: "offer.err_no_money" }];
  if (d.quantity === undefined) return [{ path: "quantity", key: "err.required" }];
  if (call.offer && d.quantity > call.offer.quantity) return [{ path: "quantity", key: "err.too_big" }];
  return [];
};

/** What a non-cash award gives (the call's kind, the award's quantity); null for money. */
export const awardOffer = (a: {
  fundingType: FundingType;
  offerWhat: OfferKind | null;
  amount: number;
}): { what: OfferKind; quantity: number } | null =>
  a.fundingType === "non_cash" && a.offerWhat ? { what: a.offerWhat, quantity: a.amount } : null;
