// The tally of a participatory or peer review, by the method the call states publicly. Reviewers score
// on different personal scales (a harsh reviewer's 3 is a lenient one's 5), so each reviewer's scores are
// standardised against that reviewer's own scores before applications are compared.
//
// Method, exactly:
// - For each reviewer: mean m and population standard deviation s of all their scores in the call;
//   each of their scores becomes z = (score − m) / s. A reviewer with a single score, or whose scores
//   are all equal (s = 0), says nothing about relative merit and contributes z = 0 for each score.
// - An application's `standardised` value is the mean of its reviews' z; `meanScore` is the plain
//   mean of its raw scores, shown for reference only.
// - Rank: `standardised` descending, ties by application id ascending (ranks are 1..n, all distinct).
//   Values are compared after rounding to 9 decimals so floating-point noise cannot break a true tie.
//   Applications without reviews come last (`meanScore` and `standardised` null), by id.

export const TALLY_METHOD = "mean of per-reviewer standardised scores (z), ties by id" as const;

export interface ScoredReview {
  reviewerId: string;
  applicationId: string;
  score: number;
}

export interface TallyItem {
  applicationId: string;
  reviews: number;
  /** Raw mean score, 1 decimal; null without reviews. */
  meanScore: number | null;
  /** Mean of per-reviewer z-scores, 3 decimals; null without reviews. */
  standardised: number | null;
  rank: number;
}

export interface Tally {
  method: typeof TALLY_METHOD;
  items: TallyItem[];
}

const round = (value: number, decimals: number) => {
  const f = 10 ** decimals;
  // + 0 turns -0 into 0 so a rounded zero prints as "0".
  return Math.round(value * f) / f + 0;
};

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Each review's z-score against its reviewer's own scores, in the input's order. */
export const standardise = (reviews: ScoredReview[]): number[] => {
  const byReviewer = new Map<string, number[]>();
  for (const r of reviews) byReviewer.set(r.reviewerId, [...(byReviewer.get(r.reviewerId) ?? []), r.score]);
  const scale = new Map<string, { m: number; s: number }>();
  for (const [id, scores] of byReviewer) {
    const m = mean(scores);
    scale.set(id, { m, s: Math.sqrt(mean(scores.map((x) => (x - m) ** 2))) });
  }
  return reviews.map((r) => {
    const { m, s } = scale.get(r.reviewerId)!;
    // A near-zero spread is equal scores seen through floating point.
    return s < 1e-12 ? 0 : (r.score - m) / s;
  });
};

export const tallyReviews = (applicationIds: string[], reviews: ScoredReview[]): Tally => {
  const z = standardise(reviews);
  const perApp = new Map<string, { raw: number[]; z: number[] }>();
  for (const id of applicationIds) perApp.set(id, { raw: [], z: [] });
  reviews.forEach((r, i) => {
    const entry = perApp.get(r.applicationId) ?? { raw: [], z: [] };
    entry.raw.push(r.score);
    entry.z.push(z[i]!);
    perApp.set(r.applicationId, entry);
  });
  const rows = [...perApp].map(([applicationId, { raw, z: zs }]) => ({
    applicationId,
    reviews: raw.length,
    meanScore: raw.length ? round(mean(raw), 1) : null,
    exact: zs.length ? round(mean(zs), 9) : null,
  }));
  rows.sort((a, b) => {
    if (a.exact !== b.exact) {
      if (a.exact === null) return 1;
      if (b.exact === null) return -1;
      return b.exact - a.exact;
    }
    return a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0;
  });
  return {
    method: TALLY_METHOD,
    items: rows.map(({ exact, ...row }, i) => ({
      ...row,
      standardised: exact === null ? null : round(exact, 3),
      rank: i + 1,
    })),
  };
};
