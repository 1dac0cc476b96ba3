// Who reviews which application in a `panel` or `peer` call. Assignment is a flow problem (reviewers →
// applications, each application wanting `perApplication` distinct reviewers), solved exactly rather
// than greedily so the guarantees below hold for every input, not just friendly ones.
//
// Guarantees of `assignReviews` (tests/domain/review-assignment.test.ts checks each one):
// 1. Eligibility: a reviewer is never assigned an application when
//    - the reviewer's `orgId` is the applicant organisation (peer mode: one's own application), or
//    - the applicant organisation is among the reviewer's `memberOf`, or
//    - the reviewer's user id is among the application's `memberIds` (the applicant's members), or
//    - a conflict { reviewerId, applicationId } was declared.
//    Each (reviewer, application) pair appears at most once.
// 2. Coverage: the number of assignments is the largest any eligible assignment can reach; an
//    application gets fewer than `perApplication` reviews only when no assignment could do better in
//    total, and it is then listed in `unfilled` with how many are missing.
// 3. Even work: among all assignments of that maximal size, the reviewers' loads minimise the sum of
//    squared loads. For flows this is the same as lexicographically balanced loads (Fujishige): the
//    heaviest load is as small as it can be, the lightest as large as it can be; in particular
//    max load − min load ≤ 1 whenever any maximal assignment achieves that. A larger gap is always
//    forced by the eligibility data (e.g. a reviewer eligible for nothing stays at 0). The tests check
//    the Σ load² minimum against brute force; the max/min consequences are the theorem.
// 4. Shortfall only where it cannot be helped: an application in `unfilled` already has every reviewer
//    eligible for it (otherwise one more could be added and coverage was not maximal).
// 5. Determinism: the result depends only on the set of applications, reviewers and conflicts, not on
//    their order — everything is sorted by id first and every choice is broken by plain id order.
// Cost: polynomial (augmenting paths over reviewers × applications); calls have at most a few hundred of each.

export interface ReviewApplication {
  id: string;
  orgId: string;
  /** User ids of the applicant organisation's members. */
  memberIds: string[];
}

export interface Reviewer {
  /** The reviewer's user id. */
  id: string;
  /** Peer mode: the organisation the reviewer reviews for; panel mode: null. */
  orgId: string | null;
  /** Every organisation the reviewer belongs to. */
  memberOf: string[];
}

export interface ReviewPair {
  reviewerId: string;
  applicationId: string;
}

export interface AssignmentInput {
  applications: ReviewApplication[];
  reviewers: Reviewer[];
  perApplication: number;
  conflicts: ReviewPair[];
}

export interface AssignmentResult {
  assignments: ReviewPair[];
  unfilled: { applicationId: string; missing: number }[];
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const pairKey = (reviewerId: string, applicationId: string) => `${reviewerId}\u0000${applicationId}`;

const uniqueById = <T extends { id: string }>(items: T[]) => {
  const seen = new Map<string, T>();
  for (const item of [...items].sort(byId)) if (!seen.has(item.id)) seen.set(item.id, item);
  return [...seen.values()];
};

/** May this reviewer review this application at all (rule 1)? */
export const isEligible = (reviewer: Reviewer, app: ReviewApplication, conflicts: ReadonlySet<string>) =>
  reviewer.orgId !== app.orgId &&
  !reviewer.memberOf.includes(app.orgId) &&
  !app.memberIds.includes(reviewer.id) &&
  !conflicts.has(pairKey(reviewer.id, app.id));

/** The mutable state of the flow: who is assigned where, loads and coverage. Indices follow id order. */
class Board {
  readonly eligible: boolean[][];
  readonly assigned: boolean[][];
  readonly load: number[];
  readonly coverage: number[];

  constructor(
    readonly reviewers: Reviewer[],
    readonly apps: ReviewApplication[],
    readonly per: number,
    conflicts: ReadonlySet<string>,
  ) {
    this.eligible = reviewers.map((r) => apps.map((a) => isEligible(r, a, conflicts)));
    this.assigned = reviewers.map(() => apps.map(() => false));
    this.load = reviewers.map(() => 0);
    this.coverage = apps.map(() => 0);
  }

  /**
   * Breadth-first search over the residual graph from the given reviewers. Moves: reviewer r → app a
   * (r takes a on), app a → reviewer r (r gives a up), and, when `viaSink`, app a → sink (a gains a
   * review) and sink → app b (b loses one). Returns the parent links, for `apply`.
   */
  search(starts: number[], viaSink: boolean, from: "reviewers" | "apps") {
    const R = this.reviewers.length;
    const A = this.apps.length;
    // Node numbering: reviewers 0..R-1, apps R..R+A-1, sink R+A.
    const sink = R + A;
    const parent = new Array<number>(R + A + 1).fill(-2);
    const queue: number[] = [];
    for (const s of starts) {
      const node = from === "reviewers" ? s : R + s;
      if (parent[node] === -2) {
        parent[node] = -1;
        queue.push(node);
      }
    }
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      const visit = (next: number) => {
        if (parent[next] === -2) {
          parent[next] = node;
          queue.push(next);
        }
      };
      if (node < R) {
        for (let a = 0; a < A; a++) if (this.eligible[node]![a] && !this.assigned[node]![a]) visit(R + a);
      } else if (node < sink) {
        const a = node - R;
        for (let r = 0; r < R; r++) if (this.assigned[r]![a]) visit(r);
        if (viaSink && this.coverage[a]! < this.per) visit(sink);
      } else {
        for (let b = 0; b < A; b++) if (this.coverage[b]! > 0) visit(R + b);
      }
    }
    return parent;
  }

