// The application workflow's table, cell by cell, against the matrix written out here by hand: a change
// to who may do what, or from where, has to be made in both places.
import { describe, expect, test } from "vitest";
import { APPLICATION_STATUSES, type ApplicationStatus } from "../../schema/enums";
import {
  APPLICATION_ACTIONS,
  actionsFor,
  actorOf,
  fromStatuses,
  isAllowed,
  nextStatus,
  statusChange,
  type ApplicationAction,
  type Outcome,
} from "../../worker/domain/application-workflow";
import { averageScore, reviewAverage } from "../../worker/domain/applications";

const __ = null;
/** Rows: statuses. Columns: the actions, in this order. A cell: where the action leads, or __ (refused). */
const COLUMNS = ["save", "submit", "withdraw", "review", "award", "decline", "org_deleted"] as const;
// biome-ignore format: the matrix reads as a table
const EXPECTED: Record<ApplicationStatus, (Outcome | null)[]> = {
  //             save     submit       withdraw     review          award      decline     org_deleted
  draft:        ["draft", "submitted", "withdrawn", __,             __,        __,         "deleted"],
  submitted:    [__,      __,          "withdrawn", "under_review", "awarded", "declined", "withdrawn"],
  under_review: [__,      __,          "withdrawn", "under_review", "awarded", "declined", "withdrawn"],
  awarded:      [__,      __,          __,          __,             __,        __,         __],
  declined:     [__,      __,          __,          __,             __,        __,         __],
  withdrawn:    [__,      __,          __,          __,             __,        __,         __],
};
const EXPECTED_ACTOR: Record<ApplicationAction, string> = {
  save: "applicant",
  submit: "applicant",
  withdraw: "applicant",
  review: "funder",
  award: "funder",
  decline: "funder",
  org_deleted: "erasure",
};

describe("the application workflow table", () => {
  test("the matrix names every status and every action", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...APPLICATION_STATUSES].sort());
    expect([...COLUMNS].sort()).toEqual([...APPLICATION_ACTIONS].sort());
  });

  const cells = APPLICATION_STATUSES.flatMap((status) =>
    COLUMNS.map((action, i) => ({ status, action, expected: EXPECTED[status][i] })),
  );
  test.each(cells)("$status × $action → $expected", ({ status, action, expected }) => {
    expect(nextStatus(status, action)).toBe(expected);
    expect(isAllowed(status, action)).toBe(expected !== null);
    expect(fromStatuses(action).includes(status)).toBe(expected !== null);
    if (expected !== null) expect(fromStatuses(action, expected)).toContain(status);
    const actor = actorOf(action);
    expect(actor).toBe(EXPECTED_ACTOR[action]);
    for (const side of ["applicant", "funder"] as const)
      expect(actionsFor(status, side).includes(action as never)).toBe(expected !== null && actor === side);
  });

  test("decided and withdrawn applications never move again", () => {
    for (const status of ["awarded", "declined", "withdrawn"] as const) {
      expect(actionsFor(status, "applicant")).toEqual([]);
      expect(actionsFor(status, "funder")).toEqual([]);
    }
  });

  test("the guarded UPDATEs: where each status change starts and the one status it writes", () => {
    expect(statusChange("submit")).toEqual({ from: ["draft"], to: "submitted" });
    expect(statusChange("withdraw")).toEqual({
      from: ["draft", "submitted", "under_review"],
      to: "withdrawn",
    });
    // Only the first review moves the application; a review of one already under review changes nothing.
    expect(statusChange("review")).toEqual({ from: ["submitted"], to: "under_review" });
    expect(statusChange("award")).toEqual({ from: ["submitted", "under_review"], to: "awarded" });
    expect(statusChange("decline")).toEqual({ from: ["submitted", "under_review"], to: "declined" });
    expect(() => statusChange("save")).toThrow();
    expect(() => statusChange("org_deleted")).toThrow();
  });

  test("the erasure deletes drafts and withdraws pending applications", () => {
    expect(fromStatuses("org_deleted", "deleted")).toEqual(["draft"]);
    expect(fromStatuses("org_deleted", "withdrawn")).toEqual(["submitted", "under_review"]);
    expect(fromStatuses("save")).toEqual(["draft"]);
  });
});

describe("the review average", () => {
  test("one decimal, null before the first review, the same from scores or from a sum and a count", () => {
    expect(averageScore([])).toBeNull();
    expect(reviewAverage(0, 0)).toBeNull();
    expect(averageScore([4, 5])).toBe(4.5);
    expect(averageScore([4, 4, 5])).toBe(4.3);
    expect(averageScore([1, 2, 2])).toBe(1.7);
    for (const scores of [[1], [5, 5, 4], [3, 4, 4, 4, 5, 1, 2], [2, 3, 3]])
      expect(
        reviewAverage(
          scores.reduce((a, b) => a + b, 0),
          scores.length,
        ),
      ).toBe(averageScore(scores));
  });
});
