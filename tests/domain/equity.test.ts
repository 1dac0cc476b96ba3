import { describe, expect, test } from "vitest";
import {
  gini,
  hhi,
  topShare,
  topCount,
  lorenz,
  adverseImpactRatios,
  suppressedKeys,
  shareDisclosable,
  successRate,
  afterAwardMeasures,
} from "../../worker/domain/equity";
import { toCsv } from "../../worker/domain/csv";
import { majorUnits } from "../../worker/domain/giving360";

describe("concentration measures, against hand-computed values", () => {
  test("a perfectly equal distribution", () => {
    const equal = [500, 500, 500, 500];
    expect(gini(equal)).toBeCloseTo(0, 12);
    expect(hhi(equal)).toBeCloseTo(2500, 9); // 4 × 25²
    expect(topShare(equal)).toBeCloseTo(0.25, 12); // top 10% of 4 is one recipient
    expect(lorenz(equal)).toEqual([
      [0, 0],
      [0.25, 0.25],
      [0.5, 0.5],
      [0.75, 0.75],
      [1, 1],
    ]);
  });
  test("a maximally concentrated distribution", () => {
    const one = [0, 0, 0, 1000];
    expect(gini(one)).toBeCloseTo(0.75, 12); // (n − 1) / n
    expect(hhi(one)).toBeCloseTo(10_000, 9);
    expect(hhi([7])).toBeCloseTo(10_000, 9);
    expect(topShare(one)).toBe(1);
  });
  test("an uneven one: 1, 2, 3, 4", () => {
    // G = 2·Σ i·x(i) / (n·Σx) − (n+1)/n = 2·30/40 − 5/4 = 0.25
    expect(gini([4, 1, 3, 2])).toBeCloseTo(0.25, 12);
    expect(hhi([1, 2, 3, 4])).toBeCloseTo(100 + 400 + 900 + 1600, 9);
    // 1..20: the top 2 (10%) get 39 of 210
    expect(topShare(Array.from({ length: 20 }, (_, i) => i + 1))).toBeCloseTo(39 / 210, 12);
    expect(topCount(20)).toBe(2);
    expect(topCount(21)).toBe(3);
    expect(topCount(1)).toBe(1);
  });
  test("nothing to measure → null, not NaN", () => {
    expect(gini([])).toBeNull();
    expect(hhi([0, 0])).toBeNull();
    expect(topShare([])).toBeNull();
    expect(lorenz([])).toEqual([]);
  });
  test("success rates and adverse impact ratios (four-fifths rule)", () => {
    expect(successRate(3, 6)).toBe(0.5);
    expect(successRate(0, 0)).toBeNull();
    expect(adverseImpactRatios([0.5, 0.25, null, 0.45])).toEqual([1, 0.5, null, 0.9]);
    expect(adverseImpactRatios([0, 0])).toEqual([null, null]);
  });
});

describe("after the award, against hand-computed values", () => {
  const sums = {
    disbursedAwards: 3,
    disbursed: 14_400,
    received: 12_680,
    confirmedSent: 13_000,
    confirmedReceived: 12_680,
    medianDays: 60,
  };
  test("shares of the amount awarded, the loss over confirmed receipts, the wait and who still waits", () => {
    const m = afterAwardMeasures(sums, 19_800, 4);
    expect(m.disbursedShare).toBeCloseTo(14_400 / 19_800, 12);
    expect(m.receivedShare).toBeCloseTo(12_680 / 19_800, 12);
    // 14,400 sent but only 13,000 confirmed: the unconfirmed 1,400 is not counted as lost.
    expect(m.lossShare).toBeCloseTo(320 / 13_000, 12);
    expect(m.medianDaysToFirstDisbursement).toBe(60);
    expect(m.awaitingDisbursement).toBe(1);
  });
  test("rates that rose after the award: more than 1 disbursed, a negative loss", () => {
    const m = afterAwardMeasures(
      { ...sums, disbursed: 1_100, received: 1_150, confirmedSent: 1_100, confirmedReceived: 1_150 },
      1_000,
      3,
    );
    expect(m.disbursedShare).toBeCloseTo(1.1, 12);
    expect(m.lossShare).toBeCloseTo(-50 / 1_100, 12);
  });
  test("nothing sent yet: none disbursed, no loss to speak of, every award waiting; nothing awarded → null", () => {
    expect(afterAwardMeasures(undefined, 5_000, 2)).toEqual({
      disbursedShare: 0,
      receivedShare: 0,
      lossShare: null,
      medianDaysToFirstDisbursement: null,
      awaitingDisbursement: 2,
    });
    expect(afterAwardMeasures({ ...sums, confirmedSent: 0, confirmedReceived: 0 }, 0, 3)).toMatchObject({
      disbursedShare: null,
      receivedShare: null,
      lossShare: null,
    });
  });
});