  /** Flips every move on the path ending at `end` (see `search` for what each move means). */
  apply(parent: number[], end: number) {
    const R = this.reviewers.length;
    const sink = R + this.apps.length;
    for (let node = end; parent[node]! >= 0; node = parent[node]!) {
      const prev = parent[node]!;
      if (prev < R && node >= R && node < sink) {
        this.assigned[prev]![node - R] = true;
        this.load[prev]!++;
      } else if (prev >= R && prev < sink && node < R) {
        this.assigned[node]![prev - R] = false;
        this.load[node]!--;
      } else if (node === sink) {
        this.coverage[prev - R]!++;
      } else {
        this.coverage[node - R]!--;
      }
    }
  }

  /** Rule 2: augment from any reviewer to the sink until no path is left (Edmonds–Karp). */
  fill() {
    const R = this.reviewers.length;
    const sink = R + this.apps.length;
    for (;;) {
      // Lightest reviewers first, so the search starts balanced and the balancing phase has little to do.
      const starts = this.reviewers.map((_, i) => i).sort((x, y) => this.load[x]! - this.load[y]! || x - y);
      const parent = this.search(starts, true, "reviewers");
      if (parent[sink] === -2) return;
      this.apply(parent, sink);
    }
  }

  /**
   * Rule 3: while some reviewer v can take one unit from a reviewer u with load(u) ≥ load(v) + 2 along a
   * residual path (possibly trading which application is covered), shift it. Each shift lowers Σ load²
   * by at least 2, and when none is left no cycle through the source can lower it: the optimality
   * condition of a separable convex-cost flow.
   */
  balanceLoads() {
    const R = this.reviewers.length;
    for (let moved = true; moved; ) {
      moved = false;
      const order = this.reviewers.map((_, i) => i).sort((x, y) => this.load[x]! - this.load[y]! || x - y);
      for (const v of order) {
        const parent = this.search([v], true, "reviewers");
        let u = -1;
        for (let r = 0; r < R; r++) {
          if (r === v || parent[r] === -2 || this.load[r]! < this.load[v]! + 2) continue;
          if (u === -1 || this.load[r]! > this.load[u]!) u = r;
        }
        if (u === -1) continue;
        this.apply(parent, u);
        moved = true;
        break;
      }
    }
  }

  result(): AssignmentResult {
    const assignments: ReviewPair[] = [];
    const unfilled: AssignmentResult["unfilled"] = [];
    this.apps.forEach((app, a) => {
      this.reviewers.forEach((r, i) => {
        if (this.assigned[i]![a]) assignments.push({ reviewerId: r.id, applicationId: app.id });
      });
      if (this.coverage[a]! < this.per)
        unfilled.push({ applicationId: app.id, missing: this.per - this.coverage[a]! });
    });
    return { assignments, unfilled };
  }
}

const conflictSet = (conflicts: ReviewPair[]) =>
  new Set(conflicts.map((c) => pairKey(c.reviewerId, c.applicationId)));

export const assignReviews = (input: AssignmentInput): AssignmentResult => {
  const per = Math.max(0, Math.floor(input.perApplication));
  const board = new Board(
    uniqueById(input.reviewers),
    uniqueById(input.applications),
    per,
    conflictSet(input.conflicts),
  );
  board.fill();
  board.balanceLoads();
  return board.result();
};

export interface Reassignment extends AssignmentResult {
  /** The reviewer who takes the application over, or null when nobody eligible is left. */
  replacement: ReviewPair | null;
}

/**
 * A reviewer declared a conflict on an assigned application. Every other assignment stays exactly as
 * it is (reviewers may already have scored them, and queues should not shift under their feet); the
 * conflicted one goes to the eligible reviewer, not yet on that application, with the lightest current
 * load, ties by id. When nobody is left the application appears in `unfilled`. The declared conflict
 * must also be stored with the others, so a later full `assignReviews` respects it.
 */
export const reassignAfterConflict = (
  input: AssignmentInput,
  current: ReviewPair[],
  conflict: ReviewPair,
): Reassignment => {
  const conflicts = conflictSet([...input.conflicts, conflict]);
  const apps = uniqueById(input.applications);
  const reviewers = uniqueById(input.reviewers);
  const kept = current.filter(
    (p) => !(p.reviewerId === conflict.reviewerId && p.applicationId === conflict.applicationId),
  );
  const load = new Map<string, number>();
  for (const p of kept) load.set(p.reviewerId, (load.get(p.reviewerId) ?? 0) + 1);
  const app = apps.find((a) => a.id === conflict.applicationId);
  const onApp = new Set(
    kept.filter((p) => p.applicationId === conflict.applicationId).map((p) => p.reviewerId),
  );
  const wasAssigned = kept.length !== current.length;
  const candidate =
    app && wasAssigned
      ? reviewers
          .filter((r) => !onApp.has(r.id) && isEligible(r, app, conflicts))
          .sort((x, y) => (load.get(x.id) ?? 0) - (load.get(y.id) ?? 0) || byId(x, y))[0]
      : undefined;
  const replacement = candidate ? { reviewerId: candidate.id, applicationId: conflict.applicationId } : null;
  const assignments = replacement ? [...kept, replacement] : kept;
  const per = Math.max(0, Math.floor(input.perApplication));
  const unfilled = apps
    .map((a) => ({
      applicationId: a.id,
      missing: per - assignments.filter((p) => p.applicationId === a.id).length,
    }))
    .filter((u) => u.missing > 0);
  return { assignments: sortPairs(assignments), unfilled, replacement };
};

const sortPairs = (pairs: ReviewPair[]) =>
  [...pairs].sort((x, y) =>
    x.applicationId < y.applicationId
      ? -1
      : x.applicationId > y.applicationId
        ? 1
        : x.reviewerId < y.reviewerId
          ? -1
          : x.reviewerId > y.reviewerId
            ? 1
            : 0,
  );
