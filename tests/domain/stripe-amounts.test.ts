import { describe, expect, test } from "vitest";
import { toStripeAmount, fromStripeAmount, meetsStripeMinimum } from "../../worker/domain/stripe-amounts";
import { fxTable } from "../../worker/domain/fx";

describe("amounts sent to Stripe", () => {
  test.each([
    [{ amount: 1000, currency: "USD" }, 1000, "usd"], // 10.00 USD
    [{ amount: 5000, currency: "XOF" }, 5000, "xof"], // zero-decimal in ISO and Stripe
    [{ amount: 250000, currency: "UGX" }, 250000, "ugx"],
    [{ amount: 5000, currency: "RWF" }, 5000, "rwf"],
    [{ amount: 12340, currency: "KWD" }, 12340, "kwd"], // 12.340 KWD, three decimals, last digit 0
    [{ amount: 1500, currency: "TND" }, 1500, "tnd"],
    [{ amount: 100000, currency: "MGA" }, 1000, "mga"], // 1,000.00 MGA in ISO units; Stripe takes whole ariary
    [{ amount: 500, currency: "ISK" }, 50000, "isk"], // 500 ISK as two-decimal whole krónur
  ])("%o → %i %s", (money, amount, currency) => {
    expect(toStripeAmount(money)).toEqual({ ok: true, amount, currency });
    expect(fromStripeAmount(amount, currency)).toEqual(money);
  });

  test("three-decimal amounts must end in 0; fractions of a unit Stripe cannot charge are refused", () => {
    expect(toStripeAmount({ amount: 12345, currency: "KWD" })).toEqual({
      ok: false,
      error: "three_decimal_last_digit",
    });
    expect(toStripeAmount({ amount: 100050, currency: "MGA" })).toEqual({
      ok: false,
      error: "fractional_unit",
    });
  });
});

describe("Stripe's minimum charge", () => {
  const fx = fxTable([{ currency: "XOF", asOf: "2025-06-30", usdPerUnit: 0.0017 }]);
  test("published minimums, and the 0.50 USD equivalent elsewhere", () => {
    expect(meetsStripeMinimum({ amount: 50, currency: "USD" }, fx, "2026-11-23")).toBe(true);
    expect(meetsStripeMinimum({ amount: 49, currency: "USD" }, fx, "2026-11-23")).toBe(false);
    expect(meetsStripeMinimum({ amount: 29, currency: "GBP" }, fx, "2026-11-23")).toBe(false);
    expect(meetsStripeMinimum({ amount: 50, currency: "JPY" }, fx, "2026-11-23")).toBe(true);
    expect(meetsStripeMinimum({ amount: 200, currency: "XOF" }, fx, "2026-11-23")).toBe(false); // 0.34 USD
    expect(meetsStripeMinimum({ amount: 300, currency: "XOF" }, fx, "2026-11-23")).toBe(true); // 0.51 USD
  });
});
