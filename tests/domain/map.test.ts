import { describe, expect, test } from "vitest";
import { binOf, classify, quantileBins, suppressCells } from "../../worker/domain/map";

describe("suppression", () => {
  test("a country covering fewer than k organisations shows no figure; k or more shows it", () => {
    const cells = suppressCells(
      [
        { country: "TD", value: 7, orgs: 4 },
        { country: "BT", value: 900_000, orgs: 5 },
        { country: "MN", value: 12, orgs: 6 },
      ],
      5,
    );
    expect(cells).toEqual([
      { country: "BT", value: 900_000, suppressed: false },
      { country: "MN", value: 12, suppressed: false },
      { country: "TD", value: null, suppressed: true },
    ]);
  });
  test("the figure is hidden whatever it is: a large amount from one organisation is still under k", () => {
    expect(suppressCells([{ country: "NE", value: 50_000_000, orgs: 1 }], 2)).toEqual([
      { country: "NE", value: null, suppressed: true },
    ]);
  });
  test("rows covering no organisation are not cells", () => {
    expect(suppressCells([{ country: "FJ", value: 0, orgs: 0 }], 5)).toEqual([]);
  });
});

describe("colour classes", () => {
  test("quantiles over distinct values: ten values in five classes of two", () => {
    expect(quantileBins([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([
      { min: 1, max: 2 },
      { min: 3, max: 4 },
      { min: 5, max: 6 },
      { min: 7, max: 8 },
      { min: 9, max: 10 },
    ]);
  });
  test("repeated values count once, fewer values than classes give one class each", () => {
    expect(quantileBins([5, 5, 5, 20, 20])).toEqual([
      { min: 5, max: 5 },
      { min: 20, max: 20 },
    ]);
    expect(quantileBins([])).toEqual([]);
  });
  test("uneven counts: seven values in three classes", () => {
    // floor(i·7/3): boundaries at 0, 2, 4, 7.
    expect(quantileBins([10, 20, 30, 40, 50, 60, 70], 3)).toEqual([
      { min: 10, max: 20 },
      { min: 30, max: 40 },
      { min: 50, max: 70 },
    ]);
  });
  test("a value's class, and -1 outside every class", () => {
    const bins = quantileBins([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect([1, 2, 3, 6, 10].map((v) => binOf(v, bins))).toEqual([0, 0, 1, 2, 4]);
    expect(binOf(11, bins)).toBe(-1);
  });
  test("classify: suppressed cells take no class and never shape the classes", () => {
    const { cells, bins } = classify(
      [
        { country: "A1", value: 10, suppressed: false },
        { country: "A2", value: null, suppressed: true },
        { country: "A3", value: 30, suppressed: false },
      ],
      5,
    );
    expect(bins).toEqual([
      { min: 10, max: 10 },
      { min: 30, max: 30 },
    ]);
    expect(cells.map((c) => c.bin)).toEqual([0, -1, 1]);
  });
});
