// Review assignment: eligibility, maximal coverage, even loads (checked against brute force on small
// random calls), order-independence, and reassignment after a declared conflict.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  type AssignmentInput,
  type ReviewApplication,
  type ReviewPair,
  type Reviewer,
  assignReviews,
  isEligible,
  reassignAfterConflict,
} from "../../worker/domain/review-assignment";

const loads = (input: AssignmentInput, assignments: ReviewPair[]) =>
  input.reviewers.map((r) => assignments.filter((a) => a.reviewerId === r.id).length);

const keyOf = (p: ReviewPair) => `${p.reviewerId}|${p.applicationId}`;

/** Every rule-1 violation in a result, as readable strings (empty when none). */
const violations = (input: AssignmentInput, assignments: ReviewPair[]) => {
  const conflicts = new Set(input.conflicts.map(keyOf));
  const out: string[] = [];
  const seen = new Set<string>();
  for (const p of assignments) {
    const r = input.reviewers.find((x) => x.id === p.reviewerId)!;
    const a = input.applications.find((x) => x.id === p.applicationId)!;
    if (seen.has(keyOf(p))) out.push(`duplicate ${keyOf(p)}`);
    seen.add(keyOf(p));
    if (r.orgId === a.orgId) out.push(`own ${keyOf(p)}`);
    if (r.memberOf.includes(a.orgId)) out.push(`member of applicant ${keyOf(p)}`);
    if (a.memberIds.includes(r.id)) out.push(`shared member ${keyOf(p)}`);
    if (conflicts.has(keyOf(p))) out.push(`declared conflict ${keyOf(p)}`);
  }
  return out;
};

/**
 * Brute force over every assignment (each application takes any subset of at most `per` eligible
 * reviewers): the largest total, and the smallest Σ load² among assignments of that total.
 */
const bruteForce = (input: AssignmentInput) => {
  const conflicts = new Set(input.conflicts.map((c) => `${c.reviewerId}\u0000${c.applicationId}`));
  const choices = input.applications.map((a) => {
    const eligible = input.reviewers
      .map((r, i) => (isEligible(r, a, conflicts) ? i : -1))
      .filter((i) => i >= 0);
    const subsets: number[][] = [];
    for (let mask = 0; mask < 1 << eligible.length; mask++) {
      const subset = eligible.filter((_, j) => mask & (1 << j));
      if (subset.length <= input.perApplication) subsets.push(subset);
    }
    return subsets;
  });
  let best = { total: -1, squares: Infinity };
  const load = input.reviewers.map(() => 0);
  const walk = (a: number, total: number) => {
    if (a === choices.length) {
      const squares = load.reduce((s, l) => s + l * l, 0);
      if (total > best.total || (total === best.total && squares < best.squares)) best = { total, squares };
      return;
    }
    for (const subset of choices[a]!) {
      for (const r of subset) load[r]!++;
      walk(a + 1, total + subset.length);
      for (const r of subset) load[r]!--;
    }
  };
  walk(0, 0);
  return best;
};

const panelist = (id: string, memberOf: string[] = []): Reviewer => ({ id, orgId: null, memberOf });
const app = (id: string, orgId: string, memberIds: string[] = []): ReviewApplication => ({
  id,
  orgId,
  memberIds,
});

