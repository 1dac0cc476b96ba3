import { describe, expect, test } from "vitest";
import {
  confirmsName,
  ERASED_ORG,
  GHOST_USER,
  isReservedEmail,
  sizeBand,
  bandBudget,
  reportBudgetUsdCents,
  yearOnly,
} from "../../worker/domain/org-erasure";
import { fxTable } from "../../worker/domain/fx";
import { SIZE_BANDS, SMALL_ORG_BUDGET_USD } from "../../worker/domain/size-bands";

describe("confirming a deletion by typing the name", () => {
  test.each([
    ["Tadamon Women's Collective", "Tadamon Women's Collective", true],
    ["Tadamon Women's Collective", "  tadamon   women's COLLECTIVE ", true],
    ["جمعية النور", "جمعية النور", true],
    // Arabic presentation forms (what some keyboards and PDFs produce) normalise to the same letters.
    ["جمعية النور", "ﺟﻤﻌﻴﺔ ﺍﻟﻨﻮﺭ", true],
    ["Café Solidaire", "Cafe\u0301 Solidaire", true],
    ["Tadamon Women's Collective", "Tadamon", false],
    ["Tadamon Women's Collective", "", false],
    ["  ", "  ", false],
  ])("%j confirmed by %j → %s", (name, typed, ok) => {
    expect(confirmsName(name, typed)).toBe(ok);
  });
});

describe("what the tombstone keeps", () => {
  test("nothing that names or describes the group; hidden, so reports never locate it", () => {
    expect(ERASED_ORG).toMatchObject({
      description: null,
      area: null,
      foundedYear: null,
      staffCount: null,
      volunteerCount: null,
      visibility: "hidden",
    });
    expect(Object.keys(ERASED_ORG)).not.toContain("country");
    expect(Object.keys(ERASED_ORG)).not.toContain("legalStatus");
  });
});

describe("the placeholder account's address", () => {
  test.each([
    [GHOST_USER.email, true],
    ["DELETED-USER@SANAD.INVALID", true],
    ["  deleted-user@sanad.invalid.", true],
    ["someone@mail.sanad.invalid", true],
    ["anyone@invalid", true],
    ["anyone@example.invalid", true],
    ["someone@sanad.org", false],
    ["someone@invalid.example.org", false],
    ["invalid@example.org", false],
    ["someone@notinvalid", false],
  ])("%j reserved → %s", (email, reserved) => {
    expect(isReservedEmail(email)).toBe(reserved);
  });
  test("the placeholder's password hash is no hash at all", () => {
    expect(GHOST_USER.passwordHash.startsWith("pbkdf2-sha256$")).toBe(false);
  });
});

describe("what the tombstone keeps of the budget: its size band, not the figure", () => {
  const fx = fxTable([
    { currency: "USD", asOf: "2025-06-30", usdPerUnit: 1 },
    { currency: "EUR", asOf: "2020-01-01", usdPerUnit: 2 },
    { currency: "EUR", asOf: "2025-06-30", usdPerUnit: 1.17 },
    { currency: "JPY", asOf: "2025-06-30", usdPerUnit: 0.0068 },
  ]);
  test.each([
    [{ amount: 800_000, currency: "USD" }, "under_10k", 0],
    [{ amount: 1_000_000, currency: "USD" }, "10k_50k", 1_000_000],
    [{ amount: 3_456_789, currency: "EUR" }, "10k_50k", 1_000_000],
    [{ amount: 4_999_999, currency: "USD" }, "10k_50k", 1_000_000],
    [{ amount: 5_000_000, currency: "USD" }, "50k_250k", 5_000_000],
    [{ amount: 50_000_000, currency: "JPY" }, "250k_1m", 25_000_000],
    [{ amount: 900_000_000, currency: "EUR" }, "1m_plus", 100_000_000],
  ])("%j → %s, kept as %i US cents", (budget, band, cents) => {
    expect(sizeBand(budget, fx)).toBe(band);
    const kept = bandBudget(budget, fx);
    expect(kept).toEqual({ amount: cents, currency: "USD" });
    // The kept amount lands in the same band and on the same side of the "small organisation" line.
    expect(sizeBand(kept, fx)).toBe(band);
    const small = (m: typeof budget) => reportBudgetUsdCents(m, fx)! < SMALL_ORG_BUDGET_USD * 100;
    expect(small(kept!)).toBe(small(budget));
  });
  test("the latest rate, as the equity report uses, not the first", () => {
    expect(reportBudgetUsdCents({ amount: 100, currency: "EUR" }, fx)).toBeCloseTo(117, 9);
  });
  test("no budget, or no rate for its currency, stays unknown", () => {
    expect(bandBudget(null, fx)).toBeNull();
    expect(bandBudget({ amount: 1_000_000, currency: "XYZ" }, fx)).toBeNull();
    expect(sizeBand({ amount: 1_000_000, currency: "XYZ" }, fx)).toBeNull();
  });
  test("every band's kept amount is its lower bound", () => {
    SIZE_BANDS.forEach((b, i) =>
      expect(
        bandBudget({ amount: (i === 0 ? 0 : SIZE_BANDS[i - 1].below) * 100, currency: "USD" }, fx),
      ).toEqual({ amount: (i === 0 ? 0 : SIZE_BANDS[i - 1].below) * 100, currency: "USD" }),
    );
  });
  test("dates are cut to the year", () => {
    expect(yearOnly("2026-11-30T03:06:33.256Z")).toBe("2026-01-01T00:00:00.000Z");
  });
});
