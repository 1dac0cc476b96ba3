// The departure rule: which decisions go against the ranking and must say why.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  departedWhenTaken,
  departingIds,
  wouldDepart,
  type RankedDecision,
} from "../../worker/domain/tally-departure";

const ranked = (...decisions: (RankedDecision["decision"] | "-")[]): RankedDecision[] =>
  decisions.map((d, i) => ({ applicationId: `a${i + 1}`, rank: i + 1, decision: d === "-" ? null : d }));

describe("departingIds", () => {
  test("following the ranking departs nowhere: awards at the top, declines below", () => {
    expect(departingIds(ranked("award", "award", "decline", "decline"))).toEqual(new Set());
    expect(departingIds(ranked("award", "-", "decline", "-"))).toEqual(new Set());
    expect(departingIds(ranked("-", "-", "-"))).toEqual(new Set());
  });

  test("an award below a declined application departs, and so does that decline", () => {
    // a2 declined, a3 awarded: a3 (award) has a2 declined above it; a2 (decline) has a3 awarded below it.
    expect(departingIds(ranked("award", "decline", "award", "decline"))).toEqual(new Set(["a2", "a3"]));
  });

  test("every end of every inversion departs, and only those", () => {
    // a1 declined; a2, a4 awarded; a3 declined; a5 undecided.
    // a2: award, a1 declined above → departs. a4: award, a1 and a3 above declined → departs.
    // a1: decline, awards below → departs. a3: decline, a4 awarded below → departs. a5: nothing decided.
    expect(departingIds(ranked("decline", "award", "decline", "award", "-"))).toEqual(
      new Set(["a1", "a2", "a3", "a4"]),
    );
  });

  test("ranks, not the order of the list, decide", () => {
    const items: RankedDecision[] = [
      { applicationId: "low", rank: 3, decision: "award" },
      { applicationId: "high", rank: 1, decision: "decline" },
      { applicationId: "mid", rank: 2, decision: null },
    ];
    expect(departingIds(items)).toEqual(new Set(["low", "high"]));
  });
});

describe("wouldDepart", () => {
  test("awarding below a decline, declining above an award: yes; the reverse: no", () => {
    const items = ranked("decline", "-", "award", "-");
    expect(wouldDepart(items, "a2", "award")).toBe(true); // a1 declined above
    expect(wouldDepart(items, "a2", "decline")).toBe(true); // a3 awarded below
    expect(wouldDepart(items, "a4", "decline")).toBe(false); // nothing awarded below
    expect(wouldDepart(ranked("award", "-", "decline"), "a2", "award")).toBe(false);
    expect(wouldDepart(ranked("award", "-", "decline"), "a2", "decline")).toBe(false);
  });

  test("the application's own earlier state is ignored, and one outside the ranking never departs", () => {
    expect(wouldDepart(ranked("-", "decline", "-"), "a2", "award")).toBe(false);
    expect(wouldDepart(ranked("decline"), "elsewhere", "award")).toBe(false);
  });

  test("agrees with departingIds: a decision would depart exactly when, once taken, it departs", () => {
    const decision = fc.constantFrom<RankedDecision["decision"]>("award", "decline", null);
    fc.assert(
      fc.property(
        fc.array(decision, { minLength: 1, maxLength: 12 }),
        fc.nat(),
        fc.constantFrom("award" as const, "decline" as const),
        (ds, pick, d) => {
          const items = ranked(...ds);
          const target = items[pick % items.length]!;
          const after = items.map((i) => (i === target ? { ...i, decision: d } : i));
          expect(wouldDepart(items, target.applicationId, d)).toBe(
            departingIds(after).has(target.applicationId),
          );
        },
      ),
    );
  });
});

describe("departedWhenTaken", () => {
  test("of an inversion's two ends, only the decision taken second departed when taken", () => {
    // a1 declined first (nothing awarded yet: in line), then a3 awarded (a1 declined above: departs).
    const items = [
      { applicationId: "a1", rank: 1, decision: "decline" as const, decidedAt: "2026-11-01T10:00:00Z" },
      { applicationId: "a2", rank: 2, decision: null, decidedAt: null },
      { applicationId: "a3", rank: 3, decision: "award" as const, decidedAt: "2026-11-02T10:00:00Z" },
    ];
    expect(departingIds(items)).toEqual(new Set(["a1", "a3"]));
    expect(departedWhenTaken(items)).toEqual(new Set(["a3"]));
    // The other way round: a3 awarded first, then a1 declined above it.
    const reversed = items.map((i) => ({
      ...i,
      decidedAt: i.applicationId === "a1" ? "2026-11-03T10:00:00Z" : i.decidedAt,
    }));
    expect(departedWhenTaken(reversed)).toEqual(new Set(["a1"]));
  });

  test("is always within departingIds: a decision that departed when taken still departs", () => {
    const decision = fc.constantFrom<RankedDecision["decision"]>("award", "decline", null);
    fc.assert(
      fc.property(fc.array(fc.tuple(decision, fc.nat(1000)), { minLength: 1, maxLength: 10 }), (rows) => {
        const items = rows.map(([d, at], i) => ({
          applicationId: `a${i + 1}`,
          rank: i + 1,
          decision: d,
          decidedAt: d ? String(at).padStart(4, "0") : null,
        }));
        const all = departingIds(items);
        for (const id of departedWhenTaken(items)) expect(all.has(id)).toBe(true);
      }),
    );
  });
});