describe("assignReviews", () => {
  test("a panel of 6 on 6 applications, 3 reviews each: full coverage, everyone reviews exactly 3", () => {
    const input: AssignmentInput = {
      applications: ["a1", "a2", "a3", "a4", "a5", "a6"].map((id, i) => app(id, `org${i}`)),
      reviewers: ["p1", "p2", "p3", "p4", "p5", "p6"].map((id) => panelist(id)),
      perApplication: 3,
      conflicts: [],
    };
    const { assignments, unfilled } = assignReviews(input);
    expect(unfilled).toEqual([]);
    expect(assignments).toHaveLength(18);
    expect(loads(input, assignments)).toEqual([3, 3, 3, 3, 3, 3]);
    expect(violations(input, assignments)).toEqual([]);
  });

  test("uneven totals: 4 applications × 2 reviews over 3 panelists gives loads 3, 3, 2", () => {
    const input: AssignmentInput = {
      applications: ["a", "b", "c", "d"].map((id) => app(id, `org-${id}`)),
      reviewers: ["p1", "p2", "p3"].map((id) => panelist(id)),
      perApplication: 2,
      conflicts: [],
    };
    const { assignments } = assignReviews(input);
    expect(loads(input, assignments).sort()).toEqual([2, 3, 3]);
  });

  test("peer mode: nobody reviews their own organisation, a shared member, or a declared conflict", () => {
    // Three groups; u2 belongs to both org-a and org-b; org-c's application lists u1 as a member.
    const input: AssignmentInput = {
      applications: [
        app("app-a", "org-a", ["u1", "u2"]),
        app("app-b", "org-b", ["u2", "u3"]),
        app("app-c", "org-c", ["u1", "u4"]),
      ],
      reviewers: [
        { id: "u1", orgId: "org-a", memberOf: ["org-a"] },
        { id: "u3", orgId: "org-b", memberOf: ["org-b"] },
        { id: "u4", orgId: "org-c", memberOf: ["org-c"] },
        { id: "u5", orgId: "org-d", memberOf: ["org-d", "org-b"] },
      ],
      perApplication: 2,
      conflicts: [{ reviewerId: "u4", applicationId: "app-a" }],
    };
    const { assignments, unfilled } = assignReviews(input);
    expect(violations(input, assignments)).toEqual([]);
    // Who is left for each: app-a: u3, u5 (u1 own, u4 conflict); app-b: u1, u4 (u3 own, u5 member of
    // org-b); app-c: u3, u5 (u4 own, u1 a member of org-c's application).
    expect(assignments.map(keyOf).sort()).toEqual(
      ["u3|app-a", "u5|app-a", "u1|app-b", "u4|app-b", "u3|app-c", "u5|app-c"].sort(),
    );
    expect(unfilled).toEqual([]);
  });

  test("a peer reviewer never gets their own organisation's application, even if memberOf omits it", () => {
    const input: AssignmentInput = {
      applications: [app("a", "org-a")],
      reviewers: [{ id: "u1", orgId: "org-a", memberOf: [] }],
      perApplication: 1,
      conflicts: [],
    };
    expect(assignReviews(input)).toEqual({ assignments: [], unfilled: [{ applicationId: "a", missing: 1 }] });
  });

  test("not enough eligible reviewers: the shortfall is reported, never filled with an ineligible one", () => {
    const input: AssignmentInput = {
      applications: [app("a", "org-a"), app("b", "org-b")],
      reviewers: [panelist("p1"), panelist("p2", ["org-a"])],
      perApplication: 2,
      conflicts: [],
    };
    const { assignments, unfilled } = assignReviews(input);
    expect(assignments.map(keyOf).sort()).toEqual(["p1|a", "p1|b", "p2|b"]);
    expect(unfilled).toEqual([{ applicationId: "a", missing: 1 }]);
  });

  test("does better than a greedy pass in id order: the only reviewer of b is kept for b", () => {
    // Greedy in id order gives a → p1 and leaves b with nobody; the flow gives a → p2, b → p1.
    const input: AssignmentInput = {
      applications: [app("a", "org-a"), app("b", "org-b")],
      reviewers: [panelist("p1"), panelist("p2", ["org-b"])],
      perApplication: 1,
      conflicts: [],
    };
    const { assignments, unfilled } = assignReviews(input);
    expect(assignments.map(keyOf).sort()).toEqual(["p1|b", "p2|a"]);
    expect(unfilled).toEqual([]);
  });

  test("p1 could take everything, yet each panelist gets exactly one", () => {
    // p1 may review everything; p2 and p3 only some. 3 applications × 1 review.
    const input: AssignmentInput = {
      applications: [app("a", "org-a"), app("b", "org-b"), app("c", "org-c")],
      reviewers: [panelist("p1"), panelist("p2", ["org-a", "org-b"]), panelist("p3", ["org-c", "org-a"])],
      perApplication: 1,
      conflicts: [],
    };
    const { assignments } = assignReviews(input);
    expect(loads(input, assignments)).toEqual([1, 1, 1]);
  });

  test("the same data in any order gives the same assignment", () => {
    const input: AssignmentInput = {
      applications: ["a5", "a1", "a3", "a2", "a4"].map((id) => app(id, `org-${id}`, [`m-${id}`])),
      reviewers: ["r4", "r2", "r1", "r3"].map((id) => panelist(id, id === "r2" ? ["org-a3"] : [])),
      perApplication: 2,
      conflicts: [{ reviewerId: "r1", applicationId: "a4" }],
    };
    const reversed: AssignmentInput = {
      ...input,
      applications: [...input.applications].reverse(),
      reviewers: [...input.reviewers].reverse(),
    };
    expect(assignReviews(reversed)).toEqual(assignReviews(input));
  });

  test("zero reviews wanted: nothing assigned, nothing missing", () => {
    const input = {
      applications: [app("a", "o")],
      reviewers: [panelist("p")],
      perApplication: 0,
      conflicts: [],
    };
    expect(assignReviews(input)).toEqual({ assignments: [], unfilled: [] });
  });
});

