// The review tally against values computed by hand (arithmetic in the comments).
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { type ScoredReview, TALLY_METHOD, standardise, tallyReviews } from "../../worker/domain/review-tally";

const review = (reviewerId: string, applicationId: string, score: number): ScoredReview => ({
  reviewerId,
  applicationId,
  score,
});

describe("tallyReviews", () => {
  test("three reviewers, one of them with a single score, against hand-computed values", () => {
    // r1: X 5, Y 3, Z 1. mean 3; population variance (4 + 0 + 4) / 3 = 8/3; sd 1.632993
    //     z: X +1.224745, Y 0, Z −1.224745
    // r2: X 4, Y 4, Z 2. mean 10/3; deviations 2/3, 2/3, −4/3; variance (4/9 + 4/9 + 16/9) / 3 = 8/9;
    //     sd 0.942809; z: X +0.707107, Y +0.707107, Z −1.414214
    // r3: Y 1 only → z 0 (a single score says nothing about relative merit)
    // X: z (1.224745 + 0.707107) / 2 = 0.965926 → 0.966; raw (5 + 4) / 2 = 4.5
    // Y: z (0 + 0.707107 + 0) / 3 = 0.235702 → 0.236; raw (3 + 4 + 1) / 3 = 2.667 → 2.7
    // Z: z (−1.224745 − 1.414214) / 2 = −1.319479 → −1.319; raw (1 + 2) / 2 = 1.5
    // W: no reviews → last, nulls
    const tally = tallyReviews(
      ["W", "X", "Y", "Z"],
      [
        review("r1", "X", 5),
        review("r1", "Y", 3),
        review("r1", "Z", 1),
        review("r2", "X", 4),
        review("r2", "Y", 4),
        review("r2", "Z", 2),
        review("r3", "Y", 1),
      ],
    );
    expect(tally).toEqual({
      method: "mean of per-reviewer standardised scores (z), ties by id",
      items: [
        { applicationId: "X", reviews: 2, meanScore: 4.5, standardised: 0.966, rank: 1 },
        { applicationId: "Y", reviews: 3, meanScore: 2.7, standardised: 0.236, rank: 2 },
        { applicationId: "Z", reviews: 2, meanScore: 1.5, standardised: -1.319, rank: 3 },
        { applicationId: "W", reviews: 0, meanScore: null, standardised: null, rank: 4 },
      ],
    });
  });

  test("a harsh and a lenient reviewer: standardising reorders what raw means would get wrong", () => {
    // Harsh H scores A 3, B 1: mean 2, sd sqrt((1 + 1) / 2) = 1 → z A +1, B −1.
    // Lenient L scores C 5, D 4: mean 4.5, sd 0.5 → z C +1, D −1.
    // Raw means rank C 5, D 4, A 3, B 1: D above A only because L is lenient.
    // Standardised: A +1, C +1 (tie → by id: A, C), then B −1, D −1 (tie → B, D).
    const tally = tallyReviews(
      ["A", "B", "C", "D"],
      [review("H", "A", 3), review("H", "B", 1), review("L", "C", 5), review("L", "D", 4)],
    );
    expect(tally.items.map((i) => [i.applicationId, i.meanScore, i.standardised, i.rank])).toEqual([
      ["A", 3, 1, 1],
      ["C", 5, 1, 2],
      ["B", 1, -1, 3],
      ["D", 4, -1, 4],
    ]);
    const byRaw = [...tally.items].sort((a, b) => b.meanScore! - a.meanScore!).map((i) => i.applicationId);
    expect(byRaw).toEqual(["C", "D", "A", "B"]);
  });

  test("a reviewer who gives everything the same score contributes 0, not a division by zero", () => {
    // r1: P 5, Q 1 → mean 3, sd 2 → z P +1, Q −1.  r2: P 3, Q 3 → sd 0 → z 0, 0.
    // P: (1 + 0) / 2 = 0.5, raw 4.0;  Q: (−1 + 0) / 2 = −0.5, raw 2.0
    const tally = tallyReviews(
      ["P", "Q"],
      [review("r1", "P", 5), review("r1", "Q", 1), review("r2", "P", 3), review("r2", "Q", 3)],
    );
    expect(tally.items).toEqual([
      { applicationId: "P", reviews: 2, meanScore: 4, standardised: 0.5, rank: 1 },
      { applicationId: "Q", reviews: 2, meanScore: 2, standardised: -0.5, rank: 2 },
    ]);
  });

  test("only single-score reviewers: every application ties at 0 and ranks by id", () => {
    const tally = tallyReviews(
      ["c", "a", "b"],
      [review("r1", "c", 5), review("r2", "a", 1), review("r3", "b", 3)],
    );
    expect(tally.items.map((i) => [i.applicationId, i.standardised, i.meanScore, i.rank])).toEqual([
      ["a", 0, 1, 1],
      ["b", 0, 3, 2],
      ["c", 0, 5, 3],
    ]);
  });

  test("no reviews at all: all last, by id, with nulls", () => {
    expect(tallyReviews(["b", "a"], []).items).toEqual([
      { applicationId: "a", reviews: 0, meanScore: null, standardised: null, rank: 1 },
      { applicationId: "b", reviews: 0, meanScore: null, standardised: null, rank: 2 },
    ]);
    expect(tallyReviews([], []).method).toBe(TALLY_METHOD);
  });

  test("true ties survive floating point: equal z-sums computed in different orders still tie", () => {
    // r1 scores 1, 2, 4 (mean 7/3): z values are irrational; E and F get the same multiset of z values
    // from r1/r2 in different orders, so they must tie and fall back to id order.
    const reviews = [
      review("r1", "E", 1),
      review("r1", "F", 4),
      review("r1", "G", 2),
      review("r2", "E", 4),
      review("r2", "F", 1),
      review("r2", "G", 2),
    ];
    const items = tallyReviews(["F", "E", "G"], reviews).items;
    expect(items[0]!.standardised).toBe(items[1]!.standardised);
    expect(items.map((i) => i.applicationId)).toEqual(["E", "F", "G"]);
  });
});

describe("standardise", () => {
  test("each reviewer's z-scores have mean 0 and, unless constant or single, population sd 1", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 5 })), { maxLength: 30 }),
        (pairs) => {
          const reviews = pairs.map(([r, s], i) => review(`r${r}`, `a${i}`, s));
          const z = standardise(reviews);
          for (const id of new Set(reviews.map((r) => r.reviewerId))) {
            const mine = z.filter((_, i) => reviews[i]!.reviewerId === id);
            const scores = reviews.filter((r) => r.reviewerId === id).map((r) => r.score);
            const m = mine.reduce((s, x) => s + x, 0) / mine.length;
            expect(Math.abs(m)).toBeLessThan(1e-9);
            const sd = Math.sqrt(mine.reduce((s, x) => s + x * x, 0) / mine.length);
            expect(sd).toBeCloseTo(new Set(scores).size > 1 ? 1 : 0, 9);
          }
        },
      ),
    );
  });

  test("adding a constant to one reviewer's scores (a lenient twin) changes nothing", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 8 }), (scores) => {
        const harsh = scores.map((s, i) => review("h", `a${i}`, s));
        const lenient = scores.map((s, i) => review("h", `a${i}`, s + 2));
        expect(tallyReviews([], lenient).items.map((i) => [i.applicationId, i.standardised])).toEqual(
          tallyReviews([], harsh).items.map((i) => [i.applicationId, i.standardised]),
        );
      }),
    );
  });
});
