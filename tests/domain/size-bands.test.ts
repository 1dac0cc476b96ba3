import { describe, expect, it } from "vitest";
import {
  SIZE_BANDS,
  bandOfUsdCents,
  smallFactor,
  SMALL_ORG_BUDGET_USD,
} from "../../worker/domain/size-bands";

describe("size bands: one table for the report's bands and matching's 'small' factor", () => {
  it("puts budgets on each side of every boundary in the right band, with the boost that band gives", () => {
    const cents = (usd: number) => usd * 100;
    const cases: [number, string, number][] = [
      [0, "under_10k", 1],
      [9_999.99, "under_10k", 1],
      [10_000, "10k_50k", 0.75],
      [49_999, "10k_50k", 0.75],
      [50_000, "50k_250k", 0.35],
      [249_999, "50k_250k", 0.35],
      [250_000, "250k_1m", 0],
      [1_000_000, "1m_plus", 0],
      [50_000_000, "1m_plus", 0],
    ];
    for (const [usd, key, factor] of cases) {
      expect(bandOfUsdCents(cents(usd))?.key, `${usd} USD`).toBe(key);
      expect(smallFactor(cents(usd)), `${usd} USD`).toBe(factor);
    }
  });

  it("an unknown budget has no band and no boost", () => {
    expect(bandOfUsdCents(null)).toBeNull();
    expect(smallFactor(null)).toBe(0);
  });

  it("'small' in the metrics is a band boundary, and the boost never rises with the budget", () => {
    expect(SIZE_BANDS.some((b) => b.below === SMALL_ORG_BUDGET_USD)).toBe(true);
    const factors = SIZE_BANDS.map((b) => b.smallFactor);
    expect([...factors].sort((a, b) => b - a)).toEqual(factors);
  });
});
