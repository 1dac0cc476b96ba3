// The digest's week key decides whether a re-run sends again: ISO 8601 weeks, across year ends.
import { describe, expect, test } from "vitest";
import { digestMailId, isoWeek, newSince } from "../../worker/domain/digest";

describe("digest weeks", () => {
  test("ISO weeks, including the ones that belong to the neighbouring year", () => {
    expect(isoWeek(new Date("2026-11-30T06:00:00Z"))).toBe("2026-W49");
    expect(isoWeek(new Date("2026-12-06T23:59:59Z"))).toBe("2026-W49");
    expect(isoWeek(new Date("2026-12-07T00:00:00Z"))).toBe("2026-W50");
    expect(isoWeek(new Date("2027-01-01T06:00:00Z"))).toBe("2026-W53");
    expect(isoWeek(new Date("2024-12-30T06:00:00Z"))).toBe("2025-W01");
  });

  test("one id per organisation, member and week; the first digest looks back seven days", () => {
    const monday = new Date("2026-11-30T06:00:00Z");
    expect(digestMailId("o", "u", monday)).toBe(digestMailId("o", "u", new Date("2026-11-30T06:15:00Z")));
    expect(digestMailId("o", "u", monday)).not.toBe(digestMailId("o", "u", new Date("2026-12-07T06:00:00Z")));
    expect(newSince(null, monday)).toBe("2026-11-23T06:00:00.000Z");
    expect(newSince("2026-11-28T00:00:00.000Z", monday)).toBe("2026-11-28T00:00:00.000Z");
  });
});
