// Rules about applications that need no database: what blocks a submission (all of it at once), the
// counted length of an answer, the review average. Which status may follow which: application-workflow.ts.
import type { Money } from "./money";
import type { Reason } from "./matching";
import { CSO_REQUIRED_FOR_APPLYING } from "./permissions";

/** Characters as people count them (code points), the same count the browser's counter shows. */
export const charCount = (s: string) => [...s].length;

/** Hard cap on a stored draft answer, whatever the question's limit: drafts may run over, never without bound. */
export const MAX_DRAFT_ANSWER = 20_000;

/** A message key with its parameters, or an unmet eligibility reason (put into words the same way as in matching). */
export type Problem = {
  path: string;
  key: string;
  params?: Record<string, string | number>;
  reason?: Reason;
};

type SubmitInput = {
  call: {
    status: string;
    questions: { id: string; maxChars: number }[];
    /** null on non-cash calls, which ask for no amount (domain/offers.ts). */
    grant: { min: Money; max: Money } | null;
    fundingType: string;
  };
  answers: Record<string, string>;
  requestedAmount: Money | null;
  profile: Record<(typeof CSO_REQUIRED_FOR_APPLYING)[number], unknown>;
  eligibility: Reason[];
};

/** A money call asks for an amount in its range; a non-cash call gives help and takes no amount. */
const amountProblems = (call: SubmitInput["call"], requested: Money | null): Problem[] => {
  if (call.fundingType === "non_cash" || !call.grant)
    return requested ? [{ path: "requestedAmount", key: "offer.err_no_money" }] : [];
  const { min, max } = call.grant;
  if (!requested) return [{ path: "requestedAmount", key: "err.required" }];
  if (requested.currency !== min.currency)
    return [
      { path: "requestedAmount.currency", key: "err.currency_must_be", params: { currency: min.currency } },
    ];
  if (requested.amount < min.amount || requested.amount > max.amount)
    return [{ path: "requestedAmount.amount", key: "err.amount_range" }];
  return [];
};

/** Every reason a submission cannot go through; empty when it can. */
export const submissionProblems = ({
  call,
  answers,
  requestedAmount,
  profile,
  eligibility,
}: SubmitInput): Problem[] => {
  const problems: Problem[] = [];
  if (call.status !== "open") problems.push({ path: "deadline", key: "err.call_not_open" });
  for (const q of call.questions) {
    const text = (answers[q.id] ?? "").trim();
    if (!text) problems.push({ path: `answers.${q.id}`, key: "err.required" });
    else if (charCount(text) > q.maxChars)
      problems.push({ path: `answers.${q.id}`, key: "err.too_long", params: { max: q.maxChars } });
  }
  problems.push(...amountProblems(call, requestedAmount));
  for (const field of CSO_REQUIRED_FOR_APPLYING) {
    if (profile[field] === null || profile[field] === undefined)
      problems.push({ path: `profile.${field}`, key: "err.profile_incomplete" });
  }
  for (const r of eligibility)
    if (!r.met) problems.push({ path: `eligibility.${r.criterion}`, key: r.key, reason: r });
  return problems;
};

/**
 * The review average as every answer and page shows it, to one decimal; null before the first review. The
 * funder's list passes the database's sum and count, one application's reviews pass their scores.
 */
export const reviewAverage = (total: number, count: number) =>
  count ? Math.round((total / count) * 10) / 10 : null;

export const averageScore = (scores: number[]) =>
  reviewAverage(
    scores.reduce((a, b) => a + b, 0),
    scores.length,
  );
