import { describe, expect, test } from "vitest";
import { effectiveStatus, daysLeft, applicationMinutes } from "../../worker/domain/calls";
import { zonedInputToIso, isoToZonedInput } from "../../worker/domain/time";
import { fxTable, rateOn, toUsdCents } from "../../worker/domain/fx";

const now = new Date("2026-11-23T12:00:00Z");

describe("call status and deadline", () => {
  test("an open call whose deadline has passed reads as closed; drafts and closed calls are unchanged", () => {
    expect(effectiveStatus({ status: "open", deadline: "2026-11-23T11:59:59Z" }, now)).toBe("closed");
    expect(effectiveStatus({ status: "open", deadline: "2026-11-23T12:00:00Z" }, now)).toBe("closed");
    expect(effectiveStatus({ status: "open", deadline: "2026-11-23T12:00:01Z" }, now)).toBe("open");
    expect(effectiveStatus({ status: "draft", deadline: "2020-01-01T00:00:00Z" }, now)).toBe("draft");
  });

  test("days left", () => {
    expect(daysLeft("2026-11-23T18:00:00Z", now)).toBe(0);
    expect(daysLeft("2026-11-24T12:00:00Z", now)).toBe(1);
    expect(daysLeft("2026-12-23T11:00:00Z", now)).toBe(29);
    expect(daysLeft("2026-11-23T11:00:00Z", now)).toBeNull();
  });

  test("the time estimate grows with the questions' limits and assumes the profile is reused", () => {
    expect(applicationMinutes([{ maxChars: 600 }])).toEqual({ low: 10, high: 15 });
    expect(applicationMinutes([{ maxChars: 800 }, { maxChars: 800 }, { maxChars: 500 }])).toEqual({
      low: 20,
      high: 40,
    });
    const five = applicationMinutes(Array.from({ length: 5 }, () => ({ maxChars: 5000 })));
    expect(five.high).toBeGreaterThan(400);
  });
});

describe("time zones", () => {
  test("a wall-clock deadline in a zone becomes the right UTC instant, and back", () => {
    expect(zonedInputToIso("2026-12-31T17:00", "Africa/Dakar")).toBe("2026-12-31T17:00:00.000Z");
    expect(zonedInputToIso("2026-12-31T17:00", "Asia/Dhaka")).toBe("2026-12-31T11:00:00.000Z");
    expect(zonedInputToIso("2026-07-01T09:30", "America/Bogota")).toBe("2026-07-01T14:30:00.000Z");
    // Summer time: Beirut is UTC+3 in July and UTC+2 in January.
    expect(zonedInputToIso("2026-07-01T12:00", "Asia/Beirut")).toBe("2026-07-01T09:00:00.000Z");
    expect(zonedInputToIso("2026-01-15T12:00", "Asia/Beirut")).toBe("2026-01-15T10:00:00.000Z");
    expect(isoToZonedInput("2026-12-31T11:00:00.000Z", "Asia/Dhaka")).toBe("2026-12-31T17:00");
  });

  test("unreadable or impossible times are refused", () => {
    expect(zonedInputToIso("31/12/2026 17:00", "UTC")).toBeNull();
    expect(zonedInputToIso("2026-02-31T10:00", "UTC")).toBeNull();
    expect(zonedInputToIso("2026-12-31T24:00", "UTC")).toBeNull();
  });
});

describe("FX table", () => {
  const table = fxTable([
    { currency: "XOF", asOf: "2026-01-01", usdPerUnit: 0.0017 },
    { currency: "XOF", asOf: "2025-06-30", usdPerUnit: 0.0016 },
    { currency: "KWD", asOf: "2025-06-30", usdPerUnit: 3.25 },
  ]);

  test("uses the latest rate on or before the date, or the earliest when the date is older", () => {
    expect(rateOn(table, "XOF", "2025-12-31")?.usdPerUnit).toBe(0.0016);
    expect(rateOn(table, "XOF", "2026-01-01")?.usdPerUnit).toBe(0.0017);
    expect(rateOn(table, "XOF", "2020-01-01")?.usdPerUnit).toBe(0.0016);
    expect(rateOn(table, "EUR", "2026-01-01")).toBeNull();
  });

  test("converts minor units of zero- and three-decimal currencies to US cents", () => {
    expect(toUsdCents({ amount: 5_000_000, currency: "XOF" }, table, "2025-12-31")).toBe(800_000); // 8,000 USD
    expect(toUsdCents({ amount: 1_500, currency: "KWD" }, table, "2026-01-01")).toBe(488); // 1.500 KWD = 4.875 USD
    expect(toUsdCents({ amount: 123, currency: "USD" }, table, "2026-01-01")).toBe(123);
    expect(toUsdCents({ amount: 1, currency: "EUR" }, table, "2026-01-01")).toBeNull();
  });
});