describe("disclosure control", () => {
  test("a lone small group takes the next smallest with it, so total − others does not reveal it", () => {
    const hidden = suppressedKeys(
      [
        { key: "a", orgs: 10 },
        { key: "b", orgs: 3 },
        { key: "c", orgs: 8 },
        { key: "d", orgs: 9 },
      ],
      30,
      5,
    );
    expect([...hidden].sort()).toEqual(["b", "c"]);
  });
  test("small groups that together still cover fewer than k take more groups with them", () => {
    const hidden = suppressedKeys(
      [
        { key: "a", orgs: 10 },
        { key: "b", orgs: 2 },
        { key: "c", orgs: 2 },
        { key: "d", orgs: 20 },
      ],
      34,
      5,
    );
    expect([...hidden].sort()).toEqual(["a", "b", "c"]);
  });
  test("two small groups covering k or more between them are enough", () => {
    expect(
      [
        ...suppressedKeys(
          [
            { key: "a", orgs: 10 },
            { key: "b", orgs: 3 },
            { key: "c", orgs: 4 },
          ],
          17,
          5,
        ),
      ].sort(),
    ).toEqual(["b", "c"]);
  });
  test("no small group → nothing suppressed; a report covering fewer than k → everything", () => {
    expect(
      suppressedKeys(
        [
          { key: "a", orgs: 5 },
          { key: "b", orgs: 7 },
        ],
        12,
        5,
      ).size,
    ).toBe(0);
    expect(
      [
        ...suppressedKeys(
          [
            { key: "a", orgs: 2 },
            { key: "b", orgs: 2 },
          ],
          4,
          5,
        ),
      ].sort(),
    ).toEqual(["a", "b"]);
  });
  test("a subset share is published only when both the subset and the rest cover 0 or at least k", () => {
    expect(shareDisclosable(6, 12, 5)).toBe(true);
    expect(shareDisclosable(3, 12, 5)).toBe(false);
    expect(shareDisclosable(10, 12, 5)).toBe(false);
    expect(shareDisclosable(12, 12, 5)).toBe(true);
    expect(shareDisclosable(0, 12, 5)).toBe(true);
  });
});

describe("export formats", () => {
  test("CSV follows RFC 4180: commas, quotes and line breaks quoted, quotes doubled, CRLF, Arabic kept", () => {
    const csv = toCsv(
      ["key", "label", "amount"],
      [
        ["a", 'Fonds "Solidarité", Sahel', 12],
        ["b", "صندوق الأمل", null],
        ["c", "two\nlines", 0.5],
      ],
    );
    expect(csv).toBe(
      'key,label,amount\r\na,"Fonds ""Solidarité"", Sahel",12\r\nb,صندوق الأمل,\r\nc,"two\nlines",0.5\r\n',
    );
  });
  test("360Giving amounts are in major units, whatever the currency's decimals", () => {
    expect(majorUnits(12_340, "KWD")).toBe(12.34);
    expect(majorUnits(500_000, "XOF")).toBe(500_000);
    expect(majorUnits(1_234_567, "USD")).toBe(12_345.67);
  });
});
