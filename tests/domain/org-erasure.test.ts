import { describe, expect, test } from "vitest";
import { confirmsName, ERASED_ORG } from "../../worker/domain/org-erasure";

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
    expect(ERASED_ORG).toMatchObject({ description: null, area: null, foundedYear: null, staffCount: null, volunteerCount: null, visibility: "hidden" });
    expect(Object.keys(ERASED_ORG)).not.toContain("country");
    expect(Object.keys(ERASED_ORG)).not.toContain("legalStatus");
  });
});