/** Small random calls: 1–4 applications, 1–4 reviewers, random memberships, members and conflicts. */
const smallCall = fc
  .record({
    apps: fc.array(
      fc.record({
        org: fc.integer({ min: 0, max: 3 }),
        members: fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    reviewers: fc.uniqueArray(
      fc.record({
        user: fc.integer({ min: 0, max: 5 }),
        org: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
        memberOf: fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { maxLength: 2 }),
      }),
      { minLength: 1, maxLength: 4, selector: (r) => r.user },
    ),
    per: fc.integer({ min: 1, max: 3 }),
    conflicts: fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 3 })), {
      maxLength: 3,
    }),
  })
  .map(
    ({ apps, reviewers, per, conflicts }): AssignmentInput => ({
      applications: apps.map((a, i) =>
        app(
          `app${i}`,
          `org${a.org}`,
          a.members.map((m) => `u${m}`),
        ),
      ),
      reviewers: reviewers.map((r) => ({
        id: `u${r.user}`,
        orgId: r.org === null ? null : `org${r.org}`,
        // In peer mode the reviewer belongs to the organisation they review for.
        memberOf: [
          ...new Set([...r.memberOf.map((o) => `org${o}`), ...(r.org === null ? [] : [`org${r.org}`])]),
        ],
      })),
      perApplication: per,
      conflicts: conflicts.map(([u, a]) => ({ reviewerId: `u${u}`, applicationId: `app${a}` })),
    }),
  );

