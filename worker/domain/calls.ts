// Rules about calls that do not need the database: status at a given instant, days left, and the
// honest estimate of the time an application takes.
import type { CallStatus } from "../../schema/enums";

export const MAX_QUESTIONS = 5;

/**
 * The stored deadline of a rolling (rapid-response) call: far enough that it never passes, so open-call
 * queries need no special case. Never shown: the API reads it as null.
 */
export const ROLLING_DEADLINE = "9999-12-31T23:59:59.999Z";

/** A passed deadline closes the call at read time, whether or not the cron has run yet; null is rolling. */
export const effectiveStatus = (
  call: { status: CallStatus; deadline: string | null },
  now: Date,
): CallStatus =>
  call.status === "open" && call.deadline !== null && Date.parse(call.deadline) <= now.getTime()
    ? "closed"
    : call.status;

export const isOpen = (call: { status: CallStatus; deadline: string | null }, now: Date) =>
  effectiveStatus(call, now) === "open";

/** Whole days left before the deadline (0 in its last 24 hours); null once it has passed. */
export const daysLeft = (deadline: string, now: Date) => {
  const ms = Date.parse(deadline) - now.getTime();
  return ms <= 0 ? null : Math.floor(ms / 86_400_000);
};

/**
 * Minutes an application takes, as a range. Assumptions (kept deliberately plain so funders can check
 * them): checking the pre-filled profile and typing the amount takes PROFILE_MINUTES; people compose a
 * considered answer at about CHARS_PER_MINUTE characters a minute on a phone, thinking included; the low
 * end assumes answers half as long as allowed, the high end answers at the limit. Rounded to 5 minutes.
 */
export const PROFILE_MINUTES = 3;
export const CHARS_PER_MINUTE = 60;

export const applicationMinutes = (questions: { maxChars: number }[]) => {
  const writing = questions.reduce((m, q) => m + q.maxChars / CHARS_PER_MINUTE, 0);
  const round5 = (m: number) => Math.max(5, Math.round(m / 5) * 5);
  return { low: round5(PROFILE_MINUTES + writing / 2), high: round5(PROFILE_MINUTES + writing) };
};
