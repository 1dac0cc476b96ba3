// Annual budget bands in US dollars: one table for the equity report's "size band" dimension, the
// "small" factor of matching's equity boost, and the coarse band kept when an organisation is erased.

/**
 * `below`: the band's upper bound in US dollars (exclusive). `smallFactor`: how much of the boost's
 * "small" weight an organisation in this band gets — under 10,000 fully, above 250,000 not at all.
 */
export const SIZE_BANDS = [
  { key: "under_10k", below: 10_000, smallFactor: 1 },
  { key: "10k_50k", below: 50_000, smallFactor: 0.75 },
  { key: "50k_250k", below: 250_000, smallFactor: 0.35 },
  { key: "250k_1m", below: 1_000_000, smallFactor: 0 },
  { key: "1m_plus", below: Infinity, smallFactor: 0 },
] as const;

export type SizeBand = (typeof SIZE_BANDS)[number];
export type SizeBandKey = SizeBand["key"];

/** "Small" in the equity metrics: under 50,000 USD a year. */
export const SMALL_ORG_BUDGET_USD = 50_000;

/** The band of a budget already in US cents; null when unknown. */
export const bandOfUsdCents = (usdCents: number | null): SizeBand | null =>
  usdCents === null ? null : (SIZE_BANDS.find((b) => usdCents < b.below * 100) ?? SIZE_BANDS.at(-1)!);

/** The equity boost's "small" factor for a budget in US cents (0 when unknown). */
export const smallFactor = (usdCents: number | null) => bandOfUsdCents(usdCents)?.smallFactor ?? 0;
