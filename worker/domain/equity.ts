// Equity measures over where the money went, and the disclosure control applied before any of it is
// published. Pure functions: the data layer aggregates in SQL and hands over per-recipient amounts and
// per-group counts; everything here is unit-tested against hand-computed values.

/** Gini coefficient of amounts (0 = everyone got the same; (n−1)/n = one got everything). */
export const gini = (amounts: number[]): number | null => {
  const n = amounts.length;
  const total = amounts.reduce((s, x) => s + x, 0);
  if (n === 0 || total <= 0) return null;
  const sorted = [...amounts].sort((a, b) => a - b);
  let weighted = 0;
  sorted.forEach((x, i) => (weighted += (i + 1) * x));
  return (2 * weighted) / (n * total) - (n + 1) / n;
};

/** Herfindahl–Hirschman index on a 0–10,000 scale (shares in percent, squared, summed). */
export const hhi = (amounts: number[]): number | null => {
  const total = amounts.reduce((s, x) => s + x, 0);
  if (total <= 0) return null;
  return amounts.reduce((s, x) => s + ((100 * x) / total) ** 2, 0);
};

/** How many recipients "the top 10%" are: at least one. */
export const topCount = (n: number, fraction = 0.1) => (n === 0 ? 0 : Math.max(1, Math.ceil(n * fraction)));

/** Share of the total received by the top `fraction` of recipients (by amount). */
export const topShare = (amounts: number[], fraction = 0.1): number | null => {
  const total = amounts.reduce((s, x) => s + x, 0);
  if (total <= 0) return null;
  const top = [...amounts].sort((a, b) => b - a).slice(0, topCount(amounts.length, fraction));
  return top.reduce((s, x) => s + x, 0) / total;
};

/** The Lorenz curve as points (share of recipients, share of amount), poorest first, at most `max` points. */
export const lorenz = (amounts: number[], max = 50): [number, number][] => {
  const total = amounts.reduce((s, x) => s + x, 0);
  const n = amounts.length;
  if (n === 0 || total <= 0) return [];
  const sorted = [...amounts].sort((a, b) => a - b);
  const cumulative: number[] = [];
  let run = 0;
  for (const x of sorted) cumulative.push((run += x));
  const step = Math.max(1, Math.ceil(n / max));
  const points: [number, number][] = [[0, 0]];
  for (let i = step - 1; i < n; i += step) points.push([(i + 1) / n, cumulative[i] / total]);
  if (points[points.length - 1][0] !== 1) points.push([1, 1]);
  return points;
};

export const share = (part: number, total: number): number | null => (total > 0 ? part / total : null);

export const successRate = (awards: number, applications: number): number | null =>
  applications > 0 ? Math.min(1, awards / applications) : null;

/** Below this a group's success rate relative to the best group's flags a disparity (the four-fifths rule). */
export const ADVERSE_IMPACT_THRESHOLD = 0.8;

/** Each group's success rate divided by the best group's; null where a group has no applications. */
export const adverseImpactRatios = (rates: (number | null)[]): (number | null)[] => {
  const best = Math.max(0, ...rates.filter((r): r is number => r !== null));
  return rates.map((r) => (r === null || best === 0 ? null : r / best));
};

export type CellCount = { key: string; orgs: number };

/**
 * Which groups to suppress. Primary: any group covering fewer than k organisations. Complementary: the
 * suppressed groups together must not be recoverable as "total minus the published groups" — a lone
 * suppressed group, or suppressed groups that together still cover fewer than k organisations, take
 * the next-smallest published group with them until the suppressed set covers at least k. (For
 * dimensions where an organisation can be in several groups — themes, led-by — the same rule is applied;
 * it is conservative there.) Everything is suppressed when the whole report covers fewer than k.
 */
export const suppressedKeys = (cells: CellCount[], totalOrgs: number, k: number): Set<string> => {
  if (totalOrgs < k) return new Set(cells.map((c) => c.key));
  const hidden = new Set(cells.filter((c) => c.orgs > 0 && c.orgs < k).map((c) => c.key));
  if (hidden.size === 0) return hidden;
  const published = cells
    .filter((c) => !hidden.has(c.key))
    .sort((a, b) => a.orgs - b.orgs || a.key.localeCompare(b.key));
  const covered = () => cells.filter((c) => hidden.has(c.key)).reduce((s, c) => s + c.orgs, 0);
  while (published.length && (hidden.size === 1 || covered() < k)) hidden.add(published.shift()!.key);
  return hidden;
};

/**
 * A share of the total for a subset (Global South, informal, …) reveals both the subset's amount and its
 * complement's. It is published only when each side covers no organisation or at least k of them.
 */
export const shareDisclosable = (subsetOrgs: number, totalOrgs: number, k: number) => {
  const rest = totalOrgs - subsetOrgs;
  return (subsetOrgs === 0 || subsetOrgs >= k) && (rest === 0 || rest >= k);
};

/** What the data layer sums after the award, for the awards of one group (or of the whole report). */
export type AfterAwardSums = {
  /** Awards with at least one disbursement. */
  disbursedAwards: number;
  /** US cents, each disbursement at its sent date's rate. */
  disbursed: number;
  /** US cents, each receipt at its received date's rate. */
  received: number;
  /** US cents sent and received over disbursements whose receipt is confirmed (both with a rate). */
  confirmedSent: number;
  confirmedReceived: number;
  medianDays: number | null;
};

/**
 * The after-award measures of a group that was awarded `awarded` US cents over `awards` awards:
 * disbursed and received as shares of the amount awarded (above 1 when rates rose after the award),
 * what was lost on the way as a share of what was sent — over confirmed receipts only, since an
 * unconfirmed disbursement is not a loss yet; negative when exchange gains beat the fees — and the
 * median days to a first disbursement over the awards that had one, with how many are still waiting.
 */
export const afterAwardMeasures = (sums: AfterAwardSums | undefined, awarded: number, awards: number) => {
  const s = sums ?? {
    disbursedAwards: 0,
    disbursed: 0,
    received: 0,
    confirmedSent: 0,
    confirmedReceived: 0,
    medianDays: null,
  };
  return {
    disbursedShare: share(s.disbursed, awarded),
    receivedShare: share(s.received, awarded),
    lossShare: s.confirmedSent > 0 ? (s.confirmedSent - s.confirmedReceived) / s.confirmedSent : null,
    medianDaysToFirstDisbursement: s.medianDays,
    awaitingDisbursement: awards - s.disbursedAwards,
  };
};
