import { describe, expect, test } from "vitest";
import { checkCharge } from "../../worker/payments/stripe/charge-check";

describe("a Stripe charge against the pledge it names", () => {
  test.each([
    [
      { amount: 2500, currency: "USD" },
      { amount: 2500, currency: "usd" },
    ],
    [
      { amount: 5000, currency: "JPY" },
      { amount: 5000, currency: "jpy" },
    ], // zero-decimal: ¥5,000 is 5000 in both
    [
      { amount: 500_000, currency: "XOF" },
      { amount: 500_000, currency: "xof" },
    ],
    [
      { amount: 12_340, currency: "KWD" },
      { amount: 12_340, currency: "kwd" },
    ], // three decimals
    [
      { amount: 100_000, currency: "MGA" },
      { amount: 1000, currency: "mga" },
    ], // ISO two-decimal, Stripe whole ariary
    [
      { amount: 500, currency: "ISK" },
      { amount: 50_000, currency: "isk" },
    ], // whole krónur sent as two-decimal
    [
      { amount: 2500, currency: "USD" },
      { amount: 2500, currency: "USD" },
    ], // case of the code does not matter
  ])("%o is paid by %o", (pledged, received) => {
    expect(checkCharge(pledged, received)).toEqual({ ok: true });
  });

  test.each([
    [
      { amount: 2500, currency: "USD" },
      { amount: 100, currency: "usd" },
    ], // less
    [
      { amount: 2500, currency: "USD" },
      { amount: 250_000, currency: "usd" },
    ], // more is not the pledge either
    [
      { amount: 2500, currency: "USD" },
      { amount: 2500, currency: "eur" },
    ], // same number, other currency
    [
      { amount: 2500, currency: "USD" },
      { amount: 2500, currency: "jpy" },
    ], // ¥2,500 is not 25.00 USD
    [
      { amount: 5000, currency: "JPY" },
      { amount: 500_000, currency: "jpy" },
    ], // read as if JPY had two decimals
    [
      { amount: 5000, currency: "JPY" },
      { amount: 50, currency: "jpy" },
    ],
    [
      { amount: 500_000, currency: "XOF" },
      { amount: 5000, currency: "xof" },
    ],
    [
      { amount: 500_000, currency: "XOF" },
      { amount: 500_000, currency: "xaf" },
    ], // the other CFA franc
    [
      { amount: 500, currency: "ISK" },
      { amount: 50_049, currency: "isk" },
    ], // would round back to 500 ISK
    [
      { amount: 500, currency: "ISK" },
      { amount: 500, currency: "isk" },
    ], // 5 krónur
  ])("%o is not paid by %o", (pledged, received) => {
    expect(checkCharge(pledged, received)).toEqual({ ok: false, expected: expect.any(Object), received });
  });

  test("the mismatch names what was expected and what arrived, in Stripe's units", () => {
    expect(checkCharge({ amount: 5000, currency: "JPY" }, { amount: 500, currency: "jpy" })).toEqual({
      ok: false,
      expected: { amount: 5000, currency: "jpy" },
      received: { amount: 500, currency: "jpy" },
    });
  });

  test("no reported total, or a pledge Stripe could never charge, matches nothing", () => {
    expect(checkCharge({ amount: 2500, currency: "USD" }, null)).toEqual({
      ok: false,
      expected: { amount: 2500, currency: "usd" },
      received: null,
    });
    // 12.345 KWD cannot be charged (Stripe needs the last digit 0): no Stripe amount pays it.
    expect(checkCharge({ amount: 12_345, currency: "KWD" }, { amount: 12_345, currency: "kwd" })).toEqual({
      ok: false,
      expected: null,
      received: { amount: 12_345, currency: "kwd" },
    });
  });
});
