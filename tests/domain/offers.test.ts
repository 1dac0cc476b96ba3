// Who may post an offer, and what an award decision must carry, by funding type.
import { describe, expect, test } from "vitest";
import { awardInputProblems, posterProblem } from "../../worker/domain/offers";

const funder = { kind: "funder" as const, verified: false, trustLevel: 0 };
const group = (verified: boolean, trustLevel: number) => ({ kind: "cso" as const, verified, trustLevel });

describe("posterProblem", () => {
  test("funders draft anything and publish once verified", () => {
    expect(posterProblem(funder, "core", "draft")).toBeNull();
    expect(posterProblem(funder, "non_cash", "publish")).toEqual({
      path: "funderOrgId",
      reason: "unverified",
    });
    expect(posterProblem({ ...funder, verified: true }, "project", "publish")).toBeNull();
  });
  test("groups offer help once verified or at trust level 3, never money", () => {
    expect(posterProblem(group(true, 0), "non_cash", "publish")).toBeNull();
    expect(posterProblem(group(false, 3), "non_cash", "draft")).toBeNull();
    expect(posterProblem(group(false, 2), "non_cash", "draft")).toEqual({
      path: "funderOrgId",
      reason: "unverified",
    });
    expect(posterProblem(group(true, 4), "core", "draft")).toEqual({
      path: "funderOrgId",
      reason: "not_funder",
    });
  });
});

describe("awardInputProblems", () => {
  const offer = { fundingType: "non_cash" as const, offer: { quantity: 12 } };
  const money = { fundingType: "core" as const, offer: null };
  const usd = { amount: 100, currency: "USD" };
  test("a non-cash award takes a quantity up to the offer's, never an amount", () => {
    expect(awardInputProblems(offer, { quantity: 12 })).toEqual([]);
    expect(awardInputProblems(offer, { quantity: 13 })).toEqual([{ path: "quantity", key: "err.too_big" }]);
    expect(awardInputProblems(offer, {})).toEqual([{ path: "quantity", key: "err.required" }]);
    expect(awardInputProblems(offer, { amount: usd, quantity: 1 })).toEqual([
      { path: "amount", key: "offer.err_no_money" },
    ]);
  });
  test("a money award takes an amount, never a quantity", () => {
    expect(awardInputProblems(money, { amount: usd })).toEqual([]);
    expect(awardInputProblems(money, {})).toEqual([{ path: "amount", key: "err.required" }]);
    expect(awardInputProblems(money, { amount: usd, quantity: 2 })).toEqual([
      { path: "quantity", key: "offer.err_money_call" },
    ]);
  });
});