describe("assignReviews over random small calls", () => {
  test("never an ineligible pair; coverage is maximal and Σ load² minimal (brute force)", () => {
    fc.assert(
      fc.property(smallCall, (input) => {
        const { assignments, unfilled } = assignReviews(input);
        expect(violations(input, assignments)).toEqual([]);
        const best = bruteForce(input);
        expect(assignments.length).toBe(best.total);
        expect(loads(input, assignments).reduce((s, l) => s + l * l, 0)).toBe(best.squares);
        const missing = unfilled.reduce((s, u) => s + u.missing, 0);
        expect(missing).toBe(input.applications.length * input.perApplication - assignments.length);
        const conflicts = new Set(input.conflicts.map((c) => `${c.reviewerId}\u0000${c.applicationId}`));
        for (const u of unfilled) {
          expect(u.missing).toBeGreaterThan(0);
          // Short only when every eligible reviewer is already on it.
          const a = input.applications.find((x) => x.id === u.applicationId)!;
          const eligible = input.reviewers.filter((r) => isEligible(r, a, conflicts)).map((r) => r.id);
          const on = assignments.filter((p) => p.applicationId === a.id).map((p) => p.reviewerId);
          expect(on.sort()).toEqual(eligible.sort());
        }
      }),
      { numRuns: 300 },
    );
  });

  test("with reviewers that may review everything, every application is covered and max − min ≤ 1", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 8 }),
        (apps, reviewers, per) => {
          fc.pre(per <= reviewers);
          const input: AssignmentInput = {
            applications: Array.from({ length: apps }, (_, i) => app(`a${i}`, `org${i}`)),
            reviewers: Array.from({ length: reviewers }, (_, i) => panelist(`p${i}`)),
            perApplication: per,
            conflicts: [],
          };
          const { assignments, unfilled } = assignReviews(input);
          expect(unfilled).toEqual([]);
          const l = loads(input, assignments);
          expect(Math.max(...l) - Math.min(...l)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  test("shuffling the input never changes the result", () => {
    fc.assert(
      fc.property(smallCall, fc.integer(), (input, seed) => {
        const shuffle = <T>(xs: T[]) =>
          xs
            .map((x, i) => ({ x, k: Math.imul(i + 1, seed | 1) >>> 7 }))
            .sort((a, b) => a.k - b.k)
            .map((e) => e.x);
        const shuffled = {
          ...input,
          applications: shuffle(input.applications),
          reviewers: shuffle(input.reviewers),
          conflicts: shuffle(input.conflicts),
        };
        expect(assignReviews(shuffled)).toEqual(assignReviews(input));
      }),
    );
  });
});

describe("reassignAfterConflict", () => {
  const input: AssignmentInput = {
    applications: [app("a", "org-a"), app("b", "org-b"), app("c", "org-c")],
    reviewers: ["p1", "p2", "p3", "p4"].map((id) => panelist(id)),
    perApplication: 2,
    conflicts: [],
  };

  test("a declared conflict moves that review to another eligible reviewer and keeps every other one", () => {
    const first = assignReviews(input);
    const victim = first.assignments[0]!;
    const after = reassignAfterConflict(input, first.assignments, victim);
    expect(after.unfilled).toEqual([]);
    expect(after.assignments).not.toContainEqual(victim);
    expect(after.replacement?.applicationId).toBe(victim.applicationId);
    expect(after.replacement?.reviewerId).not.toBe(victim.reviewerId);
    // Every other assignment untouched; exactly one added.
    const others = first.assignments.filter((p) => p !== victim);
    for (const p of others) expect(after.assignments).toContainEqual(p);
    expect(after.assignments).toHaveLength(first.assignments.length);
    // The new reviewer was not already on that application, and is eligible.
    expect(
      new Set(
        after.assignments.filter((p) => p.applicationId === victim.applicationId).map((p) => p.reviewerId),
      ).size,
    ).toBe(2);
    expect(violations({ ...input, conflicts: [victim] }, after.assignments)).toEqual([]);
  });

  test("the lightest eligible reviewer takes it, ties by id", () => {
    // Loads before: p1 a,b; p2 a; p3 b; p4 nothing. p1 declares a conflict on a: p3 (1) and p4 (0) are free → p4.
    const current = [
      { reviewerId: "p1", applicationId: "a" },
      { reviewerId: "p2", applicationId: "a" },
      { reviewerId: "p1", applicationId: "b" },
      { reviewerId: "p3", applicationId: "b" },
    ];
    const after = reassignAfterConflict(input, current, { reviewerId: "p1", applicationId: "a" });
    expect(after.replacement).toEqual({ reviewerId: "p4", applicationId: "a" });
  });

  test("when nobody eligible is left the application is reported unfilled", () => {
    const two: AssignmentInput = { ...input, reviewers: [panelist("p1"), panelist("p2")] };
    const current = [
      { reviewerId: "p1", applicationId: "a" },
      { reviewerId: "p2", applicationId: "a" },
    ];
    const after = reassignAfterConflict(two, current, { reviewerId: "p2", applicationId: "a" });
    expect(after.replacement).toBeNull();
    expect(after.assignments).toEqual([{ reviewerId: "p1", applicationId: "a" }]);
    expect(after.unfilled).toContainEqual({ applicationId: "a", missing: 1 });
  });

  test("a conflict on something not assigned changes nothing", () => {
    const current = [{ reviewerId: "p1", applicationId: "a" }];
    const after = reassignAfterConflict({ ...input, perApplication: 1 }, current, {
      reviewerId: "p2",
      applicationId: "a",
    });
    expect(after.replacement).toBeNull();
    expect(after.assignments).toEqual(current);
  });

  test("an earlier declared conflict is respected by the replacement too", () => {
    const current = [{ reviewerId: "p1", applicationId: "a" }];
    const after = reassignAfterConflict(
      { ...input, perApplication: 1, conflicts: [{ reviewerId: "p2", applicationId: "a" }] },
      current,
      { reviewerId: "p1", applicationId: "a" },
    );
    expect(after.replacement).toEqual({ reviewerId: "p3", applicationId: "a" });
  });
});
