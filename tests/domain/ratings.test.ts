// The k rule and the means of funder ratings, against hand-computed values.
import { describe, expect, test } from "vitest";
import { summariseRatings, type RatingRow } from "../../worker/domain/ratings";
import { withoutControls } from "../../schema/api/feedback";

const row = (
  easeOfApplying: number,
  respect: number,
  speed: number,
  comment: string | null = null,
): RatingRow => ({
  easeOfApplying,
  respect,
  speed,
  comment,
});

describe("summariseRatings", () => {
  test("below k nothing is published, not even the count; at k everything is", () => {
    const rows = [row(4, 5, 1, "b"), row(5, 4, 2, "a"), row(4, 4, 2), row(4, 4, 3, "c")];
    expect(summariseRatings(rows, 5)).toEqual({
      k: 5,
      suppressed: true,
      raters: null,
      easeOfApplying: null,
      respect: null,
      speed: null,
      comments: [],
    });
    // ease 17/4 = 4.25 → 4.3 (halves round up); respect 17/4 → 4.3; speed 8/4 = 2.
    expect(summariseRatings(rows, 4)).toEqual({
      k: 4,
      suppressed: false,
      raters: 4,
      easeOfApplying: 4.3,
      respect: 4.3,
      speed: 2,
      comments: ["a", "b", "c"],
    });
  });

  test("means to one decimal: 1.333… → 1.3, 1.666… → 1.7, 3.35 → 3.4", () => {
    expect(summariseRatings([row(1, 1, 1), row(1, 2, 2), row(2, 2, 2)], 2)).toMatchObject({
      easeOfApplying: 1.3,
      respect: 1.7,
      speed: 1.7,
    });
    const twenty = [...Array(13).fill(row(3, 3, 3)), ...Array(7).fill(row(4, 4, 4))];
    expect(summariseRatings(twenty, 5).easeOfApplying).toBe(3.4); // 67 / 20 = 3.35
  });

  test("no ratings at all is suppressed whatever k is", () => {
    expect(summariseRatings([], 0).suppressed).toBe(true);
  });
});

describe("withoutControls", () => {
  test("removes C0/C1 controls and bidi overrides, keeps line breaks, tabs and direction marks", () => {
    expect(withoutControls("a\u0000b\tc\r\nd\re\u007F\u0085\u202Ef\u2067g\u200Fh")).toBe(
      "ab\tc\nd\nefg\u200Fh",
    );
  });
});
