// Rules about applications that need no database: what blocks a submission (all of it at once), who
// may withdraw, the counted length of an answer, the review average.
import type { ApplicationStatus } from "../../schema/enums";
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
  call: { status: string; questions: { id: string; maxChars: number }[]; grant: { min: Money; max: Money } };
  answers: Record<string, string>;
  requestedAmount: Money | null;
  profile: Record<(typeof CSO_REQUIRED_FOR_APPLYING)[number], unknown>;
  eligibility: Reason[];
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
  const { min, max } = call.grant;
  if (!requestedAmount) problems.push({ path: "requestedAmount", key: "err.required" });
  else if (requestedAmount.currency !== min.currency)
    problems.push({
      path: "requestedAmount.currency",
      key: "err.currency_must_be",
      params: { currency: min.currency },
    });
  else if (requestedAmount.amount < min.amount || requestedAmount.amount > max.amount)
    problems.push({ path: "requestedAmount.amount", key: "err.amount_range" });
  for (const field of CSO_REQUIRED_FOR_APPLYING) {
    if (profile[field] === null || profile[field] === undefined)
      problems.push({ path: `profile.${field}`, key: "err.profile_incomplete" });
  }
  for (const r of eligibility)
    if (!r.met) problems.push({ path: `eligibility.${r.criterion}`, key: r.key, reason: r });
  return problems;
};

export const canWithdraw = (status: ApplicationStatus) =>
  status === "draft" || status === "submitted" || status === "under_review";
export const isDecidable = (status: ApplicationStatus) => status === "submitted" || status === "under_review";

export const averageScore = (scores: number[]) =>
  scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 : null;
