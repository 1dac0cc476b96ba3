// Light reports: three short answers a group sends its funder, when they are due (they follow the plan),
// which tranche a report unlocks, and which reminder a due date calls for. Pure.
import { addDays, addMonths } from "./calendar-date";
import { charCount } from "./applications";
import { MAX_REPORT_UPLOADS, REPORT_MAX_CHARS } from "../../schema/limits";

export const REPORT_QUESTIONS = ["changed", "hard", "next"] as const;
export type ReportQuestion = (typeof REPORT_QUESTIONS)[number];
export type ReportAnswers = Record<ReportQuestion, string>;

export { REPORT_MAX_CHARS, MAX_REPORT_UPLOADS };
/** The first reminder goes this many days before a report is due; the second the day after. */
export const REMINDER_DAYS_BEFORE = 7;
/** A reminder missed by the cron is still sent within this many days, never later (it would be noise). */
export const REMINDER_GRACE_DAYS = 7;

export type ReportProblem =
  | { path: string; key: "err.required" }
  | { path: string; key: "err.too_long"; params: { max: number } };

/** What blocks sending: every answer given (after trimming) and none over 1,000 characters. */
export const submissionProblems = (answers: ReportAnswers): ReportProblem[] =>
  REPORT_QUESTIONS.flatMap((q): ReportProblem[] => {
    const text = answers[q].trim();
    if (!text) return [{ path: `answers.${q}`, key: "err.required" }];
    if (charCount(text) > REPORT_MAX_CHARS)
      return [{ path: `answers.${q}`, key: "err.too_long", params: { max: REPORT_MAX_CHARS } }];
    return [];
  });

type Terms = { awardDate: string; durationMonths: number };

/**
 * When reports are due, oldest first, each date once: before every tranche paid "after a report" (on
 * that tranche's due date) and at the end of the award (award date + duration).
 */
export const reportDueDates = (tranches: readonly { dueOn: string; afterReport: boolean }[], award: Terms) =>
  [
    ...new Set([
      ...tranches.filter((t) => t.afterReport).map((t) => t.dueOn),
      addMonths(award.awardDate, award.durationMonths),
    ]),
  ].sort();

/**
 * The n-th due date is done once n reports were sent (reports count in the order they were sent, whatever
 * their date: a group that reports early is ahead, not behind).
 */
export const reportsDue = (dueDates: readonly string[], sentCount: number) =>
  dueDates.map((dueOn, i) => ({ dueOn, done: i < sentCount }));

/**
 * Whether a tranche paid "after a report" may receive money: a report was sent (or shared with this award)
 * on or after the day its reporting period opened — the day after the previous due date, or the award
 * date for the first. Tranches without the condition are always open.
 */
export const trancheUnlocked = (
  tranche: { dueOn: string; afterReport: boolean },
  dueDates: readonly string[],
  awardDate: string,
  sentOn: readonly string[],
) => {
  if (!tranche.afterReport) return true;
  const previous = dueDates.filter((d) => d < tranche.dueOn).at(-1);
  const opens = previous ? addDays(previous, 1) : awardDate;
  return sentOn.some((day) => day >= opens);
};

export type ReminderPhase = "soon" | "overdue";

/**
 * The reminder a due date calls for today, if any: "soon" from 7 days before it until the day before,
 * "overdue" from the day after it for a week. Sent once per phase (the outbox row's id says which).
 */
export const reminderPhase = (dueOn: string, today: string): ReminderPhase | null => {
  if (today >= addDays(dueOn, -REMINDER_DAYS_BEFORE) && today < dueOn) return "soon";
  if (today > dueOn && today <= addDays(dueOn, REMINDER_GRACE_DAYS)) return "overdue";
  return null;
};
