// When a funder's decision departs from the panel's (or peers') ranking. The funder decides, but a
// departure must be explained publicly, so the rule has to be exact:
// - an award departs when an application ranked above it was declined;
// - a decline departs when an application ranked below it was awarded.
// Each inversion (a declined application above an awarded one) makes both of its ends depart; the
// decision taken second is the one that created it, so that is the one asked for a note — and the only
// one whose note is published (the first was written without knowing it would be).
import type { Decision } from "../../schema/enums";

export interface RankedDecision {
  applicationId: string;
  /** 1 = best, as tallyReviews ranks. */
  rank: number;
  decision: Decision | null;
}

/** The best (lowest) rank declined and the worst (highest) rank awarded: all the rule needs. */
const extremes = (items: RankedDecision[]) => {
  let bestDeclined = Number.POSITIVE_INFINITY;
  let worstAwarded = Number.NEGATIVE_INFINITY;
  for (const i of items) {
    if (i.decision === "decline") bestDeclined = Math.min(bestDeclined, i.rank);
    if (i.decision === "award") worstAwarded = Math.max(worstAwarded, i.rank);
  }
  return { bestDeclined, worstAwarded };
};

const departsGiven = (
  { bestDeclined, worstAwarded }: ReturnType<typeof extremes>,
  rank: number,
  decision: Decision | null,
) => (decision === "award" ? bestDeclined < rank : decision === "decline" ? worstAwarded > rank : false);

/** The applications whose decision departs from the ranking. */
export const departingIds = (items: RankedDecision[]): Set<string> => {
  const ex = extremes(items);
  return new Set(items.filter((i) => departsGiven(ex, i.rank, i.decision)).map((i) => i.applicationId));
};

/**
 * Whether taking `decision` on `applicationId` would depart, given the decisions already taken on the
 * others. An application not in the ranking (never reviewed) has nothing to depart from.
 */
export const wouldDepart = (items: RankedDecision[], applicationId: string, decision: Decision): boolean => {
  const self = items.find((i) => i.applicationId === applicationId);
  if (!self) return false;
  return departsGiven(extremes(items.filter((i) => i.applicationId !== applicationId)), self.rank, decision);
};

/**
 * The decisions that departed when they were taken (against the decisions taken before them, in
 * `decidedAt` order): the ones that were asked for a note, so the ones whose note the tally publishes.
 */
export const departedWhenTaken = (items: (RankedDecision & { decidedAt: string | null })[]): Set<string> => {
  const decided = items
    .filter((i) => i.decision !== null)
    .sort((a, b) =>
      (a.decidedAt ?? "") < (b.decidedAt ?? "") ? -1 : (a.decidedAt ?? "") > (b.decidedAt ?? "") ? 1 : 0,
    );
  const before: RankedDecision[] = [];
  const noted = new Set<string>();
  for (const i of decided) {
    if (departsGiven(extremes(before), i.rank, i.decision)) noted.add(i.applicationId);
    before.push(i);
  }
  return noted;
};
