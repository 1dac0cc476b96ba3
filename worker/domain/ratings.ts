// Ratings of funders by the groups that applied to them, published only in aggregate: the means and the
// comments appear once at least k organisations have rated (k is the equity report's EQUITY_K), and below
// that not even the count is told, since "2 groups rated" next to a funder's 2 applicants names them.

export type RatingRow = {
  easeOfApplying: number;
  respect: number;
  speed: number;
  comment: string | null;
};

export type RatingSummary = {
  k: number;
  suppressed: boolean;
  raters: number | null;
  easeOfApplying: number | null;
  respect: number | null;
  speed: number | null;
  comments: string[];
};

/** Mean to one decimal, rounding halves up (4.25 → 4.3), as people round by hand. */
const mean = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10 + 1e-9) / 10;

/** One row per rating organisation (the table's key makes it so). */
export const summariseRatings = (rows: RatingRow[], k: number): RatingSummary => {
  if (rows.length < k || rows.length === 0)
    return {
      k,
      suppressed: true,
      raters: null,
      easeOfApplying: null,
      respect: null,
      speed: null,
      comments: [],
    };
  return {
    k,
    suppressed: false,
    raters: rows.length,
    easeOfApplying: mean(rows.map((r) => r.easeOfApplying)),
    respect: mean(rows.map((r) => r.respect)),
    speed: mean(rows.map((r) => r.speed)),
    // Sorted by their text, so their order says nothing about when (or so by whom) each was written.
    comments: rows
      .map((r) => r.comment)
      .filter((c): c is string => !!c)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
  };
};

/** The day of an instant, the only time feedback and ratings keep (a time of day could single a sender out). */
export const dayOf = (at: Date) => at.toISOString().slice(0, 10);
