import { describe, expect, test } from "vitest";
import { ledgerTotals, committedInstallments } from "../../worker/domain/ledger";

describe("ledger totals", () => {
  test("pledged, paid and refunded per currency and in USD; refunds are negative entries", () => {
    const totals = ledgerTotals(
      [
        {
          amount: { amount: 10_000, currency: "USD" },
          interval: "month",
          installments: 24,
          status: "active",
          amountUsd: 10_000,
        },
        {
          amount: { amount: 500_000, currency: "XOF" },
          interval: "once",
          installments: null,
          status: "completed",
          amountUsd: 85_000,
        },
        {
          amount: { amount: 99_999, currency: "USD" },
          interval: "once",
          installments: null,
          status: "failed",
          amountUsd: 99_999,
        },
      ],
      [
        { amount: { amount: 10_000, currency: "USD" }, usd: 10_000 },
        { amount: { amount: 10_000, currency: "USD" }, usd: 10_000 },
        { amount: { amount: -10_000, currency: "USD" }, usd: -10_000 },
        { amount: { amount: 500_000, currency: "XOF" }, usd: 85_000 },
      ],
    );
    expect(totals.currencies).toEqual([
      { currency: "USD", pledged: 240_000, paid: 20_000, refunded: 10_000, net: 10_000 },
      { currency: "XOF", pledged: 500_000, paid: 500_000, refunded: 0, net: 500_000 },
    ]);
    expect(totals.usd).toEqual({
      pledged: 325_000,
      paid: 105_000,
      refunded: 10_000,
      net: 95_000,
      complete: true,
    });
  });

  test("open-ended pledges count a year; cancelled ones only what was paid; a missing rate is flagged", () => {
    expect(committedInstallments({ interval: "month", installments: null })).toBe(12);
    expect(committedInstallments({ interval: "year", installments: 3 })).toBe(3);
    const t = ledgerTotals(
      [
        {
          amount: { amount: 1000, currency: "EUR" },
          interval: "month",
          installments: null,
          status: "cancelled",
          amountUsd: null,
        },
      ],
      [{ amount: { amount: 1000, currency: "EUR" }, usd: null }],
      [1000],
    );
    expect(t.currencies[0]).toMatchObject({ currency: "EUR", pledged: 1000, paid: 1000 });
    expect(t.usd.complete).toBe(false);
  });
});
