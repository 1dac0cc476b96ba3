import { describe, expect, test } from "vitest";
import { parseAmount, amountToInput, formatMoney, minorUnitExponent } from "../../worker/domain/money";

describe("money", () => {
  test("minor units follow ISO 4217, including zero- and three-decimal currencies", () => {
    expect(minorUnitExponent("USD")).toBe(2);
    expect(minorUnitExponent("XOF")).toBe(0);
    expect(minorUnitExponent("UGX")).toBe(0);
    expect(minorUnitExponent("KWD")).toBe(3);
    expect(minorUnitExponent("TND")).toBe(3);
  });

  test.each([
    ["8000", "USD", 800000],
    ["8,000", "USD", 800000],
    ["8 000,50", "EUR", 800050],
    ["8000.5", "USD", 800050],
    ["1.234.567,89", "EUR", 123456789],
    ["1,234,567.89", "USD", 123456789],
    ["2500000", "XOF", 2500000],
    ["2.500.000", "XOF", 2500000],
    ["8.000", "XOF", 8000],
    ["1.250", "KWD", 1250],
    ["٨٠٠٠", "USD", 800000],
    ["1.234", "USD", 123400], // a lone separator before three digits groups thousands
    ["12,34,567", "INR", 123456700], // South Asian grouping
  ])("parses %s %s as %i minor units", (input, currency, expected) => {
    expect(parseAmount(input, currency)).toBe(expected);
  });

  test.each([["abc"], ["-5"], ["12.5.6,7,8"], ["1.5.0"], [""], ["1e5"], ["0.001"], ["1,2345"]])(
    "refuses %s for USD",
    (input) => {
      expect(parseAmount(input, "USD")).toBeNull();
    },
  );

  test("round-trips minor units to what a form shows", () => {
    expect(amountToInput({ amount: 800050, currency: "USD" })).toBe("8000.5");
    expect(amountToInput({ amount: 800000, currency: "USD" })).toBe("8000");
    expect(amountToInput({ amount: 2500000, currency: "XOF" })).toBe("2500000");
    expect(amountToInput({ amount: 1250, currency: "KWD" })).toBe("1.25");
  });

  test("formats with Intl in the viewer's language", () => {
    expect(formatMoney({ amount: 800000, currency: "USD" }, "en")).toMatch(/^USD\s8,000$/);
    expect(formatMoney({ amount: 2500000, currency: "XOF" }, "fr")).toMatch(/^2\s500\s000\sXOF$/);
  });
});
