// The rapid-response promise: when a decision is due, what is overdue, and the order a funder works in.
import { describe, expect, test } from "vitest";
import {
  decideBy,
  timeLeft,
  isOverdue,
  daysOverdue,
  rapidTiming,
  byTimeLeft,
  waitingByCall,
} from "../../worker/domain/rapid";

const now = new Date("2026-11-23T12:00:00.000Z");

describe("the promised decision", () => {
  test("is the submission plus the call's days, to the millisecond, across a month end", () => {
    expect(decideBy("2026-11-20T08:30:15.250Z", 3)).toBe("2026-11-23T08:30:15.250Z");
    expect(decideBy("2026-11-28T23:00:00.000Z", 7)).toBe("2026-12-05T23:00:00.000Z");
    expect(decideBy("2026-11-23T12:00:00.000Z", 0)).toBe("2026-11-23T12:00:00.000Z");
  });

  test("time left counts down and goes negative once passed", () => {
    expect(timeLeft("2026-11-24T12:00:00.000Z", now)).toBe(86_400_000);
    expect(timeLeft("2026-11-23T11:59:00.000Z", now)).toBe(-60_000);
  });

  test("overdue only while undecided, from the promised instant on", () => {
    const passed = "2026-11-23T11:59:59.999Z";
    expect(isOverdue({ status: "submitted", decideBy: passed }, now)).toBe(true);
    expect(isOverdue({ status: "under_review", decideBy: passed }, now)).toBe(true);
    expect(isOverdue({ status: "submitted", decideBy: now.toISOString() }, now)).toBe(true);
    expect(isOverdue({ status: "submitted", decideBy: "2026-11-23T12:00:00.001Z" }, now)).toBe(false);
    for (const status of ["awarded", "declined", "withdrawn", "draft"] as const)
      expect(isOverdue({ status, decideBy: passed }, now)).toBe(false);
    expect(isOverdue({ status: "submitted", decideBy: null }, now)).toBe(false);
  });

  test("days overdue count a started day", () => {
    expect(daysOverdue("2026-11-23T11:59:00.000Z", now)).toBe(1);
    expect(daysOverdue("2026-11-22T12:00:00.000Z", now)).toBe(1);
    expect(daysOverdue("2026-11-21T11:00:00.000Z", now)).toBe(3);
  });

  test("an application shows the promise only when the call is rapid and it was submitted", () => {
    const sent = { status: "submitted" as const, submittedAt: "2026-11-20T12:00:00.000Z" };
    expect(rapidTiming(sent, 2, now)).toEqual({ decideBy: "2026-11-22T12:00:00.000Z", overdue: true });
    expect(rapidTiming(sent, 5, now)).toEqual({ decideBy: "2026-11-25T12:00:00.000Z", overdue: false });
    expect(rapidTiming({ ...sent, status: "awarded" }, 2, now)).toEqual({
      decideBy: "2026-11-22T12:00:00.000Z",
      overdue: false,
    });
    expect(rapidTiming(sent, null, now)).toEqual({ decideBy: null, overdue: null });
    expect(rapidTiming({ status: "draft", submittedAt: null }, 2, now)).toEqual({
      decideBy: null,
      overdue: null,
    });
  });
});

describe("the funder's order", () => {
  test("undecided by time left (most overdue first), ties by id, then the rest as given", () => {
    const items = [
      { id: "a", status: "awarded" as const, decideBy: "2026-11-01T00:00:00.000Z" },
      { id: "b", status: "submitted" as const, decideBy: "2026-11-25T00:00:00.000Z" },
      { id: "d", status: "under_review" as const, decideBy: "2026-11-20T00:00:00.000Z" },
      { id: "c", status: "submitted" as const, decideBy: "2026-11-20T00:00:00.000Z" },
      { id: "e", status: "submitted" as const, decideBy: "2026-11-10T00:00:00.000Z" },
      { id: "f", status: "declined" as const, decideBy: "2026-11-02T00:00:00.000Z" },
      { id: "g", status: "withdrawn" as const, decideBy: "2026-11-03T00:00:00.000Z" },
    ];
    expect(byTimeLeft(items).map((a) => a.id)).toEqual(["e", "c", "d", "b", "a", "f", "g"]);
    // The input is left alone.
    expect(items.map((a) => a.id)).toEqual(["a", "b", "d", "c", "e", "f", "g"]);
  });

  test("a standard call's list (no promise) keeps its order", () => {
    const items = [
      { id: "z", status: "submitted" as const, decideBy: null },
      { id: "y", status: "submitted" as const, decideBy: null },
    ];
    expect(byTimeLeft(items).map((a) => a.id)).toEqual(["z", "y"]);
  });

  test("the account page groups waiting requests per call, earliest promise first, overdue flagged", () => {
    const rows = [
      { callId: "c2", callTitle: "Two", submittedAt: "2026-11-22T12:00:00.000Z", decisionWithinDays: 3 },
      { callId: "c1", callTitle: "One", submittedAt: "2026-11-21T12:00:00.000Z", decisionWithinDays: 7 },
      { callId: "c2", callTitle: "Two", submittedAt: "2026-11-19T12:00:00.000Z", decisionWithinDays: 3 },
      { callId: "c3", callTitle: "Three", submittedAt: "2026-11-21T12:00:00.000Z", decisionWithinDays: 7 },
    ];
    expect(waitingByCall(rows, now)).toEqual([
      { callId: "c2", callTitle: "Two", count: 2, decideBy: "2026-11-22T12:00:00.000Z", overdue: true },
      { callId: "c1", callTitle: "One", count: 1, decideBy: "2026-11-28T12:00:00.000Z", overdue: false },
      { callId: "c3", callTitle: "Three", count: 1, decideBy: "2026-11-28T12:00:00.000Z", overdue: false },
    ]);
    expect(waitingByCall([], now)).toEqual([]);
  });
});
